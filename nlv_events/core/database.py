"""Binding the store to a database at run time: a SQLite file by default, or a PostgreSQL URL."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path, PurePath
from urllib.parse import quote, unquote, urlsplit

import peewee
import platformdirs

from nlv_events import APP_NAME, ORGANISATION_NAME, logs
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


def _raw_password(target: str) -> str | None:
    """The password as typed in the URL: between "user:" and the last "@" of the address, even when the user did not
    percent-encode its "@", "/", "#" or ":" (urlsplit would then cut it in pieces)."""
    _scheme, separator, rest = target.partition("://")
    if not separator or "@" not in rest:
        return None
    credentials = rest[: rest.rindex("@")]
    if ":" not in credentials:
        return None
    return credentials.split(":", 1)[1]


def describe_target(target: str) -> str:
    """The target fit to show or log: a URL's whole password is replaced by asterisks."""
    if not is_url(target):
        return target
    password = _raw_password(target)
    if password is None:
        return target
    scheme, _separator, rest = target.partition("://")
    user = rest.split(":", 1)[0]
    return f"{scheme}://{user}:***@{rest[rest.rindex('@') + 1 :]}"


# Characters a percent-encoded password never holds: a password with one of them was typed raw.
_RAW_ONLY = frozenset("@#/? ")


def _password_encoded(target: str) -> str:
    """`target` with a password typed raw (with "@", "#", "/", "?" or a space, which the URL's syntax takes for its
    own parts) percent-encoded, as the driver reads it; any other address as it is."""
    password = _raw_password(target)
    if password is None or not _RAW_ONLY & set(password):
        return target
    scheme, _separator, rest = target.partition("://")
    user = rest.split(":", 1)[0]
    return f"{scheme}://{user}:{quote(password, safe='')}@{rest[rest.rindex('@') + 1 :]}"


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """A SQLite URI for `path`, percent-encoded, so a folder named "Phòng #2" or "50% off" stays one path.

    The path is made absolute without resolve(), which would turn a mapped drive (Z:) into its share, and a share
    is written with an empty authority (file:////server/share/…), the form SQLite documents for UNC paths:
    pathlib's as_uri() gives file://server/share/…, which SQLite rejects ("invalid uri authority").
    """
    return uri_for(type(path)(os.path.abspath(path.expanduser())), mode)


def uri_for(absolute: PurePath, mode: str = "ro") -> str:
    """The SQLite URI of an absolute path of either system (a PureWindowsPath can be tested on Linux)."""
    text = absolute.as_posix()  # C:/Users/… or //server/share/… on Windows
    if not text.startswith("/"):
        text = "/" + text  # a drive letter: file:///C:/…
    return f"file://{quote(text, safe='/:')}?mode={mode}"


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
        refuse_foreign_file(path)
        # Writes take the lock when they begin (BEGIN IMMEDIATE), so a second writer waits out the busy timeout
        # instead of failing at once when its read turns into a write.
        database: peewee.Database = peewee.SqliteDatabase(
            str(path), pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE", timeout=SQLITE_PRAGMAS["busy_timeout"] / 1000
        )
    else:
        from playhouse import db_url  # the server drivers' module: only for a URL

        try:
            # A password with "@", "#" or "%" is written percent-encoded in the URL; the server wants it decoded.
            database = db_url.connect(_password_encoded(target), unquote_password=True, unquote_user=True)
        except Exception as error:  # playhouse raises plain errors for unknown schemes and missing drivers
            raise UserError(
                _("Cannot use the database address {target}: {reason}").format(
                    target=describe_target(target), reason=without_password(str(error), target)
                )
            ) from error
    try:
        _connect(database)
    except peewee.OperationalError as error:
        explained = guard.explain(error)
        if explained is not None:
            raise explained from error
        raise UserError(
            _("Cannot open the database {target}: {reason}").format(
                target=describe_target(target), reason=without_password(str(error), target)
            )
        ) from error
    except (peewee.DatabaseError, sqlite3.DatabaseError) as error:
        raise _damaged(target, error) from error
    return database


# How long connecting waits for a file another process holds locked: setting WAL mode on a new file needs the
# lock that a process creating the schema holds for its whole transaction (seconds on a busy PC).
CONNECT_WAIT = 60.0


