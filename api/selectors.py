"""Reads behind the API, on the same querysets and filter as the site's pages."""

from django.db.models import Count, Max, Prefetch

from applicants.models import Application
from listings.filters import ListingFilter
from listings.models import Company, Listing, ResidenceStatus


def with_details(queryset):
    """Everything a listing's full representation shows, in a fixed number of queries."""
    return (
        queryset.select_related("company", "sector", "prefecture", "japanese_level")
        .prefetch_related(
            Prefetch("residence_statuses", queryset=ResidenceStatus.objects.order_by("sort_order"))
        )
        .defer("search_vector", "company__description", "approved_content")
    )


def job_search(params) -> ListingFilter:
    """/jobs/'s filter over /jobs/'s queryset (live listings); `.qs` holds the matches."""
    return ListingFilter(params, queryset=Listing.objects.live())


def freshness(queryset) -> tuple:
    """(newest change, count) of a queryset in one query: the list's validators."""
    row = queryset.order_by().aggregate(changed=Max("updated_at"), count=Count("id"))
    return row["changed"], row["count"]


def public_listing(pk: int) -> Listing | None:
    """A listing anyone may open: published, closed or expired, of a company not deleted."""
    return with_details(Listing.objects.public()).filter(pk=pk).first()


def active_company(slug: str) -> Company | None:
    return Company.objects.active().select_related("prefecture").filter(slug=slug).first()


def company_listings(company):
    return Listing.objects.for_company(company)


def company_listing(company, pk: int) -> Listing | None:
    return with_details(Listing.objects.for_company(company)).filter(pk=pk).first()


def listing_applications(listing):
    return Application.objects.filter(listing=listing).select_related("cv")


def company_application(company, pk: int) -> Application | None:
    return (
        Application.objects.select_related("listing", "cv")
        .filter(pk=pk, listing__company=company)
        .first()
    )
