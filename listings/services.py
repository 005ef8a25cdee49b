"""Actions that change companies and listings; every status change goes through here."""

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from listings import cache as board_cache
from listings import checks, search
from listings.models import (
    AbuseReport,
    Company,
    CompanyInvitation,
    CompanyMembership,
    Listing,
)
from notifications import emails

DEFAULT_LIFETIME = datetime.timedelta(days=60)
MAX_LIFETIME = datetime.timedelta(days=120)
SLUG_MAX_LENGTH = 80


class TransitionNotAllowed(ValidationError):
    """The listing is not in a state from which this action is allowed."""


# Words used by URLs beside /jobs/<id>/<slug>/: a listing's slug never takes them.
RESERVED_SLUGS = {"apply", "save", "report"}


def _slug_for(text: str, fallback: str, *, allow_unicode: bool = True) -> str:
    slug = slugify(text, allow_unicode=allow_unicode)[:SLUG_MAX_LENGTH].strip("-") or fallback
    return f"{slug}-{fallback}" if slug in RESERVED_SLUGS else slug


def _unique_company_slug(name: str) -> str:
    # Company URLs stay ASCII; a name written only in Japanese gets "company-N".
    base = _slug_for(name, "company", allow_unicode=False)[:70]
    slug, number = base, 1
    while Company.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


# ---- companies ----


@transaction.atomic
def company_create(*, owner, **fields) -> Company:
    """Create a company with `owner` (an employer without a company) as its owner."""
    if not owner.is_employer:
        raise PermissionDenied("Only employer accounts can create a company.")
    if CompanyMembership.objects.filter(user=owner).exists():
        raise ValidationError(_("You already belong to a company."))
    company = Company(**fields)
    company.slug = _unique_company_slug(company.name_en)
    company.full_clean()
    company.save()
    CompanyMembership.objects.create(
        company=company, user=owner, role=CompanyMembership.Role.OWNER
    )
    return company


@transaction.atomic
def company_update(*, company: Company, **fields) -> Company:
    names_before = (company.name_en, company.name_ja)
    for name, value in fields.items():
        setattr(company, name, value)
    company.full_clean()
    company.save()
    if (company.name_en, company.name_ja) != names_before:
        listing_ids = list(company.listings.values_list("id", flat=True))
        transaction.on_commit(lambda: search.index_listings(listing_ids))
        transaction.on_commit(board_cache.board_changed)
    return company


@transaction.atomic
@transaction.atomic
def company_invite(*, company: Company, email: str, by) -> CompanyInvitation:
    """Invite someone by email to join the company; only its owners may invite."""
    if not CompanyMembership.objects.filter(
        company=company, user=by, role=CompanyMembership.Role.OWNER
    ).exists():
        raise PermissionDenied("Only a company's owners can invite members.")
    email = email.strip().lower()
    invitation = CompanyInvitation.objects.filter(
        company=company, email=email, accepted_at__isnull=True
    ).first()
    if invitation:
        return invitation
    invitation = CompanyInvitation.objects.create(
        company=company, email=email, invited_by=by, token=secrets.token_urlsafe(32)
    )
    emails.company_invitation(invitation)
    return invitation


@transaction.atomic
def company_set_verified(*, company: Company, by, verified: bool, note: str = "") -> Company:
    """Staff verify (or unverify) a company with a note; members hear of a verification."""
    if not by.is_staff:
        raise PermissionDenied("Only staff verify companies.")
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Say how the company was checked (or why it is no longer)."))
    company = Company.objects.select_for_update().get(pk=company.pk)
    if company.verified == verified:
        # Checked again: keep the newer note, tell nobody.
        company.verification_note = note[:2000]
        company.save(update_fields=["verification_note", "updated_at"])
        return company
    company.verified = verified
    company.verification_note = note[:2000]
    company.verified_at = timezone.now() if verified else None
    company.save(update_fields=["verified", "verification_note", "verified_at", "updated_at"])
    if verified:
        emails.company_verified(company)
    transaction.on_commit(board_cache.board_changed)
    return company


