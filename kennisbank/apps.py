from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    name = "kennisbank"
    verbose_name = _("Kennisbank")

    def ready(self) -> None:
        from django.db import transaction
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published

        from kennisbank.meldingen import VOLGBAAR, nieuw_gepubliceerd
        from kennisbank.models import PublicatiePage
        from kennisbank.services.leerkringen import ensure_ledencollectie
        from kennisbank.services.publicaties import extract_document_texts

        post_migrate.connect(
            lambda **kwargs: ensure_ledencollectie(),
            sender=self,
            weak=False,
            dispatch_uid="kennisbank_ledencollectie",
        )

        # Every way a publication goes live (editor, review approval, schedule, import) ends
        # in page_published; the text of its PDFs is read then.
        page_published.connect(
            lambda sender, instance, **kwargs: extract_document_texts(instance),
            sender=PublicatiePage,
            weak=False,
            dispatch_uid="kennisbank_extract_publication_texts",
        )

        # However a page first goes live (contribution approved, editor, schedule, import),
        # the people following what it is about hear of it once.
        for model in VOLGBAAR:
            page_published.connect(
                lambda sender, instance, **kwargs: transaction.on_commit(
                    lambda: nieuw_gepubliceerd(instance)
                ),
                sender=model,
                weak=False,
                dispatch_uid=f"kennisbank_volgmelding_{model.__name__}",
            )
