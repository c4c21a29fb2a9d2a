"""Rate limits on public writes, per account and per IP address (settings.RATE_LIMITS),
counted by django-ratelimit in the default cache."""

from collections.abc import Callable
from functools import wraps

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django_ratelimit.core import is_ratelimited

TOO_MANY = "Je hebt in korte tijd te vaak iets verstuurd. Wacht even en probeer het dan opnieuw."


def over_limit(request: HttpRequest, group: str) -> bool:
    """Count this write and say whether it goes over the account or the IP limit of `group`."""
    per_account, per_ip = settings.RATE_LIMITS[group]
    # Both counters are always incremented, so each limit holds on its own.
    account = is_ratelimited(
        request, group=f"{group}:account", key="user_or_ip", rate=per_account, increment=True
    )
    ip = is_ratelimited(request, group=f"{group}:ip", key="ip", rate=per_ip, increment=True)
    return account or ip


def form_status(request: HttpRequest, form: forms.Form, *, invalid: int = 400) -> int | None:
    """How a form view answers: None when the posted form may be saved, otherwise the status
    to show the form again with: 200 for a GET, 429 over the "formulier" limit (the message
    goes into the form, so what was typed stays), `invalid` when it does not validate."""
    if request.method != "POST":
        return 200
    if over_limit(request, "formulier"):
        form.add_error(None, TOO_MANY)
        return 429
    return None if form.is_valid() else invalid


def limit_writes(group: str) -> Callable:
    """For views whose POST is one click with nothing typed: over the limit, the answer is a
    429 page that explains it. Views with a form use `form_status`, which shows the message
    in the form."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST" and over_limit(request, group):
                return TemplateResponse(request, "429.html", {"melding": TOO_MANY}, status=429)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
