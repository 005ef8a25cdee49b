"""Test settings: the real settings with test speed-ups, never used to serve."""

import os
import secrets
import tempfile

# Tests run with DEBUG off like production; a throwaway key per run keeps literals out of the repo.
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))

# Parallel runs (pytest-xdist): each worker gets its own Redis database, as it gets its own
# test database, because every test empties the cache.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _WORKER.startswith("gw") and os.environ.get("REDIS_URL"):
    _base, _, _db = os.environ["REDIS_URL"].rpartition("/")
    os.environ["REDIS_URL"] = f"{_base}/{(int(_db or 0) - int(_WORKER[2:])) % 16}"

from jobboard.settings import *  # noqa: F403, E402 - reads the environment set above
from jobboard.settings import STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run inline in tests; tests that need a real worker start one explicitly.
CELERY_TASK_ALWAYS_EAGER = True

_TEST_FILES = tempfile.mkdtemp(prefix="hataraku-tests-")
MEDIA_ROOT = os.path.join(_TEST_FILES, "media")
STATIC_ROOT = os.path.join(_TEST_FILES, "static")
os.makedirs(STATIC_ROOT)
PRIVATE_MEDIA_ROOT = os.path.join(_TEST_FILES, "private")
STORAGES = {
    **STORAGES,
    "cvs": {
        "BACKEND": "jobboard.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    # The manifest storage needs collectstatic; plain storage keeps unit tests independent of it.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A second alias on the same test database, as a read replica would be: the router tests
# switch it on with READ_REPLICA_ALIAS; everything else keeps reading from "default".
_REPLICA = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
# No pool of its own: a pooled connection left open would block dropping the test database.
_REPLICA["OPTIONS"] = {k: v for k, v in _REPLICA.get("OPTIONS", {}).items() if k != "pool"}
DATABASES = {**DATABASES, "replica": _REPLICA}  # noqa: F405
READ_REPLICA_ALIAS = None
