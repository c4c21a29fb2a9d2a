from django.apps import AppConfig
from django.db.models.signals import post_migrate
from wagtail.users.apps import WagtailUsersAppConfig


class WijkwijzerConfig(AppConfig):
    name = "wijkwijzer"
    verbose_name = "WijkWijzer"

    def ready(self) -> None:
        from wijkwijzer.roles import ensure_roles_after_migrate

        post_migrate.connect(ensure_roles_after_migrate, sender=self)


class WijkwijzerUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the public display name on the user forms."""

    user_viewset = "wijkwijzer.viewsets.UserViewSet"
