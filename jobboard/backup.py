"""Backups: a consistent database dump plus the private CV files, with a manifest to verify.

A backup is a folder named for its UTC time holding the database (PostgreSQL: `pg_dump`
custom format; SQLite: a copy made with the online backup API), `cvs.tar` with every file of
the CV storage, and `manifest.json`: row counts per table, taken from the very snapshot that
was dumped, and the sha256 of every CV file. Restoring needs an empty database and an empty CV
storage, and checks the result against the manifest.
"""

import datetime
import hashlib
import io
import json
import os
import posixpath
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from django.core.files.base import ContentFile
from psycopg import sql
from psycopg.conninfo import make_conninfo

MANIFEST = "manifest.json"
CV_ARCHIVE = "cvs.tar"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
FORMAT_VERSION = 1
# Keys of Django's OPTIONS that are not libpq connection parameters.
DJANGO_ONLY_OPTIONS = {"pool", "isolation_level", "server_side_binding", "assume_role"}
SYSTEM_SCHEMAS = ("pg_catalog", "information_schema")
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why in one line."""


@dataclass
class RestoreReport:
    tables: int = 0
    rows: int = 0
    files: int = 0
    row_mismatches: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    file_mismatches: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.row_mismatches and not self.file_mismatches


# ---- database access, outside Django's connections (the target may not be Django's) ----


def _vendor(database: dict) -> str:
    engine = database["ENGINE"]
    if engine.endswith("postgresql"):
        return "postgresql"
    if engine.endswith("sqlite3"):
        return "sqlite"
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")


def _pg_params(database: dict) -> dict:
    options = {
        key: value
        for key, value in database.get("OPTIONS", {}).items()
        if key not in DJANGO_ONLY_OPTIONS
    }
    params = {
        "dbname": database["NAME"],
        "user": database.get("USER") or None,
        "host": database.get("HOST") or None,
        "port": str(database["PORT"]) if database.get("PORT") else None,
        **options,
    }
    return {key: value for key, value in params.items() if value is not None}


def _pg_connect(database: dict, **kwargs):
    password = database.get("PASSWORD") or None
    try:
        return psycopg.connect(**_pg_params(database), password=password, **kwargs)
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise BackupError(f"Cannot connect to the database {database['NAME']}: {reason}") from exc


def _pg_command(program: str, database: dict, *args: str) -> None:
    """Run pg_dump/pg_restore against `database`; the password goes in the environment."""
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not on PATH: install the PostgreSQL client tools.")
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    command = [program, f"--dbname={make_conninfo(**_pg_params(database))}", *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip() or result.returncode}")


def _pg_row_counts(cursor) -> dict[str, int]:
    cursor.execute(
        "SELECT n.nspname, c.relname FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname <> ALL(%s) "
        "AND left(n.nspname, 3) <> 'pg_' ORDER BY 1, 2",
        [list(SYSTEM_SCHEMAS)],
    )
    counts = {}
    for schema, table in cursor.fetchall():
        cursor.execute(
            sql.SQL("SELECT count(*) FROM {}.{}").format(
                sql.Identifier(schema), sql.Identifier(table)
            )
        )
        counts[table if schema == "public" else f"{schema}.{table}"] = cursor.fetchone()[0]
    return counts


def _pg_cv_names(cursor, table: str, column: str) -> list[str] | None:
    cursor.execute("SELECT to_regclass(%s)", [table])
    if cursor.fetchone()[0] is None:
        return None
    cursor.execute(
        sql.SQL("SELECT {} FROM {}").format(sql.Identifier(column), sql.Identifier(table))
    )
    return [name for (name,) in cursor.fetchall()]


def _sqlite_connect(name) -> sqlite3.Connection:
    name = str(name)
    return sqlite3.connect(name, uri=name.startswith("file:"))


def _sqlite_row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
        for table in tables
    }


def _sqlite_cv_names(connection: sqlite3.Connection, table: str, column: str) -> list[str] | None:
    exists = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()
    if not exists:
        return None
    query = f'SELECT "{column}" FROM "{table}"'  # noqa: S608 - names from the model's _meta
    return [name for (name,) in connection.execute(query)]


def database_row_counts(database: dict) -> dict[str, int]:
    """Rows per table of `database` (a DATABASES entry), read outside Django's connections."""
    if _vendor(database) == "postgresql":
        with _pg_connect(database) as connection, connection.cursor() as cursor:
            return _pg_row_counts(cursor)
    path = database["NAME"]
    if not str(path).startswith("file:") and not Path(path).exists():
        return {}
    connection = _sqlite_connect(path)
    try:
        return _sqlite_row_counts(connection)
    finally:
        connection.close()


