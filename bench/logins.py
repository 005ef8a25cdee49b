"""The accounts a benchmark logs in as, chosen from the data so that they are the heaviest."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Count

from applicants.models import Application
from bench.dataset import BENCH_MODERATOR, SCALE_PASSWORD
from listings.models import CompanyMembership, Listing


def largest_listing() -> Listing:
    """The listing with the most applications."""
    top = (
        Application.objects.values("listing_id")
        .annotate(total=Count("id"))
        .order_by("-total", "listing_id")
        .first()
    )
    if top is None:
        raise LookupError("The database has no applications; run seed_scale first.")
    return Listing.objects.select_related("company").get(pk=top["listing_id"])


def ensure_bench_logins():
    """A moderator for the admin queue (generated data has none)."""
    user, created = get_user_model().objects.get_or_create(
        email=BENCH_MODERATOR, defaults={"is_staff": True, "full_name": "Bench moderator"}
    )
    if created:
        user.set_password(SCALE_PASSWORD)
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def bench_users() -> dict:
    """employer: a member of the company with the largest listing; seeker: the seeker with the
    most applications; moderator: the bench moderator."""
    listing = largest_listing()
    employer = (
        CompanyMembership.objects.filter(company=listing.company).select_related("user").first()
    )
    seeker_id = (
        Application.objects.values("seeker_id")
        .annotate(total=Count("id"))
        .order_by("-total", "seeker_id")
        .first()["seeker_id"]
    )
    return {
        "employer": employer.user,
        "seeker": get_user_model().objects.get(pk=seeker_id),
        "moderator": ensure_bench_logins(),
        "listing": listing,
    }
