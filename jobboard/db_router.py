"""Anonymous browsing reads from a PostgreSQL read replica when one is configured.

Only public pages rendered for a visitor with nobody logged in read from the replica (see
listings.pagecache): they tolerate a second of replication lag, and nobody there expects to
see their own write at once. Everything else, and every write, uses "default".
"""

import contextlib
import contextvars

from django.conf import settings

_browsing = contextvars.ContextVar("replica_reads", default=False)


@contextlib.contextmanager
def replica_reads():
    """Within this block, reads go to settings.READ_REPLICA_ALIAS (when it is set)."""
    token = _browsing.set(True)
    try:
        yield
    finally:
        _browsing.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        alias = settings.READ_REPLICA_ALIAS
        if alias and _browsing.get():
            return alias
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"
