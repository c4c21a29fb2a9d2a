from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from wijkwijzer import views

urlpatterns = [
    # Every login is allauth's (verified e-mail, rate limits, MFA for staff): Wagtail's own
    # login views, the admin's and the front-end one, only send people there.
    path("admin/login/", views.naar_inloggen, {"standaard": "/admin/"}),
    path("_util/login/", views.naar_inloggen),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/profiel/", views.profile, name="profiel"),
    path("account/mijn-gegevens/", views.mijn_gegevens, name="mijn_gegevens"),
    path("account/verwijderen/", views.verwijderen, name="account_verwijderen"),
    path("health/", views.health, name="health"),
    path("favicon.ico", views.favicon),
    path("robots.txt", views.robots),
    # Wagtail's sitemap: every live page without a view restriction, with its site's domain.
    path("sitemap.xml", sitemap),
    path("privacy/", TemplateView.as_view(template_name="wijkwijzer/privacy.html"), name="privacy"),
    path(
        "toegankelijkheid/",
        TemplateView.as_view(template_name="wijkwijzer/toegankelijkheid.html"),
        name="toegankelijkheid",
    ),
    path("account/", include("allauth.urls")),
    path("", include("kennisbank.urls")),
    path("", include("kennisbank.expertpool.urls")),
    path("", include("kennisbank.inzendingen.urls")),
    path("", include("participatie.urls")),
    path("", include("gebieden.monitor.urls")),
    path("", include("search.urls")),
]

if settings.DEBUG:
    # Only images straight from MEDIA_ROOT: documents go through /documenten/, where Wagtail
    # applies collection view restrictions (members-only documents of learning circles).
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder
        )

urlpatterns.append(path("", include(wagtail_urls)))
