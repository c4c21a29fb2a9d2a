"""Writing many pages at once (an import): the indexes kept beside the content are brought up
to date once, at the end, instead of after every save.

Wagtail keeps two of them on every save: its search index, which the admin's page search
reads (WAGTAILSEARCH_BACKENDS), and its reference index, which the admin's "usage" pages read.
Both are needed, so neither is switched off; a page saved three times while it is created and
published is indexed once. Apps defer their own indexes through `haken.BULKVERWERKING`: a
function returning a context manager (search registers its index so). The anonymous page
cache is made stale once, at the very end."""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_save
from modelsearch import signal_handlers as wagtail_zoekindex
from modelsearch.backends import get_search_backends
from modelsearch.index import get_indexed_models
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from wijkwijzer import haken, paginacache

# Rows per query and per index write at the end.
BLOK = 500

Bijgehouden = dict[type[Model], dict[int, None]]


@contextmanager
def bulkverwerking() -> Iterator[None]:
    """Everything saved inside the block is indexed when it ends, also when it ends in an
    error, so what was saved is found. After a killed process, `manage.py update_index`
    (Wagtail's) and `search_index --rebuild` (the site's) catch up."""
    zoekindex: Bijgehouden = defaultdict(dict)
    verwijzingen: Bijgehouden = defaultdict(dict)
    zoekmodellen = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]

    def onthouden(sender: type[Model], instance: Model, raw: bool = False, **kwargs) -> None:
        if raw:
            return
        if sender in zoekmodellen:
            zoekindex[sender][instance.pk] = None
        if ReferenceIndex.is_indexed(sender):
            verwijzingen[sender][instance.pk] = None

    for model in zoekmodellen:
        post_save.disconnect(wagtail_zoekindex.post_save_signal_handler, sender=model)
    post_save.connect(onthouden, dispatch_uid="wijkwijzer_bulkverwerking")
    try:
        with ExitStack() as stack:
            # Entered first, so left last: the cached pages go stale after the indexes the
            # hooks hold back are written, or a search in between would be cached stale.
            stack.enter_context(paginacache.uitstel.actief())
            stack.enter_context(disable_reference_index_auto_update())
            for uitstel in haken.BULKVERWERKING.alle():
                stack.enter_context(uitstel())
            yield
    finally:
        post_save.disconnect(onthouden, dispatch_uid="wijkwijzer_bulkverwerking")
        for model in zoekmodellen:
            post_save.connect(wagtail_zoekindex.post_save_signal_handler, sender=model)
        for model, objecten in _gelezen(zoekindex, indexeerbaar=True):
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objecten)
        for _, objecten in _gelezen(verwijzingen):
            # One transaction a block instead of two an object.
            with transaction.atomic():
                for instance in objecten:
                    ReferenceIndex.create_or_update_for_object(instance)


def _gelezen(
    per_model: Bijgehouden, *, indexeerbaar: bool = False
) -> Iterator[tuple[type[Model], list[Model]]]:
    """The rows as the database holds them now: a save whose transaction was undone left
    nothing to index."""
    for model, uniek in per_model.items():
        pks = list(uniek)
        rijen = model.get_indexed_objects() if indexeerbaar else model._default_manager.all()
        for begin in range(0, len(pks), BLOK):
            yield model, list(rijen.filter(pk__in=pks[begin : begin + BLOK]))
