"""Forms of saved searches: saving the current /jobs/ search, and editing one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from applicants.models import SavedSearch


class SaveSearchForm(forms.Form):
    # The raw query string of the page; the service keeps only its valid filters.
    querystring = forms.CharField(required=False, max_length=4000, widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=80,
        help_text=_("Leave empty to name it after its filters."),
    )
    frequency = forms.ChoiceField(
        label=_("Email me new jobs"),
        choices=SavedSearch.Frequency.choices,
        initial=SavedSearch.Frequency.DAILY,
    )
    next = forms.CharField(required=False, max_length=4000, widget=forms.HiddenInput)


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        labels = {"frequency": _("Email me new jobs")}
