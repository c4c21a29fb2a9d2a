from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InzendingenConfig(AppConfig):
    """Practice examples written by professionals through a guided form, reviewed by the
    editors and published with the contributor's organisation credited. Its own app so the
    contribution workflow (models, state machine, review screens) stays together; it depends
    on the kennisbank, never the other way round."""

    name = "kennisbank.inzendingen"
    label = "inzendingen"
    verbose_name = _("Inzendingen praktijkvoorbeelden")
