"""What the search service indexes from the kennisbank (read by search.registry). Only live,
public pages; a leerkring's members-only fields and private vraagbaak questions never."""

import datetime

from django.utils import timezone

from gebieden.models import FocusgebiedPage
from kennisbank.models import (
    SECTIES,
    EvenementPage,
    LeerkringPage,
    PraktijkvoorbeeldPage,
    PublicatiePage,
    SynthesePage,
    VraagPage,
)
from wijkwijzer.text import plain


def _themas(page) -> list[tuple[str, str]]:
    return [(thema.slug, thema.label) for thema in page.themas.all()]


def _gebied(area: FocusgebiedPage | None) -> list[tuple[str, str]]:
    return [(area.slug, area.title)] if area else []


def _gemeente(area: FocusgebiedPage | None, eigen: str = "") -> str:
    """The gemeente shown with a result: the item's own, else its focus area's."""
    return eigen or (area.gemeente if area else "")


def _document(page, body: list[str], datum, **extra) -> dict:
    """What every kennisbank page gives: title, summary, URL and themes; `body` is joined."""
    return {
        "title": page.title,
        "summary": page.samenvatting,
        "body": " ".join(body),
        "url": page.url,
        "datum": datum,
        "thema": _themas(page),
        **extra,
    }


def _published(page) -> datetime.date | None:
    return page.last_published_at.date() if page.last_published_at else None


def praktijkvoorbeeld(page: PraktijkvoorbeeldPage) -> dict:
    parts = (page.body, *(getattr(page, name) for name in SECTIES), page.partners)
    return _document(
        page,
        [plain(part) for part in parts],
        page.publicatiedatum,
        gebied=_gebied(page.focusgebied),
        gemeente=_gemeente(page.focusgebied, page.gemeente),
        actielijn=[(str(a.nummer), str(a)) for a in page.actielijnen.all()],
    )


def synthese(page: SynthesePage) -> dict:
    return _document(
        page,
        [plain(page.body), *(voorbeeld.title for voorbeeld in page.voorbeelden.all())],
        page.publicatiedatum,
    )


def publicatie(page: PublicatiePage) -> dict:
    return _document(
        page,
        [plain(page.body), *(d.tekst for d in page.documenten.all())],
        page.publicatiedatum,
        gebied=_gebied(page.focusgebied),
        gemeente=_gemeente(page.focusgebied),
    )


def vraag(page: VraagPage) -> dict:
    return _document(
        page,
        [plain(page.antwoord)],
        page.publicatiedatum,
        gebied=_gebied(page.focusgebied),
        gemeente=_gemeente(page.focusgebied),
    )


def leerkring(page: LeerkringPage) -> dict:
    verslagen = [plain(b.verslag) for b in page.bijeenkomsten.all()]
    return _document(page, [plain(page.doel), page.facilitator, *verslagen], _published(page))


def evenement(page: EvenementPage) -> dict:
    body = [plain(page.beschrijving), plain(page.verslag), page.locatie]
    # The day of the event where it takes place, not in UTC.
    return _document(page, body, timezone.localdate(page.begin))


def _live(model, *related: str, gebied: bool = False):
    """The public pages of `model`, with what their documents read loaded along."""

    def items():
        pages = model.objects.live().public().prefetch_related(*related)
        return pages.select_related("focusgebied") if gebied else pages

    return items


ZOEKBAAR = [
    {
        "type": "praktijkvoorbeeld",
        "label": "Praktijkvoorbeeld",
        "model": PraktijkvoorbeeldPage,
        "items": _live(PraktijkvoorbeeldPage, "themas", "actielijnen", gebied=True),
        "document": praktijkvoorbeeld,
        "woorden": ("praktijkvoorbeelden", "praktijkvoorbeeld", "voorbeelden"),
    },
    {
        "type": "synthese",
        "label": "Synthese",
        "model": SynthesePage,
        "items": _live(SynthesePage, "themas", "voorbeelden"),
        "document": synthese,
        "woorden": ("syntheses", "synthese"),
    },
    {
        "type": "publicatie",
        "label": "Publicatie",
        "model": PublicatiePage,
        "items": _live(PublicatiePage, "themas", "documenten", gebied=True),
        "document": publicatie,
        "woorden": ("publicaties", "publicatie"),
    },
    {
        "type": "vraag",
        "label": "Vraag en antwoord",
        "model": VraagPage,
        "items": _live(VraagPage, "themas", gebied=True),
        "document": vraag,
    },
    {
        "type": "leerkring",
        "label": "Leerkring",
        "model": LeerkringPage,
        "items": _live(LeerkringPage, "themas", "bijeenkomsten"),
        "document": leerkring,
        "woorden": ("leerkringen", "leerkring"),
    },
    {
        "type": "evenement",
        "label": "Evenement",
        "model": EvenementPage,
        "items": _live(EvenementPage, "themas"),
        "document": evenement,
        "woorden": ("evenementen", "evenement"),
    },
]
