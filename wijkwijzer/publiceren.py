"""A new page created live, for bulk work (an import) where Wagtail's two steps cost most of
the time.

Wagtail creates a page and then publishes it: `add_child` saves and validates it, then
`save_revision()` saves it again, and `revision.publish()` rebuilds the page from the
revision's JSON, validates it again, reads the old row to see whether the slug changed and
saves it a third time (about 50 queries for a page with a few relations). For a page that did
not exist, the end state is known in advance, so `live_toevoegen` writes it with one
validated save and leaves what Wagtail's steps leave: a live page whose live and latest
revision hold its content, the "created" and "published" log entries, and the
`page_published` signal, so whatever listens (search, page cache, follower notices) runs as
for any publication. Changing an existing page still goes through Wagtail's own publishing
(workflows, scheduled revisions, aliases and comments only matter there)."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.signals import page_published


def live_toevoegen(ouder: Page, pagina: Page) -> Revision:
    """Add the unsaved `pagina` (its relations set in memory) under `ouder`, published now.
    Validation errors are raised as by `add_child` and leave nothing behind."""
    if pagina.go_live_at and pagina.go_live_at > timezone.now():
        raise ValueError("live_toevoegen publishes now; a page for later needs Wagtail's route")
    nu = timezone.now()
    pagina.live = True
    pagina.has_unpublished_changes = False
    pagina.first_published_at = pagina.last_published_at = nu
    pagina.latest_revision_created_at = nu
    pagina.draft_title = pagina.title
    with transaction.atomic():
        # A live page is validated in full by Page.save, and its relations saved with it.
        ouder.add_child(instance=pagina)
        revisie = Revision.objects.create(
            content_object=pagina,
            base_content_type=pagina.get_base_content_type(),
            content=pagina.serializable_data(),
            object_str=str(pagina),
            created_at=nu,
        )
        # update() sends no post_save: the page's own save above already did.
        Page.objects.filter(pk=pagina.pk).update(latest_revision=revisie, live_revision=revisie)
        pagina.latest_revision = pagina.live_revision = revisie
        log(instance=pagina, action="wagtail.publish", revision=revisie, content_changed=True)
        page_published.send(sender=type(pagina), instance=pagina, revision=revisie)
    return revisie
