from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListingsConfig(AppConfig):
    name = "listings"
    verbose_name = _("Listings")

    def ready(self):
        from auditlog.registry import auditlog

        from listings.models import AbuseReport, Company, CompanyMembership, Listing

        # The audit trail: who changed what, before and after, for moderation and staff edits.
        auditlog.register(Listing, exclude_fields=["search_vector", "updated_at"])
        auditlog.register(Company, exclude_fields=["updated_at"])
        auditlog.register(CompanyMembership)
        auditlog.register(AbuseReport)
