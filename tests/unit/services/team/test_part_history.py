"""An exhibition's and a guest list's earlier versions: viewed whole and restored as a new change, row by row with
their ids; the restore is in the history naming who; contacts never enter the history."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from nlv_events.core import store, who
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.exhibit_records import ItemEntry, LoanEntry, SectionEntry
from nlv_events.core.guest_models import Guest
from nlv_events.core.history_models import ChangeEntry
from nlv_events.core.models import Person
from nlv_events.core.records import EventRecord
from nlv_events.core.settings import Settings
from nlv_events.services.exhibits import structure
from nlv_events.services.guests import guest_list, guest_numbers, guest_replies
from nlv_events.services.guests.address_book import set_contacts
from nlv_events.services.team import history, part_history


def _working_as(name: str) -> None:
    """The person the history names (on the suite's PostgreSQL: the server's login, whatever the settings say)."""
    settings = Settings()
    settings.set("user.name", name)
    settings.save()


def _exhibition() -> int:
    return store.save_event(EventRecord(kind="exhibition", title="Trưng bày Hà Nội xưa", start=dt.date(2023, 5, 10))).id


def _rows(data) -> dict:
    """Every section, item and loan with its id and values, in order."""
    values = dataclasses.asdict(data)
    values.pop("version")
    return values


@pytest.mark.both_databases
def test_an_exhibition_saved_three_times_comes_back_row_by_row_with_its_ids(db):
    _working_as("Hoa")
    event_id = _exhibition()
    data = structure.load(event_id)
    data.sections = [SectionEntry("Phố cổ", [ItemEntry("Ảnh Hàng Đào", quantity=2), ItemEntry("Bản đồ 1890")]),
                     SectionEntry("Chợ Đồng Xuân", [ItemEntry("Tem thư", year="1945")])]
    data.loans = [LoanEntry("Bảo tàng Hà Nội", date_out=dt.date(2023, 5, 1))]
    first = structure.save(event_id, data)
    saved_then = _rows(structure.load(event_id))

    second = structure.load(event_id)
    second.sections[1].items.append(ItemEntry("Vé tàu điện"))  # an item added
    second = structure.save(event_id, second, base=structure.load(event_id))
    third = structure.load(event_id)
    third.sections[0].items[0].caption = "Phố Hàng Đào, 1930"  # one changed
    del third.sections[0].items[1]  # one removed
    third.loans[0].state = "received"
    structure.save(event_id, third, base=structure.load(event_id))

    _working_as("Lan")
    assert part_history.part_at(event_id, "exhibit", first.version)["sections"][0]["items"][1]["title"] == "Bản đồ 1890"
    new_version = part_history.restore_part(event_id, "exhibit", first.version, seen=third.version)

    assert _rows(structure.load(event_id)) == saved_then  # ids too: the removed item came back with its id
    entries = history.changes_of(event_id, "exhibit")
    restore_entry = [change for change in entries if change.kind == "exhibit"][-1]
    named = (restore_entry.version, restore_entry.action, restore_entry.by)
    assert named == (new_version, "restored", who.current_user())
    assert restore_entry.restored_from == first.version
    rows_removed = [change for change in entries if change.kind == "exhibit_item" and change.action == "removed"]
    titles = [item["old"] for change in rows_removed for item in change.changes if item["field"] == "title"]
    assert titles == ["Bản đồ 1890", "Vé tàu điện"]  # the sync of the restore recorded the one it removed
    # the version before the restore is kept too: nothing was overwritten
    assert part_history.part_at(event_id, "exhibit", new_version - 1)["sections"][1]["items"][-1]["title"] == (
        "Vé tàu điện")


@pytest.mark.both_databases
def test_a_colleagues_save_in_between_makes_the_restore_a_conflict(db):
    event_id = _exhibition()
    data = structure.load(event_id)
    data.sections = [SectionEntry("Phố cổ", [ItemEntry("Ảnh Hàng Đào")])]
    first = structure.save(event_id, data)
    seen = structure.load(event_id)
    seen.sections[0].items.append(ItemEntry("Bản đồ"))
    structure.save(event_id, seen, base=structure.load(event_id))  # the colleague's save

    with pytest.raises(ConflictError):
        part_history.restore_part(event_id, "exhibit", first.version - 1, seen=first.version)
    assert len(structure.load(event_id).items) == 2


def _guests(event_id: int) -> list[dict]:
    return [{key: getattr(entry, key) for key in ("id", "name", "state", "group", "seat", "position")}
            for entry in guest_list.guest_list(event_id)]


@pytest.mark.both_databases
def test_a_guest_list_comes_back_with_its_ids_states_and_order_and_no_contacts_in_the_history(db):
    _working_as("Hoa")
    event_id = store.save_event(EventRecord(kind="conference", title="Hội thảo", start=dt.date(2023, 4, 21))).id
    an = guest_list.add_guest(event_id, guest_list.GuestEntry(name="Nguyễn Văn An", position="Giám đốc"))
    binh = guest_list.add_guest(event_id, guest_list.GuestEntry(name="Trần Thị Bình", seat="A2"))
    for guest_id, email in ((an, "an@example.vn"), (binh, "binh@example.vn")):
        person = Person.get(Person.id == Guest.get_by_id(guest_id).person_id)
        set_contacts(person.id, email, "0912 345 678")
    Guest.update(invitation_sent_to="an@example.vn").where(Guest.id == an).execute()  # mailed to that address
    version = guest_numbers.list_version(event_id)
    saved_then = _guests(event_id)

    guest_list.add_guest(event_id, guest_list.GuestEntry(name="Lê Văn Cường"))  # a guest added
    guest_replies.set_state([an], "invited", on=dt.date(2023, 4, 1), channel="email")  # a state changed
    guest_list.remove_guests([binh])  # one removed

    _working_as("Lan")
    assert [guest["name"] for guest in part_history.part_at(event_id, "guest_list", version)["guests"]] == [
        "Nguyễn Văn An", "Trần Thị Bình"]
    part_history.restore_part(event_id, "guest_list", version)

    assert _guests(event_id) == saved_then
    restore_entry = [change for change in history.changes_of(event_id, "guest_list") if change.kind == "guest_list"][-1]
    named = (restore_entry.action, restore_entry.by, restore_entry.restored_from)
    assert named == ("restored", who.current_user(), version)
    with pytest.raises(UserError):
        part_history.part_at(event_id, "guest_list", 99)
    for row in ChangeEntry.select():
        for column in (row.changes, row.snapshot or ""):
            assert "@example.vn" not in column and "0912" not in column
