from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from participatie import demo, models, privacy, zoeken
from participatie.selectors import (
    besluiten_van,
    gemodereerde_gebieden,
    processen_die_sluiten,
    processen_in_gebied,
    uitvoering_kaart,
)
from wijkwijzer import haken, paginacache
from wijkwijzer.sections import Section


class ModeratieMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return gemodereerde_gebieden(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_moderatie_menu_item():
    # The queue and the team's answers live on the site itself (under /participatie/beheer/,
    # MFA required like the admin), next to what residents see.
    return ModeratieMenuItem(
        _("Moderatie inbreng"),
        reverse("participatie:moderatie"),
        icon_name="warning",
        order=910,
    )


haken.HOME_SECTIE.registreer(
    Section(
        "meepraten",
        _("Meepraten: nu open"),
        _("Er is op dit moment geen plan waarover je je inbreng kunt geven."),
        template="participatie/includes/processen.html",
        items=lambda home: processen_die_sluiten(),
        order=10,
    )
)
haken.GEBIED_SECTIE.registreer(
    Section(
        "participatie",
        _("Meepraten over dit gebied"),
        _("Er lopen nu geen participatieprocessen in dit gebied."),
        template="participatie/includes/processen.html",
        items=processen_in_gebied,
        lead=True,
    )
)
haken.GEBIED_SECTIE.registreer(
    Section(
        "kaart",
        _("Op de kaart"),
        _("Dit gebied heeft nog geen grens op de kaart."),
        template="participatie/includes/uitvoering_kaart.html",
        items=uitvoering_kaart,
        lead=True,
    )
)
haken.OVERLEG_SECTIE.registreer(
    Section(
        "besluiten",
        _("Besluiten over inbreng van bewoners"),
        "",
        template="participatie/includes/besluiten.html",
        items=besluiten_van,
    )
)
haken.GEBIED_PAGINATYPE.registreer("participatie.ParticipatieprocesPage")


def _van_proces(proces: models.ParticipatieprocesPage) -> list[str]:
    # /home/gebieden/<area>/<process>/: the process lives under its area.
    gebied = proces.url_path.strip("/").split("/")[-2]
    return [paginacache.gebied(gebied), paginacache.ZOEKEN]


def _niets(rij: object) -> list[str]:
    return []


# What a participation row makes stale in the anonymous page cache: its area's pages and
# search, not the whole site, so a campaign evening keeps the kennisbank cached. Rows that no
# page shows make nothing stale.
haken.PAGINACACHE_BEREIK.registreer(
    {
        models.Inbreng: lambda rij: _van_proces(rij.proces),
        models.Reactie: lambda rij: _van_proces(rij.inbreng.proces),
        models.Vragenlijstinzending: lambda rij: _van_proces(rij.proces),
        models.Vragenlijstantwoord: lambda rij: _van_proces(rij.inzending.proces),
        models.Steun: lambda rij: _van_proces(rij.inbreng.proces),
        models.Statuswijziging: lambda rij: _van_proces(rij.inbreng.proces),
        models.Moderatiebesluit: lambda rij: _van_proces(
            (rij.inbreng or rij.reactie.inbreng).proces
        ),
        models.Melding: _niets,
        models.Bevestiging: _niets,
        models.Meldingvoorkeur: _niets,
        models.Gebiedvolger: _niets,
        models.Bericht: _niets,
        models.Aankondiging: _niets,
        models.ResultaatAankondiging: _niets,
    }
)
for _soort in zoeken.ZOEKBAAR:
    haken.ZOEKBAAR.registreer(_soort)
haken.DEMO.registreer(demo)
haken.PRIVACY.registreer(
    haken.Privacy("participatie", gegevens=privacy.gegevens, verwijderen=privacy.verwijderen)
)
