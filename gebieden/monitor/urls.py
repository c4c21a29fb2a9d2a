from django.urls import path

from gebieden.monitor import views

app_name = "monitor"
urlpatterns = [
    path("monitor/", views.vergelijking, name="vergelijking"),
    path("monitor/vergelijking.csv", views.vergelijking_csv, name="vergelijking_csv"),
    # Before Wagtail's catch-all, so these live under the area's own URL.
    path("gebieden/<slug:slug>/monitor/", views.gebied_monitor, name="gebied"),
    path("gebieden/<slug:slug>/monitor/<int:nummer>.csv", views.gebied_csv, name="gebied_csv"),
]
