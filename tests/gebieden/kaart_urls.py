"""A test-only page with the pin picker (templates/includes/kaart_prikker.html) and the two
number inputs a form would render, served through `settings.ROOT_URLCONF` in
tests/gebieden/test_kaart_browser.py; never part of the site's URLs."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

# A square of about 1.4 by 2.2 km in Amsterdam.
GRENS = {
    "type": "Polygon",
    "coordinates": [[[4.89, 52.36], [4.91, 52.36], [4.91, 52.38], [4.89, 52.38], [4.89, 52.36]]],
}

PAGINA = """{% load static %}<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>Speld zetten</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="{% static 'vendor/design-tokens.css' %}">
  <link rel="stylesheet" href="{% static 'vendor/components.css' %}">
  <link rel="stylesheet" href="{% static 'css/site.css' %}">
  <script src="{% static 'js/kaart.js' %}" defer></script>
</head>
<body>
  <main>
    <h1>Speld zetten</h1>
    <form method="get">
      <label for="id_lengte">Lengtegraad</label>
      <input type="number" step="0.0001" id="id_lengte" name="lengte" value="{{ lengte }}">
      <label for="id_breedte">Breedtegraad</label>
      <input type="number" step="0.0001" id="id_breedte" name="breedte" value="{{ breedte }}">
      {% include "includes/kaart_prikker.html" with lengte_id="id_lengte" breedte_id="id_breedte" %}
      <button type="submit">Versturen</button>
    </form>
  </main>
</body>
</html>"""


def prikker(request: HttpRequest) -> HttpResponse:
    template = engines["django"].from_string(PAGINA)
    context = {"grens": GRENS, **{k: request.GET.get(k, "") for k in ("lengte", "breedte")}}
    return HttpResponse(template.render(context, request))


urlpatterns = [path("prikker/", prikker)]
