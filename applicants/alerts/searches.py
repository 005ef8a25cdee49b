"""Saved searches: reading, saving, editing, pausing and deleting them."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils.translation import gettext as _

from applicants.models import SavedSearch
from listings.filters import ListingFilter

_SUGGESTED_NAME_PARTS = ("sector", "status", "prefecture", "region", "jp_level")


# ---- reads ----


def saved_searches_for(user) -> list[SavedSearch]:
    """The seeker's saved searches for /me/alerts/, newest first."""
    return list(SavedSearch.objects.for_user(user))


def _bound_filter(querystring: str) -> ListingFilter:
    filterset = ListingFilter(QueryDict(querystring))
    filterset.is_valid()
    return filterset


def normalised_querystring(querystring: str) -> str:
    """The canonical form of a /jobs/ query string: its valid filters, in a fixed order."""
    return _bound_filter(querystring).normalised_querystring()


def _suggested_name(filterset: ListingFilter) -> str:
    """A name from the filters ("care · Osaka"), for a search saved without one."""
    data = filterset.form.cleaned_data
    parts = [data["q"]] if data.get("q") else []
    for name in _SUGGESTED_NAME_PARTS:
        value = data.get(name)
        values = value if isinstance(value, list) else [value] if value else []
        labels = dict(filterset.filters[name].extra.get("choices") or [])
        parts.extend(str(labels.get(item, item)) for item in values)
    return " · ".join(parts)[:80] or _("All jobs")


# ---- saving, editing, pausing ----


@transaction.atomic
def saved_search_create(
    *, user, querystring: str, name: str = "", frequency: str = SavedSearch.Frequency.DAILY
) -> SavedSearch:
    """Save a /jobs/ search in its normalised form; refuses a duplicate and one too many."""
    if not user.is_authenticated or not user.is_seeker:
        raise PermissionDenied("Only job seekers save searches.")
    filterset = _bound_filter(querystring)
    normalised = filterset.normalised_querystring()
    if len(normalised) > SavedSearch._meta.get_field("querystring").max_length:
        raise ValidationError(
            _("This search has too many filters to save. Remove a few and try again."),
            code="too_long",
        )
    # Lock the seeker's row: two tabs saving at once are counted one after the other.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    existing = SavedSearch.objects.for_user(user).filter(querystring=normalised).first()
    if existing is not None:
        raise ValidationError(
            _("You already saved this search as “%(name)s”.") % {"name": existing.name},
            code="duplicate",
        )
    if SavedSearch.objects.for_user(user).count() >= SavedSearch.MAX_PER_SEEKER:
        raise ValidationError(
            _("You can keep up to %(max)s saved searches. Delete one before saving another.")
            % {"max": SavedSearch.MAX_PER_SEEKER},
            code="too_many",
        )
    saved_search = SavedSearch(
        user=user,
        name=(name or "").strip() or _suggested_name(filterset),
        querystring=normalised,
        frequency=frequency,
    )
    saved_search.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            saved_search.save()
    except IntegrityError as error:  # saved by a parallel request after our check
        raise ValidationError(_("You already saved this search."), code="duplicate") from error
    return saved_search


def _require_owner(saved_search: SavedSearch, by) -> None:
    if saved_search.user_id != by.pk:
        raise PermissionDenied


def saved_search_update(*, saved_search: SavedSearch, by, name: str, frequency: str):
    """Rename a saved search or change how often it emails."""
    _require_owner(saved_search, by)
    saved_search.name = name.strip()
    saved_search.frequency = frequency
    saved_search.full_clean(validate_unique=False, validate_constraints=False)
    saved_search.save(update_fields=["name", "frequency"])
    return saved_search


def saved_search_pause(*, saved_search: SavedSearch, by) -> SavedSearch:
    _require_owner(saved_search, by)
    saved_search.is_active = False
    saved_search.save(update_fields=["is_active"])
    return saved_search


def saved_search_resume(*, saved_search: SavedSearch, by) -> SavedSearch:
    _require_owner(saved_search, by)
    saved_search.is_active = True
    saved_search.save(update_fields=["is_active"])
    return saved_search


def saved_search_delete(*, saved_search: SavedSearch, by) -> None:
    _require_owner(saved_search, by)
    saved_search.delete()
