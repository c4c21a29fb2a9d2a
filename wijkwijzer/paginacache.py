"""Whole responses for anonymous visitors, kept in the default cache for PAGINA_CACHE_SECONDEN.

A request is served from the cache only when it carries no session and no pending messages
(so it is anonymous) and is a GET outside the admin, account and staff pages. A response is
kept only when it is the same for every such visitor: a 200 that sets no cookie (a page with a
CSRF token sets one), is not private, carries no CSP nonce, and does not vary on the cookies
this request happened to send.

Invalidation is by generation: any write to content (a page published, unpublished, moved or
deleted; a row of a project app saved or deleted) bumps a counter that is part of every key,
so the next request renders afresh. Old entries expire on their own. Browsers get no max-age
from this, so they never hold a stale copy."""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import has_vary_header

VERSIE = "paginacache:versie"
NIET_VOOR = ("/admin/", "/account/", "/health/", "/documenten/")
HEADER = "X-Paginacache"


def versie() -> int:
    return cache.get_or_set(VERSIE, 1, None)


def verlopen(**kwargs) -> None:
    """Make every cached page stale (a signal receiver: content changed)."""
    try:
        cache.incr(VERSIE)
    except ValueError:  # not in the cache (yet, or evicted): any new value will do
        cache.set(VERSIE, 2, None)


def _sleutel(request: HttpRequest) -> str:
    pad = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"paginacache:{versie()}:{pad}"


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
