"""Deleted events are kept, marked with the time of deletion, so they can be restored."""

from peewee import DateTimeField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("event", "deleted_at", DateTimeField(null=True)),
        migrator.add_index("event", ("deleted_at",), False),
    )


def down(migrator, db):
    migrator.migrate(migrator.drop_index("event", "event_deleted_at"), migrator.drop_column("event", "deleted_at"))
