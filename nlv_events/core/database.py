"""Binding the store to a database at run time: a SQLite file by default, or a PostgreSQL URL."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import peewee
import platformdirs
from playhouse import db_url

from nlv_events import APP_NAME, ORGANISATION_NAME
from nlv_events.core import guard, migrations
from nlv_events.core.errors import UserError
from nlv_events.core.models import database_proxy
from nlv_events.i18n import _

ENV_VARIABLE = "NLV_EVENTS_DB"
DATABASE_FILENAME = "nlv-events.sqlite3"
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
}


def user_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, ORGANISATION_NAME)


def default_database_path() -> Path:
    return user_data_dir() / DATABASE_FILENAME


def resolve_target(explicit: str | None = None) -> str:
    """Which database to open: the explicit `--db`, else $NLV_EVENTS_DB, else the default file."""
    return explicit or os.environ.get(ENV_VARIABLE) or str(default_database_path())


def is_url(target: str) -> bool:
    return "://" in target


def describe_target(target: str) -> str:
    """The target fit to show or log: a URL's password is replaced by asterisks."""
    if not is_url(target):
        return target
    parts = urlsplit(target)
    if parts.password is None:
        return target
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def sqlite_file(target: str) -> Path | None:
    """The file behind a SQLite target (a path or sqlite:/// URL); None for a server URL."""
    return _sqlite_path(target)


def _sqlite_path(target: str) -> Path | None:
    if not is_url(target):
        return Path(target).expanduser()
    if target.startswith("sqlite:///"):
        return Path(target[len("sqlite:///") :]).expanduser()
    return None


def connect(target: str) -> peewee.Database:
    """Open (and create when new) the database at `target`, without touching its schema."""
    path = _sqlite_path(target)
    if path is not None:
        if path.is_dir():
            raise UserError(_("The database path {path} is a folder; give a file name.").format(path=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UserError(
                _("Cannot create the folder for the database {path}: {reason}").format(
                    path=path, reason=error.strerror or error
                )
            ) from error
        if path.exists() and not os.access(path, os.W_OK):
            raise UserError(
                _("The database {path} is read-only: ask for write access to the file, or open a copy.").format(
                    path=path
                )
            )
        database: peewee.Database = peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS)
    else:
        try:
            database = db_url.connect(target)
        except Exception as error:  # playhouse raises plain errors for unknown schemes and missing drivers
            raise UserError(
                _("Cannot use the database address {target}: {reason}").format(
                    target=describe_target(target), reason=error
                )
            ) from error
    try:
        database.connect(reuse_if_open=True)
    except peewee.OperationalError as error:
        explained = guard.explain(error)
        if explained is not None:
            raise explained from error
        raise UserError(
            _("Cannot open the database {target}: {reason}").format(
                target=describe_target(target), reason=_without_password(str(error), target)
            )
        ) from error
    except (peewee.DatabaseError, sqlite3.DatabaseError) as error:
        raise _damaged(target, error) from error
    return database


def _without_password(text: str, target: str) -> str:
    password = urlsplit(target).password if is_url(target) else None
    return text.replace(password, "***") if password else text


def _damaged(target: str, error: Exception) -> UserError:
    return UserError(
        _("{target} is not an NLV Events database or is damaged: {reason}").format(
            target=describe_target(target), reason=error
        )
    )


def open_database(target: str | None = None) -> peewee.Database:
    """Open the database chosen by `target` (see `resolve_target`), bring its schema up to date and bind it."""
    resolved = resolve_target(target)
    database = connect(resolved)
    try:
        with guard.database_errors():
            migrations.upgrade(database)
    except peewee.DatabaseError as error:
        database.close()
        raise _damaged(resolved, error) from error
    except UserError:
        database.close()
        raise
    database_proxy.initialize(database)
    return database


def close_database() -> None:
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()
