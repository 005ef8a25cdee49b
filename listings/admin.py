from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from listings import search, services
from listings.admin_moderation import (
    FlagInline,
    HasFlagsFilter,
    RecentlyEditedFilter,
    ReportInline,
    action_form_response,
    apply_to_each,
    reject_each,
)
from listings.cache import board_changed
from listings.models import (
    Company,
    CompanyInvitation,
    CompanyMembership,
    CountryInfo,
    JapaneseLevel,
    Listing,
    Prefecture,
    ResidenceStatus,
    Sector,
)
from listings.moderation_forms import VerificationForm
from listings.reference import reference_data_changed


class ReferenceAdmin(admin.ModelAdmin):
    list_display = [
        "name_en",
        "name_ja",
        "name_ur",
        "slug",
        "sort_order",
        "is_active",
        "checked_on",
    ]
    list_editable = ["sort_order", "is_active"]
    search_fields = ["name_en", "name_ja", "name_ur", "slug"]
    list_filter = ["is_active"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        reference_data_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        reference_data_changed()


@admin.register(CountryInfo)
class CountryInfoAdmin(admin.ModelAdmin):
    list_display = ["country", "ssw_memorandum", "memorandum_year", "checked_on"]
    list_filter = ["ssw_memorandum"]
    search_fields = ["country"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        reference_data_changed()


@admin.register(Sector)
class SectorAdmin(ReferenceAdmin):
    list_display = [*ReferenceAdmin.list_display, "is_ssw_field", "has_ssw2"]
    list_filter = ["is_active", "is_ssw_field", "has_ssw2"]


@admin.register(ResidenceStatus)
class ResidenceStatusAdmin(ReferenceAdmin):
    pass


@admin.register(JapaneseLevel)
class JapaneseLevelAdmin(ReferenceAdmin):
    list_display = [*ReferenceAdmin.list_display, "rank"]


@admin.register(Prefecture)
class PrefectureAdmin(ReferenceAdmin):
    list_display = [
        "code",
        "name_en",
        "name_ja",
        "name_ur",
        "region",
        "minimum_wage_yen",
        "minimum_wage_fiscal_year",
        "minimum_wage_effective_from",
        "checked_on",
    ]
    list_editable = ["minimum_wage_yen", "minimum_wage_effective_from"]
    list_filter = ["region", "minimum_wage_fiscal_year"]
    ordering = ["code"]


class MembershipInline(admin.TabularInline):
    model = CompanyMembership
    extra = 0
    autocomplete_fields = ["user"]


class CompanyListingInline(admin.TabularInline):
    model = Listing
    fields = ["title_en", "title_ja", "status", "published_at", "expires_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_ja", "prefecture", "verified", "listing_count", "created_at"]
    list_filter = ["verified", "prefecture__region"]
    list_select_related = ["prefecture"]
    search_fields = ["name_en", "name_ja", "slug", "corporate_number"]
    readonly_fields = ["created_at", "updated_at"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [MembershipInline, CompanyListingInline]
    date_hierarchy = "created_at"
    actions = ["verify_companies", "unverify_companies"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"  # the Django 6 default, chosen now
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        # Verification goes through the actions, which keep a note and tell the members.
        return [
            *super().get_readonly_fields(request, obj),
            "verified",
            "verification_note",
            "verified_at",
        ]

    @admin.action(description=_("Verify the selected companies…"), permissions=["change"])
    def verify_companies(self, request, queryset):
        return self._set_verified(request, queryset, verified=True)

    @admin.action(
        description=_("Remove verification from the selected companies…"), permissions=["change"]
    )
    def unverify_companies(self, request, queryset):
        return self._set_verified(request, queryset, verified=False)

    def _set_verified(self, request, queryset, *, verified):
        form = VerificationForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            for company in queryset:
                services.company_set_verified(
                    company=company,
                    by=request.user,
                    verified=verified,
                    note=form.cleaned_data["note"],
                )
            self.message_user(
                request,
                _("Companies verified.") if verified else _("Verification removed."),
                messages.SUCCESS,
            )
            return None
        return action_form_response(
            self,
            request,
            queryset,
            form,
            title=_("Verify companies") if verified else _("Remove verification"),
        )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(listing_count=Count("listings"))

    @admin.display(description=_("listings"), ordering="listing_count")
    def listing_count(self, company):
        return company.listing_count


@admin.register(CompanyInvitation)
class CompanyInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "company", "invited_by", "created_at", "accepted_at"]
    list_select_related = ["company", "invited_by"]
    search_fields = ["email", "company__name_en"]
    readonly_fields = ["token", "created_at", "accepted_at"]
    autocomplete_fields = ["company", "invited_by"]


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "company",
        "sector",
        "prefecture",
        "status",
        "application_count",
        "submitted_at",
        "published_at",
        "expires_at",
    ]
    list_filter = [
        "status",
        HasFlagsFilter,
        RecentlyEditedFilter,
        "sector",
        "prefecture__region",
        "company__verified",
    ]
    inlines = [FlagInline, ReportInline]
    list_select_related = ["company", "sector", "prefecture"]
    search_fields = ["title_en", "title_ja", "company__name_en", "company__name_ja"]
    autocomplete_fields = ["company", "created_by"]
    filter_horizontal = ["residence_statuses"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "status",
        "slug",
        "created_by",
        "created_at",
        "updated_at",
        "submitted_at",
        "published_at",
        "expires_at",
        "closed_at",
        "rejection_reason",
        "approved_content",
        "edited_after_approval_at",
    ]
    actions = ["approve_listings", "reject_listings"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(applications_total=Count("applications"))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Edits that verified companies publish directly are reviewed here after the fact.
        listing = self.get_object(request, object_id)
        changes = services.changes_since_approval(listing) if listing else []
        return super().change_view(
            request, object_id, form_url, {"changes": changes, **(extra_context or {})}
        )

    @admin.display(description=_("applications"), ordering="applications_total")
    def application_count(self, listing):
        return listing.applications_total

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        search.index_listings([obj.pk])
        board_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        board_changed()

    @admin.action(
        description=_("Approve and publish the selected listings"), permissions=["change"]
    )
    def approve_listings(self, request, queryset):
        apply_to_each(
            self,
            request,
            queryset,
            lambda listing: services.listing_approve(listing=listing, by=request.user),
            lambda n: ngettext("Published %d listing.", "Published %d listings.", n) % n,
        )

    @admin.action(description=_("Reject the selected listings…"), permissions=["change"])
    def reject_listings(self, request, queryset):
        return reject_each(self, request, queryset)


@admin.register(CompanyMembership)
class CompanyMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "company", "role", "applicant_emails", "created_at"]
    list_filter = ["role", "applicant_emails"]
    list_select_related = ["user", "company"]
    search_fields = ["user__email", "company__name_en", "company__name_ja"]
    autocomplete_fields = ["user", "company"]
