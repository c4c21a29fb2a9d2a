"""Personal data in the contribution workflow (see wijkwijzer.privacy). Drafts and
submissions go with the account by their foreign key; a published example stays, credited to
its organisation, without the writer's name (PraktijkvoorbeeldPage.auteur is set to null)."""

from kennisbank.inzendingen.models import Inzending, Organisatielid
from wijkwijzer.models import User


def gegevens(user: User) -> dict:
    return {
        "organisaties": [
            lid.organisatie.naam
            for lid in Organisatielid.objects.filter(gebruiker=user).select_related("organisatie")
        ],
        "praktijkvoorbeelden": [
            {
                "titel": inzending.titel,
                "status": inzending.get_status_display(),
                "organisatie": inzending.organisatie.naam if inzending.organisatie else None,
                "gedeeld_met_organisatie": inzending.gedeeld,
                "aangemaakt_op": inzending.aangemaakt_op.isoformat(),
                "tekst": {
                    veld.name: getattr(inzending, veld.name)
                    for veld in Inzending._meta.concrete_fields
                    if veld.get_internal_type() == "TextField" and getattr(inzending, veld.name)
                },
            }
            for inzending in Inzending.objects.filter(auteur=user).select_related("organisatie")
        ],
    }
