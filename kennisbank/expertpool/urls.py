from django.urls import path

from kennisbank.expertpool import views

app_name = "expertpool"
urlpatterns = [
    path("expertpool/aanvragen/", views.aanvraag_indienen_view, name="aanvragen"),
    path("expertpool/mijn-aanvragen/", views.mijn_aanvragen_view, name="mijn_aanvragen"),
    path("expertpool/mijn-aanvragen/<int:pk>/", views.mijn_aanvraag_view, name="mijn_aanvraag"),
    path("expertpool/mijn-aanvragen/<int:pk>/aanvullen/", views.aanvullen_view, name="aanvullen"),
    path("expertpool/mijn-aanvragen/<int:pk>/intrekken/", views.intrekken_view, name="intrekken"),
    path("expertpool/mijn-aanvragen/<int:pk>/feedback/", views.feedback_view, name="feedback"),
    path("expertpool/uitnodiging/<str:token>/", views.uitnodiging_view, name="uitnodiging"),
    path(
        "expertpool/mijn-uitnodigingen/",
        views.mijn_uitnodigingen_view,
        name="mijn_uitnodigingen",
    ),
    path(
        "expertpool/mijn-uitnodigingen/<int:pk>/",
        views.mijn_uitnodiging_beantwoorden,
        name="mijn_uitnodiging",
    ),
]
