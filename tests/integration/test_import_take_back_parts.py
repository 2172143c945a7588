"""An import taken back (cancelled, or failed in a later batch) leaves the events it found stored as it found them:
not only their own fields, but their exhibition, guest list, tasks and press coverage, which the file replaced."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from nlv_events.core import store
from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, LoanEntry, SectionEntry
from nlv_events.core.media_models import NewsItem, Photo
from nlv_events.core.press_models import PressArticle
from nlv_events.core.records import EventRecord
from nlv_events.core.task_models import Task
from nlv_events.services.exhibits import structure
from nlv_events.services.guests import guest_list
from nlv_events.services.interchange import decoding, exporting, importing
from nlv_events.services.team import part_history


class _Cancelled(Exception):
    """What the window's progress callback raises when the user presses Cancel."""


def _stored_event() -> int:
    event = store.save_event(EventRecord(kind="exhibition", title="Triển lãm sách quý", start=dt.date(2024, 3, 1)))
    structure.save(event.id, ExhibitData(
        sections=[SectionEntry("Phần một", [ItemEntry("Châu bản triều Nguyễn"), ItemEntry("Mộc bản", quantity=3)])],
        loans=[LoanEntry("Bảo tàng Lịch sử quốc gia")],
    ))  # fmt: skip
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        guest_list.add_guest(event.id, guest_list.GuestEntry(name, position="Giám đốc"))
    for order, title in enumerate(("Gửi giấy mời", "Chuẩn bị tủ trưng bày", "Viết tin"), start=1):
        Task.insert(event=event.id, title=title, sort_order=order).execute()
    PressArticle.create(event=event.id, outlet="Nhân Dân", day=dt.date(2024, 3, 2), title="Khai mạc triển lãm")
    Photo.create(event=event.id, path="events/a/khai-mac.jpg", original_name="khai-mac.jpg", digest="a" * 64,
                 caption="Cắt băng khai mạc")  # fmt: skip
    NewsItem.create(event=event.id, title="Khai mạc triển lãm sách quý")
    return event.id


def _what_the_user_sees(event_id: int) -> dict:
    return {
        "items": [(item.id, item.title, item.quantity) for item in structure.load(event_id).items],
        "loans": [(loan.id, loan.lender) for loan in structure.load(event_id).loans],
        "guests": [(guest.id, guest.name) for guest in guest_list.guest_list(event_id)],
        "tasks": [(task.id, task.title) for task in Task.select().where(Task.event == event_id).order_by(Task.id)],
        "press": [(row.id, row.title) for row in PressArticle.select().where(PressArticle.event == event_id)],
        "photos": [(row.id, row.caption) for row in Photo.select().where(Photo.event == event_id)],
        "news": [row.title for row in NewsItem.select().where(NewsItem.event == event_id)],
    }


def _file_changing(event_id: int) -> bytes:
    """The record exported, the stored event's parts cut down (and an article added) by a colleague, and a second,
    new event after it."""
    document = exporting.export_document()
    (event,) = document["events"]
    event["exhibit"]["sections"][0]["items"] = event["exhibit"]["sections"][0]["items"][:1]
    event["exhibit"]["loans"] = []
    event["guests"] = event["guests"][:1]
    event["tasks"] = event["tasks"][:1]
    event["press"] = [*event.get("press", []), {"outlet": "VTV1", "date": "2024-03-03", "title": "Bản tin tối"}]
    event["photos"][0]["caption"] = "Ảnh khác"
    event["news_item"]["title"] = "Bản tin khác"
    document["events"].append({"kind": "talk", "title": "Tọa đàm mới", "start": "2024-04-01"})
    return json.dumps(document, ensure_ascii=False).encode()


