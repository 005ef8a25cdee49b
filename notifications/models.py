"""The outbox: every email is a row first, written in the transaction of the event causing it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Notification.Status.PENDING)


class Notification(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    class Kind(models.TextChoices):
        ACCOUNT = "account", _("Account email")
        APPLICATION_RECEIVED = "application_received", _("Application received (seeker)")
        NEW_APPLICANT = "new_applicant", _("New applicant (employer)")
        APPLICANTS_DIGEST = "applicants_digest", _("Daily applicants summary (employer)")
        APPLICATION_STATUS = "application_status", _("Application status changed (seeker)")
        APPLICATION_WITHDRAWN = "application_withdrawn", _("Application withdrawn (employer)")
        LISTING_APPROVED = "listing_approved", _("Listing approved")
        LISTING_REJECTED = "listing_rejected", _("Listing rejected")
        LISTING_EXPIRING = "listing_expiring", _("Listing expiring soon")
        LISTING_EXPIRED = "listing_expired", _("Listing expired")
        LISTING_SUSPENDED = "listing_suspended", _("Listing hidden after reports")
        COMPANY_VERIFIED = "company_verified", _("Company verified")
        COMPANY_INVITATION = "company_invitation", _("Company invitation")
        JOB_ALERT = "job_alert", _("Job alert digest")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
    )
    to_email = models.EmailField(_("to"))
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("plain-text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    headers = models.JSONField(_("extra headers"), default=dict, blank=True)
    dedup_key = models.CharField(
        _("deduplication key"),
        max_length=200,
        unique=True,
        help_text=_("The same event never makes two emails."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("email notification")
        verbose_name_plural = _("email notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="notification_status_created"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.to_email}"
