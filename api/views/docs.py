"""The OpenAPI schema and its browsable docs (Swagger UI from this site's static files)."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from drf_spectacular.views import SpectacularAPIView

from api.throttling import ReadThrottle


class SchemaView(SpectacularAPIView):
    authentication_classes = []
    permission_classes = []
    throttle_classes = [ReadThrottle]


@require_GET
def docs(request):
    # drf-spectacular's own page starts Swagger UI with an inline script, which the site's
    # CSP forbids; this page starts it from static/js/api-docs.js.
    return render(request, "api/docs.html", {"schema_url": reverse("api:schema") + "?format=json"})
