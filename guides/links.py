"""Addresses of guide pages and steps, worked out without a query (listing pages use them)."""

from django.urls import reverse

from guides import anchors


def step_url(anchor: str) -> str:
    """A step or section of the process guide."""
    return f"{reverse('guides:process')}#{anchor}"


def field_guide_url(sector, anchor: str = "") -> str:
    """The field's guide page (SSW fields have one); other sectors get the process guide."""
    if not sector.is_ssw_field:
        return step_url(anchors.STEP_FIELD)
    url = reverse("guides:field", kwargs={"slug": sector.slug})
    return f"{url}#{anchor}" if anchor else url


def country_guide_url(code: str, anchor: str = "") -> str | None:
    """The country's guide page, or None for a country the board has no guide for."""
    code = (code or "").lower()
    if code not in anchors.COUNTRY_GUIDE_CODES:
        return None
    url = reverse("guides:country", kwargs={"iso": code})
    return f"{url}#{anchor}" if anchor else url


def listing_guide_links(listing) -> list[tuple[str, str]]:
    """(key, URL) of the guide steps that matter for `listing`, in reading order."""
    links = [("field", field_guide_url(listing.sector))]
    if listing.skills_test_required:
        links.append(("skills_test", field_guide_url(listing.sector, anchors.FIELD_SKILLS_TEST)))
    if listing.japanese_level.rank > 0:
        links.append(("japanese", step_url(anchors.STEP_JAPANESE_TEST)))
    if listing.housing != listing.Housing.NONE or listing.support_org_name:
        links.append(("support", step_url(anchors.STEP_SUPPORT_PLAN)))
    if listing.visa_support:
        links.append(("coe", step_url(anchors.STEP_COE)))
    links.append(("costs", step_url(anchors.SECTION_COSTS)))
    return links