@pytest.mark.both_databases
def test_a_cancelled_import_leaves_the_parts_of_the_events_it_found(db):
    event_id = _stored_event()
    before = _what_the_user_sees(event_id)
    document = decoding.parse_text(_file_changing(event_id), "cua-dong-nghiep.json")

    def cancel_after_the_first_batch(done: int, total: int) -> None:
        assert len(_what_the_user_sees(event_id)["guests"]) == 1  # the first batch did write the file's parts
        raise _Cancelled

    with pytest.raises(_Cancelled):
        importing.import_document(document, cancel_after_the_first_batch, batch_size=1)

    assert _what_the_user_sees(event_id) == before
    # The history says what happened: the import's change, then the version before it restored.
    for part in ("exhibit", "guest_list"):
        newest = part_history.current_version(event_id, part)
        restored = part_history.part_at(event_id, part, newest - 2)
        assert part_history.lines(part, restored) == part_history.lines(part, part_history.part_at(event_id, part,
                                                                                                   newest))


@pytest.mark.both_databases
def test_an_event_a_cancelled_import_brought_back_from_the_deleted_events_stays_deleted(db):
    from nlv_events.core.models import Event

    event_id = store.save_event(EventRecord(kind="talk", title="Tọa đàm đã xóa", start=dt.date(2024, 3, 1))).id
    document = exporting.export_document()
    store.delete_event(event_id)
    deleted_at = Event.get_by_id(event_id).deleted_at
    document["events"].append({"kind": "talk", "title": "Tọa đàm mới", "start": "2024-04-01"})
    parsed = decoding.parse_text(json.dumps(document, ensure_ascii=False).encode(), "cua-dong-nghiep.json")

    def cancel_after_the_first_batch(done: int, total: int) -> None:
        assert Event.get_by_id(event_id).deleted_at is None  # the file brings it back
        raise _Cancelled

    with pytest.raises(_Cancelled):
        importing.import_document(parsed, cancel_after_the_first_batch, batch_size=1)

    assert Event.get_by_id(event_id).deleted_at == deleted_at  # among the deleted events, deleted when it was


def _what_the_whole_file_stores() -> dict:
    from nlv_events.core.models import Event
    from nlv_events.core.planning_models import Commemoration, Series
    from nlv_events.core.task_models import Staff, TemplateStep, WeekItem

    return {
        "events": sorted(title for (title,) in Event.select(Event.title).tuples()),
        "series": [title for (title,) in Series.select(Series.title).tuples()],
        "commemorations": sorted(name for (name,) in Commemoration.select(Commemoration.name).tuples()),
        "staff": [name for (name,) in Staff.select(Staff.name).tuples()],
        "steps": sorted(TemplateStep.select(TemplateStep.id, TemplateStep.title).tuples()),
        "week": [content for (content,) in WeekItem.select(WeekItem.content).tuples()],
    }


@pytest.mark.both_databases
def test_a_cancel_after_the_last_batch_leaves_nothing_the_file_stores_for_the_whole_document(db):
    """The series (and the occurrences it makes), the staff, a kind's task template and the week's items, which a
    file stores once, stayed when Cancel was pressed after the last batch, while the file's events were taken back."""
    store.save_event(EventRecord(kind="talk", title="Tọa đàm đã có", start=dt.date(2024, 3, 1)))
    before = _what_the_whole_file_stores()
    raw = {
        "format": "nlv-events/1",
        "events": [{"kind": "talk", "title": f"Tọa đàm nhập {n}", "start": f"2024-04-0{n}"} for n in (1, 2)],
        "series": [{"ref": "gio-ke", "title": "Giờ kể chuyện", "kind": "talk", "rule": "FREQ=WEEKLY;COUNT=3",
                    "start": "2024-05-04T09:00"}],
        "commemorations": [{"key": "office-day", "name": "Ngày truyền thống Phòng", "month": 3, "day": 15,
                            "founded": "1990-03-15"}],
        "staff": [{"name": "Trần Thu Hà", "position": "Chuyên viên"}],
        "task_templates": [{"kind": "talk", "steps": [{"title": "Mời diễn giả mới", "offset_days": -20}]}],
        "week_items": [{"day": "2024-04-01", "time": "08:00", "content": "Họp giao ban"}],
    }  # fmt: skip
    document = decoding.parse_text(json.dumps(raw, ensure_ascii=False).encode(), "ca-nam.json")

    def cancel_after_the_last_batch(done: int, total: int) -> None:
        if done == total:
            raise _Cancelled

    with pytest.raises(_Cancelled):
        importing.import_document(document, cancel_after_the_last_batch, batch_size=1)

    assert _what_the_whole_file_stores() == before
    summary = importing.import_document(document, batch_size=1)  # not cancelled: all of it is stored
    assert summary.created == 2 + 3 and "Trần Thu Hà" in _what_the_whole_file_stores()["staff"]


