"""Hataraku project package: settings, URLs, Celery app and project-wide helpers."""

from jobboard.celery import app as celery_app

__all__ = ["celery_app"]
