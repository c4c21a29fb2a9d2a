from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")

    def ready(self) -> None:
        from gebieden.sections import AreaSection, register_area_section
        from kennisbank.selectors import kennis_uit_gebied

        register_area_section(
            AreaSection(
                "kennis",
                _("Kennis uit dit gebied"),
                _("Er zijn nog geen praktijkvoorbeelden uit dit gebied."),
                template="kennisbank/includes/gebied_kennis.html",
                items=kennis_uit_gebied,
            )
        )
