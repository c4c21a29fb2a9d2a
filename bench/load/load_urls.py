"""The site's URLs plus one bare view, the yardstick for the cached pages' throughput."""

from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache


@never_cache
def kaal(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/kaal/", kaal), path("", include("wijkwijzer.urls"))]
