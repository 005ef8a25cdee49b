"""Forms of the employer area: the company profile and the listing editor."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from listings.models import AbuseReport, Company, Listing, Prefecture


class CompanyDeleteForm(forms.Form):
    confirm_name = forms.CharField(
        label=_("Type the company name to confirm"),
        max_length=150,
        error_messages={"required": _("Type the company name to confirm.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company

    def clean_confirm_name(self):
        typed = self.cleaned_data["confirm_name"].strip()
        if not self.company.name_matches(typed):
            raise forms.ValidationError(
                _("That is not the company name. Type it exactly as shown."), code="confirm_name"
            )
        return typed


class CompanyForm(forms.ModelForm):
    website = forms.URLField(
        label=_("website"), max_length=300, required=False, assume_scheme="https"
    )
    # Room for the hyphens and spaces people paste; the model validates the 13 digits.
    corporate_number = forms.CharField(
        label=_("corporate number (法人番号)"),
        max_length=20,
        required=False,
        help_text=_("13 digits, from the National Tax Agency's corporate number site."),
    )

    class Meta:
        model = Company
        fields = [
            "name_en",
            "name_ja",
            "corporate_number",
            "prefecture",
            "address",
            "website",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prefecture"].queryset = Prefecture.objects.active()
        self.fields["corporate_number"].widget.attrs.update(
            {"inputmode": "numeric", "pattern": "[0-9]{13}", "autocomplete": "off"}
        )

    def clean_corporate_number(self):
        # People paste numbers with spaces or hyphens; store the 13 digits.
        value = self.cleaned_data["corporate_number"]
        return "".join(ch for ch in value if ch not in " -\u3000")


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address of your colleague"), max_length=254)


class ListingForm(forms.ModelForm):
    sections = [
        (
            _("In English"),
            ["title_en", "description_en"],
        ),
        (
            _("In Japanese"),
            ["title_ja", "description_ja"],
        ),
        (
            _("The job"),
            [
                "sector",
                "residence_statuses",
                "prefecture",
                "city",
                "employment_type",
                "openings",
                "start_date",
                "deadline",
            ],
        ),
        (
            _("Pay"),
            ["salary_min", "salary_max", "salary_period"],
        ),
        (
            _("Requirements"),
            [
                "japanese_level",
                "skills_test_required",
                "experience_years",
                "eligible_nationalities",
            ],
        ),
        (
            _("Conditions and support"),
            [
                "english_ok",
                "housing",
                "visa_support",
                "support_org_name",
                "support_org_number",
            ],
        ),
    ]

    class Meta:
        model = Listing
        fields = [
            "title_en",
            "description_en",
            "title_ja",
            "description_ja",
            "sector",
            "residence_statuses",
            "prefecture",
            "city",
            "employment_type",
            "salary_min",
            "salary_max",
            "salary_period",
            "japanese_level",
            "skills_test_required",
            "experience_years",
            "english_ok",
            "housing",
            "visa_support",
            "support_org_name",
            "support_org_number",
            "eligible_nationalities",
            "openings",
            "start_date",
            "deadline",
        ]
        widgets = {
            "description_en": forms.Textarea(attrs={"rows": 10}),
            "description_ja": forms.Textarea(attrs={"rows": 10, "lang": "ja"}),
            "title_ja": forms.TextInput(attrs={"lang": "ja"}),
            "residence_statuses": forms.CheckboxSelectMultiple,
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "salary_min": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "salary_max": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        help_texts = {
            "description_en": _("Markdown: ## for headings, - for lists, **bold**."),
            "description_ja": _("Markdown: ## for headings, - for lists, **bold**."),
            "salary_min": _("Yen, before tax, for the period below."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("sector", "residence_statuses", "prefecture", "japanese_level"):
            self.fields[name].queryset = self.fields[name].queryset.filter(is_active=True)
        self.fields["residence_statuses"].error_messages["required"] = _(
            "Choose at least one residence status you accept."
        )
        # Positive integer fields put min="0" on their inputs; the model needs at least 1.
        for name in ("salary_min", "salary_max", "openings"):
            self.fields[name].widget.attrs["min"] = 1

    def clean_start_date(self):
        start = self.cleaned_data.get("start_date")
        if start and start < timezone.localdate() and start != self.initial.get("start_date"):
            raise forms.ValidationError(_("The start date cannot be in the past."))
        return start

    def grouped(self):
        """The form's fields by section, for the template."""
        return [(title, [self[name] for name in names]) for title, names in self.sections]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this listing?"),
        choices=AbuseReport.Reason.choices,
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Details (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        help_text=_("For example: what they asked you to pay, and how."),
    )
