"""Who is working: the name the change history records and the status bar shows.

On PostgreSQL each person connects as their own login (a database role), so the server names them: the
connection's `current_user`, which nobody can type differently. On a SQLite file there is no login: the person is the
name in the settings (`user.name`), the system's user name until they set one.
"""

from __future__ import annotations

import getpass

import peewee

from nlv_events.core.models import database_proxy
from nlv_events.core.settings import current_settings


def system_user() -> str:
    """The operating system's name for the person at the keyboard; "" when it has none (a service account)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def on_server() -> bool:
    """Whether the store is a PostgreSQL server (people are logins there) rather than a SQLite file."""
    return isinstance(database_proxy.obj, peewee.PostgresqlDatabase)


def current_user() -> str:
    """The name the history records for a save made now."""
    database = database_proxy.obj
    if isinstance(database, peewee.PostgresqlDatabase):
        # Asked on each save (one round trip): the connection may have been made anew, as another login.
        return database.execute_sql("SELECT current_user").fetchone()[0]
    return current_settings().get("user.name").strip() or system_user() or "?"
