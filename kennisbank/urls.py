from django.urls import path

from kennisbank import views
from kennisbank.feeds import NieuwInDeKennisbankFeed

app_name = "kennisbank"
urlpatterns = [
    path("kennisbank/feed/", NieuwInDeKennisbankFeed(), name="feed"),
    path("kennisbank/leeslijst/<int:pk>/", views.leeslijst, name="leeslijst"),
    path("kennisbank/volgen/", views.volgen, name="volgen"),
    path("kennisbank/mijn-kennisbank/", views.mijn_kennisbank_view, name="mijn_kennisbank"),
    path("kennisbank/meldingen/", views.volgmeldingen_instellen, name="volgmeldingen"),
    path(
        "kennisbank/meldingen/uit/<str:token>/",
        views.volgmeldingen_uit,
        name="volgmeldingen_uit",
    ),
    path("kennisbank/praktijkvoorbeelden/vergelijken/", views.vergelijken, name="vergelijken"),
    path("agenda/<int:pk>/aanmelden/", views.evenement_aanmelden, name="aanmelden"),
    path("agenda/<int:pk>/afmelden/", views.evenement_afmelden, name="afmelden"),
    path("leerkringen/<int:pk>/aanmelden/", views.leerkring_aanvragen, name="leerkring_aanvragen"),
    path(
        "leerkringen/<int:pk>/verlaten/", views.leerkring_verlaten_view, name="leerkring_verlaten"
    ),
    path("kennisbank/vraagbaak/vraag-stellen/", views.vraag_stellen_view, name="vraag_stellen"),
    path("kennisbank/vraagbaak/mijn-vragen/", views.mijn_vragen_view, name="mijn_vragen"),
    path("kennisbank/vraagbaak/mijn-vragen/<int:pk>/", views.mijn_vraag_view, name="mijn_vraag"),
    path(
        "kennisbank/vraagbaak/mijn-vragen/<int:pk>/toestemming/",
        views.vraag_toestemming,
        name="vraag_toestemming",
    ),
    path(
        "leerkringen/<int:pk>/documenten/<int:document_pk>/",
        views.leerkring_document,
        name="leerkring_document",
    ),
]
