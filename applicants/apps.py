from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicantsConfig(AppConfig):
    name = "applicants"
    verbose_name = _("Applicants")

    def ready(self):
        from auditlog.registry import auditlog

        from applicants.models import Application

        # Status changes are audited; personal content stays out of the log moderators read.
        auditlog.register(
            Application, exclude_fields=["updated_at", "profile_snapshot", "cover_letter"]
        )
