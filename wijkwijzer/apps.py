from django.apps import AppConfig
from django.db.models.signals import post_migrate
from wagtail.users.apps import WagtailUsersAppConfig


class WijkwijzerConfig(AppConfig):
    # This module holds two configs, so Django needs to be told which one "wijkwijzer" means.
    default = True
    name = "wijkwijzer"
    verbose_name = "WijkWijzer"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from wijkwijzer import paginacache
        from wijkwijzer.discovery import project_app_configs
        from wijkwijzer.downloads import wagtail_exports_beveiligen
        from wijkwijzer.models import SiteTeksten
        from wijkwijzer.roles import ensure_roles_after_migrate
        from wijkwijzer.selectors import site_teksten_vergeten

        post_migrate.connect(ensure_roles_after_migrate, sender=self)
        wagtail_exports_beveiligen()

        # Any change to content makes the anonymous page cache stale: pages going live,
        # offline or elsewhere, and every row of the project's own apps (contributions,
        # registrations, figures...), for the whole site unless the app narrowed it
        # (haken.PAGINACACHE_BEREIK). Broad on purpose: a missed case shows old content.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(paginacache.verlopen, dispatch_uid=f"paginacache_{id(signal)}")
        for config in project_app_configs():
            for model in config.get_models():
                for signal in (post_save, post_delete):
                    signal.connect(
                        paginacache.rij_gewijzigd,
                        sender=model,
                        dispatch_uid=f"paginacache_{model._meta.label}_{id(signal)}",
                    )
        post_save.connect(site_teksten_vergeten, sender=SiteTeksten, dispatch_uid="site_teksten")


class WijkwijzerUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the public display name on the user forms."""

    user_viewset = "wijkwijzer.viewsets.UserViewSet"
