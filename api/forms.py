"""JSON bodies through the web forms: the API validates writes with the same form code.

The API names reference rows by slug where the web form posts ids, so the form's choice
fields look rows up by slug here; everything else (required fields, limits, the model's
clean(), the services' rules) is the web's own validation.
"""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from api.errors import BodyError
from applicants.models import Application
from listings.forms import ListingForm

# ListingForm fields named by slug in the API.
SLUG_FIELDS = ("sector", "residence_statuses", "prefecture", "japanese_level")
# More values than any list field has choices (about 250 countries): the rest is dropped.
MAX_LIST_ITEMS = 300


def _is_multiple(field) -> bool:
    return isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)


def _form_value(name: str, field, value, errors: dict):
    """A JSON value as the string(s) an HTML form would post, or an error for its type."""
    if _is_multiple(field):
        if not isinstance(value, list) or not all(
            isinstance(item, str | int) and not isinstance(item, bool) for item in value
        ):
            errors[name] = [_("Send a list of values.")]
            return None
        return [str(item) for item in value[:MAX_LIST_ITEMS]]
    if isinstance(field, forms.BooleanField):
        if not isinstance(value, bool):
            errors[name] = [_("Send true or false.")]
            return None
        return "on" if value else ""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        errors[name] = [_("Send a single value.")]
        return None
    return str(value)


def form_data(form_class, body, *, base: dict | None = None, **form_kwargs) -> dict:
    """The form's data from a JSON object, over `base` (the current values, for PATCH)."""
    if not isinstance(body, dict):
        raise BodyError({"non_field_errors": [_("Send a JSON object.")]})
    fields = form_class(**form_kwargs).fields
    data, errors = dict(base or {}), {}
    for name, field in fields.items():
        if name in body:
            value = _form_value(name, field, body[name], errors)
            if value is not None:
                data[name] = value
    if errors:
        raise BodyError(errors)
    return data


class ApiListingForm(ListingForm):
    """The web's listing form, with reference rows named by slug."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SLUG_FIELDS:
            self.fields[name].to_field_name = "slug"


def listing_as_data(listing) -> dict:
    """A listing's current values as form data (slugs for reference rows), for PATCH."""
    data = {
        name: ("" if value is None else str(value))
        for name, value in (
            (name, getattr(listing, name))
            for name in ApiListingForm._meta.fields
            if name not in SLUG_FIELDS and name != "eligible_nationalities"
        )
    }
    for name in ("skills_test_required", "english_ok", "visa_support"):
        data[name] = "on" if getattr(listing, name) else ""
    for name in ("start_date", "deadline"):
        value = getattr(listing, name)
        data[name] = value.isoformat() if value else ""
    data["sector"] = listing.sector.slug
    data["prefecture"] = listing.prefecture.slug
    data["japanese_level"] = listing.japanese_level.slug
    data["residence_statuses"] = [status.slug for status in listing.residence_statuses.all()]
    data["eligible_nationalities"] = [country.code for country in listing.eligible_nationalities]
    return data


# ---- the request bodies, as the schema documents them ----


def _documented(field, description: str | None = None) -> serializers.Field:
    """A serializer field describing what the form field accepts (for the schema only)."""
    common = {
        "required": field.required,
        "help_text": description or str(field.help_text or "") or None,
    }
    if isinstance(field, forms.ModelMultipleChoiceField):
        return serializers.ListField(child=serializers.CharField(), **common)
    if isinstance(field, forms.MultipleChoiceField):
        return serializers.ListField(
            child=serializers.CharField(min_length=2, max_length=2), **common
        )
    if isinstance(field, forms.ModelChoiceField):
        return serializers.CharField(**common)
    if isinstance(field, forms.ChoiceField):
        return serializers.ChoiceField(choices=[c for c in field.choices if c[0] != ""], **common)
    if isinstance(field, forms.BooleanField):
        return serializers.BooleanField(required=False, help_text=common["help_text"])
    if isinstance(field, forms.DateField):
        return serializers.DateField(allow_null=not field.required, **common)
    if isinstance(field, forms.IntegerField):
        return serializers.IntegerField(
            min_value=field.min_value, max_value=field.max_value, **common
        )
    return serializers.CharField(
        max_length=field.max_length, allow_blank=not field.required, **common
    )


def _body_serializer(name: str, form, descriptions: dict[str, str]):
    fields = {
        field_name: _documented(field, descriptions.get(field_name))
        for field_name, field in form.fields.items()
    }
    return type(name, (serializers.Serializer,), fields)


ListingInput = _body_serializer(
    "ListingInput",
    ApiListingForm(),
    {
        "sector": "Sector slug (/api/v1/sectors/).",
        "residence_statuses": "Slugs of the residence statuses accepted (/residence-statuses/).",
        "prefecture": "Prefecture slug (/prefectures/).",
        "japanese_level": "Japanese level slug (/japanese-levels/).",
        "eligible_nationalities": "ISO 3166 two-letter codes; empty for every nationality.",
    },
)


class MoveInput(serializers.Serializer):
    to_status = serializers.ChoiceField(
        choices=sorted(Application.EMPLOYER_TARGETS),
        help_text="One of the application's `next_statuses`.",
    )
    message = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, help_text="Emailed to the candidate."
    )
    internal_note = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, help_text="Only your company sees it."
    )
    expected_status = serializers.ChoiceField(
        choices=Application.Status.values,
        required=False,
        help_text="The status you last saw: the move is refused (409) if it changed meanwhile.",
    )


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=80,
        help_text=gettext_lazy("What will use the token, e.g. “Our applicant tracking system”."),
    )
