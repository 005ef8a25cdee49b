"""What every API view shares: the language, JSON only, conditional GET, the documented errors."""

import hashlib
from email.utils import formatdate

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import ErrorSerializer

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

LANG_PARAMETER = OpenApiParameter(
    "lang",
    str,
    enum=LANGUAGE_CODES,
    description="The language of names and labels (else Accept-Language; English by default).",
)

ERROR_DESCRIPTIONS = {
    400: "Invalid parameters or body; `errors` lists the messages per field.",
    401: "No token, or a token that is not valid or was revoked.",
    403: "Not allowed.",
    404: "Not found (another company's objects answer the same).",
    409: "The object's current state does not allow this.",
    415: "The body must be JSON (Content-Type: application/json).",
    429: "Too many requests; Retry-After says how many seconds to wait.",
}


NOT_MODIFIED = {
    304: OpenApiResponse(
        description="Not modified: the ETag (If-None-Match) or date (If-Modified-Since) sent "
        "still holds."
    )
}


def error_responses(*codes: int) -> dict:
    return {
        code: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code])
        for code in codes
    }


class JsonOnly(DefaultContentNegotiation):
    """Every response is JSON, whatever Accept says: no 406 for a browser or a bare client."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ApiView(APIView):
    content_negotiation_class = JsonOnly

    def initial(self, request, *args, **kwargs):
        # Before authentication, so that its errors are in the language asked for too.
        lang = request.query_params.get("lang")
        if lang is not None:
            if lang not in LANGUAGE_CODES:
                translation.activate(settings.LANGUAGE_CODE)
                raise exceptions.ValidationError(
                    {
                        "lang": [
                            _("Choose one of: %(codes)s.") % {"codes": ", ".join(LANGUAGE_CODES)}
                        ]
                    }
                )
            translation.activate(lang)
            request._request.LANGUAGE_CODE = lang
        super().initial(request, *args, **kwargs)


def etag_for(*parts) -> str:
    """A strong ETag for the parts (and the response language)."""
    text = "|".join(str(part) for part in (*parts, translation.get_language()))
    return f'"{hashlib.sha256(text.encode()).hexdigest()[:32]}"'


def conditional(request, *, etag: str, last_modified=None):
    """(304 response or None, headers for the full response) for a GET."""
    timestamp = int(last_modified.timestamp()) if last_modified else None
    headers = {"ETag": etag}
    if timestamp is not None:
        headers["Last-Modified"] = formatdate(timestamp, usegmt=True)
    not_modified = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if not_modified is not None:
        for name, value in headers.items():
            not_modified.headers[name] = value
    return not_modified, headers


def respond(data, headers: dict, **kwargs) -> Response:
    response = Response(data, **kwargs)
    for name, value in headers.items():
        response[name] = value
    # Revalidate every time: the validators make that cheap.
    response["Cache-Control"] = "no-cache"
    return response


class NewestFirst(CursorPagination):
    """Cursor pages over a stable order: no page shifts when listings come and go."""

    ordering = ("-published_at", "-id")
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
    cursor_query_description = "Opaque position from the `next` or `previous` link."
    page_size_query_description = "Results per page, 1 to 100 (default 20)."

    def paginate_queryset(self, queryset, request, view=None):
        # A cursor is only base64: a forged one may hold a position of the wrong type.
        try:
            return super().paginate_queryset(queryset, request, view)
        except (DjangoValidationError, ValueError, TypeError, OverflowError) as error:
            raise exceptions.NotFound(self.invalid_cursor_message) from error

    def get_paginated_response(self, data, notes=()):
        response = super().get_paginated_response(data)
        response.data["notes"] = list(notes)
        return response

    def get_paginated_response_schema(self, schema):
        result = super().get_paginated_response_schema(schema)
        result["required"] = ["results", "next", "previous", "notes"]
        result["properties"]["notes"] = {
            "type": "array",
            "items": {"type": "string"},
            "description": "Filter values that were not recognised and so ignored.",
        }
        return result


class IdOrder(NewestFirst):
    ordering = ("-id",)
