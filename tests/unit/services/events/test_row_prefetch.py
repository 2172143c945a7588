"""The window's first rows read ahead (services/events/row_prefetch.py): the same rows as the window's own load,
taken once, for the year the window opens on."""

import datetime as dt

import pytest

from nlv_events.core import store
from nlv_events.core.records import EventRecord
from nlv_events.services.events import row_prefetch
from nlv_events.services.events.rows import load_rows

pytestmark = pytest.mark.both_databases


@pytest.fixture(autouse=True)
def nothing_left_ahead():
    yield
    row_prefetch.forget()


def _save(title: str, day: dt.date) -> None:
    store.save_event(EventRecord(kind="talk", title=title, start=day, end=day))


def test_the_rows_read_ahead_are_the_years_own_and_taken_once(db):
    for number in range(30):
        _save(f"Tọa đàm số {number}", dt.date(2022, 1 + number % 12, 1 + number % 28))
    _save("Năm trước", dt.date(2021, 5, 1))
    row_prefetch.start(2022)
    ahead = row_prefetch.take(2022)
    assert ahead == load_rows(2022) and len(ahead) == 30
    _save("Lưu sau khi đọc", dt.date(2022, 6, 1))  # a later load reads afresh: the new event is in it
    assert row_prefetch.take(2022) is None
    assert len(load_rows(2022)) == 31


def test_rows_read_ahead_for_another_year_are_not_taken(db):
    _save("Tọa đàm", dt.date(2022, 3, 1))
    row_prefetch.start(2021)
    assert row_prefetch.take(2022) is None
    assert row_prefetch.take(2021) is None  # dropped, not kept for later


def test_the_year_to_open_is_the_saved_one_else_the_newest(db):
    assert row_prefetch.year_to_open(None) is None  # an empty record
    for year in (2019, 2022):
        _save("Tọa đàm", dt.date(year, 3, 1))
    assert row_prefetch.year_to_open(None) == 2022
    assert row_prefetch.year_to_open("2019") == 2019 and row_prefetch.year_to_open(2019) == 2019
    assert row_prefetch.year_to_open(2020) == 2022  # a year without events: the newest, as the year box does
    assert row_prefetch.year_to_open(0) is None  # all years
    assert row_prefetch.year_to_open("nonsense") == 2022
