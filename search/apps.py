"""Zoeken: one search service (Elasticsearch and embedded backends), views, API, indexing."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from search import services, signals

        signals.connect()
        post_migrate.connect(
            lambda **kwargs: services.ensure_synoniemen(),
            sender=self,
            weak=False,
            dispatch_uid="search_synoniemen",
        )
