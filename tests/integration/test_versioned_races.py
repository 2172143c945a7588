"""Two processes saving the same record 40 times each, on SQLite and on PostgreSQL: every save either lands or is
reported as a conflict, and nothing that landed is lost. Each save loads the record, adds its own mark, and saves
with the version it loaded; the final record holds exactly the marks of the saves that landed.

Both processes import and open the database first, then start saving at one signal: their saves overlap from the
first to the last, so 40 each race as much as the 200 each did when one process could be half done before the other
had finished importing (which made most of the test's time)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from nlv_events.core import database, store
from nlv_events.core.exhibit_records import SectionEntry
from nlv_events.core.guest_models import Guest
from nlv_events.core.records import EventRecord, PlanEntry
from nlv_events.services.events import venues
from nlv_events.services.exhibits import structure
from nlv_events.services.guests import address_book
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.media import event_photos
from nlv_events.services.planning import series, series_rules
from nlv_events.services.tasks import task_list
from tests.integration.processes import WAIT_FOR_THE_SIGNAL, start_together
from tests.photo_files import camera_jpeg

SAVES = 40
# Each case starts two interpreters that save 40 times: seconds each, a minute or two in all.
pytestmark = pytest.mark.slow

# One save of each kind: load, add this writer's mark, save with the loaded version. Prints what landed.
WRITER = r"""
import copy, json, sys, time
from nlv_events.core import database, store
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.exhibit_records import ItemEntry
from nlv_events.core.records import PlanEntry
from nlv_events.services.events import venues
from nlv_events.services.exhibits import structure
from nlv_events.services.guests import address_book, guest_list
from nlv_events.services.media import event_photos
from nlv_events.services.planning import series
from nlv_events.services.tasks import task_list

target, kind, name, record_id, saves = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
database.open_database(target)
""" + WAIT_FOR_THE_SIGNAL + r"""


def save(mark):
    if kind == "exhibition":
        data = structure.load(record_id)
        base = copy.deepcopy(data)
        data.sections[0].items.append(ItemEntry(mark))
        structure.save(record_id, data, base=base)
    elif kind == "series":
        spec = series.load(record_id)
        spec.people = [*spec.people, mark]
        series.update(spec)
    elif kind == "photo":
        photo = event_photos.photos(record_id)[0]
        event_photos.update_photo(photo.id, caption=f"{photo.caption} {mark}", version=photo.version)
    elif kind == "plan":
        target, version = store.plan_targets(2023)["talk"]
        store.save_plan(PlanEntry(2023, "talk", target + 1), version)
    elif kind == "venue":
        line = next(line for line in venues.venue_lines() if line.id == record_id)
        venues.set_capacity(record_id, (line.capacity or 0) + 1, line.version)
    elif kind == "guest_list":
        guest_list.add_guest(record_id, guest_list.GuestEntry(name=mark))
    elif kind == "guest":
        guest = guest_list.guest_list(record_id)[0]
        guest_list.update_guest(guest.id, guest.version, notes=f"{guest.notes or ''} {mark}")
    elif kind == "task":
        task = task_list.load(record_id)
        task.note = f"{task.note or ''} {mark}"
        task_list.save(task)
    elif kind == "person":
        card = next(card for card in address_book.address_book(contacts=True) if card.id == record_id)
        address_book.set_contacts(card.id, None, str(int(card.phone or 0) + 1), card.version)


landed, conflicts, errors = [], 0, []
for number in range(saves):
    mark = f"{name}{number}"
    try:
        save(mark)
        landed.append(mark)
    except ConflictError:
        conflicts += 1
    except UserError as error:
        errors.append(str(error))
    # A person saves at a person's pace. Two loops saving back to back with no pause starve one another of SQLite's
    # write lock on a loaded machine (its busy handler sleeps up to 100 ms while the other takes the lock again), and
    # the starved one is told "busy" after the 5 s timeout: that says nothing about lost work, which is what is
    # tested here. A millisecond between saves still leaves the two processes' reads and writes interleaved.
    time.sleep(0.001)
