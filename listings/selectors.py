"""Reads that back the listings pages; each owns its select_related/prefetch_related."""

from dataclasses import dataclass, field
from math import ceil

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.http import QueryDict
from django.utils.functional import cached_property

from listings import cache as board_cache
from listings import search
from listings.filters import ListingFilter
from listings.models import Company, Listing, ResidenceStatus
from listings.reference import reference_data


def listing_cards(queryset: QuerySet) -> QuerySet:
    """What a listing card shows, in a fixed number of queries."""
    return queryset.select_related("company", "sector", "prefecture", "japanese_level").defer(
        "description_en", "description_ja", "search_vector", "company__description"
    )


def listing_for_detail(pk: int) -> Listing | None:
    return (
        Listing.objects.select_related("company", "company__prefecture", "sector", "prefecture")
        .select_related("japanese_level")
        .prefetch_related(
            Prefetch("residence_statuses", queryset=ResidenceStatus.objects.order_by("sort_order"))
        )
        .filter(pk=pk)
        .first()
    )


def company_with_live_listings(slug: str, *, limit: int = 50):
    company = Company.objects.active().select_related("prefecture").filter(slug=slug).first()
    if company is None:
        return None, []
    listings = list(listing_cards(Listing.objects.live().for_company(company))[:limit])
    return company, listings


# ---- facets ----


# The facets a listing has exactly one value of, and the column that holds it.
SINGLE_VALUED = {
    "sector": "sector_id",
    "region": "prefecture__region",
    "jp_level": "japanese_level_id",
}


def facet_counts(filterset_without: dict[str, QuerySet], *, unfiltered=()) -> dict[str, dict]:
    """Counts per option of each facet, each computed with every other filter applied.

    `filterset_without` maps a facet name to the result queryset with that facet's own
    filter left out, so each option shows how many results choosing it would give. The
    single-valued facets in `unfiltered` have no filter of their own in use: their querysets
    are the same, so they are counted together in one scan.
    """
    together = [name for name in SINGLE_VALUED if name in unfiltered]
    apart = [name for name in SINGLE_VALUED if name not in together]
    counts = {}
    if together:
        counts |= search.grouped_counts(
            filterset_without[together[0]], {name: SINGLE_VALUED[name] for name in together}
        )
    for name in apart:
        counts |= search.grouped_counts(filterset_without[name], {name: SINGLE_VALUED[name]})
    through = Listing.residence_statuses.through
    counts["status"] = dict(
        through.objects.filter(listing__in=filterset_without["status"].order_by().values("id"))
        .order_by()
        .values_list("residencestatus_id")
        .annotate(n=Count("listing_id"))
    )
    by_level = counts["jp_level"]
    # "At most this level": an option counts every listing that asks for that level or less.
    levels = reference_data().japanese_levels
    counts["jp_level"] = {
        level.id: sum(by_level.get(other.id, 0) for other in levels if other.rank <= level.rank)
        for level in levels
    }
    return counts


# ---- browse and search ----

PAGE_SIZE = 20
# Pages past this are not offered: OFFSET costs grow with depth and nobody reads page 900;
# filters narrow the list instead (the last page says so).
MAX_PAGES = 250
SORTS = ("newest", "salary", "relevance")
FACETS = ("sector", "status", "region", "jp_level")
ONE_PER_LISTING = ("sector", "region")


@dataclass
class SearchResults:
    filterset: ListingFilter
    page: Page
    sort: str
    querystring: str
    notes: list[str]
    facets: dict = field(default_factory=dict)

    @property
    def is_last_offered_page(self) -> bool:
        """The deepest page offered while more results exist: time to narrow the search."""
        paginator = self.page.paginator
        return paginator.is_capped and self.page.number == paginator.num_pages

    @property
    def active_filters(self) -> int:
        """How many filters (keywords aside) narrow the results."""
        data = self.filterset.form.cleaned_data
        return sum(
            1 for name, value in data.items() if name != "q" and value not in (None, "", [])
        )


class BoundedPaginator(Paginator):
    """A paginator that offers at most `max_pages` pages, whatever the count."""

    def __init__(self, *args, max_pages: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_pages = max_pages

    @cached_property
    def num_pages(self):
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        hits = max(1, self.count - self.orphans)
        return min(ceil(hits / self.per_page), self.max_pages)

    @property
    def is_capped(self) -> bool:
        return self.count > self.num_pages * self.per_page


def listing_search(params: QueryDict, *, page_size: int | None = None, facets: bool = True):
    """The live listings matching `params` (the /jobs/ query string), one page of them."""
    page_size = page_size or PAGE_SIZE
    filterset = ListingFilter(params, queryset=Listing.objects.live())
    results = filterset.qs
    query = filterset.form.cleaned_data.get("q", "")
    sort = params.get("sort")
    if sort not in SORTS or (sort == "relevance" and not query):
        sort = "relevance" if query else "newest"
    if sort == "relevance":
        results = search.rank(results, query)
    elif sort == "salary":
        results = results.order_by("-salary_monthly_min", "-id")
    else:
        results = results.order_by("-published_at", "-id")
    querystring = filterset.normalised_querystring()
    cached = board_cache.get_counts(querystring) if facets else None
    paginator = BoundedPaginator(listing_cards(results), page_size, max_pages=MAX_PAGES)
    if cached is not None:
        paginator.count = cached["total"]
        counts = cached["facets"]
    if facets and cached is None:
        without = {}
        for name in FACETS:
            others = params.copy()
            others.pop(name, None)
            without[name] = ListingFilter(others, queryset=Listing.objects.live()).qs
        counts = facet_counts(
            without, unfiltered=[name for name in SINGLE_VALUED if name not in params]
        )
        # A facet whose own filter is not in use counts every result once (a listing has one
        # sector and one region), so its sum is the total: no separate COUNT query.
        unfiltered = next((name for name in ONE_PER_LISTING if name not in params), None)
        if unfiltered:
            paginator.count = sum(counts[unfiltered].values())
        board_cache.set_counts(querystring, {"total": paginator.count, "facets": counts})
    elif not facets:
        counts = {}
    page = paginator.get_page(params.get("page"))
    return SearchResults(
        filterset=filterset,
        page=page,
        sort=sort,
        querystring=querystring,
        notes=list(dict.fromkeys(filterset.notes)),
        facets=counts,
    )


def listing_feed(params: QueryDict, *, limit: int = 50) -> list[Listing]:
    """The newest live listings matching `params`, for RSS and Atom."""
    filterset = ListingFilter(params, queryset=Listing.objects.live())
    return list(
        filterset.qs.select_related("company", "sector", "prefecture").order_by(
            "-published_at", "-id"
        )[:limit]
    )
