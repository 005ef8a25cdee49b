"""Periodic work for applications."""

from celery import shared_task

from applicants import services


@shared_task
def send_applicant_summaries() -> int:
    """Daily: one email per employer member who asked for a summary of new applicants."""
    return services.applicants_send_daily_summaries()
