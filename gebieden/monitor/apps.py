from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    """Zicht op Wijken: the kernindicatoren per focus area. Part of gebieden (the indicator
    definitions live there) but its own app, so figures, imports and charts stay together."""

    name = "gebieden.monitor"
    label = "monitor"
    verbose_name = _("Zicht op Wijken")
