"""The rows saved under an event (its guests, exhibition sections, items and loans, tasks, photos, press articles
and attached files) never give their id to another row (SQLite).

The change history names such a row by its table and id ("Khách mời #3: thêm", "Công việc #7: bỏ"). SQLite gave a
new row the largest id in its table plus one, so a row added after the newest ones were removed took the id of one
of them, and an event's history could name two different rows "#3" over time; a restore brought a removed row back
under its old id only if no row had taken it since. Migration 0018 did the same for the events. With AUTOINCREMENT
SQLite never gives an id twice; each counter starts past every id its table or the history has held. PostgreSQL's
sequences never give a number twice: nothing to do there.

Each table is made anew with AUTOINCREMENT, its rows copied and its indexes made again, as SQLite's documentation
describes (foreign keys are off around every migration: see migrations.schema_lock; dropping a table must not remove
the rows that refer to it, such as the people shown in a photo).
"""

import re

import peewee

TABLES = ("guest", "exhibit_section", "exhibit_item", "exhibit_loan", "task", "photo", "press_article", "attachment")
_ID_COLUMN = re.compile(r'"id" INTEGER NOT NULL PRIMARY KEY(?! AUTOINCREMENT)')


def up(migrator, db):
    if not isinstance(db, peewee.SqliteDatabase):
        return
    for table in TABLES:
        _count_ids_for_good(db, table)


def _count_ids_for_good(db, table: str) -> None:
    found = db.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    if found is None or "AUTOINCREMENT" in found[0]:
        return
    rebuilt, replaced = _ID_COLUMN.subn('"id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT', found[0], count=1)
    if not replaced:
        raise RuntimeError(f"the {table} table's id column is not the one this migration knows: {found[0][:120]}")
    copy = f"{table}__ids"
    rebuilt = re.sub(rf'^CREATE TABLE "?{table}"?', f'CREATE TABLE "{copy}"', rebuilt, count=1)
    indexes = [sql for (sql,) in db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
        (table,),
    )]  # fmt: skip
    db.execute_sql(rebuilt)
    db.execute_sql(f'INSERT INTO "{copy}" SELECT * FROM "{table}"')
    db.execute_sql(f'DROP TABLE "{table}"')
    db.execute_sql(f'ALTER TABLE "{copy}" RENAME TO "{table}"')
    for sql in indexes:
        db.execute_sql(sql)
    # Past the largest id a row of the table has had, those the history names included (rows removed before).
    db.execute_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
    db.execute_sql(
        f"INSERT INTO sqlite_sequence (name, seq) SELECT ?, MAX(COALESCE((SELECT MAX(id) FROM \"{table}\"), 0), "
        "COALESCE((SELECT MAX(record_id) FROM change_history WHERE record_kind = ?), 0))",
        (table, table),
    )


def down(migrator, db):
    # Ids given once stay given: the tables keep AUTOINCREMENT, which an older version reads and writes as before.
    pass
