"""What e-mail notifications across the platform share: the rhythms people choose from, which
pending items a digest run takes along, and the one-click unsubscribe headers. The apps keep
their own kinds, preferences and digests (participatie.meldingen, kennisbank.meldingen)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequentie(models.TextChoices):
    DIRECT = "direct", _("Meteen")
    DAGELIJKS = "dagelijks", _("Eén e-mail per dag")
    WEKELIJKS = "wekelijks", _("Eén e-mail per week")
    NOOIT = "nooit", _("Nooit")


# Which pending items a digest run sends: its own frequency, plus anything left waiting by
# someone who switched to "at once" since.
MEE_IN = {
    Frequentie.DAGELIJKS: {Frequentie.DAGELIJKS, Frequentie.DIRECT},
    Frequentie.WEKELIJKS: {Frequentie.WEKELIJKS},
}


def afmeld_headers(url: str) -> dict[str, str]:
    """One-click unsubscribe from the mail program itself (RFC 8058)."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
