from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("zoeken/", views.zoeken_view, name="zoeken"),
    path("api/zoeken/", views.zoeken_api, name="api"),
    path("api/zoeken/suggesties/", views.suggesties_api, name="suggesties"),
    path("api/zoeken/openapi.json", views.openapi_api, name="openapi"),
]
