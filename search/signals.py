"""Indexing follows content: publish, unpublish, delete, move and view restrictions update
the index once the change is committed, together with the non-page items that follow a page
(registry.afhankelijk_van); saving or deleting such an item updates it too."""

from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import services
from search.models import Synoniem
from search.registry import afhankelijk_van, soorten


def _after_commit(*instances: Model) -> None:
    transaction.on_commit(lambda: services.bijwerken(*instances))


def _page_changed(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    page = instance.specific
    _after_commit(page, *afhankelijk_van(page))


def _deleted(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        _after_commit(instance)


def _subtree_changed(page: Page) -> None:
    """A move or a view restriction changes the URL or the visibility of a whole subtree."""
    descendants = list(page.get_descendants(inclusive=True).specific())
    _after_commit(*descendants, *(item for d in descendants for item in afhankelijk_van(d)))


def _moved(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    _subtree_changed(instance)


def _restriction_changed(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    _subtree_changed(instance.page)


def _item_changed(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    _after_commit(instance)


def _synonyms_changed(sender: type[Model], **kwargs: Any) -> None:
    services.synoniemen_bijwerken()


def connect() -> None:
    page_published.connect(_page_changed, dispatch_uid="search_published")
    page_unpublished.connect(_page_changed, dispatch_uid="search_unpublished")
    post_delete.connect(_deleted, dispatch_uid="search_deleted")
    post_page_move.connect(_moved, dispatch_uid="search_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed, sender=PageViewRestriction, dispatch_uid=f"search_vr_{signal}"
        )
        signal.connect(_synonyms_changed, sender=Synoniem, dispatch_uid=f"search_syn_{signal}")
        for soort in soorten():
            if not issubclass(soort.model, Page):
                signal.connect(
                    _item_changed,
                    sender=soort.model,
                    dispatch_uid=f"search_item_{soort.type}_{signal}",
                )
