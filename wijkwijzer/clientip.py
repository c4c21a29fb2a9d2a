"""The address of the person behind a request, as rate limits count it (django-ratelimit,
allauth's login limits) and as report keys are made.

Behind a proxy every request comes from the proxy's address. Each trusted proxy appends the
address it was connected from to X-Forwarded-For, so with TRUSTED_PROXY_COUNT proxies the
client is that many entries from the right; entries further left were sent by the client and
prove nothing. With no proxy configured (the default) the header is ignored entirely, so a
client can never pick its own address."""

import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest


def _adres(waarde: str) -> str | None:
    """The IP address in one X-Forwarded-For entry (some proxies add a port), or None."""
    waarde = waarde.strip()
    if waarde.startswith("["):
        waarde = waarde[1:].partition("]")[0]
    elif waarde.count(":") == 1:
        waarde = waarde.partition(":")[0]
    try:
        return str(ipaddress.ip_address(waarde))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    direct = request.META.get("REMOTE_ADDR", "")
    aantal = settings.TRUSTED_PROXY_COUNT
    if aantal <= 0:
        return direct
    keten = [deel for deel in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if deel]
    if not keten:
        return direct
    # Fewer entries than proxies: the request skipped an outer proxy; the leftmost entry is
    # then the furthest hop that a trusted proxy wrote.
    return _adres(keten[-aantal] if len(keten) >= aantal else keten[0]) or direct


class AccountAdapter(DefaultAccountAdapter):
    """allauth's login, sign-up and MFA limits count the same client as ours."""

    def get_client_ip(self, request: HttpRequest) -> str:
        return client_ip(request)
