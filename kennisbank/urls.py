from django.urls import path

from kennisbank.feeds import NieuwInDeKennisbankFeed
from kennisbank.views import agenda, leerkringen, praktijkvoorbeelden, volgen, vraagbaak

app_name = "kennisbank"
urlpatterns = [
    path("kennisbank/feed/", NieuwInDeKennisbankFeed(), name="feed"),
    path("kennisbank/leeslijst/<int:pk>/", volgen.leeslijst, name="leeslijst"),
    path("kennisbank/volgen/", volgen.volgen, name="volgen"),
    path("kennisbank/mijn-kennisbank/", volgen.mijn_kennisbank_view, name="mijn_kennisbank"),
    path("kennisbank/meldingen/", volgen.volgmeldingen_instellen, name="volgmeldingen"),
    path(
        "kennisbank/meldingen/uit/<str:token>/",
        volgen.volgmeldingen_uit,
        name="volgmeldingen_uit",
    ),
    path(
        "kennisbank/praktijkvoorbeelden/vergelijken/",
        praktijkvoorbeelden.vergelijken,
        name="vergelijken",
    ),
    path("agenda/<int:pk>/aanmelden/", agenda.evenement_aanmelden, name="aanmelden"),
    path("agenda/<int:pk>/afmelden/", agenda.evenement_afmelden, name="afmelden"),
    path(
        "leerkringen/<int:pk>/aanmelden/",
        leerkringen.leerkring_aanvragen,
        name="leerkring_aanvragen",
    ),
    path(
        "leerkringen/<int:pk>/verlaten/",
        leerkringen.leerkring_verlaten_view,
        name="leerkring_verlaten",
    ),
    path("kennisbank/vraagbaak/vraag-stellen/", vraagbaak.vraag_stellen_view, name="vraag_stellen"),
    path("kennisbank/vraagbaak/mijn-vragen/", vraagbaak.mijn_vragen_view, name="mijn_vragen"),
    path(
        "kennisbank/vraagbaak/mijn-vragen/<int:pk>/", vraagbaak.mijn_vraag_view, name="mijn_vraag"
    ),
    path(
        "kennisbank/vraagbaak/mijn-vragen/<int:pk>/toestemming/",
        vraagbaak.vraag_toestemming,
        name="vraag_toestemming",
    ),
    path(
        "leerkringen/<int:pk>/documenten/<int:document_pk>/",
        leerkringen.leerkring_document,
        name="leerkring_document",
    ),
]