def _connect(database: peewee.Database) -> None:
    deadline = time.monotonic() + CONNECT_WAIT
    while True:
        try:
            database.connect(reuse_if_open=True)
            return
        except peewee.OperationalError as error:
            locked = isinstance(database, peewee.SqliteDatabase) and "locked" in str(error).lower()
            if not locked or time.monotonic() > deadline:
                raise
            if not database.is_closed():
                database.close()
            time.sleep(0.05)


def without_password(text: str, target: str) -> str:
    """`text` (a driver's message) with the password of `target` masked in every form it may quote it: raw,
    encoded, decoded, and inside any address."""
    password = _raw_password(target) if is_url(target) else None
    if password:
        for form in sorted({password, unquote(password), quote(password, safe="")}, key=len, reverse=True):
            text = text.replace(form, "***")
    return logs.hide_passwords(text)


# Tables of the app's own schema: a SQLite file holding any other table belongs to someone else.
_OUR_TABLES = frozenset(
    {
        "organisation",
        "venue",
        "person",
        "event",
        "event_partner",
        "event_person",
        "programme_item",
        "programme_person",
        "annual_plan",
        "sqlite_sequence",
        "sqlite_stat1",
        migrations.HISTORY_TABLE,
    }
)


class ForeignDatabaseError(UserError):
    """The SQLite file belongs to another program: never opened, restored over or changed."""


def refuse_foreign_file(path: Path) -> None:
    """Open only an empty file or one of ours: another program's database is refused and left as it is."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(sqlite_uri(path), uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return  # damaged or not a database at all: the caller's own checks say so
    if tables and (migrations.HISTORY_TABLE not in tables or "event" not in tables):
        raise ForeignDatabaseError(
            _(
                "{path} is a database of another program (it holds tables such as “{table}”), not of NLV Events; "
                "it was not changed. Choose an NLV Events database or a new file name."
            ).format(path=path, table=sorted(tables - _OUR_TABLES or tables)[0])
        )


def _damaged(target: str, error: Exception) -> UserError:
    return UserError(
        _("{target} is not an NLV Events database or is damaged: {reason}").format(
            target=describe_target(target), reason=without_password(str(error), target)
        )
    )


def open_database(target: str | None = None, read_only: bool = False) -> peewee.Database:
    """Open the database chosen by `target` (see `resolve_target`), bring its schema up to date and bind it.

    With `read_only` (a command that only reads: a printout, a listing, an export) a SQLite file whose schema stamp
    is current is opened read-only, with no schema work at all; any other case (a server, a new file, an older
    schema to upgrade, a newer one to refuse, a file SQLite cannot open read-only) takes the ordinary way.
    """
    resolved = resolve_target(target)
    if read_only:
        database = _open_read_only(resolved)
        if database is not None:
            database_proxy.initialize(database)
            return database
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


def _open_read_only(target: str) -> peewee.Database | None:
    """The SQLite file at `target` opened read-only when it is one of ours at this version's schema, else None."""
    path = _sqlite_path(target)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    database = peewee.SqliteDatabase(
        sqlite_uri(path),
        uri=True,
        pragmas={"foreign_keys": 1, "busy_timeout": SQLITE_PRAGMAS["busy_timeout"], "query_only": 1},
        timeout=SQLITE_PRAGMAS["busy_timeout"] / 1000,
    )
    try:
        database.connect()
        tables = {name for (name,) in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if migrations.HISTORY_TABLE not in tables or "event" not in tables:
            database.close()
            return None  # new, foreign or damaged: the ordinary way says what it is
        if not migrations.is_current(migrations.applied_names(database)):
            database.close()
            return None  # an older schema to upgrade, or a newer one to refuse
    except (peewee.DatabaseError, sqlite3.Error):
        database.close()
        return None  # e.g. a WAL file whose shared memory cannot be created read-only
    return database


def open_file() -> Path | None:
    """The SQLite file the store is bound to now, or None (PostgreSQL, or nothing open)."""
    database = database_proxy.obj
    if isinstance(database, peewee.SqliteDatabase) and database.database not in ("", ":memory:"):
        if database.database.startswith("file:"):  # opened read-only through a URI (see sqlite_uri)
            path = unquote(urlsplit(database.database).path)
            return Path(path[1:] if path[2:3] == ":" else path)  # "/C:/…" on Windows
        return Path(database.database)
    return None


def companion_files(path: Path) -> list[Path]:
    """A SQLite database's file and the files SQLite keeps beside it while it is open."""
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def close_database() -> None:
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()
