from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "guides"
    verbose_name = _("Guides")

    def ready(self):
        from auditlog.registry import auditlog

        from guides.models import Guide, GuideTranslation

        # Guides are advice people act on: keep who changed which words, and when.
        auditlog.register(Guide, exclude_fields=["updated_at"])
        auditlog.register(GuideTranslation, exclude_fields=["updated_at"])
