"""The guest list travels in the interchange file, in order of precedence; contacts only on request."""

import copy
import datetime as dt

import pytest

from nlv_events.core import store
from nlv_events.core.errors import UserError
from nlv_events.core.guest_models import Guest
from nlv_events.core.records import EventRecord
from nlv_events.services.guests import address_book, guest_replies
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.interchange import exporting, importing, reading
from nlv_events.services.reports import tallies
from tests.unit.services.guest_helpers import EMAIL, PHONE, THUY, add_many, review_id

pytestmark = pytest.mark.both_databases


def _review(document):
    return next(event for event in document["events"] if event["ref"] == "demo-2022-review")


def test_guests_round_trip_in_precedence_order(demo_db):
    event = review_id()
    ids = add_many(event, 2)
    guests.add_guest(event, THUY)
    address_book.set_contacts(guests.guest_list(event)[0].person_id, EMAIL, PHONE)
    guest_replies.set_state(ids, "invited")
    guest_replies.set_state(ids[:1], "deputy", deputy_name="Ông Lê Văn Thay", deputy_position="Phó Giám đốc")
    exported = exporting.export_document()
    listed = _review(exported)["guests"]
    assert [guest["name"] for guest in listed] == ["Trịnh Thị Thủy", "Nguyễn Văn Khách 001", "Nguyễn Văn Khách 002"]
    assert listed[1]["state"] == "deputy" and listed[1]["deputy"] == {
        "name": "Ông Lê Văn Thay",
        "position": "Phó Giám đốc",
    }
    assert "email" not in listed[0] and EMAIL not in str(exported)
    with_contacts = _review(exporting.export_document(contacts=True))["guests"][0]
    assert (with_contacts["email"], with_contacts["phone"]) == (EMAIL, PHONE)

    # Importing the export again changes nothing; rows keep their ids.
    before = {row.id for row in Guest.select()}
    importing.import_document(reading.parse_document(copy.deepcopy(exported)))
    assert exporting.export_document() == exported
    assert {row.id for row in Guest.select()} == before

    # A file that reorders and drops guests sets the list to what it says.
    changed = copy.deepcopy(exported)
    _review(changed)["guests"] = [listed[2], listed[0]]
    importing.import_document(reading.parse_document(changed))
    assert [entry.name for entry in guests.guest_list(event)] == ["Nguyễn Văn Khách 002", "Trịnh Thị Thủy"]


def test_older_files_without_guests_still_import_and_keep_the_list(demo_db):
    event = review_id()
    guests.add_guest(event, THUY)
    older = exporting.export_document()
    # Only an event with guests carries the key: a re-import of the others leaves their lists alone.
    assert [item["ref"] for item in older["events"] if "guests" in item] == ["demo-2022-review"]
    for item in older["events"]:
        item.pop("guests", None)
    importing.import_document(reading.parse_document(older))
    assert [entry.name for entry in guests.guest_list(event)] == ["Trịnh Thị Thủy"]


def test_bad_guest_data_names_the_place(demo_db):
    document = exporting.export_document()
    _review(document)["guests"] = [{"name": "A", "state": "maybe"}]
    with pytest.raises(UserError, match=r"guests\[1\]\.state"):
        reading.parse_document(document)
    _review(document)["guests"] = [{"name": "A", "mobile": "1"}]
    with pytest.raises(UserError, match=r"guests\[1\]\.mobile"):
        reading.parse_document(document)


def test_tallies_count_guests_invited_and_attending_per_kind(demo_db):
    event = review_id()
    ids = add_many(event, 4)
    guest_replies.set_state(ids[:3], "invited")
    guest_replies.set_state(ids[:2], "accepted")
    guest_replies.set_state(ids[:1], "attended")
    figures = tallies.compute(2022)
    conference = figures.kinds["conference"]
    assert (conference.guests_invited, conference.guests_attending) == (3, 2)
    assert (figures.total.guests_invited, figures.total.guests_attending) == (3, 2)
    assert figures.kinds["exhibition"].guests_invited == 0


def _accepted(event_id: int, count: int) -> None:
    ids = add_many(event_id, count)
    guest_replies.set_state(ids, "invited")
    guest_replies.set_state(ids, "accepted")


def test_tallies_leave_out_the_guests_of_events_the_year_does_not_count(demo_db):
    _accepted(review_id(), 2)
    cancelled = store.save_event(
        EventRecord(kind="conference", title="Hội thảo hoãn", start=dt.date(2022, 6, 1), status="cancelled")
    ).id
    deleted = store.save_event(EventRecord(kind="conference", title="Hội thảo nhập nhầm", start=dt.date(2022, 6, 2))).id
    next_year = store.save_event(EventRecord(kind="conference", title="Hội nghị 2023", start=dt.date(2023, 1, 5))).id
    for event in (cancelled, deleted, next_year):
        _accepted(event, 5)
    store.delete_event(deleted)

    conference = tallies.compute(2022).kinds["conference"]
    assert (conference.guests_invited, conference.guests_attending) == (2, 2)
    assert tallies.compute(2023).kinds["conference"].guests_attending == 5
