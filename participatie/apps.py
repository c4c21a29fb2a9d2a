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
        from participatie.selectors import besluiten_van, processen_in_gebied
        from participatie.services import resultaat_gepubliceerd

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
        register_area_section(
            AreaSection(
                "participatie",
                _("Meepraten over dit gebied"),
                _("Er lopen nu geen participatieprocessen in dit gebied."),
                template="participatie/includes/processen.html",
                items=processen_in_gebied,
            )
        )
