"""Actions on profiles, CVs, applications and saved jobs."""

import logging
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants.cv_validation import check_cv_upload
from applicants.models import (
    CV,
    Application,
    ApplicationEvent,
    SavedJob,
    SectorExperience,
    SeekerProfile,
)
from applicants.permissions import can_manage_application
from applicants.snapshots import profile_snapshot
from notifications import emails

logger = logging.getLogger(__name__)


class StaleStatus(ValidationError):
    """The application changed since the page was loaded (a colleague moved it)."""


# ---- profile ----


def profile_for(user) -> SeekerProfile:
    profile, _created = SeekerProfile.objects.get_or_create(
        user=user, defaults={"full_name": user.full_name}
    )
    return profile


@transaction.atomic
def profile_update(
    *,
    profile: SeekerProfile,
    skills_tests,
    desired_sectors,
    desired_prefectures,
    experience: dict,
    **fields,
) -> SeekerProfile:
    """Save the profile; `experience` maps sectors to years (0 removes the sector)."""
    for name, value in fields.items():
        setattr(profile, name, value)
    if not profile.in_japan:
        profile.current_status = None
    profile.full_clean()
    profile.save()
    profile.skills_tests.set(skills_tests)
    profile.desired_sectors.set(desired_sectors)
    profile.desired_prefectures.set(desired_prefectures)
    profile.experience.all().delete()
    SectorExperience.objects.bulk_create(
        SectorExperience(profile=profile, sector=sector, years=years)
        for sector, years in experience.items()
        if years
    )
    return profile


# ---- CVs ----


@transaction.atomic
def cv_upload(*, owner, upload, label: str) -> CV:
    """Store a checked CV in private storage; the first one becomes the default."""
    # Lock the owner's row: concurrent uploads (even the very first) are counted one by one.
    get_user_model().objects.select_for_update().filter(pk=owner.pk).first()
    count = CV.objects.visible().filter(owner=owner).count()
    if count >= CV.MAX_PER_SEEKER:
        raise ValidationError(
            _("You can keep up to %(max)s CVs. Delete one before uploading another.")
            % {"max": CV.MAX_PER_SEEKER},
            code="too_many",
        )
    checked = check_cv_upload(upload)
    cv = CV(
        owner=owner,
        label=(label or "").strip()[:80] or checked.display_name[:80],
        original_name=checked.display_name,
        extension=checked.extension,
        content_type=checked.content_type,
        size=checked.size,
        is_default=count == 0,
    )
    cv.full_clean(exclude=["file"])
    cv.file.save(checked.display_name, upload, save=False)
    try:
        cv.save()
    except Exception:
        cv.file.delete(save=False)  # nothing stays in storage when the row is not written
        raise
    return cv


@transaction.atomic
def cv_set_default(*, cv: CV, by) -> CV:
    if cv.owner_id != by.id or cv.deleted_at:
        raise PermissionDenied
    CV.objects.filter(owner=by, is_default=True).update(is_default=False)
    cv.is_default = True
    cv.save(update_fields=["is_default"])
    return cv


@transaction.atomic
def cv_delete(*, cv: CV, by) -> None:
    """Remove a CV; one sent with an application stays readable by that employer."""
    if cv.owner_id != by.id or cv.deleted_at:
        raise PermissionDenied
    was_default = cv.is_default
    if cv.applications.exists():
        cv.deleted_at = timezone.now()
        cv.is_default = False
        cv.save(update_fields=["deleted_at", "is_default"])
    else:
        stored = cv.file.name
        storage = cv.file.storage
        cv.delete()
        transaction.on_commit(lambda: storage.delete(stored))
    if was_default:
        newest = CV.objects.visible().filter(owner=by).order_by("-created_at").first()
        if newest:
            newest.is_default = True
            newest.save(update_fields=["is_default"])


def cv_files_delete_on_commit(cvs) -> None:
    """Remove these CVs' files from storage once the transaction deleting their rows commits."""
    stored = [(cv.file.storage, cv.file.name) for cv in cvs if cv.file.name]

    def delete_files():
        for storage, name in stored:
            try:
                storage.delete(name)
            except Exception:
                # The rows are gone already: a file left behind is only found by an audit.
                logger.warning("Could not delete a CV file from storage", exc_info=True)

    transaction.on_commit(delete_files)


def cv_purge_if_unused(cv: CV | None) -> None:
    """Delete a soft-deleted CV and its file once no application refers to it."""
    if cv is not None and cv.deleted_at and not cv.applications.exists():
        stored, storage = cv.file.name, cv.file.storage
        cv.delete()
        transaction.on_commit(lambda: storage.delete(stored))


# ---- applications ----


def _require_can_apply(listing, seeker) -> SeekerProfile:
    if not seeker.is_authenticated or not seeker.is_seeker:
        raise PermissionDenied("Only job seekers apply.")
    if not EmailAddress.objects.filter(user=seeker, verified=True).exists():
        raise ValidationError(_("Verify your email address before applying."), code="unverified")
    if not listing.is_accepting_applications():
        raise ValidationError(
            _("This job is no longer accepting applications."), code="not_accepting"
        )
    profile = profile_for(seeker)
    missing = profile.missing_to_apply()
    if missing:
        raise ValidationError(
            _("Complete your profile before applying: %(fields)s.")
            % {"fields": ", ".join(missing)},
            code="profile_incomplete",
        )
    return profile


