"""What the search service indexes from participation: live, public processes and their
visible contributions (never ones waiting for confirmation or approval, nor hidden ones, and
never an e-mail address: only the pseudonym is part of a contribution's page)."""

from participatie.models import Inbreng, ParticipatieprocesPage
from participatie.overgangen import Zichtbaarheid
from wijkwijzer.markdown import render_markdown
from wijkwijzer.text import plain


def _gebied(page) -> list[tuple[str, str]]:
    return [(page.slug, page.title)] if page is not None else []


def proces(page: ParticipatieprocesPage) -> dict:
    gebied = page.get_parent()
    return {
        "title": page.title,
        "summary": page.samenvatting,
        "body": " ".join(
            [plain(str(block.value)) for block in page.plan if block.block_type == "tekst"]
            + [plain(page.wat_is_veranderd)]
        ),
        "url": page.url,
        "datum": page.last_published_at.date() if page.last_published_at else None,
        "gebied": _gebied(gebied),
    }


def _markdown(tekst: str) -> str:
    """A resident's Markdown as the page shows it, as text: no ** or link targets in the
    snippet, and a link's address is not a word to find it by."""
    return plain(render_markdown(tekst))


def inbreng(item: Inbreng) -> dict:
    # The kind (Idee, Vraag, ...) is in the body, not the summary: a summary of one word
    # that every idea shares made ideas "like" each other to the search's more-like-this
    # (search.backends.embedded._lijkt_op takes an item's title and summary).
    return {
        "title": item.titel,
        "summary": _markdown(item.tekst),
        "body": " ".join([item.get_soort_display(), item.plek, _markdown(item.antwoord)]),
        "url": item.url,
        "datum": (item.gepubliceerd_op or item.aangemaakt_op).date(),
        "thema": [(item.thema.slug, item.thema.label)] if item.thema else [],
        "gebied": _gebied(item.focusgebied),
    }


ZOEKBAAR = [
    {
        "type": "participatieproces",
        "label": "Participatie",
        "model": ParticipatieprocesPage,
        "items": lambda: ParticipatieprocesPage.objects.live().public(),
        "document": proces,
    },
    {
        "type": "inbreng",
        "label": "Inbreng",
        "model": Inbreng,
        "items": lambda: Inbreng.objects.filter(
            zichtbaarheid=Zichtbaarheid.ZICHTBAAR,
            proces__in=ParticipatieprocesPage.objects.live().public(),
        ).select_related("proces", "focusgebied", "thema"),
        "document": inbreng,
        "onder": lambda page: (
            list(Inbreng.objects.filter(proces=page))
            if isinstance(page, ParticipatieprocesPage)
            else []
        ),
    },
]
