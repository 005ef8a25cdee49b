"""Creating, checking and revoking employer API tokens."""

import datetime
import hashlib
import hmac
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from api.models import ApiToken
from listings.models import Company, CompanyMembership

TOKEN_PREFIX = "htk"  # noqa: S105 - a public marker that starts every key, not a secret
# last_used_at is written at most this often per token, not on every call.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _require_owner(company: Company, user) -> None:
    if not CompanyMembership.objects.filter(
        company=company, user=user, role=CompanyMembership.Role.OWNER
    ).exists():
        raise PermissionDenied("Only a company's owners manage its API tokens.")


@transaction.atomic
def token_create(*, company: Company, by, name: str) -> tuple[ApiToken, str]:
    """A new token for `company`; returns it with the full key, which is never shown again."""
    _require_owner(company, by)
    Company.objects.select_for_update().filter(pk=company.pk).first()
    if ApiToken.objects.for_company(company).active().count() >= ApiToken.MAX_ACTIVE_PER_COMPANY:
        raise ValidationError(
            _("A company can have at most %(max)s active tokens. Revoke one first.")
            % {"max": ApiToken.MAX_ACTIVE_PER_COMPANY},
            code="too_many",
        )
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    token = ApiToken(
        company=company,
        name=(name or "").strip(),
        prefix=prefix,
        secret_hash=_hash(secret),
        created_by=by,
    )
    token.full_clean(exclude=["created_by", "revoked_by"])
    token.save()
    return token, f"{TOKEN_PREFIX}_{prefix}_{secret}"


@transaction.atomic
def token_revoke(*, token: ApiToken, by) -> ApiToken:
    _require_owner(token.company, by)
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = by
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


def token_for_key(key: str) -> ApiToken | None:
    """The active token `key` names, whose creator still belongs to its company; else None."""
    parts = (key or "").split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not parts[1] or not parts[2]:
        return None
    prefix, secret = parts[1], parts[2]
    token = (
        ApiToken.objects.active()
        .select_related("company", "created_by")
        .filter(prefix=prefix[:16], company__deleted_at__isnull=True)
        .first()
    )
    # Compared even when no row matched, so that timing tells nothing about prefixes.
    expected = token.secret_hash if token else _hash("")
    if not hmac.compare_digest(expected, _hash(secret)) or token is None:
        return None
    user = token.created_by
    if (
        user is None
        or not user.is_active
        or not CompanyMembership.objects.filter(company=token.company_id, user=user).exists()
    ):
        return None
    return token


def token_touch(token: ApiToken, *, now=None) -> None:
    """Record use, at most once a minute per token: API calls are not each a write."""
    now = now or timezone.now()
    if token.last_used_at and now - token.last_used_at < LAST_USED_RESOLUTION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
