"""Every field declared on EventRecord travels through the store, the interchange file and the listings."""

import dataclasses
import datetime as dt

import pytest

from nlv_events.core import event_reading, limits, queries, rules, store, vocab
from nlv_events.core.errors import UserError, ValidationError
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
    text_fields,
)
from nlv_events.services.interchange import exporting, reading

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
    loaded = event_reading.load_record(saved.id)
    assert loaded == every_field_set()

    as_file = exporting.record_to_dict(loaded)
    assert set(as_file) == {"ref", *(item.name for item in event_fields())}
    assert reading.record_from_dict(as_file, 1) == every_field_set()

    (listed,) = event_reading.listing_records(queries.events())
    for item in event_fields():
        if item.metadata["kind"] not in (PEOPLE, PROGRAMME):  # a listing leaves these out on purpose
            assert getattr(listed, item.name) == getattr(record, item.name), item.name


BASE = {"kind": "talk", "title": "Tọa đàm", "start": START}


def _valid_text(item: dataclasses.Field) -> str:
    if item.metadata["kind"] == CODE:
        return next(iter(vocab.VOCABULARIES[item.metadata["vocabulary"]]))
    return "https://nlv.gov.vn/a.html" if item.name == "news_url" else "Văn hóa đọc"


@pytest.mark.parametrize("item", text_fields(), ids=lambda item: item.name)
def test_every_text_field_is_cleaned_and_limited_by_the_rules(item):
    pasted = EventRecord(**{**BASE, item.name: f"\u200b {_valid_text(item)}  "})
    assert getattr(rules.validate(pasted), item.name) == _valid_text(item)  # what pasting brings is gone

    limit = limits.max_length(item.name)
    too_long = _valid_text(item) + "x" * limit
    with pytest.raises(ValidationError) as raised:
        rules.validate(EventRecord(**{**BASE, item.name: too_long}))
    assert raised.value.field == item.name


@pytest.mark.parametrize("item", text_fields(), ids=lambda item: item.name)
def test_every_text_field_is_read_and_type_checked_by_the_interchange_reader(item):
    data = {"kind": "talk", "title": "Tọa đàm", "start": "2023-04-21", item.name: _valid_text(item)}
    assert getattr(reading.record_from_dict(data, 1), item.name) == _valid_text(item)
    with pytest.raises(UserError, match=rf"4.*“{item.name}”"):
        reading.record_from_dict({**data, item.name: 12}, 4)
