from django.core.cache import cache
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def menu_pages(request: HttpRequest) -> SimpleLazyObject:
    """The main navigation: live children of the site's home page marked 'show in menus'.
    Lazy, so responses that do not render the menu (redirects, JSON) run no query."""

    def load() -> list[dict[str, str]]:
        site = Site.find_for_request(request)
        if site is None:
            return []
        pages = site.root_page.get_children().live().in_menu()
        return [
            {
                "title": page.title,
                "url": page.get_url(request),
                "omschrijving": page.search_description,
            }
            for page in pages
        ]

    return SimpleLazyObject(load)


SITE_TEKSTEN_CACHE = "wijkwijzer:site_teksten"


def site_teksten() -> SimpleLazyObject:
    """The editors' site texts (wijkwijzer.models.SiteTeksten), from the cache so the footer on
    every page costs no query; saving them empties the cache (wijkwijzer.apps)."""
    from wijkwijzer.models import SiteTeksten

    # An unsaved default when editors never saved them: reading a page writes nothing.
    return SimpleLazyObject(
        lambda: cache.get_or_set(
            SITE_TEKSTEN_CACHE, lambda: SiteTeksten.objects.first() or SiteTeksten()
        )
    )


def site_teksten_vergeten(**kwargs: object) -> None:
    cache.delete(SITE_TEKSTEN_CACHE)
