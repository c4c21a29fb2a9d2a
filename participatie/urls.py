from django.urls import path

from participatie import views

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
