from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from applicants import privacy


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "is_staff", "is_active", "date_joined"]
    list_filter = ["role", "is_staff", "is_superuser", "is_active", "preferred_language"]
    search_fields = ["email", "full_name"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["full_name", "role", "preferred_language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "role", "password1", "password2"],
            },
        ),
    ]

    # A seeker deleted here goes the same way as one who deletes their own account: their
    # applications stay with the employers without personal data, and CV files leave storage.
    # A plain delete would keep names and cover letters and orphan the files.
    def delete_model(self, request, obj):
        if obj.is_seeker:
            privacy.seeker_account_delete(user=obj)
        else:
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            self.delete_model(request, user)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if all(user.is_seeker for user in objs):
            # Their applications keep the CVs from a plain delete; the seeker deletion
            # detaches them first, so nothing stands in its way.
            protected = []
        return deleted, counts, perms_needed, protected


# The audit trail is read-only and can never be deleted from the admin; search it by the
# actor's email (this user model has no first or last name).
admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class AuditEntryAdmin(LogEntryAdmin):
    search_fields = ["object_repr", "changes", "actor__email"]

    def has_delete_permission(self, request, obj=None):
        return False
