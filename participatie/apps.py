from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = _("Participatie")

    def ready(self) -> None:
        from django.db import transaction
        from wagtail.signals import page_published

        from gebieden.sections import (
            AreaSection,
            register_area_page_type,
            register_area_section,
            register_meeting_section,
        )
        from participatie.meldingen import nieuw_proces_melden
        from participatie.models import ParticipatieprocesPage, ResultaatPage
        from participatie.selectors import (
            besluiten_van,
            processen_die_sluiten,
            processen_in_gebied,
            uitvoering_kaart,
        )
        from participatie.services import resultaat_gepubliceerd
        from wijkwijzer.sections import Section, home_sections

        # However a process first goes live (editor, schedule, workflow), the followers of
        # its area hear of it once.
        page_published.connect(
            lambda sender, instance, **kwargs: transaction.on_commit(
                lambda: nieuw_proces_melden(instance)
            ),
            sender=ParticipatieprocesPage,
            weak=False,
            dispatch_uid="participatie_nieuw_proces",
        )

        page_published.connect(
            lambda sender, instance, **kwargs: transaction.on_commit(
                lambda: resultaat_gepubliceerd(instance)
            ),
            sender=ResultaatPage,
            weak=False,
            dispatch_uid="participatie_resultaat",
        )
        _paginacache_bereik()
        register_area_page_type("participatie.ParticipatieprocesPage")
        register_meeting_section(
            AreaSection(
                "besluiten",
                _("Besluiten over inbreng van bewoners"),
                "",
                template="participatie/includes/besluiten.html",
                items=besluiten_van,
            )
        )
        home_sections.register(
            Section(
                "meepraten",
                _("Meepraten: nu open"),
                _("Er is op dit moment geen plan waarover je je inbreng kunt geven."),
                template="participatie/includes/processen.html",
                items=lambda home: processen_die_sluiten(),
                order=10,
            )
        )
        register_area_section(
            AreaSection(
                "participatie",
                _("Meepraten over dit gebied"),
                _("Er lopen nu geen participatieprocessen in dit gebied."),
                template="participatie/includes/processen.html",
                items=processen_in_gebied,
                lead=True,
            )
        )
        register_area_section(
            AreaSection(
                "kaart",
                _("Op de kaart"),
                _("Dit gebied heeft nog geen grens op de kaart."),
                template="participatie/includes/uitvoering_kaart.html",
                items=uitvoering_kaart,
                lead=True,
            )
        )


def _paginacache_bereik() -> None:
    """What a participation row makes stale in the anonymous page cache: its area's pages and
    search, not the whole site, so a campaign evening keeps the kennisbank cached. Rows that
    no page shows make nothing stale."""
    from participatie import models
    from wijkwijzer import paginacache

    def van_proces(proces) -> list[str]:
        # /home/gebieden/<area>/<process>/: the process lives under its area.
        gebied = proces.url_path.strip("/").split("/")[-2]
        return [paginacache.gebied(gebied), paginacache.ZOEKEN]

    via = {
        models.Inbreng: lambda rij: van_proces(rij.proces),
        models.Reactie: lambda rij: van_proces(rij.inbreng.proces),
        models.Vragenlijstinzending: lambda rij: van_proces(rij.proces),
        models.Vragenlijstantwoord: lambda rij: van_proces(rij.inzending.proces),
        models.Steun: lambda rij: van_proces(rij.inbreng.proces),
        models.Statuswijziging: lambda rij: van_proces(rij.inbreng.proces),
        models.Moderatiebesluit: lambda rij: van_proces(
            (rij.inbreng or rij.reactie.inbreng).proces
        ),
    }
    for model, bereik in via.items():
        paginacache.register_bereik(model, bereik)
    onzichtbaar = (
        models.Melding,
        models.Bevestiging,
        models.Meldingvoorkeur,
        models.Gebiedvolger,
        models.Bericht,
        models.Aankondiging,
        models.ResultaatAankondiging,
    )
    for model in onzichtbaar:
        paginacache.register_bereik(model, lambda rij: [])
