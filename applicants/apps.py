from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicantsConfig(AppConfig):
    name = "applicants"
    verbose_name = _("Applicants")

    def ready(self):
        from auditlog.registry import auditlog

        from applicants.models import Application

        # Status changes of applications are audited; the profile snapshot is not copied again.
        auditlog.register(Application, exclude_fields=["updated_at", "profile_snapshot"])
