"""The window's first questions of a large record: how many events a year holds, which years hold any. The same
answers as the listing's own query gives, asked the cheap way (the event table alone, one index step a day)."""

import datetime as dt

import pytest

from nlv_events.core import queries, store
from nlv_events.core.records import EventRecord
from tests.query_count import statements_run


def _record() -> None:
    for title, kind, start, status in (
        ("Tọa đàm Sách và thiếu nhi", "talk", dt.date(2019, 3, 1), "held"),
        ("Triển lãm Điện Biên Phủ", "exhibition", dt.date(2019, 12, 20), "held"),
        ("Hội thảo Văn hóa đọc", "conference", dt.date(2022, 4, 21), "planned"),
        ("Tọa đàm Văn hóa đọc", "talk", dt.date(2022, 5, 2), "cancelled"),
    ):
        store.save_event(EventRecord(kind=kind, title=title, start=start, end=start, status=status))
    gone = store.save_event(EventRecord(kind="talk", title="Tọa đàm đã xóa", start=dt.date(2024, 1, 5)))
    store.delete_event(gone.id)


ASKED = [
    {},
    {"year": 2019},
    {"year": 2022, "kind": "talk"},
    {"status": "held"},
    {"search": "van hoa doc"},
    {"year": 2022, "search": "toa dam", "status": "cancelled"},
    {"year": 2024},
    {"year": 2020},
]


@pytest.mark.both_databases
@pytest.mark.parametrize("asked", ASKED, ids=lambda asked: ",".join(f"{k}={v}" for k, v in asked.items()) or "all")
def test_the_count_is_the_listings_own(db, asked):
    _record()
    assert queries.count_events(**asked) == len(list(queries.events(**asked)))


@pytest.mark.both_databases
def test_the_years_with_events_leave_out_empty_years_and_deleted_events(db):
    assert queries.years_with_events() == []
    _record()
    assert queries.years_with_events() == [2022, 2019]


def test_the_count_reads_the_event_table_alone(db):
    _record()
    with statements_run() as ran:
        assert queries.count_events(year=2022) == 2
    (counting,) = ran
    # A join or an ORDER BY made SQLite read every row of a 10 000-event year instead of counting its date index.
    assert "JOIN" not in counting and "ORDER BY" not in counting


def test_the_first_and_the_last_day_are_asked_apart(db):
    _record()
    with statements_run() as ran:
        queries.years_with_events()
    # MIN and MAX in one statement read the whole date index; each alone is one step in it.
    assert not [sql for sql in ran if "MIN(" in sql and "MAX(" in sql]
    assert [sql for sql in ran if "MIN(" in sql] and [sql for sql in ran if "MAX(" in sql]
