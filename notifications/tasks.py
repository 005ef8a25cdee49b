"""Celery tasks of the outbox: they load rows and call the services."""

from celery import shared_task

from notifications import services


@shared_task(bind=True, max_retries=services.MAX_ATTEMPTS, acks_late=True)
def send_notification(self, notification_id: int) -> str:
    try:
        return services.notification_send(notification_id=notification_id)
    except services.TransientSendError as exc:
        if self.request.is_eager:
            # No worker (development): the row stays pending with its next attempt time.
            return "retry later"
        raise self.retry(exc=exc, countdown=exc.retry_in) from exc


@shared_task
def requeue_stale_notifications() -> int:
    """Every few minutes: pending rows left behind by a broker or worker outage."""
    return services.notifications_requeue_stale()
