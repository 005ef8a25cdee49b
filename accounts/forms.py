"""Sign-up: email, password and whether the person is looking for work or hiring."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class SignupForm(AllauthSignupForm):
    role = forms.ChoiceField(
        label=_("I am…"),
        choices=[
            (User.Role.SEEKER, _("I am looking for work")),
            (User.Role.EMPLOYER, _("I am hiring")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you are looking for work or hiring.")},
    )

    field_order = ["role", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The column holds 254 characters; refuse longer input here rather than in the database.
        email = self.fields["email"]
        email.max_length = User._meta.get_field("email").max_length
        email.validators.append(MaxLengthValidator(email.max_length))
        email.widget.attrs["maxlength"] = str(email.max_length)

    def validate_unique_email(self, value):
        # allauth hides existing accounts at sign-up by default; this board tells the person
        # plainly (sign-up is rate limited) while password reset still reveals nothing.
        email = super().validate_unique_email(value)
        if self.account_already_exists:
            self.account_already_exists = False
            raise forms.ValidationError(
                _("An account with this email address already exists. Log in instead."),
                code="email_taken",
            )
        return email


class AccountSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_language"]
        help_texts = {
            "preferred_language": _(
                "The site opens in this language and every email to you is written in it."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language in its own script, so that a reader finds theirs whatever the page's.
        self.fields["preferred_language"].choices = [
            (code, translation.get_language_info(code)["name_local"])
            for code, _name in settings.LANGUAGES
        ]
