"""The project's URLs and a fixed page that goes through the same middleware: the ceiling."""

from django.http import HttpResponse
from django.urls import path

from jobboard.urls import handler429, handler500
from jobboard.urls import urlpatterns as site_urlpatterns

CEILING_PAGE = (
    "<!doctype html><html lang=en><meta charset=utf-8><title>Ceiling</title>"
    "<p>The fastest page this stack serves: no template, no query.</p></html>"
)


def ceiling(request):
    return HttpResponse(CEILING_PAGE)


urlpatterns = [path("bench/ceiling/", ceiling, name="bench-ceiling"), *site_urlpatterns]

__all__ = ["handler429", "handler500", "urlpatterns"]
