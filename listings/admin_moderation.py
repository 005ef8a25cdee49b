"""Moderation in the admin: the review queue, reports, flags and their helpers."""

import datetime

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from listings import services
from listings.models import AbuseReport, FeeKeyword, Listing, ListingFlag, ListingForReview
from listings.moderation_forms import RejectForm, ResolveReportForm


def apply_to_each(model_admin, request, queryset, action, done_message):
    """Run a service on each selected listing; one whose state changed meanwhile is skipped."""
    done = 0
    for listing in queryset:
        try:
            action(listing)
        except ValidationError as error:
            model_admin.message_user(
                request,
                _("Skipped “%(listing)s”: %(reason)s")
                % {"listing": listing, "reason": " ".join(error.messages)},
                messages.WARNING,
            )
        else:
            done += 1
    if done:
        model_admin.message_user(request, done_message(done), messages.SUCCESS)


def action_form_response(model_admin, request, queryset, form, *, title):
    """The intermediate page of an admin action that needs a form (a reason, a note)."""
    return TemplateResponse(
        request,
        "admin/action_with_form.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": title,
            "opts": model_admin.model._meta,
            "form": form,
            "queryset": queryset,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        },
    )


class HasFlagsFilter(admin.SimpleListFilter):
    title = _("automatic flags")
    parameter_name = "flags"

    def lookups(self, request, model_admin):
        return [("yes", _("Has flags")), ("no", _("No flags"))]

    def queryset(self, request, queryset):
        flagged = ListingFlag.objects.filter(listing=OuterRef("pk"))
        if self.value() == "yes":
            return queryset.filter(Exists(flagged))
        if self.value() == "no":
            return queryset.exclude(Exists(flagged))
        return queryset


class RecentlyEditedFilter(admin.SimpleListFilter):
    title = _("edited after approval")
    parameter_name = "edited"

    def lookups(self, request, model_admin):
        return [("7", _("In the last 7 days")), ("30", _("In the last 30 days"))]

    def queryset(self, request, queryset):
        if self.value() in ("7", "30"):
            since = timezone.now() - datetime.timedelta(days=int(self.value()))
            return queryset.filter(edited_after_approval_at__gte=since)
        return queryset


