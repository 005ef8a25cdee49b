"""A seeker's own data: the export they download, and deleting their account."""

import json
import logging
import tempfile
import zipfile
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants import services
from applicants.cv_validation import sanitise_filename
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
from listings.models import Listing
from notifications import emails
from notifications.services import notifications_forget

logger = logging.getLogger(__name__)

# Up to five CVs of at most 5 MB each, plus older ones still attached to applications: an
# export past this is refused rather than filling the disk or holding a worker for minutes.
MAX_EXPORT_BYTES = 100 * 1024 * 1024
# Exports smaller than this are built in memory, larger ones in a temporary file.
SPOOL_BYTES = 2 * 1024 * 1024
COPY_CHUNK = 64 * 1024


class ExportTooLarge(ValidationError):
    """The files to export exceed MAX_EXPORT_BYTES."""


# ---- export ----


def _status(choices, value) -> dict:
    return {"code": value, "label": str(choices(value).label) if value else ""}


def _listing_url(listing: Listing) -> str:
    if listing.status in Listing.PUBLIC_STATUSES and not listing.company.is_deleted:
        return settings.SITE_URL + listing.get_absolute_url()
    return ""


def _listing(listing: Listing) -> dict:
    return {
        "title_en": listing.title_en,
        "title_ja": listing.title_ja,
        "company": listing.company.name_en,
        "status": _status(Listing.Status, listing.status),
        "url": _listing_url(listing),
    }


def exported_cvs(user) -> list[CV]:
    """The seeker's CVs in an export: those not deleted, and those sent with an application."""
    sent = Application.objects.filter(cv=OuterRef("pk"))
    return list(
        CV.objects.filter(owner=user)
        .filter(Q(deleted_at__isnull=True) | Exists(sent))
        .order_by("created_at", "id")
    )


def _zip_names(cvs: list[CV]) -> dict[int, str]:
    """A safe, unique path in the zip for each CV, from its original name."""
    names: dict[int, str] = {}
    taken: set[str] = set()
    for cv in cvs:
        name = sanitise_filename(cv.original_name or "cv", cv.extension or "")
        stem, dot, extension = name.rpartition(".")
        if not dot:
            stem, extension = name, ""
        candidate, number = name, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem} ({number}).{extension}" if dot else f"{stem} ({number})"
        taken.add(candidate.casefold())
        names[cv.pk] = f"cvs/{candidate}"
    return names


