"""Create job seekers ready to apply (verified, complete profile, one CV) for bench/load.py."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from accounts.services import user_create_verified
from applicants import services
from applicants.models import CV
from listings.models import JapaneseLevel

EMAIL_PATTERN = "load-seeker-{n}@load.hataraku.test"
# The smallest PDF the CV check accepts.
CV_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def load_seeker_email(n: int) -> str:
    return EMAIL_PATTERN.format(n=n)


class Command(BaseCommand):
    help = (
        "Create N job seekers with a complete profile and a CV, all with the given password "
        "(existing ones get it again). For load tests, never on a real site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--password", required=True)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off (never on a real production site).",
        )

    def handle(self, *args, count, password, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_load_users creates logins; run it with DEBUG=1 (or --force).")
        if not 1 <= count <= 1000:
            raise CommandError("--count must be between 1 and 1,000.")
        if len(password) < 10:
            raise CommandError("--password must have at least 10 characters.")
        level = JapaneseLevel.objects.filter(slug="n4").first() or JapaneseLevel.objects.first()
        if level is None:
            raise CommandError("No Japanese levels: run migrate first.")
        created = 0
        for n in range(1, count + 1):
            with transaction.atomic():
                created += self._seeker(load_seeker_email(n), n, password, level)
        self.stdout.write(
            f"{count} load-test seekers ready ({created} new): "
            f"{load_seeker_email(1)} … {load_seeker_email(count)}"
        )

    def _seeker(self, email: str, n: int, password: str, level) -> bool:
        user = User.objects.filter(email=email).first()
        new = user is None
        if new:
            user = user_create_verified(email=email, password=password, full_name=f"Load {n}")
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        profile = services.profile_for(user)
        if profile.missing_to_apply():
            services.profile_update(
                profile=profile,
                skills_tests=[],
                desired_sectors=[],
                desired_prefectures=[],
                experience={},
                full_name=f"Load Seeker {n}",
                nationality="PH",
                country_of_residence="PH",
                japanese_level=level,
            )
        if not CV.objects.visible().filter(owner=user).exists():
            upload = SimpleUploadedFile("cv.pdf", CV_BYTES, content_type="application/pdf")
            services.cv_upload(owner=user, upload=upload, label="Load test CV")
        return new
