from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path

from participatie import views
from participatie.models import ParticipatieprocesPage

app_name = "participatie"
urlpatterns = [
    path("participatie/bevestigen/<str:token>/", views.bevestigen, name="bevestigen"),
    path("participatie/verstuurd/", views.verstuurd, name="verstuurd"),
    path("participatie/inbreng/<int:pk>/reageren/", views.reageren, name="reageren"),
    path("participatie/inbreng/<int:pk>/steunen/", views.steunen, name="steunen"),
    path("participatie/inbreng/<int:pk>/melden/", views.inbreng_melden, name="inbreng_melden"),
    path("participatie/inbreng/<int:pk>/foto/", views.inbreng_foto, name="inbreng_foto"),
    path("participatie/inbreng/<int:pk>/meldingen/", views.meldingen_item, name="meldingen"),
    path("participatie/reactie/<int:pk>/melden/", views.reactie_melden, name="reactie_melden"),
    path("participatie/afmelden/<str:token>/", views.afmelden, name="afmelden"),
    path("participatie/geen-email/<str:token>/", views.afmelden_soort, name="afmelden_soort"),
    path("participatie/meldingen/", views.meldingen_instellen, name="meldingen_instellen"),
    path("participatie/mijn-inbreng/", views.mijn_inbreng, name="mijn_inbreng"),
    # Staff pages: this prefix is in settings.STAFF_PATH_PREFIXES (MFA required).
    path("participatie/beheer/moderatie/", views.moderatie, name="moderatie"),
    path("participatie/beheer/moderatie/bulk/", views.moderatie_bulk, name="moderatie_bulk"),
    path(
        "participatie/beheer/moderatie/<str:soort>/<int:pk>/",
        views.moderatie_actie,
        name="moderatie_actie",
    ),
    path("participatie/beheer/inbreng/<int:pk>/behandelen/", views.behandelen, name="behandelen"),
    path("participatie/beheer/update/<int:pk>/", views.update_actie, name="update_actie"),
    path("participatie/beheer/overleg/<int:pk>/besluiten/", views.besluiten, name="besluiten"),
    path(
        "participatie/beheer/proces/<int:pk>/publiceren/",
        views.vastgehouden_publiceren,
        name="vastgehouden_publiceren",
    ),
    path("participatie/beheer/proces/<int:pk>/verslag/", views.verslag, name="verslag"),
    path("participatie/beheer/proces/<int:pk>/verslag.csv", views.verslag_csv, name="verslag_csv"),
]


def _als_route(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Wagtail calls a page's route as a method of the page (page, request, ...), where the
    views take the request first, as every Django view does."""

    @wraps(view)
    def route(
        proces: ParticipatieprocesPage, request: HttpRequest, *args, **kwargs
    ) -> HttpResponse:
        return view(request, proces, *args, **kwargs)

    return route


# The routes of a process page, below its own URL. AppConfig.ready() hands them to
# ParticipatieprocesPage.subpage_urls: the page model cannot import the views, which import it.
proces_urlpatterns: tuple[URLPattern, ...] = (
    path("", _als_route(views.proces_pagina), name="index_route"),
    path("inbreng/<int:pk>/", _als_route(views.inbreng_detail), name="inbreng"),
    path("inbreng-geven/", _als_route(views.inbreng_geven), name="inbreng_geven"),
    path("agendapunt/", _als_route(views.agendapunt_voorstellen), name="agendapunt"),
    path("vragenlijst/", _als_route(views.vragenlijst), name="vragenlijst"),
    path("open-data/<str:formaat>/", _als_route(views.open_data), name="open_data"),
    path("wat-is-er-gedaan/", _als_route(views.terugkoppeling), name="terugkoppeling"),
)
