"""Restore a backup folder into an empty database and an empty CV storage, then verify it."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from jobboard.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a folder written by `manage.py backup` into the configured database and CV "
        "storage, which must both be empty, and check row counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A backup folder, e.g. var/backups/<time>")

    def handle(self, *args, folder, **options):
        # The restore uses connections of its own; Django's must not hold the target open.
        connections.close_all()
        try:
            report = backup_restore(
                source=folder, database=settings.DATABASES["default"], storage=storages["cvs"]
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Database: {report.tables} tables, {report.rows:,} rows expected; "
            f"{len(report.row_mismatches)} tables differ."
        )
        for table, (expected, actual) in sorted(report.row_mismatches.items()):
            self.stdout.write(f"  {table}: expected {expected}, found {actual}")
        self.stdout.write(
            f"CV files: {report.files} expected; {len(report.file_mismatches)} missing or "
            "different."
        )
        for name in report.file_mismatches:
            self.stdout.write(f"  {name}")
        if not report.ok:
            raise CommandError("Restored, but it does not match the backup's manifest.")
        self.stdout.write(
            self.style.SUCCESS(f"Restored {folder}: row counts and checksums match.")
        )
