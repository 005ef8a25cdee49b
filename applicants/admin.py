from django.contrib import admin

from applicants import services
from applicants.models import (
    CV,
    AlertDelivery,
    Application,
    ApplicationEvent,
    SavedJob,
    SavedSearch,
    SectorExperience,
    SeekerProfile,
)


class ExperienceInline(admin.TabularInline):
    model = SectorExperience
    extra = 0


@admin.register(SeekerProfile)
class SeekerProfileAdmin(admin.ModelAdmin):
    list_display = ["full_name", "user", "nationality", "in_japan", "japanese_level", "updated_at"]
    list_filter = ["in_japan", "japanese_level", "education"]
    list_select_related = ["user", "japanese_level"]
    search_fields = ["full_name", "user__email"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["skills_tests", "desired_sectors", "desired_prefectures"]
    inlines = [ExperienceInline]


@admin.register(CV)
class CVAdmin(admin.ModelAdmin):
    list_display = ["label", "owner", "original_name", "size", "is_default", "created_at"]
    list_select_related = ["owner"]
    search_fields = ["label", "original_name", "owner__email"]
    readonly_fields = ["uuid", "file", "original_name", "extension", "content_type", "size"]
    list_filter = ["content_type", "is_default"]
    date_hierarchy = "created_at"


class EventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    fields = ["created_at", "actor", "from_status", "to_status", "message", "internal_note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "listing", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["listing"]
    search_fields = ["seeker__email", "listing__title_en", "listing__title_ja"]
    autocomplete_fields = ["listing", "seeker", "cv"]
    readonly_fields = ["profile_snapshot", "created_at", "updated_at"]
    date_hierarchy = "created_at"
    inlines = [EventInline]

    def delete_model(self, request, obj):
        cv = obj.cv
        super().delete_model(request, obj)
        services.cv_purge_if_unused(cv)

    def delete_queryset(self, request, queryset):
        cvs = list(CV.objects.filter(applications__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for cv in cvs:
            services.cv_purge_if_unused(cv)


@admin.register(SavedJob)
class SavedJobAdmin(admin.ModelAdmin):
    list_display = ["user", "listing", "created_at"]
    list_select_related = ["user", "listing"]
    autocomplete_fields = ["user", "listing"]


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(admin.ModelAdmin):
    list_display = ["application", "from_status", "to_status", "actor", "created_at"]
    list_filter = ["to_status"]
    list_select_related = ["application", "application__listing", "actor"]
    search_fields = ["message", "internal_note", "application__seeker__email"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "application",
        "actor",
        "from_status",
        "to_status",
        "message",
        "internal_note",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SectorExperience)
class SectorExperienceAdmin(admin.ModelAdmin):
    list_display = ["profile", "sector", "years"]
    list_select_related = ["profile", "profile__user", "sector"]
    list_filter = ["sector"]
    search_fields = ["profile__full_name", "profile__user__email"]


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "frequency", "is_active", "last_sent_at", "created_at"]
    list_filter = ["frequency", "is_active"]
    list_select_related = ["user"]
    search_fields = ["name", "querystring", "user__email"]
    autocomplete_fields = ["user"]
    readonly_fields = ["last_sent_at", "created_at"]
    date_hierarchy = "created_at"


@admin.register(AlertDelivery)
class AlertDeliveryAdmin(admin.ModelAdmin):
    list_display = ["saved_search", "listing", "sent_at"]
    list_select_related = ["saved_search", "listing"]
    search_fields = ["saved_search__name", "saved_search__user__email"]
    readonly_fields = ["saved_search", "listing", "sent_at"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
