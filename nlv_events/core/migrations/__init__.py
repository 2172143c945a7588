"""Numbered schema migrations, run in order by peewee's playhouse.migrations runner.

The migrations are found as modules of this package (pkgutil), never by globbing its folder: a folder name with
"[" (a Windows user called "Lan [IT]", an install in "C:\\Apps [test]") is a glob pattern, and in the bundle the
modules are bytecode inside the program, with no folder of .py files to glob.
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import peewee

from nlv_events.core.errors import UserError
from nlv_events.i18n import _

if TYPE_CHECKING:
    from playhouse.migrations import Runner

HISTORY_TABLE = "schema_migration"


def runner(database: peewee.Database) -> Runner:
    from playhouse.migrations import Migration, Runner

    class PackagedMigration(Migration):
        """A migration whose `path` is its module's dotted name: loaded by import, not from a file."""

        __slots__ = ()

        def load(self):  # type: ignore[no-untyped-def]
            return importlib.import_module(self.path)

    class PackageRunner(Runner):
        def migrations(self) -> list[Migration]:
            return [PackagedMigration(_number(name), name, f"{__name__}.{name}", None) for name in known_names()]

    return PackageRunner(database, table_name=HISTORY_TABLE)


def _number(name: str) -> int:
    return int(name.split("_", 1)[0])


def known_names() -> list[str]:
    """The names of the migrations this version of the app ships, in order: the package's modules whose names start
    with a digit (the runner's own pattern)."""
    names = [module.name for module in pkgutil.iter_modules(__path__) if module.name[:1].isdigit()]
    return sorted(names, key=lambda name: (_number(name), name))


def applied_names(database: peewee.Database) -> set[str] | None:
    """The migrations the database records as applied (its schema stamp), or None when it has no history yet."""
    if not database.table_exists(HISTORY_TABLE):
        return None  # a new database, for the runner to create
    cursor = database.execute_sql(f'SELECT name FROM "{HISTORY_TABLE}"')
    return {name for (name,) in cursor.fetchall()}


def newer_schema_error(unknown: list[str]) -> UserError:
    return UserError(
        _(
            "This database was last used by a newer version of NLV Events (schema {schema}). "
            "Install that version or newer to open it; nothing was changed."
        ).format(schema=", ".join(sorted(unknown)))
    )


def is_current(applied: set[str] | None) -> bool:
    """Whether a database stamped with `applied` has exactly this version's schema: nothing to upgrade, nothing
    newer to refuse."""
    return applied is not None and applied == set(known_names())


def upgrade(database: peewee.Database) -> list[str]:
    """Apply the pending migrations; refuse a database that a newer version of the app has migrated.

    The stamp (the names in the history table, one query) answers the common case, a database already at this
    version, without the runner, which imports the migration machinery and asks the database about its tables.
    Anything else is done holding the schema lock (see `schema_lock`), and the stamp read again under it: of
    several processes opening a brand-new database at once, one creates the schema and the others then find it.
    """
    if _checked_stamp(applied_names(database)):
        return []
    with schema_lock(database):
        if _checked_stamp(applied_names(database)):
            return []
        return _run_pending(database)


def _checked_stamp(applied: set[str] | None) -> bool:
    """Whether the schema is this version's; a newer one is refused."""
    if applied is None:
        return False
    unknown = sorted(applied - set(known_names()))
    if unknown:
        raise newer_schema_error(unknown)
    return is_current(applied)


# Any number, the same in every process of the app: the key of PostgreSQL's advisory lock on the schema.
SCHEMA_LOCK_KEY = 0x4E4C5645  # "NLVE"
# How long a process waits for another to finish the schema on SQLite (the busy timeout is for one save).
SQLITE_SCHEMA_WAIT = 120.0


@contextlib.contextmanager
def schema_lock(database: peewee.Database) -> Iterator[None]:
    """Hold the one lock on the schema: creating or upgrading it is one step, and another process waits for it.

    PostgreSQL: a session advisory lock (released by the server too if the process dies); each migration still
    runs in its own transaction. SQLite: one transaction begun IMMEDIATE (the write lock), so another process sees
    no table until the whole schema is there. Foreign keys are off around it, as the runner turns them off around
    each migration (SQLite ignores that inside a transaction): rebuilding a table must not cascade deletes.
    """
    if isinstance(database, peewee.PostgresqlDatabase):
        database.execute_sql("SELECT pg_advisory_lock(%s)", (SCHEMA_LOCK_KEY,))
        try:
            yield
        finally:
            with contextlib.suppress(peewee.DatabaseError):  # a lost connection has let go of it already
                database.execute_sql("SELECT pg_advisory_unlock(%s)", (SCHEMA_LOCK_KEY,))
    elif isinstance(database, peewee.SqliteDatabase):
        foreign_keys = database.pragma("foreign_keys")
        database.pragma("foreign_keys", 0)
        try:
            with _write_lock(database):
                yield
        finally:
            database.pragma("foreign_keys", foreign_keys)
    else:
        yield


@contextlib.contextmanager
def _write_lock(database: peewee.SqliteDatabase) -> Iterator[None]:
    """One SQLite transaction holding the write lock, waited for as long as another process may take to create
    a schema on a slow disk, not only the few seconds of the busy timeout."""
    deadline = time.monotonic() + SQLITE_SCHEMA_WAIT
    with contextlib.ExitStack() as transaction:
        while True:
            try:
                transaction.enter_context(database.atomic(lock_type="IMMEDIATE"))
                break
            except peewee.OperationalError as error:
                if "locked" not in str(error).lower() or time.monotonic() > deadline:
                    raise
        yield


def _run_pending(database: peewee.Database) -> list[str]:
    migration_runner = runner(database)
    unknown = [m.name for m in migration_runner.status() if m.path is None]
    if unknown:
        raise newer_schema_error(unknown)
    return migration_runner.up()
