"""An occurrence of a series deleted before this version becomes a skipped day (EXDATE) of its series, as deleting one
does now: otherwise the next save of the series, or a re-imported file, would make it again.

Only the series' skipped days change (the ISO days in `series.skip`, separated by spaces); the deleted events stay in
the deleted events, to be restored as before.
"""


def up(migrator, db):
    rows = db.execute_sql(
        "SELECT s.id, s.skip, e.series_date FROM series s JOIN event e ON e.series_id = s.id "
        "WHERE e.deleted_at IS NOT NULL AND e.series_date IS NOT NULL ORDER BY s.id"
    ).fetchall()
    skipped: dict[int, set[str]] = {}
    for series_id, skip, day in rows:
        days = skipped.setdefault(series_id, set((skip or "").split()))
        days.add(str(day)[:10])  # SQLite gives text, PostgreSQL a date
    for series_id, days in skipped.items():
        db.execute_sql(
            f"UPDATE series SET skip = {db.param}, version = version + 1 WHERE id = {db.param}",
            (" ".join(sorted(days)), series_id),
        )


def down(migrator, db):
    pass  # the skipped days stay: they are what the user deleted
