"""Personal data in the kennisbank (see wijkwijzer.privacy); it goes with the account."""

from kennisbank.models import Aanmelding, Lidmaatschap, Volg, Volgsoort, Vraag
from wijkwijzer.models import User


def gegevens(user: User) -> dict:
    return {
        "vragen_aan_de_vraagbaak": [
            {
                "vraag": vraag.vraag,
                "toelichting": vraag.toelichting,
                "status": vraag.get_status_display(),
                "mag_openbaar": vraag.toestemming_publicatie,
                "antwoord": vraag.antwoord,
            }
            for vraag in Vraag.objects.filter(vrager=user)
        ],
        "aanmeldingen": [
            {"evenement": a.evenement.title, "status": a.get_status_display()}
            for a in Aanmelding.objects.filter(deelnemer=user).select_related("evenement")
        ],
        "leerkringen": [
            {"leerkring": lid.leerkring.title, "status": lid.get_status_display()}
            for lid in Lidmaatschap.objects.filter(deelnemer=user).select_related("leerkring")
        ],
    }


def verwijderen(user: User, *, bewaren: bool) -> None:
    """Others stop following this person as an author; their own follows go with the
    account."""
    Volg.objects.filter(soort=Volgsoort.AUTEUR, waarde=str(user.pk)).delete()
