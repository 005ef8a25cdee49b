"""Employer API tokens: each belongs to a company and acts as the member who created it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from listings.models import Company


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def for_company(self, company):
        return self.filter(company=company)


class ApiToken(models.Model):
    """A bearer token `htk_<prefix>_<secret>`: the prefix finds the row, the secret's SHA-256
    proves it. The secret itself is shown once and never stored."""

    MAX_ACTIVE_PER_COMPANY = 10

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("company")
    )
    name = models.CharField(
        _("name"), max_length=80, help_text=_("What uses this token, e.g. “Our ATS”.")
    )
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["company", "revoked_at"], name="api_token_company")]

    def __str__(self):
        return f"{self.name} ({self.prefix})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
