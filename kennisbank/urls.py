from django.urls import URLPattern

app_name = "kennisbank"
urlpatterns: list[URLPattern] = []
