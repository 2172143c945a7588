"""A long run of large transactions on SQLite (an import of thousands of events) checkpoints its write-ahead log
less often.

SQLite copies its log into the database file at the first commit after the log passes 1 000 pages (4 MB). Each
500-event transaction of an import passed it, so each commit also checkpointed, writing once more the index pages
the next transaction changes anew: a ninth of a first import of 100 000 events. While the import runs, its
connection checkpoints after 10 000 pages (40 MB); afterwards the default is back, and the next commit past it
checkpoints what is left. The transactions stay as short as they were, for colleagues saving in between.
PostgreSQL writes its own log and has nothing to tune here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import peewee

from nlv_events.core.models import database_proxy

_PAGES_BETWEEN_CHECKPOINTS = 10_000


@contextmanager
def fewer_checkpoints() -> Iterator[None]:
    """Within: this connection checkpoints its SQLite log every 10 000 pages instead of every 1 000."""
    database = database_proxy.obj
    if not isinstance(database, peewee.SqliteDatabase):
        yield
        return
    previous = database.pragma("wal_autocheckpoint")
    database.pragma("wal_autocheckpoint", _PAGES_BETWEEN_CHECKPOINTS)
    try:
        yield
    finally:
        database.pragma("wal_autocheckpoint", previous)
