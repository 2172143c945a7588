"""The guest list: replies as a state machine, precedence (group default, drag), the seating rule, counts."""

import datetime as dt

import pytest

from nlv_events.core.errors import UserError
from nlv_events.services.guests import guest_groups, guest_replies
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_list import GuestEntry
from tests.unit.services.guest_helpers import THUY, add_many, review_id

pytestmark = pytest.mark.both_databases


def names(event_id, states=None):
    return [entry.name for entry in guests.guest_list(event_id, states)]


def test_state_machine_follows_the_reply(demo_db):
    event = review_id()
    guest = guests.add_guest(event, THUY)
    assert guests.guest_list(event)[0].state == "to_invite"
    with pytest.raises(UserError, match="Trịnh Thị Thủy"):
        guest_replies.set_state([guest], "accepted")  # nobody accepts an invitation never sent
    guest_replies.set_state([guest], "invited", on=dt.date(2022, 12, 10), channel="email")
    entry = guests.guest_list(event)[0]
    assert (entry.state, entry.invited_on, entry.invited_by) == ("invited", dt.date(2022, 12, 10), "email")
    with pytest.raises(UserError, match="người dự thay"):
        guest_replies.set_state([guest], "deputy")  # a deputy needs a name
    guest_replies.set_state([guest], "deputy", deputy_name="Ông Nguyễn Thế Kỷ", deputy_position="Vụ trưởng Vụ Thư viện")
    entry = guests.guest_list(event)[0]
    assert entry.sends_deputy and entry.card_name == "Ông Nguyễn Thế Kỷ"
    guest_replies.set_state([guest], "attended")
    assert guests.guest_list(event)[0].card_name == "Ông Nguyễn Thế Kỷ"  # the deputy came
    guest_replies.set_state([guest], "accepted")  # a correction: she came herself
    entry = guests.guest_list(event)[0]
    assert entry.deputy_name is None and entry.card_name == "Bà Trịnh Thị Thủy"
    with pytest.raises(UserError):
        guest_replies.set_state([guest], "to_invite")
    with pytest.raises(UserError, match="maybe"):
        guest_replies.set_state([guest], "maybe")


def test_changing_many_at_once_is_all_or_nothing(demo_db):
    event = review_id()
    first, second = add_many(event, 2)
    guest_replies.set_state([first], "invited")
    with pytest.raises(UserError):
        guest_replies.set_state([first, second], "accepted")  # the second was never invited
    assert [entry.state for entry in guests.guest_list(event)] == ["invited", "to_invite"]
    assert guest_replies.set_state([first, second], "invited") == 1
    assert guest_replies.set_state([first, second], "accepted") == 2
    counts = guests.counts(event)
    assert (counts.total, counts.invited, counts.coming, counts.by_state["accepted"]) == (2, 2, 2, 2)


def test_precedence_defaults_from_the_group_and_changes_by_drag(demo_db):
    event = review_id()
    add_many(event, 2)  # provincial libraries first on the list…
    guests.add_guest(event, GuestEntry(name="Phóng viên Báo Nhân Dân", group="Báo chí"))
    guests.add_guest(event, THUY)  # …but a Ministry leader goes ahead of them
    guests.add_guest(event, GuestEntry(name="Vụ trưởng Vụ Thư viện", group="Vụ, Cục thuộc Bộ"))
    assert names(event) == [
        "Trịnh Thị Thủy",
        "Vụ trưởng Vụ Thư viện",
        "Nguyễn Văn Khách 001",
        "Nguyễn Văn Khách 002",
        "Phóng viên Báo Nhân Dân",
    ]
    ids = [entry.id for entry in guests.guest_list(event)]
    guests.move_guests(event, [ids[3]], 0)  # drag the second library to the top
    assert names(event)[0] == "Nguyễn Văn Khách 002"
    guests.move_guests(event, [ids[0], ids[1]], 99)  # and two rows to the end
    assert names(event)[-2:] == ["Trịnh Thị Thủy", "Vụ trưởng Vụ Thư viện"]
    assert [entry.precedence for entry in guests.guest_list(event)] == [1, 2, 3, 4, 5]
    guests.sort_by_group(event)
    assert names(event)[:2] == ["Trịnh Thị Thủy", "Vụ trưởng Vụ Thư viện"]


def test_seating_puts_the_first_in_the_centre_then_right_and_left():
    # Seen from the hall, the guest's right is the hall's left: 6 4 2 1 3 5 7.
    assert guests.seating_order([1, 2, 3, 4, 5, 6, 7]) == [6, 4, 2, 1, 3, 5, 7]
    assert guests.seating_order([1, 2, 3, 4]) == [4, 2, 1, 3]
    assert guests.seating_order([1]) == [1]
    assert guests.seating_order([]) == []


def test_head_table_seats_only_guests_who_come(demo_db):
    event = review_id()
    ids = add_many(event, 5)
    guest_replies.set_state(ids, "invited")
    guest_replies.set_state(ids[1:], "accepted")
    seated = guests.head_table(event, 3)
    assert [entry.name for entry in seated] == ["Nguyễn Văn Khách 003", "Nguyễn Văn Khách 002", "Nguyễn Văn Khách 004"]


def test_a_guest_is_addressed_as_at_that_event(demo_db):
    event = review_id()
    guests.add_guest(event, THUY)
    entry = guests.guest_list(event)[0]
    assert entry.addressee == "Bà Trịnh Thị Thủy – Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch"
    # The next event starts from how she was addressed last, and her new title stays on the new appearance only.
    other = next(e for e in __import__("nlv_events.core.queries", fromlist=["events"]).events() if e.id != event)
    guests.add_guest(other.id, GuestEntry(name="Trịnh Thị Thủy", position="Ủy viên Ban Cán sự Đảng, Thứ trưởng"))
    again = guests.guest_list(other.id)[0]
    assert (again.honorific, again.organisation, again.group) == ("Bà", THUY.organisation, "Lãnh đạo Bộ")
    assert guests.guest_list(event)[0].position == "Thứ trưởng"
    with pytest.raises(UserError, match="đã có"):
        guests.add_guest(event, GuestEntry(name="Trịnh Thị Thủy"))
    with pytest.raises(UserError, match="Lãnh đạo Bộ"):
        guests.add_guest(event, GuestEntry(name="Ai đó", group="Không có nhóm này"))


def test_groups_are_an_editable_list(demo_db):
    event = review_id()
    guests.add_guest(event, THUY)
    names_before = [group.name for group in guest_groups.groups()]
    guest_groups.save_groups(["Khách quốc tế", *names_before])
    assert [group.name for group in guest_groups.groups()][:2] == ["Khách quốc tế", "Lãnh đạo Bộ"]
    assert guests.guest_list(event)[0].group == "Lãnh đạo Bộ"  # kept groups keep their guests
    with pytest.raises(UserError):
        guest_groups.save_groups(["Báo chí", "bao chi"])
