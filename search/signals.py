"""Indexing follows content: publish, unpublish, delete, move and view restrictions update
the index once the change is committed."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import services
from search.models import Synoniem


def _after_commit(function, instance) -> None:
    transaction.on_commit(partial(function, instance))


def _published(sender, instance, **kwargs) -> None:
    _after_commit(services.bijwerken, instance.specific)


def _unpublished(sender, instance, **kwargs) -> None:
    _after_commit(services.bijwerken, instance.specific)


def _deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        _after_commit(services.bijwerken, instance)


def _subtree_changed(page: Page) -> None:
    """A move or a view restriction changes the URL or the visibility of a whole subtree."""
    for descendant in page.get_descendants(inclusive=True).specific():
        _after_commit(services.bijwerken, descendant)


def _moved(sender, instance, **kwargs) -> None:
    _subtree_changed(instance)


def _restriction_changed(sender, instance, **kwargs) -> None:
    _subtree_changed(instance.page)


def _synonyms_changed(sender, **kwargs) -> None:
    services.synoniemen_bijwerken()


def connect() -> None:
    page_published.connect(_published, dispatch_uid="search_published")
    page_unpublished.connect(_unpublished, dispatch_uid="search_unpublished")
    post_delete.connect(_deleted, dispatch_uid="search_deleted")
    post_page_move.connect(_moved, dispatch_uid="search_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed, sender=PageViewRestriction, dispatch_uid=f"search_vr_{signal}"
        )
        signal.connect(_synonyms_changed, sender=Synoniem, dispatch_uid=f"search_syn_{signal}")
