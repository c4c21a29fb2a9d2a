"""The guided form's steps: what each asks, its help in plain Dutch, and which answers are
needed before the example can go to the editors. The order is the order of the sections on
the published example (kennisbank.models.SECTIES)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from kennisbank.inzendingen.models import Inzending


@dataclass(frozen=True)
class Stap:
    slug: str
    titel: str
    uitleg: str
    velden: tuple[str, ...]
    verplicht: tuple[str, ...]

    @property
    def nummer(self) -> int:
        return STAPPEN.index(self) + 1


STAPPEN = [
    Stap(
        "probleem",
        _("Het probleem en het gebied"),
        _(
            "Begin bij wat er speelde. Wat ging er mis in de wijk, en bij wie? "
            "Schrijf het zo dat iemand uit een andere gemeente het snapt."
        ),
        ("titel", "samenvatting", "probleem", "themas", "focusgebied", "gemeente"),
        ("titel", "samenvatting", "probleem", "themas"),
    ),
    Stap(
        "doel",
        _("Doel en doelgroep"),
        _("Wat wilde je bereiken, en voor wie? Noem geen namen van bewoners."),
        ("doel", "doelgroepen", "doelgroep"),
        ("doel", "doelgroepen"),
    ),
    Stap(
        "aanpak",
        _("Aanpak en werkzame elementen"),
        _(
            "Wat deed je, stap voor stap? En wat maakt dat het werkt: wat mag een ander "
            "niet weglaten als die het overneemt?"
        ),
        ("aanpak", "werkzame_elementen"),
        ("aanpak", "werkzame_elementen"),
    ),
    Stap(
        "randvoorwaarden",
        _("Randvoorwaarden en overdraagbaarheid"),
        _(
            "Wat moest er geregeld zijn voordat je kon beginnen (mensen, geld, partners)? "
            "En kan een andere wijk dit ook, of alleen onder voorwaarden?"
        ),
        ("randvoorwaarden", "overdraagbaarheid"),
        ("randvoorwaarden",),
    ),
    Stap(
        "resultaten",
        _("Resultaten en evaluatie"),
        _(
            "Wat is er bereikt? Geef cijfers als je ze hebt. Is de aanpak onderzocht of "
            "geëvalueerd, en door wie? En wat zou je een volgende keer anders doen?"
        ),
        ("resultaten", "evaluatie", "bereik_effect", "lessen"),
        ("resultaten",),
    ),
    Stap(
        "kosten",
        _("Kosten en tijdsbesteding"),
        _(
            "Een schatting is goed. Lezers willen weten of ze dit kunnen betalen en hoeveel "
            "uren het vraagt. Weet je het niet, laat het dan leeg."
        ),
        ("kosten_band", "kosten_eenheid", "kosten_toelichting", "tijdsbesteding"),
        (),
    ),
    Stap(
        "contact",
        _("Contactorganisatie en bronnen"),
        _(
            "Voor welke organisatie schrijf je dit? Die organisatie staat als contact bij het "
            "voorbeeld. Je eigen naam en e-mailadres komen er niet op."
        ),
        ("organisatie", "contact_url", "bronnen"),
        ("organisatie",),
    ),
]
STAP = {stap.slug: stap for stap in STAPPEN}


def _ingevuld(inzending: Inzending, veld: str) -> bool:
    if veld in ("themas", "doelgroepen"):
        return getattr(inzending, veld).exists()
    return bool(getattr(inzending, veld))


def ontbreekt(inzending: Inzending) -> list[tuple[Stap, list[str]]]:
    """Per step, the labels of needed answers that are still empty."""
    ontbrekend = []
    for stap in STAPPEN:
        leeg = [
            str(Inzending._meta.get_field(veld).verbose_name)
            for veld in stap.verplicht
            if not _ingevuld(inzending, veld)
        ]
        if leeg:
            ontbrekend.append((stap, leeg))
    return ontbrekend
