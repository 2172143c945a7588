"""A version on every record the window edits, and guest numbers the database keeps unique.

Each save checks and steps the version in one statement (core/versioned.py). An exhibition's sections, items and
loans, and an event's guest list, are versioned as a whole on their event (`exhibit_version`, `guest_list_version`:
the event's own `version` stays the event editor's). Two guests of one event never share a number: duplicates left
by earlier versions are renumbered in their order (number, then id) before the unique index is made.
"""

from peewee import IntegerField

VERSIONED_TABLES = ("guest", "photo", "series", "annual_plan", "venue", "person")
EVENT_PARTS = ("exhibit_version", "guest_list_version")


def up(migrator, db):
    migrator.migrate(
        *(migrator.add_column(table, "version", IntegerField(default=1)) for table in VERSIONED_TABLES),
        *(migrator.add_column("event", column, IntegerField(default=1)) for column in EVENT_PARTS),
    )
    _renumber_guests(db)
    migrator.migrate(
        migrator.drop_index("guest", "guest_event_id_precedence"),
        migrator.add_index("guest", ("event_id", "precedence"), True),
    )


def _renumber_guests(db):
    rows = db.execute_sql("SELECT id, event_id FROM guest ORDER BY event_id, precedence, id").fetchall()
    numbers: dict[int, int] = {}
    for guest_id, event_id in rows:
        numbers[event_id] = numbers.get(event_id, 0) + 1
        db.execute_sql(f"UPDATE guest SET precedence = {-numbers[event_id]} WHERE id = {int(guest_id)}")
    db.execute_sql("UPDATE guest SET precedence = -precedence WHERE precedence < 0")


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("guest", "guest_event_id_precedence"),
        migrator.add_index("guest", ("event_id", "precedence"), False),
        *(migrator.drop_column(table, "version") for table in VERSIONED_TABLES),
        *(migrator.drop_column("event", column) for column in EVENT_PARTS),
    )
