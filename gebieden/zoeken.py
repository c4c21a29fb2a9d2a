"""What the search service indexes from gebieden: the focus areas (their public text, and
their postcodes, so a resident who types theirs finds the area)."""

from gebieden.models import FocusgebiedPage
from wijkwijzer.text import plain


def focusgebied(page: FocusgebiedPage) -> dict:
    return {
        "title": page.title,
        "summary": page.samenvatting or f"{page.gemeente}, {page.get_provincie_display()}",
        "body": " ".join(
            [
                page.gemeente,
                plain(page.beschrijving),
                plain(page.alliantie_beschrijving),
                *sorted(page.postcode_lijst),
            ]
        ),
        "url": page.url,
        "datum": page.last_published_at.date() if page.last_published_at else None,
        "gebied": [(page.slug, page.title)],
        "gemeente": page.gemeente,
    }


ZOEKBAAR = [
    {
        "type": "focusgebied",
        "label": "Focusgebied",
        "model": FocusgebiedPage,
        "items": lambda: FocusgebiedPage.objects.live().public(),
        "document": focusgebied,
        "woorden": ("focusgebieden", "focusgebied"),
    }
]
