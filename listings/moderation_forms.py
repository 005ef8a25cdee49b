"""Forms moderators fill in the admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from listings.models import AbuseReport

REJECTION_REASONS = [
    ("fees", _("Asks the worker to pay fees, deposits or penalties")),
    ("below_wage", _("Salary below the minimum wage")),
    ("off_site_contact", _("Contact details that route applicants off Hataraku")),
    ("ssw", _("Does not meet Specified Skilled Worker requirements")),
    ("missing", _("Missing or unclear information")),
    ("misleading", _("Misleading or cannot be verified")),
    ("other", _("Other (explain below)")),
]


class RejectForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=REJECTION_REASONS)
    details = forms.CharField(
        label=_("Details for the employer"),
        required=False,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == "other" and not cleaned.get("details", "").strip():
            self.add_error("details", _("Explain the reason."))
        return cleaned

    def reason_text(self) -> str:
        label = dict(REJECTION_REASONS)[self.cleaned_data["reason"]]
        details = self.cleaned_data.get("details", "").strip()
        return f"{label}. {details}" if details else str(label)


class VerificationForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How the company was checked: corporate number, a call, a visit…"),
    )


class ResolveReportForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=AbuseReport.Outcome.choices)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
