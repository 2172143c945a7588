"""Saving and loading whole events, and search over the store."""

import datetime as dt
import unicodedata

import pytest

from nlv_events.core import event_reading, queries, store
from nlv_events.core.errors import ValidationError
from nlv_events.core.models import Event, Person, ProgrammeItem
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry

pytestmark = pytest.mark.both_databases


def book_day() -> EventRecord:
    return EventRecord(
        kind="book_day",
        title="Ngày Sách và Văn hóa đọc Việt Nam năm 2023",
        theme="Chấn hưng và phát triển Văn hoá đọc",
        start=dt.date(2023, 4, 21),
        end=dt.date(2023, 4, 22),
        venue="Sân Thư viện Quốc gia Việt Nam",
        partners=["Nhà xuất bản Kim Đồng"],
        people=[PersonEntry(name="Kiều Thúy Nga", honorific="Bà", position="Giám đốc", role="chair")],
        programme=[
            ProgrammeEntry(
                start=dt.datetime(2023, 4, 21, 8),
                end=dt.datetime(2023, 4, 21, 8, 30),
                title="Khai mạc",
                people=[PersonEntry(name="Trịnh Thị Thủy", role="speaker")],
            ),
            ProgrammeEntry(start=dt.datetime(2023, 4, 22, 9), title="Bế mạc"),
        ],
    )


def test_saved_event_loads_back_whole(db):
    saved = store.save_event(book_day())
    loaded = event_reading.load_record(saved.id)
    assert loaded.title == "Ngày Sách và Văn hóa đọc Việt Nam năm 2023"
    assert loaded.venue == "Sân Thư viện Quốc gia Việt Nam"
    assert loaded.partners == ["Nhà xuất bản Kim Đồng"]
    assert [(p.name, p.role, p.position) for p in loaded.people] == [("Kiều Thúy Nga", "chair", "Giám đốc")]
    assert [row.title for row in loaded.programme] == ["Khai mạc", "Bế mạc"]
    assert loaded.programme[0].people[0].name == "Trịnh Thị Thủy"
    assert loaded.programme[1].start == dt.datetime(2023, 4, 22, 9)
    assert loaded.ref and loaded.version == 1


def test_decomposed_input_is_stored_in_nfc(db):
    record = book_day()
    record.title = unicodedata.normalize("NFD", "Tọa đàm “Đọc sách”")
    saved = store.save_event(record)
    stored = Event.get_by_id(saved.id).title
    assert stored == "Tọa đàm “Đọc sách”"
    assert unicodedata.is_normalized("NFC", stored)


def test_an_invalid_event_is_not_stored(db):
    record = book_day()
    record.programme.append(ProgrammeEntry(start=dt.datetime(2023, 5, 1, 8), title="Ngoài ngày"))
    with pytest.raises(ValidationError):
        store.save_event(record)
    assert Event.select().count() == 0
    assert ProgrammeItem.select().count() == 0


def test_editing_replaces_the_programme_and_bumps_the_version(db):
    saved = store.save_event(book_day())
    record = event_reading.load_record(saved.id)
    record.programme = record.programme[:1]
    store.save_event(record)
    again = event_reading.load_record(saved.id)
    assert [row.title for row in again.programme] == ["Khai mạc"]
    assert again.version == 2
    assert Person.select().where(Person.name == "Trịnh Thị Thủy").count() == 1


def test_a_deleted_event_leaves_the_lists_and_can_be_restored_whole(db):
    saved = store.save_event(book_day())
    store.delete_event(saved.id)
    assert list(queries.events()) == []
    assert queries.years_with_events() == []
    assert [e.id for e in queries.deleted_events()] == [saved.id]
    store.restore_event(saved.id)
    assert [e.id for e in queries.events()] == [saved.id]
    assert len(event_reading.load_record(saved.id).programme) == 2


def test_purging_a_deleted_event_removes_its_programme(db):
    saved = store.save_event(book_day())
    store.purge_event(saved.id)  # only deleted events can be purged
    assert Event.select().count() == 1
    store.delete_event(saved.id)
    store.purge_event(saved.id)
    assert Event.select().count() == 0
    assert ProgrammeItem.select().count() == 0


@pytest.mark.parametrize(
    "query",
    ["van hoa doc", "VĂN HÓA ĐỌC", "kim dong", "thuy", "san thu vien", "chan hung", "khai"],
)
def test_search_ignores_case_and_accents_across_fields(db, query):
    saved = store.save_event(book_day())
    found = [event.id for event in queries.events(search=query)]
    if query == "khai":  # programme titles are not searched, only the people in them
        assert found == []
    else:
        assert found == [saved.id]


def test_search_for_dang_finds_dang_with_stroke(db):
    record = EventRecord(kind="exhibition", title="Mừng Đảng quang vinh", start=dt.date(2023, 2, 1))
    saved = store.save_event(record)
    assert [e.id for e in queries.events(search="dang")] == [saved.id]
    assert [e.id for e in queries.events(search="mung dang")] == [saved.id]
    assert list(queries.events(search="dang xyz")) == []


def test_events_by_year_count_by_start(db):
    store.save_event(
        EventRecord(kind="exhibition", title="Qua năm", start=dt.date(2022, 12, 18), end=dt.date(2023, 1, 15))
    )
    store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 3, 1)))
    assert [e.title for e in queries.events(year=2022)] == ["Qua năm"]
    assert [e.title for e in queries.events(year=2023)] == ["Tọa đàm"]
    assert queries.years_with_events() == [2023, 2022]
