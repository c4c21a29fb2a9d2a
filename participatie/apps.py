from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipatieConfig(AppConfig):
    name = "participatie"
    verbose_name = _("Participatie")

    def ready(self) -> None:
        from django.db import transaction
        from wagtail.signals import page_published

        from participatie.meldingen import nieuw_proces_melden
        from participatie.models import ParticipatieprocesPage, ResultaatPage
        from participatie.services import resultaat_gepubliceerd
        from participatie.urls import proces_urlpatterns

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

        page_published.connect(
            lambda sender, instance, **kwargs: transaction.on_commit(
                lambda: resultaat_gepubliceerd(instance)
            ),
            sender=ResultaatPage,
            weak=False,
            dispatch_uid="participatie_resultaat",
        )
        # The process page's routes lead to views, which import the models; so they are
        # handed to the page here instead of the model importing the views.
        ParticipatieprocesPage.subpage_urls = proces_urlpatterns
