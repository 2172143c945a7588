"""The demo year with what must never reach the website: internal texts, guests with contacts, a photo."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from nlv_events.core import event_reading, store
from nlv_events.core.models import Event
from nlv_events.services.guests import address_book, guest_list
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.media import event_photos
from tests.photo_files import camera_jpeg

PUBLIC_TEXT = "Mời các bạn trẻ đến trò chuyện về văn hóa đọc."
# What the office keeps for itself: none of it may appear in any file of the site.
SECRETS = (
    "Chi phí dự kiến 20 triệu đồng",  # the internal description
    "Nhớ gọi xe đón diễn giả",  # a note
    "Phạm Khách Riêng",  # a guest (not in any programme)
    "khach.rieng@example.vn",  # their e-mail
    "0912 345 678",  # their phone
    "0912345678",
    "Ghi chú về khách",  # the guest's note
    "Triển lãm nội bộ của phòng",  # an event marked internal
)


def _change(ref: str, **values) -> None:
    record = event_reading.load_record(Event.get(Event.ref == ref))
    store.save_event(dataclasses.replace(record, **values), base=record)


def demo_with_secrets(tmp_path: Path) -> dict[str, str]:
    """Dress the open demo store: returns the refs of the talk (public text, a photo, guests), a cancelled
    exhibition and an exhibition marked internal."""
    talk = Event.get((Event.kind == "talk") & (Event.start_date == dt.date(2022, 3, 25)))
    _change(
        talk.ref,
        public_description=PUBLIC_TEXT,
        description="Chi phí dự kiến 20 triệu đồng.",
        notes="Nhớ gọi xe đón diễn giả.",
    )
    guest_id = guest_list.add_guest(
        talk.id, GuestEntry(name="Phạm Khách Riêng", honorific="Ông", notes="Ghi chú về khách")
    )
    person_id = guest_list.guest_list(talk.id)[0].person_id
    address_book.set_contacts(person_id, "khach.rieng@example.vn", "0912 345 678")  # type: ignore[arg-type]
    picture = camera_jpeg(tmp_path / "anh-goc" / "DSC_0001.JPG", size=(1600, 1067))
    photo = event_photos.add_photos(talk.id, [picture]).added[0]
    event_photos.update_photo(photo.id, caption="Bạn đọc trẻ tại buổi tọa đàm", chosen=True)
    exhibitions = list(Event.select().where(Event.kind == "exhibition").order_by(Event.start_date))
    cancelled, internal = exhibitions[3], exhibitions[5]
    _change(cancelled.ref, status="cancelled")
    _change(internal.ref, publication="internal", title="Triển lãm nội bộ của phòng")
    assert guest_id
    return {"talk": talk.ref, "cancelled": cancelled.ref, "internal": internal.ref}
