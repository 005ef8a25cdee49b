"""allauth adapter: the role chosen at sign-up, and account emails through the outbox."""

import math
import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django import forms
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.utils import translation
from django.utils.translation import ngettext

from jobboard.ratelimits import allauth_window
from notifications.models import Notification
from notifications.services import notify_rendered


class AccountAdapter(DefaultAccountAdapter):
    def validation_error(self, code, *args):
        if code == "too_many_login_attempts":
            # Say when: the longest window of the failed log-in limits (account and IP).
            minutes = math.ceil(allauth_window("login_failed") / 60)
            message = ngettext(
                "Too many failed log-in attempts. Please try again in %(minutes)s minute.",
                "Too many failed log-in attempts. Please try again in %(minutes)s minutes.",
                minutes,
            )
            return forms.ValidationError(message % {"minutes": minutes}, code=code)
        return super().validation_error(code, *args)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        role = form.cleaned_data.get("role")
        if role:
            user.role = role
        # The language the person signed up in is the one their emails start in.
        language = translation.get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        """Verification and password-reset emails go through the outbox like every other
        email: a row first, then Celery; a broker outage delays them but loses none. They are
        written in the account's preferred language when the address has an account."""
        request = allauth_context.request
        site = get_current_site(request)
        context = {"request": request, "email": email, "current_site": site, **context}
        user = context.get("user")
        language = getattr(user, "preferred_language", "") or translation.get_language()
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
            html = next(
                (
                    content
                    for content, mimetype in getattr(message, "alternatives", [])
                    if mimetype == "text/html"
                ),
                "",
            )
            with transaction.atomic():
                notify_rendered(
                    kind=Notification.Kind.ACCOUNT,
                    to_email=email,
                    subject=message.subject,
                    body_text=message.body,
                    body_html=html,
                    dedup_key=f"account:{template_prefix.rsplit('/', 1)[-1]}:{uuid.uuid4().hex}",
                )