def application_submit(*, listing, seeker, cv: CV, cover_letter: str = "") -> tuple:
    """Apply once to a listing. Returns (application, created): a second submission, from a
    double click or another tab, returns the existing application instead of failing."""
    existing = Application.objects.filter(listing=listing, seeker=seeker).first()
    if existing:
        return existing, False
    profile = _require_can_apply(listing, seeker)
    if cv.owner_id != seeker.id or cv.deleted_at:
        raise ValidationError(_("Choose one of your CVs."), code="cv")
    cover_letter = (cover_letter or "").strip()
    if len(cover_letter) > 5000:
        raise ValidationError(_("The cover letter can be at most 5,000 characters."))
    try:
        with transaction.atomic():
            application = Application.objects.create(
                listing=listing,
                seeker=seeker,
                cv=cv,
                cover_letter=cover_letter,
                profile_snapshot=profile_snapshot(profile),
            )
            ApplicationEvent.objects.create(
                application=application,
                actor=seeker,
                to_status=Application.Status.SUBMITTED,
            )
            emails.application_submitted(application)
    except IntegrityError:
        # The other request won the race; its application is the one.
        return Application.objects.get(listing=listing, seeker=seeker), False
    return application, True


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("listing")
        .get(pk=application.pk)
    )


@transaction.atomic
def application_move(
    *,
    application: Application,
    by,
    to_status: str,
    message: str = "",
    internal_note: str = "",
    expected_status: str | None = None,
) -> Application:
    """Move an application through the pipeline (employer) or withdraw it (its seeker)."""
    application = _locked(application)
    if to_status == Application.Status.WITHDRAWN:
        if application.seeker_id != by.id:
            raise PermissionDenied
    elif to_status not in Application.EMPLOYER_TARGETS or not can_manage_application(
        by, application
    ):
        raise PermissionDenied
    if expected_status and application.status != expected_status:
        raise StaleStatus(
            _("This application was changed meanwhile; it is now “%(status)s”.")
            % {"status": application.get_status_display()},
            code="stale",
        )
    if not application.can_move_to(to_status):
        raise ValidationError(
            _("An application that is “%(current)s” cannot become “%(target)s”.")
            % {
                "current": application.get_status_display(),
                "target": Application.Status(to_status).label,
            },
            code="transition",
        )
    event = ApplicationEvent(
        application=application,
        actor=by,
        from_status=application.status,
        to_status=to_status,
        message=(message or "").strip(),
        internal_note=(internal_note or "").strip(),
    )
    event.full_clean(exclude=["application", "actor"])
    application.status = to_status
    application.save(update_fields=["status", "updated_at"])
    event.save()
    emails.application_moved(application, event)
    return application


def application_withdraw(*, application: Application, by) -> Application:
    return application_move(application=application, by=by, to_status=Application.Status.WITHDRAWN)


def application_withdraw_for_deleted_account(*, application: Application) -> bool:
    """Withdraw an open application because its seeker deleted their account.

    Nobody is emailed: the employer sees "Withdrawn — account deleted" on its pages. Returns
    whether the application moved (a closed one keeps its status). The caller holds the lock.
    """
    to_status = Application.Status.WITHDRAWN
    if not application.is_open or not application.can_move_to(to_status):
        return False
    ApplicationEvent.objects.create(
        application=application,
        actor=None,
        from_status=application.status,
        to_status=to_status,
        reason=ApplicationEvent.Reason.ACCOUNT_DELETED,
    )
    application.status = to_status
    return True


def application_add_note(*, application: Application, by, note: str) -> ApplicationEvent:
    """An internal note on the timeline; the candidate never sees it."""
    if not can_manage_application(by, application):
        raise PermissionDenied
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Write the note first."), code="empty")
    event = ApplicationEvent(application=application, actor=by, internal_note=note)
    event.full_clean(exclude=["application", "actor"])
    event.save()
    return event


def applications_bulk_reject(*, applications, by, message: str = "") -> tuple[int, int]:
    """Reject several applications with one message; returns (rejected, skipped)."""
    rejected = skipped = 0
    for application in applications:
        try:
            application_move(
                application=application,
                by=by,
                to_status=Application.Status.REJECTED,
                message=message,
            )
        except ValidationError:
            skipped += 1
        else:
            rejected += 1
    return rejected, skipped


@transaction.atomic
def applications_forget_company(*, listing_ids) -> None:
    """The company of these listings deleted its account: its private notes on the
    applications go, and so do seekers' saved copies of the listings, now hidden."""
    events = ApplicationEvent.objects.filter(application__listing_id__in=listing_ids)
    events.filter(to_status="").delete()  # notes only
    events.exclude(internal_note="").update(internal_note="")
    SavedJob.objects.filter(listing_id__in=listing_ids).delete()


def applicants_send_daily_summaries(*, now=None) -> int:
    """Daily: members who chose a summary get yesterday's new applicants in one email."""
    from listings.models import CompanyMembership

    now = now or timezone.now()
    since = now - timedelta(days=1)
    memberships = CompanyMembership.objects.filter(
        applicant_emails=CompanyMembership.ApplicantEmails.DAILY, user__is_active=True
    ).select_related("user")
    by_company: dict[int, list] = {}
    for application in (
        Application.objects.filter(
            created_at__gte=since,
            created_at__lt=now,
            listing__company__in={m.company_id for m in memberships},
        )
        .select_related("listing", "listing__company")
        .order_by("created_at")
    ):
        by_company.setdefault(application.listing.company_id, []).append(application)
    sent = 0
    with transaction.atomic():
        for membership in memberships:
            applications = by_company.get(membership.company_id)
            if applications:
                emails.applicants_daily_summary(
                    membership.user, applications, timezone.localdate(now)
                )
                sent += 1
    return sent


# ---- saved jobs ----


def saved_job_toggle(*, user, listing) -> bool:
    """Save or unsave a listing; returns whether it is saved now."""
    deleted, _rows = SavedJob.objects.filter(user=user, listing=listing).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            SavedJob.objects.create(user=user, listing=listing)
    except IntegrityError:
        pass  # saved by a parallel request
    return True
