"""Unsubscribe links in alert emails: signed tokens, valid without logging in."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _

from applicants.models import SavedSearch

UNSUBSCRIBE_SALT = "applicants.alerts.unsubscribe"
UNSUBSCRIBE_MAX_AGE = timedelta(days=60)


# ---- unsubscribe links ----


class UnsubscribeLinkError(Exception):
    """An unsubscribe link that was altered or is too old; `message` says which."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class UnsubscribeTarget:
    searches: list[SavedSearch]
    everything: bool


def unsubscribe_token_for_search(saved_search: SavedSearch) -> str:
    return search_token(saved_search.pk)


def search_token(search_id: int) -> str:
    return signing.dumps({"search": search_id}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token_for_all(user) -> str:
    return signing.dumps({"user": user.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(token: str) -> str:
    """The absolute one-click unsubscribe address for emails."""
    return settings.SITE_URL + reverse("applicants:alert-unsubscribe", kwargs={"token": token})


def unsubscribe_target(token: str) -> UnsubscribeTarget:
    """The saved searches an unsubscribe link stops; raises UnsubscribeLinkError."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.SignatureExpired as error:
        raise UnsubscribeLinkError(
            _("This unsubscribe link has expired. Log in to manage your job alerts.")
        ) from error
    except signing.BadSignature as error:
        raise UnsubscribeLinkError(
            _("This unsubscribe link is not valid. Copy the whole link from the email.")
        ) from error
    if isinstance(payload, dict) and isinstance(payload.get("search"), int):
        return UnsubscribeTarget(
            searches=list(SavedSearch.objects.filter(pk=payload["search"])), everything=False
        )
    if isinstance(payload, dict) and isinstance(payload.get("user"), int):
        searches = SavedSearch.objects.filter(user_id=payload["user"])
        return UnsubscribeTarget(searches=list(searches), everything=True)
    raise UnsubscribeLinkError(_("This unsubscribe link is not valid."))


def alerts_unsubscribe(*, token: str) -> UnsubscribeTarget:
    """One-click unsubscribe (RFC 8058): the signed token is the authority, no login."""
    target = unsubscribe_target(token)
    SavedSearch.objects.filter(pk__in=[search.pk for search in target.searches]).update(
        is_active=False
    )
    for search in target.searches:
        search.is_active = False
    return target
