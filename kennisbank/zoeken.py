"""What the search service indexes from the kennisbank (read by search.registry). Only live,
public pages; a leerkring's members-only fields and private vraagbaak questions never."""

from gebieden.models import FocusgebiedPage
from kennisbank.models import (
    EvenementPage,
    LeerkringPage,
    PraktijkvoorbeeldPage,
    PublicatiePage,
    VraagPage,
)
from wijkwijzer.text import plain


def _themas(page) -> list[tuple[str, str]]:
    return [(thema.slug, thema.label) for thema in page.themas.all()]


def _gebied(area: FocusgebiedPage | None) -> list[tuple[str, str]]:
    return [(area.slug, area.title)] if area else []


def praktijkvoorbeeld(page: PraktijkvoorbeeldPage) -> dict:
    return {
        "title": page.title,
        "summary": page.samenvatting,
        "body": " ".join(
            plain(part)
            for part in (page.body, page.aanpak, page.resultaten, page.lessen, page.partners)
        ),
        "url": page.url,
        "datum": page.publicatiedatum,
        "thema": _themas(page),
        "gebied": _gebied(page.focusgebied),
        "actielijn": [(str(a.nummer), str(a)) for a in page.actielijnen.all()],
    }


def publicatie(page: PublicatiePage) -> dict:
    return {
        "title": page.title,
        "summary": page.samenvatting,
        "body": " ".join([plain(page.body), *(d.tekst for d in page.documenten.all())]),
        "url": page.url,
        "datum": page.publicatiedatum,
        "thema": _themas(page),
        "gebied": _gebied(page.focusgebied),
    }


def vraag(page: VraagPage) -> dict:
    return {
        "title": page.title,
        "summary": page.samenvatting,
        "body": plain(page.antwoord),
        "url": page.url,
        "datum": page.publicatiedatum,
        "thema": _themas(page),
        "gebied": _gebied(page.focusgebied),
    }


def leerkring(page: LeerkringPage) -> dict:
    return {
        "title": page.title,
        "summary": page.samenvatting,
        "body": " ".join(
            [
                plain(page.doel),
                page.facilitator,
                *(plain(b.verslag) for b in page.bijeenkomsten.all()),
            ]
        ),
        "url": page.url,
        "datum": page.last_published_at.date() if page.last_published_at else None,
        "thema": _themas(page),
    }


def evenement(page: EvenementPage) -> dict:
    return {
        "title": page.title,
        "summary": page.samenvatting,
        "body": " ".join([plain(page.beschrijving), plain(page.verslag), page.locatie]),
        "url": page.url,
        "datum": page.begin.date(),
        "thema": _themas(page),
    }


def _live(model, *related: str):
    return lambda: model.objects.live().public().prefetch_related(*related)


ZOEKBAAR = [
    {
        "type": "praktijkvoorbeeld",
        "label": "Praktijkvoorbeeld",
        "model": PraktijkvoorbeeldPage,
        "items": lambda: (
            PraktijkvoorbeeldPage.objects.live()
            .public()
            .select_related("focusgebied")
            .prefetch_related("themas", "actielijnen")
        ),
        "document": praktijkvoorbeeld,
    },
    {
        "type": "publicatie",
        "label": "Publicatie",
        "model": PublicatiePage,
        "items": lambda: (
            PublicatiePage.objects.live()
            .public()
            .select_related("focusgebied")
            .prefetch_related("themas", "documenten")
        ),
        "document": publicatie,
    },
    {
        "type": "vraag",
        "label": "Vraag en antwoord",
        "model": VraagPage,
        "items": lambda: (
            VraagPage.objects.live()
            .public()
            .select_related("focusgebied")
            .prefetch_related("themas")
        ),
        "document": vraag,
    },
    {
        "type": "leerkring",
        "label": "Leerkring",
        "model": LeerkringPage,
        "items": _live(LeerkringPage, "themas", "bijeenkomsten"),
        "document": leerkring,
    },
    {
        "type": "evenement",
        "label": "Evenement",
        "model": EvenementPage,
        "items": _live(EvenementPage, "themas"),
        "document": evenement,
    },
]
