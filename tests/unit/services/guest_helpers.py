"""Shared set-up for the guests' tests: the demo year's review conference with guests on its list."""

from __future__ import annotations

from nlv_events.core.models import Event, database_proxy
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_list import GuestEntry

THUY = GuestEntry(
    name="Trịnh Thị Thủy",
    honorific="Bà",
    position="Thứ trưởng",
    organisation="Bộ Văn hóa, Thể thao và Du lịch",
    group="Lãnh đạo Bộ",
)
EMAIL = "thuy.private@example.vn"
PHONE = "0912 345 678"


def review_id() -> int:
    return Event.get(Event.ref == "demo-2022-review").id


def add_many(event_id: int, count: int, group: str = "Thư viện tỉnh, thành phố") -> list[int]:
    with database_proxy.atomic():  # one commit, not one per guest
        return [
            guests.add_guest(
                event_id,
                GuestEntry(
                    name=f"Nguyễn Văn Khách {number:03d}",
                    honorific="Ông",
                    position="Giám đốc",
                    organisation=f"Thư viện tỉnh số {number}",
                    group=group,
                ),
            )
            for number in range(1, count + 1)
        ]
