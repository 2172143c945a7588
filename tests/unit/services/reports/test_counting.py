"""The exhibitions a year lists as continuing from earlier years: the right ones, in order, found through the
exhibitions' end dates rather than by walking every earlier event."""

import datetime as dt

import pytest

from nlv_events.core import models, store
from nlv_events.core.records import EventRecord
from nlv_events.services.reports import counting

D = dt.date


def add(kind: str, title: str, start: dt.date, end: dt.date | None = None, status: str = "held") -> None:
    store.save_event(EventRecord(kind=kind, title=title, start=start, end=end, status=status))


@pytest.mark.both_databases
def test_the_exhibitions_still_running_on_new_year_are_listed_in_order_of_opening(db):
    add("exhibition", "Mở 2022, kéo sang 2023 (2)", D(2022, 12, 15), D(2023, 1, 20))
    add("exhibition", "Mở 2021, kéo đến 2024", D(2021, 6, 1), D(2024, 1, 1))
    add("exhibition", "Mở 2022, kéo sang 2023 (1)", D(2022, 3, 1), D(2023, 1, 1))
    add("exhibition", "Cùng ngày mở, ghi sau", D(2022, 12, 15), D(2023, 3, 1))
    add("exhibition", "Đóng 31/12/2022", D(2022, 11, 1), D(2022, 12, 31))
    add("exhibition", "Mở 2023", D(2023, 1, 2), D(2023, 5, 1))
    add("exhibition", "Hủy", D(2022, 10, 1), D(2023, 2, 1), status="cancelled")
    add("talk", "Tọa đàm nhiều ngày", D(2022, 12, 30), D(2023, 1, 2))
    add("exhibition", "Đã xóa", D(2022, 9, 1), D(2023, 2, 1))
    models.Event.update(deleted_at=dt.datetime(2023, 1, 5)).where(models.Event.title == "Đã xóa").execute()

    titles = [event.title for event in counting.continuing(2023)]
    assert titles == ["Mở 2021, kéo đến 2024", "Mở 2022, kéo sang 2023 (1)", "Mở 2022, kéo sang 2023 (2)",
                      "Cùng ngày mở, ghi sau"]  # fmt: skip
    assert counting.continuing(2023).count() == 4
    assert [event.title for event in counting.continuing(2024)] == ["Mở 2021, kéo đến 2024"]
    # the events a year's list shows besides these, in the one count its progress is measured by
    for year in (2021, 2022, 2023):
        assert counting.starting_in(year).count() == counting.counted(year).count() + counting.cancelled(year).count()
    assert counting.starting_in(2022).count() == 6


def test_sqlite_finds_them_through_the_exhibitions_end_dates(db):
    sql, parameters = counting.continuing(2023).sql()
    plan = " ".join(row[3] for row in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", parameters).fetchall())
    # not "event_deleted_at_start_date (deleted_at=? AND start_date<?)": every event of the earlier years
    assert "event_kind_end_date" in plan and "start_date<" not in plan, plan
