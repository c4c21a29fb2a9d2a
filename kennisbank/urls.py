from django.urls import path

from kennisbank import views
from kennisbank.feeds import NieuwInDeKennisbankFeed

app_name = "kennisbank"
urlpatterns = [
    path("kennisbank/feed/", NieuwInDeKennisbankFeed(), name="feed"),
    path("agenda/<int:pk>/aanmelden/", views.evenement_aanmelden, name="aanmelden"),
    path("agenda/<int:pk>/afmelden/", views.evenement_afmelden, name="afmelden"),
]
