"""Backups: `manage.py backup` then `manage.py restore` gives back every row and every CV file.

PostgreSQL: a source database of our own is created, migrated and filled by a subprocess, backed
up, and restored into a second new database; the test database is never a target. SQLite: the
test database is copied to a file first, and that file is the source.
"""

import hashlib
import io
import json
import os
import secrets
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.db import connection

from jobboard.backup import (
    CV_ARCHIVE,
    MANIFEST,
    BackupError,
    backup_create,
    backup_restore,
    database_row_counts,
)
from jobboard.storage import PrivateFileSystemStorage
from tests.jobboard.backup_source import populate

BASE_DIR = Path(__file__).resolve().parents[2]
on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_dump/pg_restore need PostgreSQL: run with DATABASE_URL=postgres://…",
)
on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="copies the SQLite test database as its source"
)


def tree_checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def application_rows(database: dict) -> list[tuple]:
    query = "SELECT listing_id, seeker_id, cv_id, status FROM applicants_application ORDER BY id"
    if database["ENGINE"].endswith("sqlite3"):
        with sqlite3.connect(database["NAME"]) as db:
            return [tuple(row) for row in db.execute(query)]
    with _connect(database["NAME"]) as db:
        return [tuple(row) for row in db.execute(query)]


# ---- PostgreSQL: databases of our own on the test server ----


def _server() -> dict:
    return {
        key: settings.DATABASES["default"].get(key) for key in ("USER", "PASSWORD", "HOST", "PORT")
    }


def _connect(dbname: str, **kwargs):
    server = _server()
    return psycopg.connect(
        dbname=dbname,
        user=server["USER"] or None,
        password=server["PASSWORD"] or None,
        host=server["HOST"] or None,
        port=server["PORT"] or None,
        **kwargs,
    )


def _pg_database(name: str) -> dict:
    return {**settings.DATABASES["default"], "NAME": name, "OPTIONS": {}}


def _pg_url(name: str) -> str:
    server = _server()
    password = f":{quote(server['PASSWORD'], safe='')}" if server["PASSWORD"] else ""
    return (
        f"postgres://{quote(server['USER'] or '', safe='')}{password}@"
        f"{server['HOST'] or '127.0.0.1'}:{server['PORT'] or 5432}/{name}"
    )


