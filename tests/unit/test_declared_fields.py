"""Every field declared on EventRecord travels through the store, the interchange file and the listings."""

import dataclasses
import datetime as dt

import pytest

from nlv_events.core import queries, store, vocab
from nlv_events.core.records import (
    CODE,
    COUNT,
    MOMENT,
    NAMES,
    PEOPLE,
    PROGRAMME,
    TEXT,
    VENUE,
    EventRecord,
    PersonEntry,
    ProgrammeEntry,
    event_fields,
)
from nlv_events.services.interchange import file_format as interchange

pytestmark = pytest.mark.both_databases

START = dt.datetime(2023, 4, 21, 8)


def _sample_value(item: dataclasses.Field, index: int):
    kind = item.metadata["kind"]
    if kind == TEXT:
        return f"{item.name} – Văn hóa đọc" if item.name != "news_url" else "https://nlv.gov.vn/tin-tuc/a.html"
    if kind == CODE:
        default = item.default if item.default is not dataclasses.MISSING else "exhibition"
        return next(code for code in vocab.VOCABULARIES[item.metadata["vocabulary"]] if code != default)
    if kind == COUNT:
        return 100 + index
    if kind == MOMENT:
        return START if item.name == "start" else START + dt.timedelta(days=1, hours=9)
    if kind == VENUE:
        return "Hội trường tầng 2"
    if kind == NAMES:
        return ["Nhà xuất bản Kim Đồng", "Vụ Thư viện"]
    if kind == PEOPLE:
        return [
            PersonEntry(name="Kiều Thúy Nga", role="chair", honorific="Bà", position="Giám đốc", organisation="TVQG")
        ]
    if kind == PROGRAMME:
        return [
            ProgrammeEntry(
                start=START,
                end=START + dt.timedelta(minutes=30),
                title="Khai mạc",
                place="Sân",
                people=[PersonEntry(name="Trịnh Thị Thủy", role="speaker", honorific="Bà", position="Thứ trưởng")],
            )
        ]
    raise AssertionError(f"no sample for the declared kind {kind!r} of {item.name}: add one here")


def every_field_set() -> EventRecord:
    values = {item.name: _sample_value(item, index) for index, item in enumerate(event_fields())}
    return EventRecord(**values)


def test_the_sample_sets_every_declared_field_away_from_its_default():
    record = every_field_set()
    blank = EventRecord(kind="", title="", start=None)
    for item in event_fields():
        assert getattr(record, item.name) != getattr(blank, item.name), item.name


def test_every_declared_field_survives_store_interchange_and_listing(db):
    record = every_field_set()
    saved = store.save_event(record)
    loaded = store.load_record(saved.id)
    assert loaded == every_field_set()

    as_file = interchange.record_to_dict(loaded)
    assert set(as_file) == {"ref", *(item.name for item in event_fields())}
    assert interchange.record_from_dict(as_file, 1) == every_field_set()

    (listed,) = store.listing_records(queries.events())
    for item in event_fields():
        if item.metadata["kind"] not in (PEOPLE, PROGRAMME):  # a listing leaves these out on purpose
            assert getattr(listed, item.name) == getattr(record, item.name), item.name
