"""wijkwijzer.publiceren.live_toevoegen leaves what Wagtail's create-then-publish leaves."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageLogEntry, Revision
from wagtail.signals import page_published

from kennisbank.models import PraktijkvoorbeeldPage
from tests.factories import PraktijkvoorbeeldIndexPageFactory, ThemaFactory
from wijkwijzer.publiceren import live_toevoegen

pytestmark = pytest.mark.django_db


def nieuw(slug: str, themas) -> PraktijkvoorbeeldPage:
    page = PraktijkvoorbeeldPage(
        title=f"Buurtvaders {slug}",
        slug=slug,
        samenvatting="Vaders lopen 's avonds door de wijk.",
        publicatiedatum=datetime.date(2026, 1, 1),
    )
    page.themas.set(themas)
    return page


def toestand(page: PraktijkvoorbeeldPage) -> dict:
    page = PraktijkvoorbeeldPage.objects.get(pk=page.pk)
    revisie = page.live_revision
    inhoud = revisie.as_object()
    return {
        "live": page.live,
        "wijzigingen": page.has_unpublished_changes,
        "laatste is live": page.latest_revision_id == revisie.pk,
        "revisies": Revision.page_revisions.filter(object_id=str(page.pk)).count(),
        "gepubliceerd": page.first_published_at is not None
        and page.first_published_at == page.last_published_at,
        "concepttitel": page.draft_title == page.title,
        "themas": sorted(t.slug for t in page.themas.all()),
        "themas in revisie": sorted(t.slug for t in inhoud.themas.all()),
        "titel in revisie": inhoud.title == page.title,
        "log": sorted(
            PageLogEntry.objects.filter(page_id=page.pk).values_list("action", flat=True)
        ),
        "url": page.url_path.endswith(f"/{page.slug}/"),
    }


def test_the_same_state_as_wagtails_create_then_publish():
    index = PraktijkvoorbeeldIndexPageFactory()
    themas = [ThemaFactory(slug="jeugd"), ThemaFactory(slug="veiligheid")]
    gezonden = []

    def ontvangen(sender, instance, revision, **kwargs):
        gezonden.append((instance.slug, revision.pk))

    page_published.connect(ontvangen, dispatch_uid="test_publiceren")
    try:
        via_wagtail = nieuw("via-wagtail", themas)
        index.add_child(instance=via_wagtail)
        via_wagtail.save_revision().publish()
        revisie = live_toevoegen(index, nieuw("in-een-keer", themas))
    finally:
        page_published.disconnect(dispatch_uid="test_publiceren")

    snel = PraktijkvoorbeeldPage.objects.get(slug="in-een-keer")
    assert toestand(snel) == toestand(via_wagtail)
    assert toestand(snel)["themas in revisie"] == ["jeugd", "veiligheid"]
    assert gezonden[-1] == ("in-een-keer", revisie.pk) and len(gezonden) == 2


def test_an_invalid_page_is_refused_and_leaves_nothing():
    index = PraktijkvoorbeeldIndexPageFactory()
    live_toevoegen(index, nieuw("dubbel", []))
    revisies = Revision.objects.count()

    with pytest.raises(ValidationError):
        live_toevoegen(index, nieuw("dubbel", []))

    assert PraktijkvoorbeeldPage.objects.filter(slug="dubbel").count() == 1
    assert Revision.objects.count() == revisies
    index.refresh_from_db()
    assert index.numchild == 1
