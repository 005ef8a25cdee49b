"""Create demo accounts (and, through the apps' seeders, demo content) in an empty database."""

import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from accounts.services import user_create_verified
from listings.seeding import seed_demo_board

DEMO_EMPLOYER_EMAIL = "employer@demo.hataraku.test"
DEMO_ACCOUNTS = [
    ("admin@demo.hataraku.test", "Demo Admin", User.Role.SEEKER, True),
    (DEMO_EMPLOYER_EMAIL, "Demo Employer", User.Role.EMPLOYER, False),
    ("seeker@demo.hataraku.test", "Demo Seeker", User.Role.SEEKER, False),
]


class Command(BaseCommand):
    help = "Seed demo accounts and content when the database has no users; prints the logins once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off (never on a real production site).",
        )
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Give the existing demo accounts new passwords and print them.",
        )

    def handle(self, *args, force=False, reset_passwords=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_demo creates demo logins; run it with DEBUG=1 (or --force).")
        if reset_passwords:
            logins = self._reset_passwords()
        elif User.objects.exists():
            self.stdout.write(
                "Demo data: the database already has users; nothing seeded. "
                "Forgot the demo passwords? Run: manage.py seed_demo --reset-passwords"
            )
            return
        else:
            with transaction.atomic():
                logins = self._create_accounts()
                employer = User.objects.get(email=DEMO_EMPLOYER_EMAIL)
                companies, listings = seed_demo_board(owner=employer)
            self.stdout.write(f"Demo board: {companies} companies, {listings} listings.")
        self.stdout.write(self.style.SUCCESS("Demo logins (passwords are shown only this once):"))
        for email, password, label in logins:
            self.stdout.write(f"  {label:<10} {email:<32} {password}")

    def _reset_passwords(self) -> list[tuple[str, str, str]]:
        logins = []
        for user in User.objects.filter(email__in=[email for email, *_ in DEMO_ACCOUNTS]):
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save(update_fields=["password"])
            logins.append((user.email, password, _label(user.role, user.is_superuser)))
        if not logins:
            raise CommandError("There are no demo accounts to reset; run seed_demo first.")
        return logins

    def _create_accounts(self) -> list[tuple[str, str, str]]:
        logins = []
        for email, full_name, role, is_superuser in DEMO_ACCOUNTS:
            password = secrets.token_urlsafe(12)
            user_create_verified(
                email=email,
                password=password,
                role=role,
                full_name=full_name,
                is_staff=is_superuser,
                is_superuser=is_superuser,
            )
            logins.append((email, password, _label(role, is_superuser)))
        return logins


def _label(role: str, is_superuser: bool) -> str:
    return "superuser" if is_superuser else str(User.Role(role).label).lower()
