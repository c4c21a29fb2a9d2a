"""What the search service indexes from the Expertpool: live expert profiles (never their
account or contact details). Published outcomes of requests are part of the expert's page."""

from kennisbank.expertpool.models import ExpertPage, Ondersteuningsaanvraag
from wijkwijzer.text import plain


def expert(page: ExpertPage) -> dict:
    outcomes = [
        aanvraag.uitkomst
        for aanvraag in page.opdrachten.all()
        if aanvraag.status == Ondersteuningsaanvraag.Status.AFGEROND and aanvraag.uitkomst_openbaar
    ]
    return {
        "title": page.title,
        "summary": page.functie,
        "body": " ".join([plain(page.biografie), *outcomes]),
        "url": page.url,
        "datum": page.last_published_at.date() if page.last_published_at else None,
        "thema": [(thema.slug, thema.label) for thema in page.themas.all()],
    }


ZOEKBAAR = [
    {
        "type": "expert",
        "label": "Expert",
        "model": ExpertPage,
        "items": lambda: (
            ExpertPage.objects.live().public().prefetch_related("themas", "opdrachten")
        ),
        "document": expert,
        "woorden": ("experts", "expert", "deskundigen", "expertpool"),
    }
]
