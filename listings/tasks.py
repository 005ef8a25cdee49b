"""Periodic and background work for listings."""

import logging

from celery import shared_task

from listings import services

logger = logging.getLogger(__name__)


@shared_task
def expire_listings() -> int:
    """Hourly: listings past their deadline stop taking applications."""
    count = services.listing_expire_due()
    if count:
        logger.info("Expired %s listings", count)
    return count


@shared_task
def warn_expiring_listings() -> int:
    """Daily: companies hear which listings close in 3 days."""
    return services.listings_warn_expiring()
