from django.contrib import admin

from api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "prefix",
        "company",
        "created_by",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["revoked_at"]
    list_select_related = ["company", "created_by"]
    search_fields = ["name", "prefix", "company__name_en"]
    # Tokens are made by their company's owners; staff only look, or revoke by date.
    readonly_fields = [
        "company",
        "name",
        "prefix",
        "created_by",
        "created_at",
        "last_used_at",
        "revoked_by",
    ]
    fields = [*readonly_fields, "revoked_at"]

    def has_add_permission(self, request):
        return False
