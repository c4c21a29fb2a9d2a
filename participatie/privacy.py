"""Personal data in participation (see wijkwijzer.privacy)."""

from participatie.models import Inbreng, Reactie, Steun, Vragenlijstantwoord
from wijkwijzer.models import User


def gegevens(user: User) -> dict:
    return {
        "inbreng": [
            {
                "titel": inbreng.titel,
                "tekst": inbreng.tekst,
                "soort": inbreng.get_soort_display(),
                "plek": inbreng.plek,
                "naam_die_anderen_zien": inbreng.pseudoniem,
                "bewoner": inbreng.bewoner,
                "geschreven_op": inbreng.aangemaakt_op.isoformat(),
                "status": inbreng.get_status_display(),
                "antwoord": inbreng.antwoord,
                "adres": inbreng.url,
            }
            for inbreng in Inbreng.objects.filter(auteur=user).select_related("proces")
        ],
        "reacties": [
            {
                "tekst": reactie.tekst,
                "bij": reactie.inbreng.titel,
                "naam_die_anderen_zien": reactie.pseudoniem,
                "geschreven_op": reactie.aangemaakt_op.isoformat(),
            }
            for reactie in Reactie.objects.filter(auteur=user).select_related("inbreng")
        ],
        "steun": [
            steun.inbreng.titel
            for steun in Steun.objects.filter(gebruiker=user).select_related("inbreng")
        ],
        "vragenlijsten": [
            {"vraag": antwoord.vraag.vraag, "antwoord": antwoord.waarde}
            for antwoord in Vragenlijstantwoord.objects.filter(
                inzending__gebruiker=user
            ).select_related("vraag")
        ],
    }


def verwijderen(user: User, *, bewaren: bool) -> None:
    """With `bewaren`, contributions and replies stay as "verwijderde deelnemer" (so the
    answers to them keep their context); otherwise they go, photos included. Support is
    removed either way; survey answers stay, counted without a person."""
    Steun.objects.filter(gebruiker=user).delete()
    if bewaren:
        for model in (Inbreng, Reactie):
            model.objects.filter(auteur=user).update(auteur=None, pseudoniem="")
        return
    for inbreng in Inbreng.objects.filter(auteur=user).exclude(afbeelding=""):
        inbreng.afbeelding.delete(save=False)
    Inbreng.objects.filter(auteur=user).delete()
    Reactie.objects.filter(auteur=user).delete()
