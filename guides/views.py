"""Public guide pages: the process, one page per SSW field, one per sending country."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from guides import selectors
from guides.models import Guide


def _render(request, template, page, **extra):
    if page is None:
        raise Http404
    return render(request, template, {"page": page, "guide": page.guide, **extra})


@require_GET
def process(request):
    page = selectors.guide_page(Guide.Kind.PROCESS, "ssw")
    return _render(request, "guides/process.html", page, menu=selectors.guide_menu())


@require_GET
def field(request, slug: str):
    page = selectors.guide_page(Guide.Kind.FIELD, slug)
    if page is None:
        raise Http404
    return _render(
        request,
        "guides/field.html",
        page,
        open_count=selectors.open_listing_count(page.guide.sector_id),
    )


@require_GET
def country(request, iso: str):
    # Country codes are written in lowercase in these addresses; /PK/ finds /pk/.
    if iso != iso.lower():
        return redirect("guides:country", iso=iso.lower(), permanent=True)
    return _render(request, "guides/country.html", selectors.guide_page(Guide.Kind.COUNTRY, iso))
