from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wijkwijzer import haken
from wijkwijzer.forms import AccountVerwijderenForm, ProfileForm
from wijkwijzer.privacy import account_verwijderen, gegevens_van
from wijkwijzer.ratelimit import form_status
from wijkwijzer.services import profile_update


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    status = form_status(request, form, invalid=200)
    if status is None:
        profile_update(user=request.user, display_name=form.cleaned_data["display_name"])
        messages.success(request, _("Je weergavenaam is opgeslagen."))
        return redirect("profiel")
    return render(request, "wijkwijzer/profile.html", {"form": form}, status=status)


def naar_inloggen(request: HttpRequest, standaard: str = "/") -> HttpResponse:
    """The login forms of Wagtail (the admin's and the one for restricted pages) log in with
    Django's LoginView, which skips allauth's e-mail verification, rate limits and second
    factor. They lead to allauth's login instead, on GET and POST alike: no credentials are
    ever read here."""
    next_url = request.GET.get("next", standaard)
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")


@login_required
def mijn_gegevens(request: HttpRequest) -> HttpResponse:
    """Everything the platform holds about the user, as a JSON download (AVG, art. 15/20)."""
    response = JsonResponse(gegevens_van(request.user), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-wijkwijzer.json"'
    return response


@login_required
def verwijderen(request: HttpRequest) -> HttpResponse:
    form = AccountVerwijderenForm(request.POST or None, user=request.user)
    status = form_status(request, form)
    if status is None:
        user = request.user
        logout(request)
        account_verwijderen(user, bijdragen_bewaren=form.cleaned_data["bijdragen"] == "bewaren")
        messages.success(request, _("Je account is verwijderd."))
        return redirect("/")
    return render(request, "wijkwijzer/account_verwijderen.html", {"form": form}, status=status)


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and feed readers ask for /favicon.ico whatever the page links to."""
    return redirect(staticfiles_storage.url("favicon.ico"), permanent=True)


def robots(request: HttpRequest) -> HttpResponse:
    """Crawlers may read every public page (the sitemap lists them); account and staff pages
    are not for search engines, and search results would be endless near-duplicates."""
    verboden = ["/admin/", "/account/", "/zoeken/", "/api/", *settings.STAFF_PATH_PREFIXES]
    regels = [
        "User-agent: *",
        *(f"Disallow: {pad}" for pad in dict.fromkeys(verboden)),
        "",
        f"Sitemap: {settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/sitemap.xml",
    ]
    return HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers (200 when this server can serve, 503 when not) and monitoring
    (which part is off)."""
    onderdelen: dict = {}
    kritiek = beperkt = False
    for check in haken.GEZONDHEID.alle():
        uitslag = check()
        kritiek = uitslag.pop("kritiek", False) or kritiek
        beperkt = uitslag.pop("beperkt", False) or beperkt
        onderdelen.update(uitslag)
    status = "storing" if kritiek else "beperkt" if beperkt else "ok"
    return JsonResponse({"status": status, **onderdelen}, status=503 if kritiek else 200)


def afmeldpagina(
    request: HttpRequest, afmelden: Callable[[], str | None], instellingen: str
) -> HttpResponse:
    """The one-click unsubscribe page of a kind of notification: GET shows a button, POST
    calls `afmelden`, which stops the e-mails and names them, or returns None for a bad
    link. The calling view is csrf_exempt: mail programs send the one-click POST (RFC 8058)
    without a CSRF token; the signed token in its URL authorises it."""
    context: dict = {"instellingen": instellingen}
    if request.method == "POST":
        soort = afmelden()
        if soort is None:
            context["ongeldig"] = True
            return render(request, "wijkwijzer/afmelden.html", context, status=400)
        context["soort"] = soort
    return render(request, "wijkwijzer/afmelden.html", context)


def csrf_mislukt(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: Django's own page is English and technical, and renders without the
    request, so it cannot use the site's layout."""
    return render(request, "403_csrf.html", status=403)
