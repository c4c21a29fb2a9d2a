from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = _("Participatie")

    def ready(self) -> None:
        from gebieden.sections import AreaSection, register_area_page_type, register_area_section
        from participatie.selectors import processen_in_gebied

        register_area_page_type("participatie.ParticipatieprocesPage")
        register_area_section(
            AreaSection(
                "participatie",
                _("Meepraten over dit gebied"),
                _("Er lopen nu geen participatieprocessen in dit gebied."),
                template="participatie/includes/processen.html",
                items=processen_in_gebied,
            )
        )
