"""Adding many new events at once (an import) stores what saving them one after another would."""

import datetime as dt

import pytest

from nlv_events.core import event_adding, event_reading, store
from nlv_events.core.models import Organisation, Person, Venue
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry

pytestmark = pytest.mark.both_databases


def _talk(ref: str, venue: str, partners: list[str], people: list[PersonEntry]) -> EventRecord:
    return EventRecord(
        kind="talk",
        title=f"Tọa đàm {ref}",
        start=dt.datetime(2024, 5, 1, 8),
        ref=ref,
        venue=venue,
        partners=partners,
        people=people,
        programme=[
            ProgrammeEntry(
                start=dt.datetime(2024, 5, 1, 8, 30),
                title="Khai mạc",
                people=[PersonEntry(name="Trịnh Thị Thủy", role="chair", person_ref="p-chair")],
            )
        ],
    )



def test_names_typed_twice_are_one_venue_partner_and_person_as_saves_one_after_another_find_them(db):
    store.save_event(_talk("stored", "Hội trường tầng 2", ["Thư viện Hà Nội"], []))
    speaker = PersonEntry(name="Nguyễn Văn An", role="speaker", person_ref="p-an")
    records = [
        _talk("a", "hội trường  tầng 2", ["thư viện hà nội", "Sở Văn hóa Hà Nội"], [speaker]),
        # No ref: the one person of that name, whom the event before added.
        _talk("b", "Phòng đọc mới", ["Sở  văn hóa hà nội"], [PersonEntry(name="Nguyễn Văn An", role="chair")]),
        _talk("c", "phòng đọc mới", [], []),
    ]
    event_adding.add_events(records)

    loaded = {record.ref: record for record in event_reading.load_records([record.id for record in records])}
    assert [loaded[ref].venue for ref in "abc"] == ["Hội trường tầng 2", "Phòng đọc mới", "Phòng đọc mới"]
    assert loaded["a"].partners == ["Thư viện Hà Nội", "Sở Văn hóa Hà Nội"]
    assert loaded["b"].partners == ["Sở Văn hóa Hà Nội"]
    assert loaded["b"].people[0].person_ref == "p-an" and loaded["b"].people[0].role == "chair"
    assert loaded["c"].programme[0].people[0].person_ref == "p-chair"
    assert (Venue.select().count(), Organisation.select().count(), Person.select().count()) == (2, 2, 2)
    assert all(record.version == 1 and record.programme[0].id for record in records)
    assert loaded["a"].people == [speaker] and loaded["a"].programme == records[0].programme


def test_each_event_added_at_once_has_its_created_entry_in_the_history_to_restore_exactly(db):
    """An import's new events skip `save_event`, not the history: each has the entry a save would have written."""
    import json

    from nlv_events.core import event_history
    from nlv_events.core.history_models import ChangeEntry

    speaker = PersonEntry(name="Nguyễn Văn An", role="speaker", person_ref="p-an")
    records = [_talk(ref, "Hội trường tầng 2", ["Thư viện Hà Nội"], [speaker]) for ref in ("x", "y")]
    event_adding.add_events(records)
    saved = store.save_event(_talk("one-by-one", "Hội trường tầng 2", ["Thư viện Hà Nội"], [speaker]))

    entries = {row.record_id: row for row in ChangeEntry.select().where(ChangeEntry.record_kind == "event")}
    assert set(entries) == {records[0].id, records[1].id, saved.id}
    for record in records:
        entry = entries[record.id]
        assert (entry.action, entry.version) == ("created", 1)
        assert event_history.from_snapshot(json.loads(entry.snapshot)) == event_reading.load_record(record.id)
    one_by_one = {change["field"] for change in json.loads(entries[saved.id].changes) if "field" in change}
    batched = {change["field"] for change in json.loads(entries[records[0].id].changes) if "field" in change}
    assert batched == one_by_one  # the same fields named as created
