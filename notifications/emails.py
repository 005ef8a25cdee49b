"""Which emails each event sends, to whom, with what. Services call these in their transaction."""

import uuid

from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.functional import lazy

from notifications.models import Notification
from notifications.services import notify

Kind = Notification.Kind
T = "notifications/email/"


def _members(company, **filters):
    from listings.models import CompanyMembership

    return [
        membership.user
        for membership in CompanyMembership.objects.filter(company=company, **filters)
        .select_related("user")
        .filter(user__is_active=True)
    ]


def _in_recipient_language(function, *args, **kwargs):
    """A value worked out when the email renders, inside the recipient's language: listing
    titles in their language where the listing has it, and URLs with their language prefix."""
    return lazy(function, str)(*args, **kwargs)


def _listing_title(listing):
    return _in_recipient_language(lambda: listing.title)


def _company_name(company):
    return _in_recipient_language(lambda: company.name)


def _application_context(application) -> dict:
    listing = application.listing
    return {
        "listing_title": _listing_title(listing),
        "company_name": _company_name(listing.company),
        "applicant_name": application.profile_snapshot.get("full_name") or "",
        "application_path": reverse_lazy(
            "applicants:employer-application", kwargs={"pk": application.pk}
        ),
    }


def application_submitted(application) -> None:
    """Confirmation to the seeker; "new applicant" to members who want each one."""
    from listings.models import CompanyMembership

    context = _application_context(application)
    notify(
        kind=Kind.APPLICATION_RECEIVED,
        template=T + "application_received",
        context=context,
        to_user=application.seeker,
        dedup_key=f"application:{application.pk}:received",
    )
    instant = CompanyMembership.ApplicantEmails.INSTANT
    for member in _members(application.listing.company, applicant_emails=instant):
        notify(
            kind=Kind.NEW_APPLICANT,
            template=T + "new_applicant",
            context=context,
            to_user=member,
            dedup_key=f"application:{application.pk}:new-applicant:{member.pk}",
        )


def application_moved(application, event) -> None:
    """The seeker hears of every move by the employer; members hear of a withdrawal."""
    context = {
        **_application_context(application),
        # A lazy label: each recipient reads it in their own language.
        "status": application.Status(application.status).label,
        "message": event.message,
    }
    if event.to_status == application.Status.WITHDRAWN:
        for member in _members(application.listing.company):
            notify(
                kind=Kind.APPLICATION_WITHDRAWN,
                template=T + "application_withdrawn",
                context=context,
                to_user=member,
                dedup_key=f"application-event:{event.pk}:{member.pk}",
            )
        return
    if application.seeker is None:
        return
    notify(
        kind=Kind.APPLICATION_STATUS,
        template=T + "application_status",
        context=context,
        to_user=application.seeker,
        dedup_key=f"application-event:{event.pk}",
    )


def _summary_line(application) -> dict:
    context = _application_context(application)
    return {
        "name": context["applicant_name"],
        "listing_title": context["listing_title"],
        "path": context["application_path"],
    }


def applicants_daily_summary(member, applications, day) -> None:
    notify(
        kind=Kind.APPLICANTS_DIGEST,
        template=T + "applicants_digest",
        context={"applications": [_summary_line(application) for application in applications]},
        to_user=member,
        dedup_key=f"applicants-digest:{member.pk}:{day.isoformat()}",
    )


def _listing_context(listing) -> dict:
    return {
        "listing_title": _listing_title(listing),
        "listing_path": _in_recipient_language(listing.get_absolute_url),
        "edit_path": reverse_lazy("listings:listing-edit", kwargs={"pk": listing.pk}),
        "expires_at": listing.expires_at,
        "reason": listing.rejection_reason,
    }


def _to_members(listing, kind, template, key) -> None:
    for member in _members(listing.company):
        notify(
            kind=kind,
            template=T + template,
            context=_listing_context(listing),
            to_user=member,
            dedup_key=f"{key}:{member.pk}",
        )


def listing_approved(listing) -> None:
    stamp = int(timezone.now().timestamp())
    _to_members(
        listing,
        Kind.LISTING_APPROVED,
        "listing_approved",
        f"listing:{listing.pk}:approved:{stamp}",
    )


def listing_rejected(listing) -> None:
    stamp = int(timezone.now().timestamp())
    _to_members(
        listing,
        Kind.LISTING_REJECTED,
        "listing_rejected",
        f"listing:{listing.pk}:rejected:{stamp}",
    )


def listing_expiring(listing) -> None:
    day = timezone.localdate(listing.expires_at).isoformat()
    _to_members(
        listing, Kind.LISTING_EXPIRING, "listing_expiring", f"listing:{listing.pk}:expiring:{day}"
    )


def listing_expired(listing) -> None:
    _to_members(listing, Kind.LISTING_EXPIRED, "listing_expired", f"listing:{listing.pk}:expired")


def listing_suspended(listing) -> None:
    stamp = int(timezone.now().timestamp())
    _to_members(
        listing,
        Kind.LISTING_SUSPENDED,
        "listing_suspended",
        f"listing:{listing.pk}:suspended:{stamp}",
    )


def company_verified(company) -> None:
    stamp = int(timezone.now().timestamp())
    for member in _members(company):
        notify(
            kind=Kind.COMPANY_VERIFIED,
            template=T + "company_verified",
            context={"company_name": _company_name(company)},
            to_user=member,
            dedup_key=f"company:{company.pk}:verified:{stamp}:{member.pk}",
        )


def company_invitation(invitation) -> None:
    inviter = invitation.invited_by
    notify(
        kind=Kind.COMPANY_INVITATION,
        template=T + "company_invitation",
        context={
            "company_name": _company_name(invitation.company),
            "inviter_name": inviter.get_full_name() if inviter else "",
            "accept_path": reverse_lazy(
                "listings:invitation-accept", kwargs={"token": invitation.token}
            ),
        },
        to_email=invitation.email,
        language=getattr(inviter, "preferred_language", ""),
        dedup_key=f"invitation:{invitation.pk}",
    )


def about_applications(application_ids, event_ids) -> list[str]:
    """The deduplication-key prefixes of every email about these applications and events."""
    return [f"application:{pk}:" for pk in application_ids] + [
        f"application-event:{pk}:" for pk in event_ids
    ]


def account_deleted(*, email: str, language: str) -> None:
    """The only email a deletion sends: to the person, confirming it (the address is kept
    by the caller from before the account went)."""
    notify(
        kind=Kind.ACCOUNT,
        template=T + "account_deleted",
        context={},
        to_email=email,
        language=language,
        dedup_key=f"account-deleted:{uuid.uuid4().hex}",
    )
