from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GebiedenConfig(AppConfig):
    name = "gebieden"
    verbose_name = _("Gebieden")

    def ready(self) -> None:
        from gebieden.sections import AreaSection, register_area_section

        # Placeholders until the participation, kennisbank and monitor apps register theirs.
        for section in (
            AreaSection(
                "participatie",
                _("Meepraten over dit gebied"),
                _("Er lopen nu geen participatieprocessen in dit gebied."),
            ),
            AreaSection(
                "kennis",
                _("Kennis uit dit gebied"),
                _("Er zijn nog geen praktijkvoorbeelden of publicaties uit dit gebied."),
            ),
            AreaSection(
                "indicatoren",
                _("Zicht op Wijken"),
                _("De kernindicatoren voor dit gebied worden nog toegevoegd."),
            ),
        ):
            register_area_section(section)

        from gebieden.selectors import postcode_zoeker
        from wijkwijzer.sections import Section, home_sections

        home_sections.register(
            Section(
                "postcode",
                _("Vind je gebied"),
                "",
                template="gebieden/includes/postcode_home.html",
                items=postcode_zoeker,
                order=0,
            )
        )
