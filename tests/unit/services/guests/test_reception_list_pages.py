"""The reception list as the desk reads it: the head-table plan's heading and "Stage" note stand over the plan,
never alone at the foot of the page before it."""

from __future__ import annotations

from nlv_events.services.guests import documents, guest_replies
from nlv_events.services.guests.guest_list import GuestEntry
from tests.unit.services.guest_helpers import review_id
from tests.unit.services.guests.test_guest_protocol import add
from tests.unit.services.guests.test_letters_unbroken import _pdf_pages

POSITIONS = ("Thứ trưởng", "Phó Giám đốc Trung tâm Thông tin Khoa học Quân sự, Bộ Quốc phòng kiêm Chủ nhiệm Câu "
             "lạc bộ Sách", "Phó Trưởng phòng Phục vụ bạn đọc")


def test_the_head_table_heading_goes_over_with_its_plan(demo_db):
    event = review_id()
    for count in (13, 14, 15):
        ids = add(event, *[
            GuestEntry(name=f"Nguyễn Thị Phương Thảo {number}", honorific="Bà", position=POSITIONS[number % 3],
                       organisation="Bộ Văn hóa, Thể thao và Du lịch", group="Khách mời khác")
            for number in range(len(ids_so_far(event)), count)
        ])  # fmt: skip
        guest_replies.set_state(ids, "invited")
        guest_replies.set_state(ids, "accepted")
        pages = _pdf_pages(documents.reception_list_bytes(event))
        (page,) = [page for page in pages if any(line.text == "SƠ ĐỒ BÀN ĐẠI BIỂU" for line in page.lines)]
        heading = next(line for line in page.lines if line.text == "SƠ ĐỒ BÀN ĐẠI BIỂU")
        below = [line.text for line in page.lines if line.top > heading.top]
        assert below[0] == "Phía sân khấu" and {"1", "2", "3", "4", "5", "6", "7"} <= set(below), (count, below)


def ids_so_far(event: int) -> list[int]:
    from nlv_events.services.guests import guest_list

    return [entry.id for entry in guest_list.guest_list(event, ("to_invite", "invited", "accepted"))]