print(json.dumps({"landed": landed, "conflicts": conflicts, "errors": errors}))
"""


def _target(db, db_path: Path, request) -> str:
    if isinstance(db, database.peewee.SqliteDatabase):
        return str(db_path)
    return request.getfixturevalue("postgres_server").url


def _run_two(target: str, kind: str, record_id: int) -> list[dict]:
    writers = start_together(
        [[sys.executable, "-c", WRITER, target, kind, name, str(record_id), str(SAVES)] for name in ("A", "B")]
    )
    results = [writer.communicate(timeout=900) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], [err[-800:] for _out, err in results]
    reports = [json.loads(out) for out, _err in results]
    for report in reports:
        assert report["errors"] == []
        assert len(report["landed"]) + report["conflicts"] == SAVES  # each save landed or was reported
    return reports


def _event(kind: str = "talk") -> int:
    record = EventRecord(kind=kind, title="Trưng bày sách mới", start=dt.date(2023, 4, 21), venue="Hội trường")
    return store.save_event(record).id


def _record(kind: str, tmp_path: Path) -> int:
    """The record both writers save, made before they start."""
    if kind == "exhibition":
        event_id = _event("exhibition")
        data = structure.load(event_id)
        data.sections = [SectionEntry("Sách mới")]
        structure.save(event_id, data)
        return event_id
    if kind == "series":
        rule = series_rules.weekly_rule([5], until=dt.date(2025, 1, 25))
        return series.save(series.SeriesSpec("Giờ kể chuyện", "talk", dt.date(2025, 1, 4), rule)).id  # type: ignore
    if kind == "photo":
        event_id = _event()
        event_photos.add_photos(event_id, [camera_jpeg(tmp_path / "a.jpg")], root=tmp_path / "media")
        return event_id
    if kind == "plan":
        store.save_plan(PlanEntry(2023, "talk", 0))
        return 0
    if kind == "venue":
        _event()
        return venues.venue_lines()[0].id
    if kind == "guest":
        event_id = _event()
        guests.add_guest(event_id, GuestEntry(name="Trịnh Thị Thủy"))
        return event_id
    if kind == "guest_list":
        return _event()
    if kind == "task":
        return task_list.save(task_list.TaskRecord(event_id=_event(), title="Gửi giấy mời")).id
    guests.add_guest(_event(), GuestEntry(name="Trịnh Thị Thủy"))
    return address_book.address_book("Thủy")[0].id


def _marks(kind: str, record_id: int) -> list[str] | int:
    """What the record holds now: the marks, or the counter the saves stepped."""
    if kind == "exhibition":
        return [item.title for item in structure.load(record_id).items]
    if kind == "series":
        return series.load(record_id).people
    if kind == "photo":
        return event_photos.photos(record_id)[0].caption.split()
    if kind == "plan":
        return store.plans(2023)[0].target
    if kind == "venue":
        return next(line.capacity for line in venues.venue_lines() if line.id == record_id) or 0
    if kind == "guest":
        return (guests.guest_list(record_id)[0].notes or "").split()
    if kind == "task":
        return (task_list.load(record_id).note or "").split()
    if kind == "guest_list":
        listed = guests.guest_list(record_id)
        assert sorted(guest.precedence for guest in listed) == list(range(1, len(listed) + 1))  # a number each
        return [guest.name for guest in listed]
    return int(address_book.address_book(contacts=True)[0].phone or 0)


@pytest.mark.both_databases
@pytest.mark.parametrize("kind", ["exhibition", "guest_list", "guest", "series", "photo", "plan", "venue", "person",
                                  "task"])
def test_two_processes_saving_one_record_lose_nothing(db, db_path, request, tmp_path, kind):
    record_id = _record(kind, tmp_path)
    reports = _run_two(_target(db, db_path, request), kind, record_id)
    landed = [mark for report in reports for mark in report["landed"]]
    found = _marks(kind, record_id)
    if isinstance(found, int):
        assert found == len(landed)  # each landed save stepped the counter once: none overwrote another
    else:
        assert sorted(found) == sorted(landed)  # every landed mark is there, and no refused one


# Two imports of twenty guests by each process (it was four of fifty): started together, their imports overlap from
# the first, and every import after the first finds guests numbered by the other process.
IMPORTS, GUESTS = 2, 20
ADDER = r"""
import sys
from nlv_events.core import database
from nlv_events.core.models import database_proxy
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_list import GuestEntry

database.open_database(sys.argv[1])
event_id, name, imports, guests_each = int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
""" + WAIT_FOR_THE_SIGNAL + r"""
for batch in range(imports):  # each import in one transaction, as the import writes it
    with database_proxy.atomic():
        for number in range(guests_each):
            guests.add_guest(event_id, GuestEntry(name=f"{name} {batch} {number}", group="Khách mời khác"))
"""


# On a shared database: SQLite lets one writer in at a time, where a long import makes the other wait (or, past the
# busy timeout, say the database is busy) but never interleave.
@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_two_imports_into_one_guest_list_at_once_give_every_guest_its_own_number(db, db_path, request):
    event_id = _event()
    target = _target(db, db_path, request)
    writers = start_together([[sys.executable, "-c", ADDER, target, str(event_id), name, str(IMPORTS), str(GUESTS)]
                               for name in ("Khách A", "Khách B")])  # fmt: skip
    errors = [writer.communicate(timeout=900)[1] for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], [err[-800:] for err in errors]
    numbers = [precedence for (precedence,) in Guest.select(Guest.precedence).where(Guest.event == event_id).tuples()]
    assert sorted(numbers) == list(range(1, 2 * IMPORTS * GUESTS + 1))
