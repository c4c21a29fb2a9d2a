from django.urls import path

from kennisbank.feeds import NieuwInDeKennisbankFeed

app_name = "kennisbank"
urlpatterns = [path("kennisbank/feed/", NieuwInDeKennisbankFeed(), name="feed")]
