"""allauth adapter: the role chosen at sign-up, and account emails through the outbox."""

import uuid

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction

from notifications.models import Notification
from notifications.services import notify_rendered


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        role = form.cleaned_data.get("role")
        if role:
            user.role = role
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        """Verification and password-reset emails go through the outbox like every other
        email: a row first, then Celery; a broker outage delays them but loses none."""
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
