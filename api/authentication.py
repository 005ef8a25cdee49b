"""`Authorization: Bearer <token>` for the employer API."""

from auditlog.context import auditlog_value
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from api import services


def _record_audit_actor(user) -> None:
    """The audit middleware ran before the token was read: name the token's user as the
    actor of this request's audit entries (the context's data is the request's own dict)."""
    try:
        data = auditlog_value.get()
    except LookupError:
        return
    data["actor"] = user


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the header as: Bearer <token>."))
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(_("This token is not valid.")) from error
        token = services.token_for_key(key[:200])
        if token is None:
            raise exceptions.AuthenticationFailed(_("This token is not valid, or it was revoked."))
        services.token_touch(token)
        _record_audit_actor(token.created_by)
        return token.created_by, token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BearerTokenAuthentication"
    name = "companyToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A company API token, created by a company owner in the employer area. "
                "It acts for its company only, as the member who created it."
            ),
        }
