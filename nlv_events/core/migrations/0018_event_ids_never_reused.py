"""An event's id is never given to another event (SQLite).

The change history names an event by its id. SQLite gives a new row the largest id in the table plus one, so once
the newest events were removed, the next event took the id of one of them. An import that is cancelled, or fails
in a later batch, removes the events its earlier batches added, but not their history, which is append-only:
the next event saved then showed, as its own first version, the "created" entry of an imported event that no
longer exists, and could be restored to it. With AUTOINCREMENT SQLite never gives an id twice; the counter starts
past every id an event or its history has held, so the ids such a removal freed before this upgrade are not given
either. PostgreSQL's sequences never give a number twice: nothing to do there.

SQLite cannot add AUTOINCREMENT to a table, so the table is made anew with it, its rows copied and its indexes
made again, as SQLite's documentation describes (foreign keys are off around every migration: see
migrations.schema_lock; dropping the old table must not remove the events' programmes).
"""

import re

import peewee

_ID_COLUMN = re.compile(r'"id" INTEGER NOT NULL PRIMARY KEY(?! AUTOINCREMENT)')


def up(migrator, db):
    if not isinstance(db, peewee.SqliteDatabase):
        return
    (definition,) = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'event'").fetchone()
    if "AUTOINCREMENT" in definition:
        return
    rebuilt, found = _ID_COLUMN.subn('"id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT', definition, count=1)
    if not found:
        raise RuntimeError(f"the event table's id column is not the one this migration knows: {definition[:120]}")
    rebuilt = re.sub(r'^CREATE TABLE "?event"?', 'CREATE TABLE "event__ids"', rebuilt, count=1)
    indexes = [sql for (sql,) in db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'event' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
    )]  # fmt: skip
    db.execute_sql(rebuilt)
    db.execute_sql('INSERT INTO "event__ids" SELECT * FROM "event"')
    db.execute_sql('DROP TABLE "event"')
    db.execute_sql('ALTER TABLE "event__ids" RENAME TO "event"')
    for sql in indexes:
        db.execute_sql(sql)
    # Past the largest id an event has had, its history's included (events removed before this upgrade).
    db.execute_sql("DELETE FROM sqlite_sequence WHERE name = 'event'")
    db.execute_sql(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'event', MAX("
        "COALESCE((SELECT MAX(id) FROM event), 0), "
        "COALESCE((SELECT MAX(record_id) FROM change_history WHERE record_kind = 'event'), 0))"
    )


def down(migrator, db):
    # Ids given once stay given: the table keeps AUTOINCREMENT, which an older version reads and writes as before.
    pass
