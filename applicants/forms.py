"""Forms of the seeker pages and of the employer's applicant pipeline."""

from django import forms
from django.utils.translation import gettext_lazy as _

from applicants.cv_validation import MAX_CV_BYTES
from applicants.models import CV, Application, SeekerProfile
from listings.models import JapaneseLevel, Prefecture, ResidenceStatus, Sector

CV_ACCEPT = (
    ".pdf,.docx,application/pdf,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = SeekerProfile
        fields = [
            "full_name",
            "nationality",
            "country_of_residence",
            "in_japan",
            "current_status",
            "phone",
            "japanese_level",
            "japanese_level_year",
            "skills_tests",
            "education",
            "other_languages",
            "desired_sectors",
            "desired_prefectures",
            "summary",
        ]
        widgets = {
            "skills_tests": forms.CheckboxSelectMultiple,
            "desired_sectors": forms.CheckboxSelectMultiple,
            "desired_prefectures": forms.SelectMultiple(attrs={"size": 8}),
            "summary": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "japanese_level_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }

    def __init__(self, *args, experience=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills_tests"].queryset = Sector.objects.active().filter(is_ssw_field=True)
        self.fields["desired_sectors"].queryset = Sector.objects.active()
        self.fields["desired_prefectures"].queryset = Prefecture.objects.active()
        self.fields["current_status"].queryset = ResidenceStatus.objects.active()
        self.fields["japanese_level"].queryset = JapaneseLevel.objects.active()
        self.fields["japanese_level"].empty_label = _("Not yet")
        experience = experience or {}
        self.experience_fields = []
        for sector in self.fields["desired_sectors"].queryset:
            name = f"experience_{sector.slug}"
            self.fields[name] = forms.IntegerField(
                label=sector.name,
                min_value=0,
                max_value=50,
                required=False,
                initial=experience.get(sector.id) or None,
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "narrow-input"}),
            )
            self.experience_fields.append((name, sector))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("in_japan") and not cleaned.get("current_status"):
            self.add_error("current_status", _("Choose your current residence status."))
        year = cleaned.get("japanese_level_year")
        if year and not cleaned.get("japanese_level"):
            self.add_error("japanese_level_year", _("Choose the level you obtained that year."))
        return cleaned

    def experience(self) -> dict:
        return {
            sector: self.cleaned_data.get(name) or 0 for name, sector in self.experience_fields
        }

    def experience_bound_fields(self):
        return [self[name] for name, _sector in self.experience_fields]

    def profile_fields(self) -> dict:
        data = dict(self.cleaned_data)
        for name, _sector in self.experience_fields:
            data.pop(name, None)
        return data


class CVUploadForm(forms.Form):
    label = forms.CharField(
        label=_("Label"),
        max_length=80,
        required=False,
        help_text=_("For example: “CV in English” or “Caregiver CV”."),
    )
    file = forms.FileField(
        label=_("CV file (PDF or Word .docx, at most 5 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": CV_ACCEPT}),
        max_length=255,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CV_BYTES:
            raise forms.ValidationError(_("This file is larger than 5 MB."), code="too_large")
        return upload


class ApplyForm(forms.Form):
    cv = forms.ModelChoiceField(
        label=_("CV to send"),
        queryset=CV.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
    )
    new_cv = forms.FileField(
        label=_("…or upload a new CV (PDF or Word .docx, at most 5 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": CV_ACCEPT}),
        max_length=255,
    )
    new_cv_label = forms.CharField(label=_("Label for the new CV"), max_length=80, required=False)
    cover_letter = forms.CharField(
        label=_("Cover letter (optional)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": 5000}),
        help_text=_("Up to 5,000 characters. Why this job, and when you could start."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the employer sees my profile, my CV and this letter."),
        error_messages={"required": _("Tick the box to share your profile with the employer.")},
    )

    def __init__(self, *args, seeker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cv"].queryset = CV.objects.visible().filter(owner=seeker)
        default = self.fields["cv"].queryset.filter(is_default=True).first()
        if default and not self.is_bound:
            self.initial["cv"] = default.pk

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("cv") and "cv" not in self.errors:
            self.add_error("cv", _("Choose a CV or upload one."))
        return cleaned


class MoveForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Move to"))
    message = forms.CharField(
        label=_("Message to the candidate (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )
    internal_note = forms.CharField(
        label=_("Internal note (only your company sees it)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 2000}),
    )
    expected_status = forms.ChoiceField(
        choices=Application.Status.choices, widget=forms.HiddenInput
    )

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        targets = [
            (value, label)
            for value, label in Application.Status.choices
            if value in Application.EMPLOYER_TARGETS and application.can_move_to(value)
        ]
        self.fields["to_status"].choices = targets
        self.initial.setdefault("expected_status", application.status)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Internal note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 2000}),
    )


class BulkRejectForm(forms.Form):
    applications = forms.ModelMultipleChoiceField(
        queryset=Application.objects.none(),
        error_messages={"required": _("Select at least one applicant.")},
    )
    message = forms.CharField(
        label=_("Message to every selected candidate (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )

    def __init__(self, *args, listing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = Application.objects.filter(listing=listing)


class AccountDeleteForm(forms.Form):
    """Deleting the account asks for the password again: a session left open is not enough."""

    password = forms.CharField(
        label=_("Your current password"),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Type your current password to delete your account.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your current password. Nothing was deleted."), code="password"
            )
        return password
