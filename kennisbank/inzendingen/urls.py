from django.urls import path

from kennisbank.inzendingen import views

app_name = "inzendingen"
urlpatterns = [
    path("kennisbank/bijdragen/", views.mijn_bijdragen, name="mijn_bijdragen"),
    path("kennisbank/bijdragen/nieuw/", views.nieuw, name="nieuw"),
    path("kennisbank/bijdragen/<int:pk>/", views.overzicht, name="overzicht"),
    path("kennisbank/bijdragen/<int:pk>/stap/<int:nummer>/", views.stap, name="stap"),
    path("kennisbank/bijdragen/<int:pk>/indienen/", views.indienen, name="indienen"),
    path("kennisbank/bijdragen/<int:pk>/terugtrekken/", views.terugtrekken, name="terugtrekken"),
    path("kennisbank/bijdragen/<int:pk>/delen/", views.delen, name="delen"),
]
