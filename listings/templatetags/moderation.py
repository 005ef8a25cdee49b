"""What needs attention, for the staff dashboard on the admin index."""

import datetime

from django import template
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils import timezone

from applicants.models import Application
from listings.models import AbuseReport, Listing, ListingFlag
from notifications.models import Notification

register = template.Library()


@register.simple_tag
def moderation_counts() -> dict:
    pending = Listing.objects.filter(status=Listing.Status.PENDING).aggregate(
        count=Count("id"), oldest=Min("submitted_at")
    )
    flagged = Listing.objects.filter(
        Exists(ListingFlag.objects.filter(listing=OuterRef("pk"))),
        status__in=[Listing.Status.PENDING, Listing.Status.PUBLISHED],
    ).count()
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return {
        "pending": pending["count"],
        "oldest_pending": pending["oldest"],
        "open_reports": AbuseReport.objects.filter(status=AbuseReport.Status.OPEN).count(),
        "flagged": flagged,
        "failed_emails": Notification.objects.filter(status=Notification.Status.FAILED).count(),
        "applications_today": Application.objects.filter(created_at__gte=today).count(),
        "recently_edited": Listing.objects.filter(
            Q(edited_after_approval_at__gte=timezone.now() - datetime.timedelta(days=7))
        ).count(),
    }
