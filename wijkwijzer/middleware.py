from collections.abc import Callable

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy from settings everywhere, except in the Wagtail admin, whose own
    scripts and styles need the separate CONTENT_SECURITY_POLICY_ADMIN policy."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path.startswith(ADMIN_PREFIX):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


def sessie_met_tweede_factor(request: HttpRequest) -> bool:
    """Whether this session, not merely the account, passed a second factor: allauth records
    each step of a login (and of a reauthentication) in the session. A session that was
    opened some other way (an e-mail link, a login view outside allauth's flow) has none."""
    return any(
        record.get("method") == "mfa"
        for record in get_authentication_records(request, request.user)
    )


class StaffMFAMiddleware:
    """Anyone who can reach the admin must have two-factor authentication (TOTP) turned on
    and have used it in this session. Until they have, every admin page, and every staff page
    outside the admin (settings.STAFF_PATH_PREFIXES), sends them to set it up or to enter a
    code."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if not (
            request.path.startswith((ADMIN_PREFIX, *settings.STAFF_PATH_PREFIXES))
            and user.is_authenticated
            and user.has_perm("wagtailadmin.access_admin")
        ):
            return self.get_response(request)
        if not is_mfa_enabled(user):
            messages.warning(
                request,
                _(
                    "Voor het beheer is tweestapsverificatie verplicht. "
                    "Stel die eerst in met een authenticator-app."
                ),
            )
            return redirect("mfa_activate_totp")
        if not sessie_met_tweede_factor(request):
            messages.warning(
                request,
                _("Voor het beheer is tweestapsverificatie verplicht. Vul de code uit je app in."),
            )
            volgende = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_reauthenticate')}?{volgende}")
        return self.get_response(request)


class VerzoekGrootteMiddleware:
    """Refuses a request whose body is larger than the site ever needs before anything reads
    it (settings.MAX_VERZOEK_BYTES; the admin, where editors upload documents, has its own
    limit). Django's own limits cover form fields but not uploaded files; the proxy's limit
    (docs/operations.md) is the first line, this one holds without it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            lengte = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            lengte = 0
        beheer = request.path.startswith(ADMIN_PREFIX)
        grens = settings.MAX_VERZOEK_BYTES_BEHEER if beheer else settings.MAX_VERZOEK_BYTES
        if lengte > grens:
            return TemplateResponse(
                request, "413.html", {"grens_mb": grens // (1024 * 1024)}, status=413
            ).render()
        return self.get_response(request)