def test_a_whole_file_part_refused_after_the_last_batch_takes_back_every_batch(db):
    from nlv_events.core.errors import UserError

    before = _what_the_whole_file_stores()
    raw = {"format": "nlv-events/1", "staff": [{"name": "Trần Thu Hà"}], "events": [
        {"kind": "talk", "title": "Tọa đàm nhập 1", "start": "2024-04-01"},
        {"kind": "talk", "title": "Tọa đàm nhập 2", "start": "2024-04-02", "series": "khong-co"}]}  # fmt: skip
    document = decoding.parse_text(json.dumps(raw, ensure_ascii=False).encode(), "ca-nam.json")

    with pytest.raises(UserError, match="khong-co"):
        importing.import_document(document, batch_size=1)

    assert _what_the_whole_file_stores() == before


def _address_book() -> list[tuple[int, str, str]]:
    from nlv_events.core.models import Person

    return sorted(Person.select(Person.id, Person.name, Person.ref).tuples())


def _contacts() -> dict[int, tuple]:
    """Personal data: compared, never shown (an assertion on it names no value)."""
    from nlv_events.core.models import Person

    return {person_id: (email, phone) for person_id, email, phone in Person.select(Person.id, Person.email,
                                                                                   Person.phone).tuples()}


@pytest.mark.both_databases
def test_a_cancelled_import_takes_back_the_people_it_added_and_the_contacts_it_changed(db):
    """The people an import added (guests, speakers, people named by a ref) stayed in the address book after it was
    cancelled, with the contacts the file gave them, and the contacts it changed stayed changed."""
    from nlv_events.core import event_reading
    from nlv_events.services.guests import address_book

    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    other_id = store.save_event(EventRecord(kind="talk", title="Tọa đàm khác", start=dt.date(2024, 3, 9))).id
    guest_list.add_guest(event_id, guest_list.GuestEntry("Nguyễn Văn An", position="Giám đốc"))
    (known,) = [card.id for card in address_book.address_book()]
    address_book.set_contacts(known, "an.nv@example.org", "0900000001")
    document = exporting.export_document(contacts=True)
    stored = next(event for event in document["events"] if event["title"] == "Hội nghị")
    stored["guests"][0]["email"] = "an.moi@example.org"
    stored["guests"].append({"name": "Khách mời mới", "email": "moi@example.org", "phone": "0900000002"})
    stored["people"] = [{"name": "Diễn giả mới", "role": "speaker", "ref": "dien-gia-moi"}]
    # A new event with a ref: its people are added together (core/event_adding), the others one by one.
    document["events"].append({"kind": "talk", "title": "Tọa đàm nhập", "start": "2024-04-01", "ref": "nhap",
                               "people": [{"name": "Người được mời", "role": "guest"},
                                          {"name": "Người từ nơi khác", "role": "guest", "ref": "noi-khac-1"}]})
    parsed = decoding.parse_text(json.dumps(document, ensure_ascii=False).encode(), "cua-dong-nghiep.json")
    people, contacts = _address_book(), _contacts()

    def cancel_after_the_last_batch(done: int, total: int) -> None:
        if done == 1:  # meanwhile a colleague puts the new guest on another list: they stay in the address book
            guest_list.add_guest(other_id, guest_list.GuestEntry("Khách mời mới"))
        if done == total:
            assert len(_address_book()) == len(people) + 4  # the file did add them
            raise _Cancelled

    with pytest.raises(_Cancelled):
        importing.import_document(parsed, cancel_after_the_last_batch, batch_size=1)

    kept = [person for person in _address_book() if person not in people]
    assert [name for _id, name, _ref in kept] == ["Khách mời mới"]
    now = _contacts()
    assert all(now[person_id] == held for person_id, held in contacts.items()), "contacts are not as they were"
    assert now[kept[0][0]] == (None, None), "the contacts the file gave the new guest stayed"
    assert event_reading.load_record(event_id).people == []
