"""Template context shared by every page."""

from functools import partial

from django.conf import settings

from jobboard.i18n import language_alternates


def site(request):
    # A callable: worked out only by the templates that show it.
    return {
        "SITE_URL": settings.SITE_URL,
        "language_alternates": partial(language_alternates, request),
    }
