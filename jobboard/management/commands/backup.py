"""Back up the database and the private CV files into var/backups/<UTC time>/."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from jobboard.backup import BackupError, backup_create, read_manifest


class Command(BaseCommand):
    help = (
        "Write a consistent database dump, the CV files as a tar archive and a manifest "
        "(row counts, file checksums) into a new folder named for the UTC time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=settings.VAR_DIR / "backups",
            help="Folder that receives the dated backup folder (default: var/backups).",
        )

    def handle(self, *args, output_dir, **options):
        try:
            folder = backup_create(
                root=output_dir, database=settings.DATABASES["default"], storage=storages["cvs"]
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = read_manifest(folder)
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Database ({manifest['database']['vendor']}): {len(manifest['tables'])} tables, "
            f"{rows:,} rows."
        )
        self.stdout.write(f"CV files: {len(manifest['cv_files']):,}.")
        missing = manifest["cv_rows_without_file"]
        if missing:
            self.stderr.write(
                self.style.WARNING(
                    f"{len(missing)} CV rows point to files missing from storage, "
                    f"e.g. {missing[0]}."
                )
            )
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
