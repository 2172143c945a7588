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

    from nlv_events.core import event_history, history
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
    one_by_one, batched = ({change["field"] for change in history.entry_changes("event", "created", entry.changes,
                                                                             entry.snapshot) if "field" in change}
                           for entry in (entries[saved.id], entries[records[0].id]))
    assert batched == one_by_one and "title" in batched  # the same fields named as created
    assert entries[saved.id].changes == entries[records[0].id].changes == history.CHANGES_IN_SNAPSHOT


def test_each_created_entry_holds_the_event_exactly_as_it_reads_back_ids_refs_and_stored_names(db):
    """The entries are made from what was written, not read back: they must say what reading back says, to the
    letter, with the venue, partners and people under the names stored before (typed otherwise in the file), each
    appearance with its row's id and each person with their ref."""
    import json

    from nlv_events.core import event_history, history
    from nlv_events.core.history_models import ChangeEntry

    store.save_event(_talk("stored", "Hội trường tầng 2", ["Thư viện Hà Nội"],
                           [PersonEntry(name="Nguyễn Văn An", role="speaker", person_ref="p-an")]))  # fmt: skip
    records = [
        # The person by ref, under another spelling: the stored name is what reads back.
        _talk("a", "hội trường  tầng 2", ["thư viện hà nội", "Sở Văn hóa Hà Nội"],
              [PersonEntry(name="NGUYỄN VĂN AN", role="chair", honorific="Ông", person_ref="p-an")]),
        # No ref: the one person of that name; and a new one, given a ref of their own.
        _talk("b", "Phòng đọc mới", [], [PersonEntry(name="Nguyễn Văn An", role="speaker"),
                                         PersonEntry(name="Lê Thị Hoa", role="guest", position="Giám đốc")]),
        EventRecord(kind="exhibition", title="Triển lãm không chương trình", start=dt.date(2024, 6, 1),
                    end=dt.date(2024, 6, 9), ref="c", attendance=250),
    ]  # fmt: skip
    event_adding.add_events(records)

    entries = {row.record_id: row for row in ChangeEntry.select().where(ChangeEntry.action == "created")}
    for record in records:
        read_back = event_reading.load_record(record.id)
        assert entries[record.id].snapshot == history.to_json(event_history.snapshot(read_back)), record.ref
        entry = entries[record.id]
        shown = history.entry_changes(entry.record_kind, entry.action, entry.changes, entry.snapshot)
        assert shown == event_history.changes(None, read_back), record.ref
    a = json.loads(entries[records[0].id].snapshot)
    assert (a["venue"], a["partners"]) == ("Hội trường tầng 2", ["Thư viện Hà Nội", "Sở Văn hóa Hà Nội"])
    assert a["people"][0]["name"] == "Nguyễn Văn An" and a["people"][0]["person_ref"] == "p-an"
    b = json.loads(entries[records[1].id].snapshot)
    assert all(person["id"] and person["person_ref"] for person in b["people"])


def test_a_new_person_named_before_one_named_by_a_ref_not_stored_is_added_with_the_event(db):
    """A file's new event naming someone new by name and then someone by a ref the record does not hold failed with
    "Unexpected error (KeyError)": adding the people of the ref forgot whom the name had been found as."""
    people = [PersonEntry(name="Người được mời", role="guest"),
              PersonEntry(name="Người từ nơi khác", role="guest", person_ref="noi-khac-1")]  # fmt: skip
    record = _talk("a", "Phòng đọc", [], people)

    event_adding.add_events([record])

    stored = event_reading.load_record(record.id)  # type: ignore[arg-type]
    assert [(entry.name, entry.person_ref == "noi-khac-1") for entry in stored.people] == [
        ("Người được mời", False), ("Người từ nơi khác", True)]
    assert Person.select().where(Person.name == "Người được mời").count() == 1