@transaction.atomic
def company_delete(*, company: Company, by, confirm_name: str) -> Company:
    """Delete a company at its owner's request, once none of its listings is open.

    Seekers keep the history of their applications, so the row stays as a tombstone: it
    keeps its name (shown in "My applications"), loses every other detail, its members,
    invitations and the listings nobody applied to, and disappears from public pages. The
    listings with applications stay, hidden, until the retention purge removes them.
    """
    # Imported here: applicants builds on listings, not the other way round.
    from applicants.selectors import listings_with_applications
    from applicants.services import applications_forget_company

    company = Company.objects.select_for_update().get(pk=company.pk)
    if company.is_deleted:
        raise ValidationError(_("This company is already deleted."), code="deleted")
    if not CompanyMembership.objects.filter(
        company=company, user=by, role=CompanyMembership.Role.OWNER
    ).exists():
        raise PermissionDenied("Only a company's owners can delete it.")
    if not company.name_matches(confirm_name):
        raise ValidationError(
            {"confirm_name": _("That is not the company name. Type it exactly as shown.")},
            code="confirm_name",
        )
    # Locked: a listing submitted meanwhile waits, then finds its company gone.
    rows = list(
        Listing.objects.select_for_update()
        .filter(company=company)
        .values_list("pk", "status", named=True)
    )
    open_count = sum(1 for row in rows if row.status in Listing.OPEN_STATUSES)
    if open_count:
        raise ValidationError(
            ngettext(
                "The company still has %(count)s open listing (published or waiting for "
                "review). Close it first; a listing under review can be closed once it is "
                "published.",
                "The company still has %(count)s open listings (published or waiting for "
                "review). Close them first; a listing under review can be closed once it is "
                "published.",
                open_count,
            )
            % {"count": open_count},
            code="open_listings",
        )
    applied = listings_with_applications([row.pk for row in rows])
    kept = [row.pk for row in rows if row.pk in applied]
    Listing.objects.filter(company=company).exclude(pk__in=kept).delete()
    Listing.objects.filter(pk__in=kept).update(created_by=None)
    applications_forget_company(listing_ids=kept)
    CompanyInvitation.objects.filter(company=company).delete()
    CompanyMembership.objects.filter(company=company).delete()
    company.deleted_at = timezone.now()
    # Frees the slug and the corporate number for a company registered again later.
    company.slug = f"deleted-{company.pk}-{secrets.token_hex(4)}"
    company.corporate_number = ""
    company.address = ""
    company.website = ""
    company.description = ""
    company.verified = False
    company.verified_at = None
    company.verification_note = ""
    company.save()
    transaction.on_commit(board_cache.board_changed)
    return company


def membership_set_applicant_emails(*, membership: CompanyMembership, choice: str) -> None:
    if choice not in CompanyMembership.ApplicantEmails.values:
        raise ValidationError(_("Choose how you want to hear about new applicants."))
    membership.applicant_emails = choice
    membership.save(update_fields=["applicant_emails"])


@transaction.atomic
def company_invitation_accept(*, token: str, user) -> CompanyMembership:
    invitation = (
        CompanyInvitation.objects.select_for_update()
        .filter(token=token, accepted_at__isnull=True)
        .first()
    )
    if invitation is None or invitation.email.lower() != user.email.lower():
        raise ValidationError(_("This invitation is not valid for your account."))
    if not user.is_employer:
        raise ValidationError(_("Only employer accounts can join a company."))
    if CompanyMembership.objects.filter(user=user).exists():
        raise ValidationError(_("You already belong to a company."))
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return CompanyMembership.objects.create(company=invitation.company, user=user)


# ---- listings ----

LISTING_EDITABLE_STATUSES = {
    Listing.Status.DRAFT,
    Listing.Status.PENDING,
    Listing.Status.REJECTED,
    Listing.Status.PUBLISHED,
}


