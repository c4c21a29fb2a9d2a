from collections import defaultdict
from typing import Any

from django.db.models import QuerySet

from kennisbank.inzendingen.models import Inzending, Opmerking
from kennisbank.inzendingen.stappen import STAPPEN
from kennisbank.models import SECTIES
from wijkwijzer.models import User


def mijn_inzendingen(gebruiker: User) -> QuerySet[Inzending]:
    return Inzending.objects.filter(auteur=gebruiker).select_related("organisatie", "pagina")


def gedeeld_met_mij(gebruiker: User) -> QuerySet[Inzending]:
    """Drafts colleagues in my organisations share with me."""
    return (
        Inzending.objects.filter(gedeeld=True, organisatie__leden__gebruiker=gebruiker)
        .exclude(auteur=gebruiker)
        .select_related("organisatie", "auteur")
        .distinct()
    )


def opmerkingen_per_sectie(
    inzending: Inzending, *, alleen_laatste: bool
) -> dict[str, list[Opmerking]]:
    """The editors' comments by step slug: of the round that returned it last, or of all."""
    opmerkingen = Opmerking.objects.filter(inzending=inzending)
    if alleen_laatste:
        opmerkingen = opmerkingen.filter(ronde=inzending.ronde)
    per_sectie: dict[str, list[Opmerking]] = defaultdict(list)
    for opmerking in opmerkingen:
        per_sectie[opmerking.sectie].append(opmerking)
    return dict(per_sectie)


def inzending_secties(inzending: Inzending) -> list[dict[str, Any]]:
    """Each step with its answers as (label, value, is Markdown) for reading back, and the
    editors' comments of every round."""
    opmerkingen = opmerkingen_per_sectie(inzending, alleen_laatste=False)
    secties = []
    for stap in STAPPEN:
        antwoorden = []
        for veld in stap.velden:
            label = Inzending._meta.get_field(veld).verbose_name  # type: ignore[union-attr]
            if veld in ("themas", "doelgroepen"):
                waarde = ", ".join(str(x) for x in getattr(inzending, veld).all())
            elif hasattr(inzending, f"get_{veld}_display"):
                waarde = getattr(inzending, f"get_{veld}_display")()
            else:
                waarde = getattr(inzending, veld) or ""
            # The sections are Markdown, shown as they will read on the published example.
            antwoorden.append((label, str(waarde), veld in SECTIES))
        secties.append(
            {"stap": stap, "antwoorden": antwoorden, "opmerkingen": opmerkingen.get(stap.slug, [])}
        )
    return secties
