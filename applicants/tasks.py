"""Periodic work for applications."""

from celery import shared_task

from applicants import alerts, retention, services


@shared_task
def send_applicant_summaries() -> int:
    """Daily: one email per employer member who asked for a summary of new applicants."""
    return services.applicants_send_daily_summaries()


# Digests for every seeker outlast the project's default task time limits. The service commits
# a batch of seekers at a time, so running it again after a cut-short run sends only the rest.
@shared_task(soft_time_limit=30 * 60, time_limit=35 * 60)
def send_job_alerts(frequency: str) -> int:
    """Daily and weekly: each seeker's new jobs for their saved searches, one email each."""
    return alerts.alerts_send_digests(frequency=frequency)


@shared_task(soft_time_limit=30 * 60, time_limit=35 * 60)
def purge_expired_data() -> dict[str, int]:
    """Daily: applications past their retention, CVs nobody uses, old job-alert records."""
    return retention.retention_purge()
