"""Two colleagues who opened the same version of a record: the first save lands, the second is refused with a message
naming what the first changed, and nothing of the first is lost. Rows that stay keep their ids."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from nlv_events.core import store
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.exhibit_records import ItemEntry, LoanEntry, SectionEntry
from nlv_events.core.records import EventRecord, PlanEntry
from nlv_events.i18n import setup_i18n
from nlv_events.services.events import venues
from nlv_events.services.exhibits import structure
from nlv_events.services.guests import address_book, guest_numbers, guest_replies
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.media import event_photos
from nlv_events.services.planning import series, series_rules
from tests.photo_files import camera_jpeg

pytestmark = pytest.mark.both_databases


@pytest.fixture(autouse=True)
def _english(db):
    setup_i18n("en")  # the messages' new words are checked in English: their Vietnamese comes with the catalogue


def _event(kind: str = "talk", title: str = "Tọa đàm Sách và văn hóa đọc") -> int:
    return store.save_event(EventRecord(kind=kind, title=title, start=dt.date(2023, 4, 21), venue="Hội trường")).id


def _exhibition() -> int:
    event_id = _event("exhibition", "Trưng bày “Bác Hồ với Thủ đô”")
    data = structure.load(event_id)
    data.sections = [SectionEntry("Những ngày đầu", [ItemEntry("Báo Cứu Quốc"), ItemEntry("Ảnh Quảng trường")])]
    data.loans = [LoanEntry("Bảo tàng Hà Nội")]
    structure.save(event_id, data)
    return event_id


def test_an_exhibition_saved_by_a_colleague_is_a_conflict_naming_their_item(db):
    event_id = _exhibition()
    mine, theirs = structure.load(event_id), structure.load(event_id)
    base = copy.deepcopy(mine)
    theirs.sections[0].items.append(ItemEntry("Sắc lệnh số 1"))
    structure.save(event_id, theirs)

    mine.sections[0].items[0].quantity = 3
    with pytest.raises(ConflictError) as raised:
        structure.save(event_id, mine, base=base)
    assert "Sắc lệnh số 1" in str(raised.value) and "added" in str(raised.value)
    assert "colleague" in str(raised.value)
    stored = structure.load(event_id)
    assert [item.title for item in stored.items] == ["Báo Cứu Quốc", "Ảnh Quảng trường", "Sắc lệnh số 1"]
    assert stored.items[0].quantity == 1  # nothing of the refused save was written


def test_a_row_the_saver_never_saw_is_not_deleted_even_without_a_version(db):
    event_id = _exhibition()
    mine = structure.load(event_id)
    base = copy.deepcopy(mine)
    theirs = structure.load(event_id)
    theirs.loans.append(LoanEntry("Thư viện Hà Nội"))
    structure.save(event_id, theirs)
    mine.version = None  # an old caller that does not say what it loaded: its base still names the rows it saw
    with pytest.raises(ConflictError) as raised:
        structure.save(event_id, mine, base=base)
    assert "Thư viện Hà Nội" in str(raised.value)
    assert [loan.lender for loan in structure.load(event_id).loans] == ["Bảo tàng Hà Nội", "Thư viện Hà Nội"]


def test_exhibition_rows_keep_their_ids_across_saves(db):
    event_id = _exhibition()
    first = structure.load(event_id)
    ids = [item.id for item in first.items] + [loan.id for loan in first.loans]
    first.sections[0].items.reverse()
    first.sections[0].items[0].caption = "Số đầu tiên"
    saved = structure.save(event_id, first)
    again = structure.save(event_id, structure.load(event_id))
    assert sorted(item.id for item in again.items) + [loan.id for loan in again.loans] == sorted(ids[:2]) + ids[2:]
    assert saved.version == again.version - 1


def test_a_guest_changed_by_a_colleague_is_a_conflict_and_keeps_their_change(db):
    event_id = _event()
    guest_id = guests.add_guest(event_id, GuestEntry(name="Trịnh Thị Thủy", honorific="Bà"))
    loaded = guests.guest_list(event_id)[0]
    guests.update_guest(guest_id, loaded.version, position="Thứ trưởng")
    with pytest.raises(ConflictError) as raised:
        guests.update_guest(guest_id, loaded.version, seat="A1")
    assert "Trịnh Thị Thủy" in str(raised.value) and "Thứ trưởng" in str(raised.value)
    with pytest.raises(ConflictError):
        guest_replies.set_state([guest_id], "invited", versions={guest_id: loaded.version})
    now = guests.guest_list(event_id)[0]
    assert (now.position, now.seat, now.state, now.id) == ("Thứ trưởng", None, "to_invite", guest_id)


def test_moving_guests_on_a_list_a_colleague_changed_is_a_conflict(db):
    event_id = _event()
    first = guests.add_guest(event_id, GuestEntry(name="Trịnh Thị Thủy"))
    seen = guest_numbers.list_version(event_id)
    second = guests.add_guest(event_id, GuestEntry(name="Kiều Thúy Nga"))  # a colleague adds a guest
    with pytest.raises(ConflictError) as raised:
        guests.move_guests(event_id, [first], 2, version=seen)
    assert "guest list" in str(raised.value)
    assert [entry.id for entry in guests.guest_list(event_id)] == [first, second]
    guests.move_guests(event_id, [first], 2, version=guest_numbers.list_version(event_id))
    assert [(entry.id, entry.precedence) for entry in guests.guest_list(event_id)] == [(second, 1), (first, 2)]


def test_a_series_saved_by_a_colleague_is_a_conflict_naming_the_field(db):
    spec = series.save(
        series.SeriesSpec(title="Giờ kể chuyện", kind="talk", start=dt.date(2025, 1, 4),
                          rule=series_rules.weekly_rule([5], until=dt.date(2025, 2, 1)))
    )
    mine, theirs = series.load(spec.id), series.load(spec.id)
    theirs.title = "Giờ kể chuyện cuối tuần"
    series.update(theirs)
    base = copy.deepcopy(mine)
    mine.venue = "Phòng đọc Thiếu nhi"
    with pytest.raises(ConflictError) as raised:
        series.update(mine, base=base)
    assert "title" in str(raised.value) and "colleague" in str(raised.value)
    stored = series.load(spec.id)
    assert (stored.title, stored.venue) == ("Giờ kể chuyện cuối tuần", None)
    assert len(series.occurrences(spec.id)) == 5


def test_a_photo_changed_by_a_colleague_is_a_conflict(db, tmp_path):
    event_id = _event()
    root = tmp_path / "media"
    event_photos.add_photos(event_id, [camera_jpeg(tmp_path / "hoi-truong.jpg")], root=root)
    loaded = event_photos.photos(event_id)[0]
    saved = event_photos.update_photo(loaded.id, caption="Toàn cảnh hội trường", version=loaded.version)
    with pytest.raises(ConflictError) as raised:
        event_photos.update_photo(loaded.id, photographer="Minh Đức", version=loaded.version)
    assert "Toàn cảnh hội trường" in str(raised.value)
    stored = event_photos.photos(event_id)[0]
    assert (stored.caption, stored.photographer, stored.version) == ("Toàn cảnh hội trường", "", saved.version)


def test_a_plan_target_a_colleague_set_is_a_conflict(db):
    store.save_plan(PlanEntry(2023, "talk", 10), version=0)  # nobody had set it: it is inserted
    with pytest.raises(ConflictError) as raised:
        store.save_plan(PlanEntry(2023, "talk", 12), version=0)  # a colleague who also saw none
    assert "10" in str(raised.value)
    _target, seen = store.plan_targets(2023)["talk"]
    store.save_plan(PlanEntry(2023, "talk", 15), version=seen)
    with pytest.raises(ConflictError):
        store.save_plan(PlanEntry(2023, "talk", 20), version=seen)
    assert [plan.target for plan in store.plans(2023)] == [15]


def test_a_venue_renamed_by_a_colleague_is_a_conflict(db):
    _event()
    line = venues.venue_lines()[0]
    venues.rename(line.id, "Hội trường lớn", line.version)
    with pytest.raises(ConflictError) as raised:
        venues.set_capacity(line.id, 300, line.version)
    assert "Hội trường lớn" in str(raised.value)
    after = venues.venue_lines()[0]
    assert (after.id, after.name, after.capacity) == (line.id, "Hội trường lớn", None)


def test_contacts_changed_by_a_colleague_are_a_conflict(db):
    event_id = _event()
    guests.add_guest(event_id, GuestEntry(name="Trịnh Thị Thủy"))
    card = address_book.address_book("Thủy", contacts=True)[0]
    address_book.set_contacts(card.id, "thuy@example.vn", None, card.version)
    with pytest.raises(ConflictError) as raised:
        address_book.set_contacts(card.id, None, "0912 345 678", card.version)
    assert "thuy@example.vn" in str(raised.value)
    assert address_book.contacts_of([card.id]) == {card.id: ("thuy@example.vn", None)}


def test_a_removed_record_is_a_conflict_saying_so(db):
    _event()
    line = venues.venue_lines()[0]
    other = venues.venue_lines()[0]
    venues.merge(_second_venue(), [line.id])
    with pytest.raises(UserError) as raised:
        venues.rename(other.id, "Hội trường A", other.version)
    assert "removed" in str(raised.value)


def _second_venue() -> int:
    store.save_event(EventRecord(kind="talk", title="Tọa đàm khác", start=dt.date(2023, 5, 1), venue="Phòng 201"))
    return next(line.id for line in venues.venue_lines() if line.name == "Phòng 201")
