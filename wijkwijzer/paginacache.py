"""Whole responses for anonymous visitors, kept in the default cache for PAGINA_CACHE_SECONDEN.

A request is served from the cache only when it carries no session and no pending messages
(so it is anonymous) and is a GET outside the admin, account and staff pages. A response is
kept only when it is the same for every such visitor: a 200 that sets no cookie (a page with a
CSRF token sets one), is not private, carries no CSP nonce, and does not vary on the cookies
this request happened to send, nor on a request header the key does not hold.

Invalidation is by generation: a write to content bumps a counter that is part of the key, so
the next request renders afresh; old entries expire on their own. The counters are rows in the
database (one small query per anonymous request), so a bump reaches every worker and server at
once even when each keeps its pages in a cache of its own. There is one counter for the whole
site, bumped by pages published, unpublished or moved and by any row of a project app,
and one per area (the pages under /gebieden/<slug>/) and for search. An app can narrow what
its rows make stale (wijkwijzer.haken.PAGINACACHE_BEREIK): a new contribution in a campaign
then re-renders its area's pages and search, not the kennisbank. Browsers get no max-age from
this, so they never hold a stale copy."""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Model
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, has_vary_header

from wijkwijzer import haken
from wijkwijzer.models import Paginaversie
from wijkwijzer.uitstel import Uitstel

NIET_VOOR = ("/admin/", "/account/", "/health/", "/documenten/")
# Request headers a page may vary on (its Vary header), part of the key: htmx asks for the
# search results alone with HX-Request (and for the whole page again when it restores its
# history), and a page kept without them would be served as both. htmx sends them as "true";
# the key holds whether they are (gezet), so other values cannot fill the cache with copies.
SLEUTEL_HEADERS = ("HX-Request", "HX-History-Restore-Request")
HEADER = "X-Paginacache"
ZOEKEN = "zoeken"


def gebied(slug: str) -> str:
    return f"gebied:{slug}"


def _alle_verlopen(bereiken: list[str]) -> None:
    for bereik in sorted(set(bereiken)):
        verlopen(bereik)


# While a bulk job (an import) runs, each scope it makes stale is bumped once, at its end,
# also when it ends in an error; its items are committed one by one, so until then a visitor
# may get a cached page without the items committed so far (entered by wijkwijzer.bulk).
uitstel: Uitstel[str] = Uitstel(_alle_verlopen)


def verlopen(bereik: str = "", **kwargs) -> None:
    """Make the cached pages of `bereik` (default: all) stale once the current transaction
    commits: bumped earlier, a page rendered in between would be kept, under the new
    generation, without the change it cannot see yet."""
    if uitstel.bewaard(bereik):
        return
    transaction.on_commit(lambda: _ophogen(bereik))


def _ophogen(bereik: str) -> None:
    # update() and bulk_create() send no signals, so this row does not make itself stale.
    if not Paginaversie.objects.filter(bereik=bereik).update(versie=F("versie") + 1):
        Paginaversie.objects.bulk_create(
            [Paginaversie(bereik=bereik, versie=2)], ignore_conflicts=True
        )


def rij_gewijzigd(sender: type[Model], instance: Model, **kwargs) -> None:
    """Signal receiver for saved and deleted rows of the project's apps."""
    if set(kwargs.get("update_fields") or ()) == {"last_login"}:
        return  # a login; no page shows when someone last logged in
    bereik = next((b[sender] for b in haken.PAGINACACHE_BEREIK.alle() if sender in b), None)
    delen = bereik(instance) if bereik else None
    if delen is None:
        verlopen()
    for deel in delen or []:
        verlopen(deel)


def _bereik(path: str) -> str:
    delen = path.strip("/").split("/")
    if delen[0] == "gebieden" and len(delen) > 1:
        return gebied(delen[1])
    if path.startswith(("/zoeken/", "/api/zoeken/")):
        return ZOEKEN
    return ""


def _sleutel(request: HttpRequest) -> str:
    namen = [""]
    if bereik := _bereik(request.path):
        namen.append(bereik)
    versies = dict(Paginaversie.objects.filter(bereik__in=namen).values_list("bereik", "versie"))
    generatie = ".".join(str(versies.get(naam, 1)) for naam in namen)
    headers = [str(gezet(request, naam)) for naam in SLEUTEL_HEADERS]
    pad = hashlib.sha256("\n".join([request.build_absolute_uri(), *headers]).encode()).hexdigest()
    return f"paginacache:{generatie}:{pad}"


def gezet(request: HttpRequest, header: str) -> bool:
    """Whether one of SLEUTEL_HEADERS is set, as the key reads it: a view that answers by
    them reads them so too, or a page would be kept under another request's key."""
    return request.headers.get(header) == "true"


def _anoniem_verzoek(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith((*NIET_VOOR, *settings.STAFF_PATH_PREFIXES))
    )


def _voor_iedereen(request: HttpRequest, response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(d in cache_control for d in ("private", "no-cache", "no-store"))
        and "'nonce-" not in response.get("Content-Security-Policy", "")
        and not (request.COOKIES and has_vary_header(response, "Cookie"))
        and _varieert_binnen_sleutel(response)
    )


def _varieert_binnen_sleutel(response: HttpResponse) -> bool:
    """Whether every request header the response varies on is one the key holds (Cookie:
    an anonymous request has none that matter, see _voor_iedereen)."""
    bekend = {"cookie", *(naam.lower() for naam in SLEUTEL_HEADERS)}
    return all(
        naam.strip().lower() in bekend
        for naam in cc_delim_re.split(response.get("Vary", ""))
        if naam.strip()
    )


class PaginacacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconden = settings.PAGINA_CACHE_SECONDEN
        if not seconden or not _anoniem_verzoek(request):
            return self.get_response(request)
        sleutel = _sleutel(request)
        bewaard = cache.get(sleutel)
        if bewaard is not None:
            status, headers, inhoud = bewaard
            response = HttpResponse(inhoud, status=status)
            for naam, waarde in headers:
                response[naam] = waarde
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _voor_iedereen(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(
                sleutel, (response.status_code, list(response.items()), response.content), seconden
            )
            response[HEADER] = "miss"
        return response
