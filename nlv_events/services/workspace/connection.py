"""The database connection as the window's threads see it: which file by default, and closing a worker's own."""

from __future__ import annotations

from pathlib import Path

from nlv_events.core.database import default_database_path
from nlv_events.core.models import database_proxy


def close_thread_connection() -> None:
    """peewee keeps one connection per thread: a worker's must not outlive its thread."""
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()


def default_database_file() -> Path:
    """The database used when neither --db nor the environment names one."""
    return default_database_path()
