from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    """Zicht op Wijken: the kernindicatoren per focus area. Part of gebieden (the indicator
    definitions live there) but its own app, so figures, imports and charts stay together."""

    name = "gebieden.monitor"
    label = "monitor"
    verbose_name = _("Zicht op Wijken")

    def ready(self) -> None:
        from gebieden.monitor.selectors import laatste_cijfers
        from gebieden.sections import AreaSection, register_area_section

        register_area_section(
            AreaSection(
                "indicatoren",
                _("Zicht op Wijken"),
                _("Er zijn nog geen cijfers voor dit gebied."),
                template="monitor/includes/gebied_sectie.html",
                items=laatste_cijfers,
            )
        )
