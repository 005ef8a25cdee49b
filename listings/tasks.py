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


@shared_task(bind=True, max_retries=5, default_retry_delay=60)
def send_company_invitation(self, invitation_id: int) -> None:
    """Email an invitation to join a company."""
    try:
        services.company_invitation_send(invitation_id=invitation_id)
    except OSError as exc:  # SMTP and socket errors: try again later
        raise self.retry(exc=exc) from exc
