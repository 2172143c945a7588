"""Counting the SQL statements SQLite runs, to test that a command asks the same number of queries for ten events
as for two hundred: a per-event query costs seconds in a record of 100 000 events, and no timed test could say so
reliably on a shared machine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import peewee

from nlv_events.core import models


@contextmanager
def statements_run() -> Iterator[list[str]]:
    """Every statement SQLite starts while inside, as its text, on the open connection and on any opened meanwhile
    (a command line opens its own). SQLite's trace hook sees each run of a statement, an `executemany` row too."""
    ran: list[str] = []
    original_hooks = peewee.SqliteDatabase._add_conn_hooks

    def add_hooks(database: peewee.SqliteDatabase, connection) -> None:
        original_hooks(database, connection)
        connection.set_trace_callback(ran.append)

    peewee.SqliteDatabase._add_conn_hooks = add_hooks  # type: ignore[method-assign]
    current = models.database_proxy.obj
    traced = current if isinstance(current, peewee.SqliteDatabase) and not current.is_closed() else None
    if traced is not None:
        traced.connection().set_trace_callback(ran.append)
    try:
        yield ran
    finally:
        peewee.SqliteDatabase._add_conn_hooks = original_hooks  # type: ignore[method-assign]
        if traced is not None and not traced.is_closed():
            traced.connection().set_trace_callback(None)
