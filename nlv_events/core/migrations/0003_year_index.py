"""Indexes for a year among a hundred thousand events: live events by start date, and each kind by end date.

With only the deleted_at index (every live event has it NULL) SQLite scanned all live events for a year, and the
exhibitions still running on 1 January were found by scanning every earlier event.
"""


def up(migrator, db):
    migrator.migrate(
        migrator.drop_index("event", "event_deleted_at"),
        migrator.add_index("event", ("deleted_at", "start_date"), False),
        migrator.add_index("event", ("kind", "end_date"), False),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("event", "event_kind_end_date"),
        migrator.drop_index("event", "event_deleted_at_start_date"),
        migrator.add_index("event", ("deleted_at",), False),
    )
