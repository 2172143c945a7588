"""The tallies' counts per kind of event (guests, tasks, photos, articles, the year before) read the year's events
from its index alone: reading each event's row for its status and kind cost 20 ms a count among 100 000 events
(issue #35), and no timed test could say so on a shared machine."""

from __future__ import annotations

from nlv_events.core.models import database_proxy
from nlv_events.services.reports import tallies
from tests.query_count import statements_run

YEAR_INDEX = "COVERING INDEX event_deleted_at_start_date_status_kind"


def test_every_count_of_the_year_reads_the_events_from_the_index_alone(demo_db):
    with statements_run() as ran:
        counted = tallies.compute(2022)
    assert counted.total.events > 0
    plans = {
        sql: [row[3] for row in database_proxy.execute_sql(f"EXPLAIN QUERY PLAN {sql}").fetchall()]
        for sql in ran
        if sql.lstrip().upper().startswith("SELECT") and '"event"' in sql
    }
    # The guests, the late tasks, the photos, the articles per kind and per outlet, the year before.
    from_the_index = [sql for sql, plan in plans.items() if any(YEAR_INDEX in step for step in plan)]
    assert len(from_the_index) >= 6, plans
