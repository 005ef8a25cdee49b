"""Public pages of the board: home, browse and search, listing and company pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jobboard.forms import add_service_errors
from jobboard.ratelimits import rate_limit
from listings import reference, selectors, seo, services
from listings.forms import ReportForm
from listings.models import Listing, Region
from listings.pagecache import anonymous_page
from listings.permissions import can_preview_listing


@require_GET
@anonymous_page
def home(request):
    return render(request, "listings/home.html", {"sectors": reference.sectors_for_home()})


def _facet_options(results, params) -> dict[str, list[dict]]:
    """Each filter option with whether it is chosen and how many results it would give."""
    ref = reference.reference_data()
    counts = results.facets

    def options(name, items):
        chosen = set(params.getlist(name))
        return [
            {
                "value": value,
                "label": label,
                "count": counts.get(name, {}).get(key, 0),
                "checked": value in chosen,
            }
            for value, label, key in items
        ]

    return {
        "sector": options("sector", [(s.slug, s.name, s.id) for s in ref.sectors]),
        "status": options("status", [(s.slug, s.name, s.id) for s in ref.statuses]),
        "region": options("region", [(value, label, value) for value, label in Region.choices]),
        "jp_level": options(
            "jp_level", [(level.slug, level.name, level.id) for level in ref.japanese_levels]
        ),
    }


@require_GET
@anonymous_page
def listing_list(request):
    results = selectors.listing_search(request.GET)
    return render(
        request,
        "listings/listing_list.html",
        {
            "results": results,
            "page_obj": results.page,
            "form": results.filterset.form,
            "facets": _facet_options(results, request.GET),
            "prefectures": reference.reference_data().prefectures,
        },
    )


@require_GET
@anonymous_page
def listing_detail(request, pk: int, slug: str | None = None):
    listing = selectors.listing_for_detail(pk)
    if listing is None:
        raise Http404
    # A deleted company's listings (kept for its applicants' records) are hidden too.
    is_preview = listing.status not in Listing.PUBLIC_STATUSES or listing.company.is_deleted
    # Unpublished listings exist only for their company and staff, as a preview.
    if is_preview and not can_preview_listing(request.user, listing):
        raise Http404
    if not is_preview and slug != listing.slug:
        return redirect(listing, permanent=True)
    accepting = listing.is_accepting_applications()
    return render(
        request,
        "listings/listing_detail.html",
        {
            "listing": listing,
            "accepting": accepting,
            "is_preview": is_preview,
            "job_posting": seo.job_posting(listing) if accepting else None,
        },
    )


@require_GET
@anonymous_page
def company_detail(request, slug: str):
    company, listings = selectors.company_with_live_listings(slug)
    if company is None:
        raise Http404
    return render(
        request, "listings/company_detail.html", {"company": company, "listings": listings}
    )


@login_required
@require_http_methods(["GET", "POST"])
@rate_limit("report")
def report_listing(request, pk: int):
    listing = get_object_or_404(Listing.objects.public(), pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                listing=listing,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you. Our moderators will look at this listing."))
            return redirect(listing)
    return render(request, "listings/report_form.html", {"listing": listing, "form": form})