@pytest.fixture(scope="module")
def new_database():
    """Makes empty PostgreSQL databases with unique names; drops them all at the end."""
    created = []

    def make() -> dict:
        name = f"hataraku_backup_{secrets.token_hex(4)}"
        with _connect("postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        created.append(name)
        return _pg_database(name)

    yield make
    with _connect("postgres", autocommit=True) as admin:
        for name in created:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _site_env(database: dict, cv_root: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jobboard.settings",
        "DATABASE_URL": _pg_url(database["NAME"]),
        "PRIVATE_MEDIA_ROOT": str(cv_root),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "0",
    }


def _run(args: list, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def pg_source(new_database, tmp_path_factory):
    """A migrated database with listings, applications and CV files, and its CV folder."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    database = new_database()
    cv_root = tmp_path_factory.mktemp("source-cvs")
    result = _run(["-m", "tests.jobboard.backup_source"], _site_env(database, cv_root))
    assert result.returncode == 0, result.stderr
    made = json.loads(result.stdout.strip().splitlines()[-1])
    return database, cv_root, made


@pytest.fixture(scope="module")
def pg_backup(pg_source, tmp_path_factory):
    database, cv_root, _made = pg_source
    return backup_create(
        root=tmp_path_factory.mktemp("backups"),
        database=database,
        storage=PrivateFileSystemStorage(location=str(cv_root)),
    )


@on_postgres
def test_backup_then_restore_into_an_empty_postgres_database_keeps_every_row_and_cv(
    pg_source, new_database, tmp_path
):
    source, source_cvs, made = pg_source
    result = _run(
        ["manage.py", "backup", "--output-dir", tmp_path / "backups"],
        _site_env(source, source_cvs),
    )
    assert result.returncode == 0, result.stderr
    [folder] = (tmp_path / "backups").iterdir()
    assert len(folder.name) == len("20250101T000000Z") and folder.name.endswith("Z")
    assert sorted(path.name for path in folder.iterdir()) == [
        CV_ARCHIVE,
        "database.dump",
        MANIFEST,
    ]
    manifest = json.loads((folder / MANIFEST).read_text())
    assert manifest["tables"]["applicants_application"] == made["applications"] > 0
    assert len(manifest["cv_files"]) == made["cvs"] == 8
    assert manifest["cv_rows_without_file"] == []

    target = new_database()
    target_cvs = tmp_path / "restored-cvs"
    result = _run(["manage.py", "restore", folder], _site_env(target, target_cvs))

    assert result.returncode == 0, result.stderr
    assert "row counts and checksums match" in result.stdout
    assert database_row_counts(target) == database_row_counts(source) == manifest["tables"]
    assert application_rows(target) == application_rows(source)
    assert tree_checksums(target_cvs) == tree_checksums(source_cvs)
    assert len(tree_checksums(target_cvs)) == 8


@on_postgres
def test_restore_refuses_a_database_that_has_rows_and_changes_nothing(
    pg_source, pg_backup, tmp_path
):
    source, _cvs, _made = pg_source
    before = database_row_counts(source)
    with pytest.raises(BackupError, match="is not empty"):
        backup_restore(
            source=pg_backup,
            database=source,
            storage=PrivateFileSystemStorage(location=str(tmp_path / "empty")),
        )
    assert database_row_counts(source) == before
    assert not (tmp_path / "empty").exists()


@on_postgres
def test_restore_refuses_a_cv_folder_that_has_files_and_leaves_the_database_empty(
    pg_backup, new_database, tmp_path
):
    target = new_database()
    (tmp_path / "cvs").mkdir()
    (tmp_path / "cvs" / "someone.pdf").write_bytes(b"%PDF-1.4 keep me")
    with pytest.raises(BackupError, match="CV storage already holds 1 files"):
        backup_restore(
            source=pg_backup,
            database=target,
            storage=PrivateFileSystemStorage(location=str(tmp_path / "cvs")),
        )
    assert database_row_counts(target) == {}
    assert tree_checksums(tmp_path / "cvs") == {
        "someone.pdf": hashlib.sha256(b"%PDF-1.4 keep me").hexdigest()
    }


# ---- SQLite: the test database, copied to a file, is the source ----


@pytest.fixture
def sqlite_source(tmp_path):
    """A file copy of the SQLite test database after populate(); data must be committed."""
    made = populate()
    path = tmp_path / "source.sqlite3"
    live = sqlite3.connect(connection.settings_dict["NAME"], uri=True)
    copy = sqlite3.connect(path)
    live.backup(copy)
    copy.close()
    live.close()
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}, made


def _cv_folder() -> Path:
    return Path(storages["cvs"].location)


@on_sqlite
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sqlite_backup_then_restore_into_a_new_file_keeps_every_row_and_cv(
    sqlite_source, tmp_path
):
    source, made = sqlite_source
    folder = backup_create(root=tmp_path / "backups", database=source, storage=storages["cvs"])
    assert sorted(path.name for path in folder.iterdir()) == [
        CV_ARCHIVE,
        "database.sqlite3",
        MANIFEST,
    ]
    assert all(path.stat().st_mode & 0o077 == 0 for path in folder.iterdir())

    target = {**source, "NAME": str(tmp_path / "restored" / "db.sqlite3")}
    target_cvs = tmp_path / "restored-cvs"
    report = backup_restore(
        source=folder,
        database=target,
        storage=PrivateFileSystemStorage(location=str(target_cvs)),
    )

    assert report.ok, (report.row_mismatches, report.file_mismatches)
    assert report.files == len(tree_checksums(_cv_folder())) >= made["cvs"]
    assert database_row_counts(target) == database_row_counts(source)
    assert application_rows(target) == application_rows(source)
    assert len(application_rows(target)) == made["applications"] > 0
    assert tree_checksums(target_cvs) == tree_checksums(_cv_folder())


@on_sqlite
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_restore_into_the_same_database_is_refused(sqlite_source, tmp_path):
    source, _made = sqlite_source
    folder = backup_create(root=tmp_path / "backups", database=source, storage=storages["cvs"])
    target = {**source, "NAME": str(tmp_path / "restored.sqlite3")}
    backup_restore(
        source=folder,
        database=target,
        storage=PrivateFileSystemStorage(location=str(tmp_path / "cvs-1")),
    )
    with pytest.raises(BackupError, match="is not empty"):
        backup_restore(
            source=folder,
            database=target,
            storage=PrivateFileSystemStorage(location=str(tmp_path / "cvs-2")),
        )
    assert not (tmp_path / "cvs-2").exists()


@on_sqlite
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_damaged_cv_archive_is_refused_before_anything_is_restored(sqlite_source, tmp_path):
    source, _made = sqlite_source
    folder = backup_create(root=tmp_path / "backups", database=source, storage=storages["cvs"])
    with (folder / CV_ARCHIVE).open("r+b") as archive:
        archive.seek(600)
        archive.write(b"corrupted")
    target = {**source, "NAME": str(tmp_path / "restored.sqlite3")}
    with pytest.raises(BackupError, match=r"damaged: cvs\.tar"):
        backup_restore(
            source=folder,
            database=target,
            storage=PrivateFileSystemStorage(location=str(tmp_path / "cvs")),
        )
    assert not Path(target["NAME"]).exists()


def _handmade_backup(folder: Path, entries: dict[str, bytes]) -> None:
    """A SQLite backup folder whose CV archive holds `entries`, with a matching manifest."""
    folder.mkdir()
    sqlite3.connect(folder / "database.sqlite3").close()
    with tarfile.open(folder / CV_ARCHIVE, "w") as tar:
        for name, content in entries.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))

    def sha(path):
        return hashlib.sha256(path.read_bytes()).hexdigest()

    manifest = {
        "format": 1,
        "database": {
            "vendor": "sqlite",
            "file": "database.sqlite3",
            "sha256": sha(folder / "database.sqlite3"),
        },
        "tables": {},
        "cv_archive": {"file": CV_ARCHIVE, "sha256": sha(folder / CV_ARCHIVE)},
        "cv_files": {name: hashlib.sha256(data).hexdigest() for name, data in entries.items()},
        "cv_rows_without_file": [],
    }
    (folder / MANIFEST).write_text(json.dumps(manifest))


@pytest.mark.parametrize("name", ["../outside.pdf", "/var/outside.pdf", "cvs/../../outside.pdf"])
def test_an_archive_entry_outside_the_storage_folder_is_refused_before_any_restore(tmp_path, name):
    _handmade_backup(tmp_path / "backup", {name: b"%PDF-1.4"})
    target = tmp_path / "restored.sqlite3"
    with pytest.raises(BackupError, match="unsafe entry"):
        backup_restore(
            source=tmp_path / "backup",
            database={"ENGINE": "django.db.backends.sqlite3", "NAME": str(target)},
            storage=PrivateFileSystemStorage(location=str(tmp_path / "cvs")),
        )
    assert not target.exists()
    assert not (tmp_path / "outside.pdf").exists()
    assert not (tmp_path / "cvs").exists()


def test_a_folder_without_manifest_is_not_a_backup(tmp_path):
    with pytest.raises(BackupError, match="not a backup folder"):
        backup_restore(
            source=tmp_path,
            database={"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "x")},
            storage=PrivateFileSystemStorage(location=str(tmp_path / "cvs")),
        )