def _locked(listing: Listing) -> Listing:
    return Listing.objects.select_for_update().select_related("company").get(pk=listing.pk)


def _move(listing: Listing, action: str) -> None:
    """Set the status `action` leads to, or refuse when the listing's status does not allow it."""
    if not listing.allows(action):
        raise TransitionNotAllowed(
            _("This cannot be done to a listing that is %(current)s.")
            % {"current": listing.get_status_display().lower()},
            code="transition",
        )
    listing.status = Listing.TRANSITIONS[action][1]


def _apply(listing: Listing, fields: dict) -> None:
    for name, value in fields.items():
        setattr(listing, name, value)
    listing.slug = _slug_for(listing.title_en or listing.title_ja, "job")


def _after_commit_index(listing: Listing) -> None:
    listing_id = listing.pk
    transaction.on_commit(lambda: search.index_listings([listing_id]))
    if listing.status == Listing.Status.PUBLISHED:
        transaction.on_commit(board_cache.board_changed)


@transaction.atomic
def listing_create(*, company: Company, by, residence_statuses, **fields) -> Listing:
    """Create a draft listing for `company`."""
    listing = Listing(company=company, created_by=by, status=Listing.Status.DRAFT)
    _apply(listing, fields)
    listing.full_clean()
    listing.save()
    listing.residence_statuses.set(residence_statuses)
    _after_commit_index(listing)
    return listing


@transaction.atomic
def listing_update(*, listing: Listing, by, residence_statuses=None, **fields) -> Listing:
    """Edit a listing. A rejected one returns to draft; a published one of an unverified
    company returns to review."""
    listing = _locked(listing)
    if listing.status not in LISTING_EDITABLE_STATUSES:
        raise TransitionNotAllowed(
            _("A %(status)s listing can no longer be edited.")
            % {"status": listing.get_status_display().lower()},
            code="not_editable",
        )
    _apply(listing, fields)
    if listing.allows("revise_rejected"):
        _move(listing, "revise_rejected")
    elif listing.allows("revise_published") and not listing.company.verified:
        _move(listing, "revise_published")
        listing.submitted_at = timezone.now()
    if listing.status == Listing.Status.PUBLISHED:
        # A verified company's live edit may move the deadline, and with it the expiry;
        # moderators review such edits after the fact.
        listing.expires_at = expiry_for(listing, listing.published_at)
        listing.edited_after_approval_at = timezone.now()
    if residence_statuses is not None and not residence_statuses:
        raise ValidationError(
            {"residence_statuses": _("Choose at least one residence status you accept.")}
        )
    listing.full_clean()
    listing.save()
    if residence_statuses is not None:
        listing.residence_statuses.set(residence_statuses)
    if listing.status in (Listing.Status.PENDING, Listing.Status.PUBLISHED):
        checks.refresh_flags(listing)
    _after_commit_index(listing)
    return listing


@transaction.atomic
def listing_submit(*, listing: Listing, by) -> Listing:
    """Send a draft to the moderators."""
    listing = _locked(listing)
    _move(listing, "submit")
    if not listing.residence_statuses.exists():
        raise ValidationError(_("Choose at least one residence status before submitting."))
    listing.submitted_at = timezone.now()
    listing.rejection_reason = ""
    listing.save(update_fields=["status", "submitted_at", "rejection_reason", "updated_at"])
    checks.refresh_flags(listing)
    return listing


# What moderators compare between the approved version and an edit.
REVIEWED_FIELDS = (
    "title_en",
    "title_ja",
    "description_en",
    "description_ja",
    "sector",
    "prefecture",
    "city",
    "employment_type",
    "salary_min",
    "salary_max",
    "salary_period",
    "japanese_level",
    "skills_test_required",
    "experience_years",
    "english_ok",
    "housing",
    "visa_support",
    "support_org_name",
    "support_org_number",
    "eligible_nationalities",
    "openings",
    "start_date",
    "deadline",
)