class FlagInline(admin.TabularInline):
    model = ListingFlag
    extra = 0
    fields = ["code", "detail", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ReportInline(admin.TabularInline):
    model = AbuseReport
    extra = 0
    fields = ["created_at", "reason", "details", "status", "outcome"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


def report_decided_meanwhile(model_admin, request, queryset) -> None:
    """Selected listings the queue no longer holds were decided by someone else meanwhile."""
    selected = {
        int(pk) for pk in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME) if pk.isdigit()
    }
    gone = selected - set(queryset.values_list("pk", flat=True))
    for listing in Listing.objects.filter(pk__in=gone):
        model_admin.message_user(
            request,
            _("Skipped “%(listing)s”: it was decided meanwhile and is now %(status)s.")
            % {"listing": listing, "status": listing.get_status_display().lower()},
            messages.WARNING,
        )


def reject_each(model_admin, request, queryset):
    """Bulk reject with one reason chosen from the list plus free text."""
    form = RejectForm(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        apply_to_each(
            model_admin,
            request,
            queryset,
            lambda listing: services.listing_reject(
                listing=listing, by=request.user, reason=form.reason_text()
            ),
            lambda n: ngettext("Rejected %d listing.", "Rejected %d listings.", n) % n,
        )
        return None
    return action_form_response(model_admin, request, queryset, form, title=_("Reject listings"))


@admin.register(ListingForReview)
class ListingForReviewAdmin(admin.ModelAdmin):
    """The moderation queue: pending listings, oldest first, with flags and edits."""

    list_display = [
        "__str__",
        "company",
        "company_verified",
        "flag_count",
        "is_edit",
        "submitted_at",
        "waiting",
    ]
    list_select_related = ["company"]
    list_filter = [HasFlagsFilter, "company__verified", "sector"]
    search_fields = ["title_en", "title_ja", "company__name_en", "company__name_ja"]
    ordering = ["submitted_at", "id"]
    actions = ["approve_listings", "reject_listings"]
    inlines = [FlagInline, ReportInline]
    change_form_template = "admin/listings/listingforreview/change_form.html"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(status=Listing.Status.PENDING)
            .annotate(flag_total=Count("flags", distinct=True))
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Listing._meta.fields if field.name != "search_vector"]

    def get_fields(self, request, obj=None):
        return ["company", *services.REVIEWED_FIELDS, "submitted_at", "published_at"]

    @admin.display(boolean=True, description=_("verified company"))
    def company_verified(self, listing):
        return listing.company.verified

    @admin.display(description=_("flags"), ordering="flag_total")
    def flag_count(self, listing):
        return listing.flag_total

    @admin.display(boolean=True, description=_("edit of a published listing"))
    def is_edit(self, listing):
        return bool(listing.approved_content)

    @admin.display(description=_("waiting"))
    def waiting(self, listing):
        return timesince(listing.submitted_at) if listing.submitted_at else "—"

    def get_urls(self):
        return [
            path(
                "<int:pk>/approve/",
                self.admin_site.admin_view(self.approve_view),
                name="listings_listingforreview_approve",
            ),
            path(
                "<int:pk>/reject/",
                self.admin_site.admin_view(self.reject_view),
                name="listings_listingforreview_reject",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        listing = self.get_object(request, object_id)
        extra = {
            "changes": services.changes_since_approval(listing) if listing else [],
            "reject_form": RejectForm(),
        }
        return super().change_view(
            request, object_id, form_url, {**extra, **(extra_context or {})}
        )

    def _decide(self, request, pk, decide):
        if request.method != "POST" or not self.has_change_permission(request):
            raise PermissionDenied
        listing = get_object_or_404(Listing, pk=pk)
        try:
            decide(listing)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.WARNING)
            listing.refresh_from_db(fields=["status"])
            if listing.status == Listing.Status.PENDING:
                return redirect("admin:listings_listingforreview_change", pk)
        return redirect("admin:listings_listingforreview_changelist")

    def approve_view(self, request, pk):
        def approve(listing):
            services.listing_approve(listing=listing, by=request.user)
            self.message_user(request, _("Published “%s”.") % listing, messages.SUCCESS)

        return self._decide(request, pk, approve)

    def reject_view(self, request, pk):
        form = RejectForm(request.POST)

        def reject(listing):
            if not form.is_valid():
                raise ValidationError([e for errors in form.errors.values() for e in errors])
            services.listing_reject(listing=listing, by=request.user, reason=form.reason_text())
            self.message_user(request, _("Rejected “%s”.") % listing, messages.SUCCESS)

        return self._decide(request, pk, reject)

    @admin.action(
        description=_("Approve and publish the selected listings"), permissions=["change"]
    )
    def approve_listings(self, request, queryset):
        report_decided_meanwhile(self, request, queryset)
        apply_to_each(
            self,
            request,
            queryset,
            lambda listing: services.listing_approve(listing=listing, by=request.user),
            lambda n: ngettext("Published %d listing.", "Published %d listings.", n) % n,
        )

    @admin.action(description=_("Reject the selected listings…"), permissions=["change"])
    def reject_listings(self, request, queryset):
        if "apply" in request.POST:
            report_decided_meanwhile(self, request, queryset)
        return reject_each(self, request, queryset)


@admin.register(AbuseReport)
class AbuseReportAdmin(admin.ModelAdmin):
    list_display = ["listing", "reason", "reporter", "status", "outcome", "created_at"]
    list_filter = ["status", "reason", "outcome"]
    list_select_related = ["listing", "reporter"]
    search_fields = ["details", "listing__title_en", "listing__title_ja", "reporter__email"]
    date_hierarchy = "created_at"
    actions = ["resolve_reports"]
    readonly_fields = [
        "listing",
        "reporter",
        "reason",
        "details",
        "status",
        "outcome",
        "resolution_note",
        "resolved_by",
        "resolved_at",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Resolve the selected reports…"), permissions=["change"])
    def resolve_reports(self, request, queryset):
        form = ResolveReportForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            done = 0
            for report in queryset:
                try:
                    services.report_resolve(
                        report=report,
                        by=request.user,
                        outcome=form.cleaned_data["outcome"],
                        note=form.cleaned_data["note"],
                    )
                except ValidationError as error:
                    self.message_user(
                        request, f"{report}: {' '.join(error.messages)}", messages.WARNING
                    )
                else:
                    done += 1
            if done:
                self.message_user(
                    request,
                    ngettext("Resolved %d report.", "Resolved %d reports.", done) % done,
                    messages.SUCCESS,
                )
            return None
        return action_form_response(self, request, queryset, form, title=_("Resolve reports"))


@admin.register(FeeKeyword)
class FeeKeywordAdmin(admin.ModelAdmin):
    list_display = ["phrase", "language", "is_active", "checked_on"]
    list_filter = ["language", "is_active"]
    list_editable = ["is_active"]
    search_fields = ["phrase"]


@admin.register(ListingFlag)
class ListingFlagAdmin(admin.ModelAdmin):
    list_display = ["listing", "code", "detail", "created_at"]
    list_filter = ["code"]
    list_select_related = ["listing"]
    search_fields = ["detail", "listing__title_en", "listing__title_ja"]
    readonly_fields = ["listing", "code", "detail", "created_at"]

    def has_add_permission(self, request):
        return False
