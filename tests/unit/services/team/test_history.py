"""The change history: each save says who changed which fields from what to what, and any version comes back
exactly, as a new change."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import peewee
import pytest

from nlv_events.core import event_reading, store
from nlv_events.core.history_models import ChangeEntry
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.core.settings import Settings, settings_path
from nlv_events.services.team import history

# A colleague's process: opens the file as the person its settings name, changes the title and (when told) the
# first programme row, removes the last row, and saves over the version it loaded.
COLLEAGUE = """
import sys
from nlv_events.core import database, event_reading, store
database.open_database(sys.argv[1])
record = event_reading.load_record(int(sys.argv[2]))
base = event_reading.load_record(int(sys.argv[2]))
record.title = sys.argv[3]
if sys.argv[4] == "rows":
    record.programme[0].title = "Khai mạc triển lãm"
    del record.programme[-1]
store.save_event(record, base)
"""


def conference() -> EventRecord:
    start = dt.datetime(2023, 4, 21, 8)
    return EventRecord(
        kind="conference",
        title="Hội thảo Thư viện số",
        start=start,
        venue="Hội trường tầng 2",
        partners=["Vụ Thư viện"],
        people=[PersonEntry(name="Nguyễn Thị Lan", honorific="Bà", position="Giám đốc", role="chair")],
        programme=[
            ProgrammeEntry(start=start, end=start + dt.timedelta(minutes=30), title="Khai mạc",
                           people=[PersonEntry(name="Nguyễn Thị Lan", role="speaker")]),
            ProgrammeEntry(start=start + dt.timedelta(minutes=30), title="Tham luận", place="Phòng 201"),
        ],
    )


def as_user(folder: Path, name: str) -> dict[str, str]:
    """The environment of a process whose settings name `name` as the person working."""
    config = folder / name
    settings = Settings(config / settings_path().relative_to(Path(os.environ["XDG_CONFIG_HOME"])))
    settings.set("user.name", name)
    settings.save()
    return {**os.environ, "XDG_CONFIG_HOME": str(config)}


def compared(record: EventRecord) -> dict:
    """Every field of a record and of its rows, ids and version aside (a restore makes rows anew where needed)."""
    data = dataclasses.asdict(record)
    for key in ("id", "version", "ref"):
        data.pop(key)
    for row in data["programme"]:
        row.pop("id")
        for person in row["people"]:
            person.pop("id")
    for person in data["people"]:
        person.pop("id")
    return data


def test_two_people_in_two_processes_are_named_with_their_fields_and_version_1_comes_back(db_path, tmp_path):
    from nlv_events.core import database

    database.open_database(str(db_path))
    first_settings = Settings()
    first_settings.set("user.name", "Hoa")
    first_settings.save()
    event = store.save_event(conference())
    saved_first = event_reading.load_record(event.id)
    database.close_database()

    for name, title, rows in (("Lan", "Hội thảo Thư viện số 2023", "rows"), ("Minh", "Hội thảo Thư viện số", "-")):
        done = subprocess.run(
            [sys.executable, "-c", COLLEAGUE, str(db_path), str(event.id), title, rows],
            env=as_user(tmp_path, name), capture_output=True, text=True, timeout=60,
        )
        assert done.returncode == 0, done.stderr

    database.open_database(str(db_path))
    changes = history.changes_of(event.id)
    assert [(change.version, change.by, change.action) for change in changes] == [
        (1, "Hoa", "created"), (2, "Lan", "changed"), (3, "Minh", "changed")
    ]
    lan = changes[1].changes
    assert {"field": "title", "old": "Hội thảo Thư viện số", "new": "Hội thảo Thư viện số 2023"} in lan
    first_row, second_row = saved_first.programme
    assert {"row": "programme", "id": first_row.id, "change": "changed", "name": "Khai mạc triển lãm",
            "fields": [{"field": "title", "old": "Khai mạc", "new": "Khai mạc triển lãm"}]} in lan
    assert {"row": "programme", "id": second_row.id, "change": "removed", "name": "Tham luận"} in lan
    minh = changes[2].changes
    assert [item["field"] for item in minh] == ["title"]  # Minh changed only the title: the rows were as Lan left them

    restored = history.restore(event.id, 1)
    assert restored.version == 4
    assert compared(restored) == compared(saved_first)
    assert history.changes_of(event.id)[-1].restored_from == 1
    assert history.changes_of(event.id)[-1].by == "Hoa"
    database.close_database()


@pytest.mark.both_databases
def test_a_version_is_viewed_and_restored_as_a_new_change_nothing_overwritten(db):
    event = store.save_event(conference())
    first = event_reading.load_record(event.id)
    changed = event_reading.load_record(event.id)
    changed.venue = "Phòng đọc số"
    changed.programme[1].people.append(PersonEntry(name="Trần Văn Minh", role="speaker"))
    store.save_event(changed, first)
    second = event_reading.load_record(event.id)

    assert compared(history.version_of(event.id, 1)) == compared(first)
    restored = history.restore(event.id, 1)
    assert compared(restored) == compared(first)
    versions = [(change.version, change.action) for change in history.changes_of(event.id)]
    assert versions == [(1, "created"), (2, "changed"), (3, "restored")]
    assert compared(history.version_of(event.id, 2)) == compared(second)  # version 2 is still there to go back to


@pytest.mark.both_databases
def test_the_history_refuses_to_be_rewritten_or_deleted(db):
    event = store.save_event(conference())
    for statement in (ChangeEntry.update(changed_by="someone else"), ChangeEntry.delete()):
        with pytest.raises(peewee.DatabaseError, match="append-only"), db.atomic():
            statement.where(ChangeEntry.record_id == event.id).execute()
    assert ChangeEntry.select().where(ChangeEntry.record_id == event.id).count() == 1


@pytest.mark.both_databases
def test_every_kind_of_versioned_save_is_in_the_history(db):
    from nlv_events.core.records import PlanEntry

    store.save_plan(PlanEntry(year=2023, kind="talk", target=10))
    store.save_plan(PlanEntry(year=2023, kind="talk", target=12), version=1)
    entry = ChangeEntry.select().where(ChangeEntry.record_kind == "annual_plan").get()
    assert json.loads(entry.changes) == [{"field": "target", "old": 10, "new": 12}]
    assert entry.version == 2


def test_an_unknown_version_is_one_clear_message(db):
    event = store.save_event(conference())
    from nlv_events.core.errors import UserError

    with pytest.raises(UserError, match="9"):
        history.restore(event.id, 9)


@pytest.mark.both_databases
def test_an_exhibitions_items_and_a_guests_change_are_in_the_events_history(db):
    from nlv_events.core.exhibit_records import ItemEntry, SectionEntry
    from nlv_events.services.exhibits import structure
    from nlv_events.services.guests import guest_list

    event = store.save_event(EventRecord(kind="exhibition", title="Trưng bày Hà Nội xưa", start=dt.date(2023, 5, 10)))
    data = structure.load(event.id)
    data.sections = [SectionEntry("Phố cổ", [ItemEntry("Ảnh Hàng Đào")])]
    structure.save(event.id, data)
    guest_id = guest_list.add_guest(event.id, guest_list.GuestEntry(name="Nguyễn Văn An"))
    guest_list.update_guest(guest_id, position="Giám đốc")

    kinds = [(change.kind, change.action) for change in history.changes_of(event.id)]
    assert ("exhibit_section", "added") in kinds and ("exhibit_item", "added") in kinds
    guest_list.remove_guests([guest_id])
    guests = [change for change in history.changes_of(event.id) if change.kind == "guest"]
    assert [change.action for change in guests] == ["added", "changed", "removed"]
    assert {"field": "name", "old": None, "new": "Nguyễn Văn An"} in guests[0].changes
    assert {"field": "position", "old": None, "new": "Giám đốc"} in guests[1].changes
    assert {"field": "name", "old": "Nguyễn Văn An", "new": None} in guests[2].changes


def test_the_history_says_a_guests_change_in_the_words_of_the_forms_not_the_databases(db):
    """A reply recorded reads "trạng thái: Chưa mời → Đã mời", the day as Vietnamese write it, the event's codes by
    their labels: never "state: to_invite → invited" or "2026-12-06"."""
    from nlv_events.core import vocab
    from nlv_events.i18n import _
    from nlv_events.i18n.formats import format_day
    from nlv_events.services.guests import guest_list, guest_replies

    event = store.save_event(EventRecord(kind="talk", title="Tọa đàm sách", start=dt.date(2023, 4, 21)))
    guest = guest_list.add_guest(event.id, guest_list.GuestEntry(name="Lê Văn An", position="Giám đốc"))
    guest_replies.set_state([guest], "invited")

    lines = [history.describe(change) for change in history.changes_of(event.id)]
    created, reply = lines[0], lines[-1]
    assert f"{vocab.label('kind', 'talk')}" in created and "talk" not in created.split("→")[1]
    states = guest_replies.STATES
    assert f"{_(states['to_invite'])} → {_(states['invited'])}" in reply
    assert format_day(dt.date.today()) in reply and dt.date.today().isoformat() not in reply
    assert "to_invite" not in reply and "invited_on" not in reply
