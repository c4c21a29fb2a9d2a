from django.urls import URLPattern

app_name = "participatie"
urlpatterns: list[URLPattern] = []