def seeker_export_documents(user, cvs: list[CV], zip_names: dict[int, str]) -> dict[str, object]:
    """Every JSON document of the export, by file name: what the site holds about `user`."""
    profile = (
        SeekerProfile.objects.select_related("japanese_level", "current_status")
        .prefetch_related(
            "skills_tests",
            "desired_sectors",
            "desired_prefectures",
            Prefetch("experience", queryset=SectorExperience.objects.select_related("sector")),
        )
        .filter(user=user)
        .first()
    )
    visible_events = ApplicationEvent.objects.exclude(to_status="").only(
        "application_id", "from_status", "to_status", "message", "reason", "created_at"
    )
    applications = (
        Application.objects.filter(seeker=user)
        .select_related("listing", "listing__company", "cv")
        .defer("listing__description_en", "listing__description_ja", "listing__search_vector")
        .prefetch_related(Prefetch("events", queryset=visible_events))
        .order_by("created_at", "id")
    )
    saved_jobs = (
        SavedJob.objects.filter(user=user)
        .select_related("listing", "listing__company")
        .defer("listing__description_en", "listing__description_ja", "listing__search_vector")
    )
    saved_searches = list(SavedSearch.objects.for_user(user).order_by("created_at", "id"))
    deliveries = {
        row["saved_search_id"]: row
        for row in AlertDelivery.objects.filter(saved_search__user=user)
        .order_by()
        .values("saved_search_id")
        .annotate(count=Count("id"), first=Min("sent_at"), last=Max("sent_at"))
    }
    addresses = EmailAddress.objects.filter(user=user).order_by("email")

    return {
        "profile.json": {
            "account": {
                "email": user.email,
                "full_name": user.full_name,
                "preferred_language": user.preferred_language,
                "joined_at": user.date_joined,
                "last_login_at": user.last_login,
                "email_addresses": [
                    {"email": a.email, "verified": a.verified, "primary": a.primary}
                    for a in addresses
                ],
            },
            "profile": _profile(profile) if profile else None,
        },
        "experience.json": [
            {"sector": item.sector.name_en, "years": item.years}
            for item in (profile.experience.all() if profile else [])
        ],
        "applications.json": [
            {
                "listing": _listing(application.listing),
                "status": _status(Application.Status, application.status),
                "applied_at": application.created_at,
                "updated_at": application.updated_at,
                "cover_letter": application.cover_letter,
                "cv": zip_names.get(application.cv_id, "") if application.cv_id else "",
                "profile_sent": application.profile_snapshot,
                "events": [
                    {
                        "at": event.created_at,
                        "from_status": _status(Application.Status, event.from_status),
                        "to_status": _status(Application.Status, event.to_status),
                        "message_from_employer": event.message,
                    }
                    for event in application.events.all()
                ],
            }
            for application in applications
        ],
        "saved_jobs.json": [
            {"listing": _listing(saved.listing), "saved_at": saved.created_at}
            for saved in saved_jobs
        ],
        "saved_searches.json": [
            {
                "name": search.name,
                "search": search.querystring,
                "frequency": search.frequency,
                "emails_on": search.is_active,
                "last_sent_at": search.last_sent_at,
                "created_at": search.created_at,
            }
            for search in saved_searches
        ],
        "alert_deliveries.json": [
            {
                "saved_search": search.name,
                "jobs_sent": deliveries[search.pk]["count"],
                "first_sent_at": deliveries[search.pk]["first"],
                "last_sent_at": deliveries[search.pk]["last"],
            }
            for search in saved_searches
            if search.pk in deliveries
        ],
        "cvs.json": [
            {
                "file": zip_names[cv.pk],
                "label": cv.label,
                "original_name": cv.original_name,
                "content_type": cv.content_type,
                "size": cv.size,
                "default": cv.is_default,
                "uploaded_at": cv.created_at,
                "deleted_at": cv.deleted_at,
            }
            for cv in cvs
        ],
    }


def _profile(profile: SeekerProfile) -> dict:
    return {
        "full_name": profile.full_name,
        "nationality": profile.nationality.code or "",
        "country_of_residence": profile.country_of_residence.code or "",
        "in_japan": profile.in_japan,
        "current_status": profile.current_status.name_en if profile.current_status else "",
        "phone": profile.phone,
        "japanese_level": profile.japanese_level.name_en if profile.japanese_level else "",
        "japanese_level_year": profile.japanese_level_year,
        "skills_tests": [sector.name_en for sector in profile.skills_tests.all()],
        "education": profile.education,
        "other_languages": profile.other_languages,
        "desired_sectors": [sector.name_en for sector in profile.desired_sectors.all()],
        "desired_prefectures": [p.name_en for p in profile.desired_prefectures.all()],
        "summary": profile.summary,
        "updated_at": profile.updated_at,
    }


@dataclass
class Export:
    file: object  # an open binary file positioned at the start; closing it deletes it
    filename: str


def seeker_export(*, user, max_bytes: int | None = None) -> Export:
    """Build the seeker's zip (JSON documents and CV files) in a temporary file.

    Raises ExportTooLarge when the files exceed `max_bytes` (MAX_EXPORT_BYTES by default).
    """
    if not user.is_authenticated or not user.is_seeker:
        raise PermissionDenied
    limit = MAX_EXPORT_BYTES if max_bytes is None else max_bytes
    cvs = exported_cvs(user)
    too_large = ExportTooLarge(
        _(
            "Your files are too large to export at once. Delete CVs you no longer need, or "
            "contact us for a copy."
        ),
        code="too_large",
    )
    if sum(cv.size for cv in cvs) > limit:
        raise too_large
    zip_names = _zip_names(cvs)
    documents = seeker_export_documents(user, cvs, zip_names)
    handle = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - returned open
    try:
        written = 0
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("README.txt", _readme())
            for name, document in documents.items():
                archive.writestr(
                    name, json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
                )
            for cv in cvs:
                written += _copy_cv(archive, cv, zip_names[cv.pk], limit - written)
                if written > limit:
                    raise too_large
        handle.seek(0)
    except BaseException:
        handle.close()
        raise
    filename = f"hataraku-data-{timezone.localdate():%Y%m%d}.zip"
    return Export(file=handle, filename=filename)


