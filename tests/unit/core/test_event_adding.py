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
