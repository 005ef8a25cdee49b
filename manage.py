#!/usr/bin/env python
"""Django's command-line utility for Hataraku."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    from jobboard.config import ConfigurationError

    try:
        settings.INSTALLED_APPS  # noqa: B018 - loads settings so a bad environment fails here
    except ConfigurationError as exc:
        sys.exit(f"Configuration error: {exc}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