def _copy_cv(archive: zipfile.ZipFile, cv: CV, arcname: str, room: int) -> int:
    """Copy one CV into the zip; stops past `room` bytes. A missing file is skipped."""
    copied = 0
    try:
        source = cv.file.open("rb")
    except (FileNotFoundError, ValueError):
        logger.warning("Export: CV file %s is missing from storage", cv.pk)
        return 0
    with source, archive.open(arcname, "w") as target:
        while chunk := source.read(COPY_CHUNK):
            copied += len(chunk)
            if copied > room:
                return copied
            target.write(chunk)
    return copied


def _readme() -> str:
    return "\n".join(
        [
            _("Your data on Hataraku, as of %(date)s.") % {"date": timezone.localdate()},
            "",
            _("profile.json: your account and profile."),
            _("experience.json: your experience by sector."),
            _(
                "applications.json: your applications, what each employer received, and their "
                "status history with the employers' messages to you."
            ),
            _("saved_jobs.json and saved_searches.json: the jobs and searches you saved."),
            _("alert_deliveries.json: how many jobs each job alert sent you."),
            _("cvs.json and the cvs folder: your CVs, including ones sent with an application."),
            "",
        ]
    )


# ---- deleting the account ----


@transaction.atomic
def seeker_account_delete(*, user) -> dict[str, int]:
    """Delete a seeker's account and personal data.

    Applications stay with the employers, with nothing that identifies the seeker: open ones
    become "withdrawn — account deleted", every one loses its profile, cover letter and CV.
    Only the seeker is emailed, to confirm. CV files leave storage once this commits.
    """
    if not user.is_authenticated or not user.is_seeker:
        raise PermissionDenied
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    email, language = user.email, user.preferred_language

    applications = list(
        Application.objects.select_for_update(of=("self",))
        .select_related("listing")
        .filter(seeker=user)
    )
    withdrawn = 0
    for application in applications:
        withdrawn += services.application_withdraw_for_deleted_account(application=application)
        application.seeker = None
        application.cv = None
        application.cover_letter = ""
        application.profile_snapshot = {}
        application.save(
            update_fields=[
                "status",
                "seeker",
                "cv",
                "cover_letter",
                "profile_snapshot",
                "updated_at",
            ]
        )
    application_ids = [application.pk for application in applications]
    # Anything the seeker wrote on a timeline (their own events carry no text today).
    ApplicationEvent.objects.filter(application_id__in=application_ids, actor=user).update(
        message="", internal_note=""
    )

    cvs = list(CV.objects.filter(owner=user))
    CV.objects.filter(pk__in=[cv.pk for cv in cvs]).delete()
    services.cv_files_delete_on_commit(cvs)

    AlertDelivery.objects.filter(saved_search__user=user).delete()
    SavedSearch.objects.filter(user=user).delete()
    SavedJob.objects.filter(user=user).delete()
    SeekerProfile.objects.filter(user=user).delete()  # experience and choices go with it

    _scrub_audit_trail(user, email, applications)
    withdrawals = ApplicationEvent.objects.filter(
        application_id__in=application_ids, to_status=Application.Status.WITHDRAWN
    ).values_list("pk", flat=True)
    notifications_forget(
        user=user, dedup_prefixes=emails.about_applications(application_ids, withdrawals)
    )
    user.delete()  # email addresses (allauth) go with the user
    emails.account_deleted(email=email, language=language)
    logger.info(
        "Seeker account deleted: %s applications anonymised (%s withdrawn), %s CVs removed",
        len(applications),
        withdrawn,
        len(cvs),
    )
    return {"applications": len(applications), "withdrawn": withdrawn, "cvs": len(cvs)}


def _scrub_audit_trail(user, email: str, applications: list[Application]) -> None:
    """The audit trail keeps who changed what, but not this person's address or name."""
    LogEntry.objects.filter(Q(actor=user) | Q(actor_email__iexact=email)).update(
        actor_email=None, remote_addr=None, remote_port=None
    )
    content_type = ContentType.objects.get_for_model(Application)
    for application in applications:
        LogEntry.objects.filter(content_type=content_type, object_pk=str(application.pk)).update(
            object_repr=str(application)
        )