def approved_content(listing: Listing) -> dict:
    """The reviewed fields as plain JSON values (names, not ids, for readability)."""
    content = {}
    for name in REVIEWED_FIELDS:
        value = getattr(listing, name)
        if hasattr(value, "name_en"):
            value = value.name_en
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        elif name == "eligible_nationalities":
            value = ",".join(str(country) for country in value)
        content[name] = value
    content["residence_statuses"] = sorted(
        listing.residence_statuses.values_list("slug", flat=True)
    )
    return content


def changes_since_approval(listing: Listing) -> list[tuple[str, object, object]]:
    """(field, approved value, current value) for each field an edit changed."""
    if not listing.approved_content:
        return []
    current = approved_content(listing)
    return [
        (name, listing.approved_content.get(name), value)
        for name, value in current.items()
        if listing.approved_content.get(name) != value
    ]


def expiry_for(listing: Listing, published_at: datetime.datetime) -> datetime.datetime:
    """The deadline's end of day (Japan time) or 60 days after publication, at most 120."""
    latest = published_at + MAX_LIFETIME
    if listing.deadline:
        end_of_day = datetime.datetime.combine(
            listing.deadline, datetime.time.max, tzinfo=timezone.get_default_timezone()
        )
        return min(end_of_day, latest)
    return published_at + DEFAULT_LIFETIME


@transaction.atomic
def listing_approve(*, listing: Listing, by) -> Listing:
    """Publish a listing under review (staff only)."""
    if not by.is_staff:
        raise PermissionDenied("Only staff approve listings.")
    listing = _locked(listing)
    _move(listing, "approve")
    now = timezone.now()
    if listing.deadline and listing.deadline < timezone.localdate(now):
        raise ValidationError(
            _("The application deadline has passed; the employer must set a new one."),
            code="deadline_passed",
        )
    if listing.published_at is None or expiry_for(listing, listing.published_at) <= now:
        # First publication, or its earlier run ended while the edit waited for review.
        listing.published_at = now
    listing.expires_at = expiry_for(listing, listing.published_at)
    listing.rejection_reason = ""
    listing.approved_content = approved_content(listing)
    listing.edited_after_approval_at = None
    listing.save(
        update_fields=[
            "status",
            "published_at",
            "expires_at",
            "rejection_reason",
            "approved_content",
            "edited_after_approval_at",
            "updated_at",
        ]
    )
    transaction.on_commit(board_cache.board_changed)
    emails.listing_approved(listing)
    return listing


@transaction.atomic
def listing_reject(*, listing: Listing, by, reason: str) -> Listing:
    """Send a listing back to its employer with the reason (staff only)."""
    if not by.is_staff:
        raise PermissionDenied("Only staff reject listings.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the employer a reason for the rejection."), code="reason")
    listing = _locked(listing)
    _move(listing, "reject")
    listing.rejection_reason = reason[:2000]
    listing.save(update_fields=["status", "rejection_reason", "updated_at"])
    emails.listing_rejected(listing)
    return listing


@transaction.atomic
def listing_close(*, listing: Listing, by) -> Listing:
    """Stop a published listing from taking applications (its employer)."""
    listing = _locked(listing)
    _move(listing, "close")
    listing.closed_at = timezone.now()
    listing.save(update_fields=["status", "closed_at", "updated_at"])
    transaction.on_commit(board_cache.board_changed)
    return listing


@transaction.atomic
def listing_expire_due(*, now: datetime.datetime | None = None) -> int:
    """Mark every published listing past its deadline as expired and tell its company."""
    now = now or timezone.now()
    sources, target = Listing.TRANSITIONS["expire"]
    due = list(
        Listing.objects.due_to_expire(now)
        .filter(status__in=sources)
        .select_for_update(skip_locked=True)
        .values_list("pk", flat=True)
    )
    if not due:
        return 0
    Listing.objects.filter(pk__in=due).update(status=target, closed_at=now, updated_at=now)
    for listing in Listing.objects.filter(pk__in=due).select_related("company"):
        emails.listing_expired(listing)
    transaction.on_commit(board_cache.board_changed)
    return len(due)


