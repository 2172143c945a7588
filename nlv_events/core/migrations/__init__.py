"""Numbered schema migrations, run in order by peewee's playhouse.migrations runner."""

from __future__ import annotations

from pathlib import Path

import peewee
from playhouse.migrations import Migration, Runner

from nlv_events.core.errors import UserError
from nlv_events.i18n import _

DIRECTORY = Path(__file__).parent
HISTORY_TABLE = "schema_migration"


def runner(database: peewee.Database) -> Runner:
    return Runner(database, directory=str(DIRECTORY), table_name=HISTORY_TABLE)


def known_names() -> list[str]:
    """The names of the migrations this version of the app ships, in order."""
    return [migration.name for migration in Migration.load_directory(str(DIRECTORY))]


def upgrade(database: peewee.Database) -> list[str]:
    """Apply the pending migrations; refuse a database that a newer version of the app has migrated."""
    migration_runner = runner(database)
    unknown = [m.name for m in migration_runner.status() if m.path is None]
    if unknown:
        raise UserError(
            _(
                "This database was last used by a newer version of NLV Events (schema {schema}). "
                "Install that version or newer to open it; nothing was changed."
            ).format(schema=", ".join(sorted(unknown)))
        )
    return migration_runner.up()
