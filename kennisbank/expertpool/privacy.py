"""Personal data in the Expertpool (see wijkwijzer.privacy); requests go with the account."""

from kennisbank.expertpool.models import Ondersteuningsaanvraag
from wijkwijzer.models import User


def gegevens(user: User) -> dict:
    return {
        "ondersteuningsaanvragen": [
            {
                "organisatie": aanvraag.organisatie,
                "vraag": aanvraag.vraag,
                "status": aanvraag.get_status_display(),
                "ingediend_op": aanvraag.ingediend_op.isoformat(),
            }
            for aanvraag in Ondersteuningsaanvraag.objects.filter(aanvrager=user)
        ]
    }
