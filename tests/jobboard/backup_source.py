"""A small board with applications and CV files, for the backup tests.

`python -m tests.jobboard.backup_source` migrates the database named by DATABASE_URL, fills it
(CV files go to PRIVATE_MEDIA_ROOT) and prints the number of rows made, as JSON. The SQLite
test calls `populate()` directly.
"""

import json
import os
import sys


def populate() -> dict[str, int]:
    """Listings, seekers with a PDF and a Word CV each, and applications with their events."""
    from django.core.files.base import ContentFile

    from applicants.models import CV, Application
    from tests.applicants.factories import (
        PDF_BYTES,
        ApplicationFactory,
        CVFactory,
        SeekerProfileFactory,
        docx_bytes,
    )
    from tests.listings.factories import PublishedListingFactory

    listings = PublishedListingFactory.create_batch(3)
    for n in range(4):
        seeker = SeekerProfileFactory().user
        # Different bytes per file, so a checksum that follows the wrong file shows.
        pdf = CVFactory(owner=seeker, file=ContentFile(PDF_BYTES + b"%%%d\n" % n, name="cv.pdf"))
        CVFactory(
            owner=seeker,
            file=ContentFile(docx_bytes(f"CV of seeker {n}"), name="cv.docx"),
            extension=".docx",
        )
        for listing in listings[: n % 3 + 1]:
            ApplicationFactory(listing=listing, seeker=seeker, cv=pdf)
    return {"applications": Application.objects.count(), "cvs": CV.objects.count()}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobboard.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    # Factories give every user a password: the fast hasher keeps this script quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)
    sys.stdout.write(json.dumps(populate()) + "\n")


if __name__ == "__main__":
    main()
