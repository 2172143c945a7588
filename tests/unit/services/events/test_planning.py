"""Copying events, and the venue clash warning."""

import datetime as dt

import pytest

from nlv_events.core import event_reading, store
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord, ProgrammeEntry
from nlv_events.services.events import clashes, copying

pytestmark = pytest.mark.both_databases


def test_duplicate_to_next_year_moves_everything_by_a_year(demo_db):
    book_day = event_reading.load_record(Event.get(Event.ref == "demo-2022-bookday"))
    twin = copying.duplicate_to_next_year(book_day)
    assert twin.id is None and twin.ref is None
    assert twin.title == "Ngày Sách và Văn hóa đọc Việt Nam năm 2023"
    assert (twin.start, twin.end) == (dt.date(2023, 4, 21), dt.date(2023, 4, 23))
    assert twin.programme[0].start == dt.datetime(2023, 4, 21, 7, 30)
    assert len(twin.programme) == len(book_day.programme)
    assert twin.status == "planned" and twin.attendance is None
    saved = store.save_event(twin)
    assert event_reading.load_record(saved.id).theme == "Chấn hưng và phát triển Văn hoá đọc"


def test_leap_day_moves_to_the_28th():
    record = EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2024, 2, 29))
    assert copying.duplicate_to_next_year(record).start == dt.date(2025, 2, 28)


def test_duplicate_keeps_dates_and_marks_the_copy(demo_db):
    review = event_reading.load_record(Event.get(Event.ref == "demo-2022-review"))
    twin = copying.duplicate(review)
    assert twin.start == review.start and twin.id is None and twin.title.endswith("(bản sao)")


def test_same_venue_same_time_is_a_clash(demo_db):
    talk = EventRecord(
        kind="talk",
        title="Tọa đàm trùng giờ",
        start=dt.datetime(2022, 12, 26, 9),
        end=dt.datetime(2022, 12, 26, 10),
        venue="Hội trường tầng 2, Thư viện Quốc gia Việt Nam",
    )
    found = clashes.event_clashes(talk)
    assert len(found) == 1
    assert "Hội nghị Tổng kết công tác năm 2022" in found[0].message
    talk.start, talk.end = dt.datetime(2022, 12, 26, 14), dt.datetime(2022, 12, 26, 15)
    assert clashes.event_clashes(talk) == []
    talk.venue = "Phòng khác"
    talk.start = dt.datetime(2022, 12, 26, 9)
    assert clashes.event_clashes(talk) == []


def test_an_event_does_not_clash_with_itself_or_cancelled_ones(demo_db):
    review = event_reading.load_record(Event.get(Event.ref == "demo-2022-review"))
    assert clashes.event_clashes(review) == []
    cancelled = event_reading.load_record(Event.get(Event.ref == "demo-2022-talk-5"))
    twin = copying.duplicate(cancelled)
    twin.status = "planned"
    assert clashes.event_clashes(twin) == []


def test_programme_rows_in_one_place_at_once(db):
    rows = [
        ProgrammeEntry(
            start=dt.datetime(2023, 4, 21, 8), end=dt.datetime(2023, 4, 21, 9), title="Khai mạc", place="Sân"
        ),
        ProgrammeEntry(
            start=dt.datetime(2023, 4, 21, 8, 30), end=dt.datetime(2023, 4, 21, 9, 30), title="Đọc sách", place="sân"
        ),
        ProgrammeEntry(
            start=dt.datetime(2023, 4, 21, 8, 30),
            end=dt.datetime(2023, 4, 21, 9, 30),
            title="Tọa đàm",
            place="Hội trường",
        ),
        ProgrammeEntry(start=dt.datetime(2023, 4, 21, 9, 30), title="Bế mạc", place="Sân"),
    ]
    found = clashes.programme_clashes(rows)
    assert [c.message for c in found] == ["“Khai mạc” và “Đọc sách” cùng dùng Sân vào một thời điểm."]


def test_a_talk_beside_a_running_exhibition_is_no_clash_but_two_exhibitions_are(demo_db):
    yard = "Sân Thư viện Quốc gia Việt Nam"
    talk = EventRecord(
        kind="talk",
        title="Tọa đàm ở sân",
        start=dt.datetime(2022, 4, 25, 9),
        end=dt.datetime(2022, 4, 25, 10),
        venue=yard,
    )
    assert clashes.event_clashes(talk) == []  # the Book Day exhibition is displayed there that week
    exhibition = EventRecord(
        kind="exhibition", title="Trưng bày khác", start=dt.date(2022, 4, 25), end=dt.date(2022, 5, 2), venue=yard
    )
    assert [c.other_event_id for c in clashes.event_clashes(exhibition)] == [
        Event.get(Event.ref == "demo-2022-exh-05").id
    ]
