"""A long run of large transactions on SQLite (an import of thousands of events): its write-ahead log checkpointed
less often, and its pages kept in a larger cache.

SQLite copies its log into the database file at the first commit after the log passes 1 000 pages (4 MB). Each
transaction of an import (then 500 events) passed it, so each commit also checkpointed, writing once more the
index pages the next transaction changes anew: a ninth of a first import of 100 000 events. While the import runs, its
connection checkpoints after 10 000 pages (40 MB); afterwards the default is back, and the next commit past it
checkpoints what is left. The transactions are not made longer by it: colleagues still save in between.

Each transaction of a first import adds rows to five tables and to their sixteen indexes. In SQLite's default
cache of 2 MB, each table's statement pushed out the pages the next one needed, and read them in again from the
operating system: its statements took 10.0-10.7 s of a 100 000-event import, and 8.5-8.6 s with 64 MB (paired
runs, docs/performance.md). The connection's cache is as it was once the import ends.

PostgreSQL writes its own log and keeps its own buffers: nothing to tune there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

import peewee

from nlv_events.core.models import database_proxy

_PAGES_BETWEEN_CHECKPOINTS = 10_000


def fewer_checkpoints() -> AbstractContextManager[None]:
    """Within: this connection checkpoints its SQLite log every 10 000 pages instead of every 1 000."""
    return _pragma_within("wal_autocheckpoint", _PAGES_BETWEEN_CHECKPOINTS)


_IMPORT_CACHE_KIB = 64 * 1024  # SQLite reads a negative cache_size as KiB


def larger_page_cache() -> AbstractContextManager[None]:
    """Within: this connection keeps up to 64 MB of the database's pages in memory instead of the default 2 MB."""
    return _pragma_within("cache_size", -_IMPORT_CACHE_KIB)


@contextmanager
def _pragma_within(name: str, value: int) -> Iterator[None]:
    """Within: SQLite's `name` set to `value` on this connection, then as it was, however the block ends; nothing
    on PostgreSQL."""
    database = database_proxy.obj
    if not isinstance(database, peewee.SqliteDatabase):
        yield
        return
    previous = database.pragma(name)
    database.pragma(name, value)
    try:
        yield
    finally:
        database.pragma(name, previous)
