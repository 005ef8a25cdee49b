"""Time the employer's applicants page and the seeker dashboard against the current database."""

import statistics
import time

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import override_settings
from django.utils.crypto import get_random_string

from accounts.models import User
from applicants.models import CV, Application, ApplicationEvent
from listings.models import CompanyMembership, Listing

SNAPSHOT = {
    "full_name": "Bench Seeker",
    "email": "bench@example.com",
    "nationality": "PH",
    "nationality_name": "Philippines",
    "country_of_residence": "PH",
    "country_of_residence_name": "Philippines",
    "in_japan": False,
    "japanese_level": "JLPT N4",
    "skills_tests": ["Nursing care"],
    "experience": [{"sector": "Nursing care", "years": 2}],
}


class Command(BaseCommand):
    help = "Create a listing with N applications and measure the applicants page (ms, queries)."

    def add_arguments(self, parser):
        parser.add_argument("--applications", type=int, default=5000)
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, applications, runs, **options):
        listing = (
            Listing.objects.live()
            .filter(company__memberships__isnull=False)
            .order_by("-published_at")
            .first()
        )
        if listing is None:
            raise CommandError("Needs a live listing of a company with a member (seed_demo).")
        member = CompanyMembership.objects.filter(company=listing.company).first().user
        existing = listing.applications.count()
        if existing < applications:
            self._create(listing, applications - existing)
        seeker = listing.applications.select_related("seeker").first().seeker
        client = Client()
        self.stdout.write(
            f"{listing.applications.count():,} applications on listing {listing.pk} "
            f"({connection.vendor}); {runs} runs each"
        )
        pages = [
            ("applicants page", member, f"/employer/listings/{listing.pk}/applicants/"),
            (
                "applicants, status",
                member,
                f"/employer/listings/{listing.pk}/applicants/?status=in_review",
            ),
            (
                "applicants, page 40",
                member,
                f"/employer/listings/{listing.pk}/applicants/?page=40",
            ),
            ("employer dashboard", member, "/employer/"),
            ("seeker applications", seeker, "/me/applications/"),
        ]
        with override_settings(DEBUG=True, ALLOWED_HOSTS=["*"], SECURE_SSL_REDIRECT=False):
            for name, user, path in pages:
                client.force_login(user)
                timings = []
                for _ in range(runs + 2):
                    reset_queries()
                    started = time.perf_counter()
                    response = client.get(path)
                    timings.append((time.perf_counter() - started) * 1000)
                    if response.status_code != 200:
                        raise CommandError(f"{path} answered {response.status_code}")
                timings = sorted(timings[2:])
                self.stdout.write(
                    f"{name:<22} p50 {statistics.median(timings):7.1f} ms  "
                    f"p95 {timings[int(len(timings) * 0.95) - 1]:7.1f} ms  "
                    f"{len(connection.queries)} queries"
                )

    @transaction.atomic
    def _create(self, listing, count):
        """Bulk-create seekers, one CV each, and their applications with two events."""
        suffix = get_random_string(6).lower()
        seekers = User.objects.bulk_create(
            User(
                email=f"bench-{suffix}-{n}@example.com",
                role=User.Role.SEEKER,
                password=make_password(None),  # unusable: these accounts never log in
            )
            for n in range(count)
        )
        cv_file = ContentFile(b"%PDF-1.4 bench\n%%EOF\n", name="bench.pdf")
        template = CV(
            owner=seekers[0],
            label="CV",
            original_name="cv.pdf",
            extension=".pdf",
            content_type="application/pdf",
            size=20,
        )
        template.file.save("bench.pdf", cv_file, save=False)
        cvs = CV.objects.bulk_create(
            CV(
                owner=seeker,
                label="CV",
                file=template.file.name,
                original_name="cv.pdf",
                extension=".pdf",
                content_type="application/pdf",
                size=20,
                is_default=True,
            )
            for seeker in seekers
        )
        statuses = [s for s, _label in Application.Status.choices]
        created = Application.objects.bulk_create(
            Application(
                listing=listing,
                seeker=seeker,
                cv=cv,
                status=statuses[n % len(statuses)],
                profile_snapshot={**SNAPSHOT, "full_name": f"Bench Seeker {n}"},
            )
            for n, (seeker, cv) in enumerate(zip(seekers, cvs, strict=True))
        )
        ApplicationEvent.objects.bulk_create(
            event
            for application in created
            for event in (
                ApplicationEvent(application=application, to_status="submitted"),
                ApplicationEvent(
                    application=application,
                    from_status="submitted",
                    to_status=application.status,
                    message="Thank you for applying.",
                ),
            )
        )
