"""Account views that extend allauth's, and the account settings page."""

from allauth.account.views import LoginView as AllauthLoginView
from allauth.account.views import SignupView as AllauthSignupView
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts import services
from accounts.forms import AccountSettingsForm
from accounts.models import User
from jobboard.ratelimits import allauth_window


class SignupView(AllauthSignupView):
    """allauth's sign-up, with the role pre-selected by ?role= (the "For employers" link)."""

    def get_initial(self):
        initial = super().get_initial()
        role = self.request.GET.get("role")
        initial["role"] = role if role in User.Role.values else User.Role.SEEKER
        return initial


signup = SignupView.as_view()


class LoginView(AllauthLoginView):
    """allauth's log-in; a locked-out account or address gets its form back with a 429."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.has_error(NON_FIELD_ERRORS, "too_many_login_attempts"):
            response.status_code = 429
            response["Retry-After"] = str(allauth_window("login_failed"))
        return response


login = LoginView.as_view()


@login_required
def account_settings(request):
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = services.user_update_settings(
            user=request.user,
            full_name=form.cleaned_data["full_name"],
            preferred_language=form.cleaned_data["preferred_language"],
        )
        with translation.override(user.preferred_language):
            messages.success(request, _("Your settings are saved."))
            response = redirect(reverse("account_settings"))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    return render(request, "account/settings.html", {"form": form})