# ---- CV storage ----


def _storage_files(storage, directory: str = "") -> list[str]:
    """Every file name in `storage`, depth first; a missing root counts as empty."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return []
    names = [posixpath.join(directory, name) if directory else name for name in files]
    for child in directories:
        names += _storage_files(storage, posixpath.join(directory, child) if directory else child)
    return sorted(names)


def _sha256_of(storage, name: str) -> tuple[bytes, str]:
    with storage.open(name, "rb") as handle:
        content = handle.read()
    return content, hashlib.sha256(content).hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _archive_storage(storage, archive: Path) -> dict[str, str]:
    """Write every file of `storage` into a tar archive; return their sha256 by name."""
    checksums = {}
    with tarfile.open(archive, "w") as tar:
        for name in _storage_files(storage):
            # CVs are at most a few MB: reading each whole keeps the checksum and the archived
            # bytes the same even if the file changes meanwhile.
            content, checksum = _sha256_of(storage, name)
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mode = 0o600
            try:
                info.mtime = int(storage.get_modified_time(name).timestamp())
            except (NotImplementedError, OSError):
                info.mtime = int(datetime.datetime.now(datetime.UTC).timestamp())
            tar.addfile(info, io.BytesIO(content))
            checksums[name] = checksum
    return checksums


def _safe_member_name(member: tarfile.TarInfo) -> str:
    name = member.name
    normalised = posixpath.normpath(name)
    if (
        not member.isfile()
        or name.startswith("/")
        or normalised != name
        or normalised.startswith("..")
        or "\\" in name
    ):
        raise BackupError(f"{CV_ARCHIVE} holds an unsafe entry {name!r}; nothing was restored.")
    return name


# ---- backup ----


def _cv_table() -> tuple[str, str]:
    from applicants.models import CV

    return CV._meta.db_table, CV._meta.get_field("file").column


def _new_folder(root: Path, now: datetime.datetime) -> Path:
    stamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    folder, n = root / stamp, 1
    while folder.exists() or (root / f".{folder.name}.partial").exists():
        n += 1
        folder = root / f"{stamp}-{n}"
    return folder


def backup_create(
    *, root: Path, database: dict, storage, now: datetime.datetime | None = None
) -> Path:
    """Back up `database` (a DATABASES entry) and the CV `storage` into a new folder of
    `root`; return that folder. Written under a hidden name, renamed when complete."""
    vendor = _vendor(database)
    now = now or datetime.datetime.now(datetime.UTC)
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    folder = _new_folder(root, now)
    partial = root / f".{folder.name}.partial"
    partial.mkdir(mode=0o700)
    cv_table, cv_column = _cv_table()
    try:
        if vendor == "postgresql":
            dump_name = POSTGRES_DUMP
            counts, cv_names = _dump_postgres(database, partial / dump_name, cv_table, cv_column)
        else:
            dump_name = SQLITE_COPY
            counts, cv_names = _copy_sqlite(database, partial / dump_name, cv_table, cv_column)
        # After the database: a CV uploaded meanwhile is an extra file, which does no harm.
        checksums = _archive_storage(storage, partial / CV_ARCHIVE)
        missing = sorted(set(cv_names or []) - set(checksums))
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": now.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z"),
            "database": {
                "vendor": vendor,
                "file": dump_name,
                "sha256": _file_sha256(partial / dump_name),
            },
            "tables": counts,
            "cv_archive": {"file": CV_ARCHIVE, "sha256": _file_sha256(partial / CV_ARCHIVE)},
            "cv_files": checksums,
            # CV rows whose file was already gone from storage when the backup ran.
            "cv_rows_without_file": missing,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        for path in partial.iterdir():
            path.chmod(0o600)  # personal data: readable by the site's user only
        partial.rename(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return folder


def _dump_postgres(database: dict, path: Path, cv_table: str, cv_column: str):
    """pg_dump from an exported snapshot, counting rows in that same snapshot."""
    with _pg_connect(database) as connection:
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = _pg_row_counts(cursor)
            cv_names = _pg_cv_names(cursor, cv_table, cv_column)
            # The snapshot lives as long as this transaction: dump while it is open.
            _pg_command(
                "pg_dump", database, "--format=custom", f"--snapshot={snapshot}", f"--file={path}"
            )
        connection.rollback()
    return counts, cv_names


def _copy_sqlite(database: dict, path: Path, cv_table: str, cv_column: str):
    source_name = database["NAME"]
    if not str(source_name).startswith("file:") and not Path(source_name).exists():
        raise BackupError(f"The SQLite database {source_name} does not exist.")
    source = _sqlite_connect(source_name)
    target = sqlite3.connect(path)
    try:
        source.backup(target)
        # One self-contained file: a WAL-mode copy would need its -wal/-shm files beside it.
        target.execute("PRAGMA journal_mode=DELETE")
        # Counted in the copy, so they describe exactly what was saved.
        counts = _sqlite_row_counts(target)
        cv_names = _sqlite_cv_names(target, cv_table, cv_column)
    finally:
        target.close()
        source.close()
    return counts, cv_names


# ---- restore ----


def read_manifest(source: Path) -> dict:
    path = Path(source) / MANIFEST
    if not path.is_file():
        raise BackupError(f"{source} is not a backup folder: it has no {MANIFEST}.")
    try:
        manifest = json.loads(path.read_text())
    except ValueError as exc:
        raise BackupError(f"{path} is not valid JSON: {exc}") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{path} has an unknown format {manifest.get('format')!r}.")
    return manifest


def _check_integrity(source: Path, manifest: dict) -> None:
    """Refuse a damaged or tampered backup before anything is written."""
    for part in (manifest["database"], manifest["cv_archive"]):
        path = source / part["file"]
        if not path.is_file():
            raise BackupError(f"The backup is incomplete: {part['file']} is missing.")
        if _file_sha256(path) != part["sha256"]:
            raise BackupError(f"The backup is damaged: {part['file']} does not match its sha256.")
    with tarfile.open(source / manifest["cv_archive"]["file"], "r") as tar:
        names = [_safe_member_name(member) for member in tar.getmembers()]
    if sorted(names) != sorted(manifest["cv_files"]):
        raise BackupError(f"{CV_ARCHIVE} and {MANIFEST} list different files.")


def _refuse_unless_empty(database: dict, storage) -> None:
    nonempty = {table: rows for table, rows in database_row_counts(database).items() if rows}
    if nonempty:
        examples = ", ".join(sorted(nonempty)[:3])
        raise BackupError(
            f"Refusing to restore: the database {database['NAME']} is not empty "
            f"({len(nonempty)} tables have rows, e.g. {examples}). Restore into a new, empty "
            "database."
        )
    files = _storage_files(storage)
    if files:
        raise BackupError(
            f"Refusing to restore: the CV storage already holds {len(files)} files "
            f"(e.g. {files[0]}). Restore into an empty folder."
        )


def backup_restore(*, source: Path, database: dict, storage) -> RestoreReport:
    """Restore a backup folder into an empty `database` and an empty CV `storage`, then
    compare row counts and file checksums with the manifest."""
    source = Path(source)
    manifest = read_manifest(source)
    vendor = _vendor(database)
    if manifest["database"]["vendor"] != vendor:
        raise BackupError(
            f"This backup is of a {manifest['database']['vendor']} database; "
            f"the target is {vendor}."
        )
    _check_integrity(source, manifest)
    _refuse_unless_empty(database, storage)

    dump = source / manifest["database"]["file"]
    if vendor == "postgresql":
        _pg_command(
            "pg_restore",
            database,
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            str(dump),
        )
    else:
        _restore_sqlite(dump, database["NAME"])
    _restore_files(source / manifest["cv_archive"]["file"], storage)
    return verify(manifest=manifest, database=database, storage=storage)


def _restore_sqlite(dump: Path, target_name) -> None:
    if not str(target_name).startswith("file:"):
        Path(target_name).parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    target = _sqlite_connect(target_name)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _restore_files(archive: Path, storage) -> None:
    with tarfile.open(archive, "r") as tar:
        for member in tar.getmembers():
            name = _safe_member_name(member)
            content = tar.extractfile(member).read()
            saved = storage.save(name, ContentFile(content))
            if saved != name:
                raise BackupError(f"The CV storage renamed {name} to {saved} while restoring.")


def verify(*, manifest: dict, database: dict, storage) -> RestoreReport:
    """Compare a database and a CV storage with a backup's manifest."""
    report = RestoreReport()
    actual = database_row_counts(database)
    for table, expected in manifest["tables"].items():
        report.tables += 1
        report.rows += expected
        if actual.get(table) != expected:
            report.row_mismatches[table] = (expected, actual.get(table))
    stored = set(_storage_files(storage))
    for name, expected in sorted(manifest["cv_files"].items()):
        report.files += 1
        if name not in stored or _sha256_of(storage, name)[1] != expected:
            report.file_mismatches.append(name)
    return report
