"""The invitation letters as a reader of the printed page sees them: "you" as the protocol office writes it to one
person, position and organisation read whole (a word that differs by its accents is no repeat), the ministry after
a comma."""

import datetime as dt

from nlv_events.services.guests import documents, titles
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.guests.invitations import InvitationOptions
from tests.unit.services.guest_helpers import review_id
from tests.unit.services.guests.test_guest_protocol import add, letter_for, pages_of

OPTIONS = InvitationOptions(number="25", day=dt.date(2022, 12, 12))
RECTOR = GuestEntry(name="Nguyễn Văn A", honorific="GS.TS.", position="Hiệu trưởng",
                    organisation="Trường Đại học Văn hóa Hà Nội", group="Khách mời khác")
WRITER = GuestEntry(name="Nguyễn Thị B", honorific="Nhà văn", group="Khách mời khác")
PLANNING = GuestEntry(name="Lê Văn C", honorific="Ông", position="Vụ trưởng Vụ Kế hoạch, Tài chính",
                      organisation="Bộ Văn hóa, Thể thao và Du lịch", group="Vụ, Cục thuộc Bộ")
UNIT = GuestEntry(name="Vụ Thư viện", organisation="Bộ Văn hóa, Thể thao và Du lịch", group="Vụ, Cục thuộc Bộ")


def test_one_person_with_a_title_is_asked_as_ong_ba_never_quy_vi(demo_db):
    event = review_id()
    add(event, RECTOR, WRITER, PLANNING, UNIT)
    pages = pages_of(documents.invitations_bytes(event, OPTIONS))
    for name in ("Nguyễn Văn A", "Nguyễn Thị B"):
        letter = letter_for(pages, name)
        assert "trân trọng kính mời Ông/Bà tới dự" in letter, name
        assert "Quý vị" not in letter, name
    assert "kính mời Ông tới dự" in letter_for(pages, "Lê Văn C")
    assert "kính mời Quý cơ quan tới dự" in letter_for(pages, "Vụ Thư viện")


def test_a_word_that_differs_by_its_accents_is_not_a_repeat_and_the_ministry_follows_a_comma(demo_db):
    event = review_id()
    add(event, RECTOR, PLANNING)
    pages = pages_of(documents.invitations_bytes(event, OPTIONS))
    assert "Kính gửi: GS.TS. Nguyễn Văn A – Hiệu trưởng Trường Đại học Văn hóa Hà Nội" in letter_for(
        pages, "Nguyễn Văn A")
    assert ("Kính gửi: Ông Lê Văn C – Vụ trưởng Vụ Kế hoạch, Tài chính, Bộ Văn hóa, Thể thao và Du lịch"
            in letter_for(pages, "Lê Văn C"))
    # The same words in another case are still one repeat.
    assert titles.title_line("Bí thư tỉnh ủy", "Tỉnh ủy Điện Biên") == "Bí thư tỉnh ủy Điện Biên"
    assert titles.title_line("Hiệu trưởng", "Trường Đại học Văn hóa Hà Nội") == (
        "Hiệu trưởng Trường Đại học Văn hóa Hà Nội")
