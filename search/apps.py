"""Zoeken: one search service (Elasticsearch and embedded backends), views, API, indexing."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from kennisbank.selectors import register_meer_zoals_dit
        from search import services, signals

        signals.connect()
        register_meer_zoals_dit(services.vergelijkbaar)
        post_migrate.connect(
            lambda **kwargs: services.ensure_synoniemen(),
            sender=self,
            weak=False,
            dispatch_uid="search_synoniemen",
        )
