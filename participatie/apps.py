from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = _("Participatie")

    def ready(self) -> None:
        from django.db import transaction
        from wagtail.signals import page_published

        from gebieden.sections import AreaSection, register_area_page_type, register_area_section
        from participatie.meldingen import nieuw_proces_melden
        from participatie.models import ParticipatieprocesPage
        from participatie.selectors import processen_in_gebied

        # However a process first goes live (editor, schedule, workflow), the followers of
        # its area hear of it once.
        page_published.connect(
            lambda sender, instance, **kwargs: transaction.on_commit(
                lambda: nieuw_proces_melden(instance)
            ),
            sender=ParticipatieprocesPage,
            weak=False,
            dispatch_uid="participatie_nieuw_proces",
        )

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