def listings_warn_expiring(*, now: datetime.datetime | None = None) -> int:
    """Daily: tell companies which listings stop taking applications in 3 days."""
    now = now or timezone.now()
    day = timezone.localdate(now) + datetime.timedelta(days=3)
    start = datetime.datetime.combine(
        day, datetime.time.min, tzinfo=timezone.get_default_timezone()
    )
    listings = Listing.objects.live(now).filter(
        expires_at__gte=start, expires_at__lt=start + datetime.timedelta(days=1)
    )
    count = 0
    with transaction.atomic():
        for listing in listings.select_related("company"):
            emails.listing_expiring(listing)
            count += 1
    return count


@transaction.atomic
def listing_duplicate(*, listing: Listing, by) -> Listing:
    """A new draft with the same content, for posting a similar opening."""
    copy_fields = {
        field.name: getattr(listing, field.name)
        for field in Listing._meta.concrete_fields
        if field.name
        not in {
            "id",
            "company",
            "created_by",
            "slug",
            "status",
            "rejection_reason",
            "created_at",
            "updated_at",
            "submitted_at",
            "published_at",
            "expires_at",
            "closed_at",
            "search_vector",
            "salary_monthly_min",
            "deadline",
        }
    }
    return listing_create(
        company=listing.company,
        by=by,
        residence_statuses=list(listing.residence_statuses.all()),
        **copy_fields,
    )


# ---- abuse reports ----

SUSPEND_AFTER_REPORTERS = 3


@transaction.atomic
def report_create(*, listing: Listing, reporter, reason: str, details: str = "") -> AbuseReport:
    """A logged-in person reports a listing; three different people hide it for review."""
    if not reporter.is_authenticated:
        raise PermissionDenied
    details = (details or "").strip()
    report = AbuseReport(listing=listing, reporter=reporter, reason=reason, details=details)
    report.full_clean(exclude=["listing", "reporter"])
    if AbuseReport.objects.filter(
        listing=listing, reporter=reporter, status=AbuseReport.Status.OPEN
    ).exists():
        raise ValidationError(
            _("You already reported this listing; our moderators are looking at it."),
            code="duplicate",
        )
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:
        raise ValidationError(
            _("You already reported this listing; our moderators are looking at it."),
            code="duplicate",
        ) from error
    reporters = (
        AbuseReport.objects.filter(listing=listing, status=AbuseReport.Status.OPEN)
        .values("reporter")
        .distinct()
        .count()
    )
    if reporters >= SUSPEND_AFTER_REPORTERS:
        listing_suspend(listing=listing)
    return report


def listing_suspend(*, listing: Listing) -> None:
    """Hide a reported listing from search until a moderator reviews it again."""
    listing = _locked(listing)
    if not listing.allows("suspend"):
        return
    _move(listing, "suspend")
    listing.submitted_at = timezone.now()
    listing.save(update_fields=["status", "submitted_at", "updated_at"])
    emails.listing_suspended(listing)
    transaction.on_commit(board_cache.board_changed)


@transaction.atomic
def report_resolve(*, report: AbuseReport, by, outcome: str, note: str = "") -> AbuseReport:
    if not by.is_staff:
        raise PermissionDenied("Only staff resolve reports.")
    report = AbuseReport.objects.select_for_update().get(pk=report.pk)
    if report.status != AbuseReport.Status.OPEN:
        raise ValidationError(_("This report is already resolved."), code="resolved")
    if outcome not in AbuseReport.Outcome.values:
        raise ValidationError(_("Choose the outcome."), code="outcome")
    report.status = AbuseReport.Status.RESOLVED
    report.outcome = outcome
    report.resolution_note = (note or "").strip()[:2000]
    report.resolved_by = by
    report.resolved_at = timezone.now()
    report.save()
    return report
