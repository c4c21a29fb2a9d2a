from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertpoolConfig(AppConfig):
    """The Expertpool: expert profiles and support requests. Part of the kennisbank (DESIGN.md)
    but its own app, so its models, migrations and state machine stay together."""

    name = "kennisbank.expertpool"
    label = "expertpool"
    verbose_name = _("Expertpool")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from kennisbank.expertpool.services import ensure_fasen_en_regios

        post_migrate.connect(
            lambda **kwargs: ensure_fasen_en_regios(),
            sender=self,
            weak=False,
            dispatch_uid="expertpool_fasen_en_regios",
        )
