"""Reads that back the listings pages."""

from django.core.cache import cache

from listings.models import Sector

REFERENCE_CACHE_SECONDS = 60 * 60


def sectors_for_home() -> list[Sector]:
    """Active sectors, SSW fields first; cached because every home page shows them."""
    sectors = cache.get("listings:sectors:v1")
    if sectors is None:
        sectors = list(Sector.objects.active().order_by("-is_ssw_field", "sort_order", "slug"))
        cache.set("listings:sectors:v1", sectors, REFERENCE_CACHE_SECONDS)
    return sectors
