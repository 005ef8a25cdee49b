"""One error shape for the whole API: {"detail": "...", "errors": {"field": ["..."]}}."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

NON_FIELD_ERRORS = "non_field_errors"


class ErrorSerializer(serializers.Serializer):
    """What every error response carries; `errors` only on validation errors."""

    detail = serializers.CharField(help_text="What went wrong, in the requested language.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=(
            "Messages per request field; `non_field_errors` for those about the request "
            "as a whole."
        ),
    )


class BodyError(Exception):
    """The body is not the JSON shape a form needs; carries {field: [messages]}."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _flatten(detail) -> list[str]:
    if isinstance(detail, dict):
        return [message for value in detail.values() for message in _flatten(value)]
    if isinstance(detail, list | tuple):
        return [message for item in detail for message in _flatten(item)]
    return [str(detail)]


def field_errors(detail) -> dict[str, list[str]]:
    """DRF's or a Django form's errors as {field: [messages]}."""
    if isinstance(detail, dict):
        return {
            (NON_FIELD_ERRORS if name in ("__all__", None) else str(name)): _flatten(value)
            for name, value in detail.items()
        }
    return {NON_FIELD_ERRORS: _flatten(detail)}


def validation_error_response(errors: dict[str, list[str]]) -> Response:
    return Response(
        {"detail": _("The request has errors; see “errors”."), "errors": errors},
        status=status.HTTP_400_BAD_REQUEST,
    )


def django_validation_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return field_errors({name: list(errors) for name, errors in error.message_dict.items()})
    return {NON_FIELD_ERRORS: list(error.messages)}


def exception_handler(exc, context):
    if isinstance(exc, BodyError):
        return validation_error_response(exc.errors)
    if isinstance(exc, DjangoValidationError):
        return validation_error_response(django_validation_errors(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {
            "detail": _("The request has errors; see “errors”."),
            "errors": field_errors(exc.detail),
        }
    else:
        response.data = {"detail": " ".join(_flatten(exc.detail))}
    return response
