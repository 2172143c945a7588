"""An event's id is never given to another event: the history names events by id, and keeps the entries of events
an import took back (migration 0018)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from nlv_events.core import database, store
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.services.interchange import decoding, importing, reading
from nlv_events.services.team import history
from tests.integration.cli_runner import run

FIXTURES = Path(__file__).parents[1] / "fixtures"


class _Cancelled(Exception):
    """What the window's progress callback raises when the user presses Cancel."""


def _cancelled_import() -> list[int]:
    """An import of three events cancelled after two one-event batches were written (and taken back); returns the
    ids those events had."""
    raw = {
        "format": reading.FORMAT,
        "events": [
            {"kind": "exhibition", "title": f"Triển lãm nhập {number}", "start": f"2024-05-0{number}"}
            for number in (1, 2, 3)
        ],
    }
    document = decoding.parse_text(json.dumps(raw, ensure_ascii=False).encode(), "trien-lam.json")
    written: list[int] = []

    def progress(done: int, total: int) -> None:
        written.extend(event.id for event in Event.select(Event.id).where(Event.title.startswith("Triển lãm nhập")))
        if done == 2:
            raise _Cancelled

    with pytest.raises(_Cancelled):
        importing.import_document(document, progress, batch_size=1)
    assert not Event.select().where(Event.title.startswith("Triển lãm nhập")).exists()  # all taken back
    return sorted(set(written))


@pytest.mark.both_databases
def test_an_event_saved_after_a_cancelled_import_shows_only_its_own_history(db):
    kept = store.save_event(EventRecord(kind="talk", title="Tọa đàm giữ lại", start=dt.date(2024, 4, 1)))
    taken_back = _cancelled_import()
    assert len(taken_back) == 2

    new = store.save_event(EventRecord(kind="talk", title="Tọa đàm mới", start=dt.date(2024, 6, 1)))

    assert new.id not in taken_back and new.id > max(taken_back) > kept.id
    entries = history.changes_of(new.id)
    assert [(entry.version, entry.action) for entry in entries] == [(1, "created")]
    titles = [change["new"] for change in entries[0].changes if change.get("field") == "title"]
    assert titles == ["Tọa đàm mới"]


def test_the_history_command_shows_the_new_event_alone(capsys, db, db_path):
    _cancelled_import()
    new = store.save_event(EventRecord(kind="talk", title="Tọa đàm mới", start=dt.date(2024, 6, 1)))
    database.close_database()

    code, out, err = run(capsys, "history", str(new.id), "--db", str(db_path), "--format", "json")

    assert code == 0, err
    changes = json.loads(out)
    assert [(change["version"], change["action"]) for change in changes] == [(1, "created")]
    assert {"field": "title", "old": None, "new": "Tọa đàm mới"} in changes[0]["changes"]
    assert "Triển lãm nhập" not in out


def test_the_upgrade_skips_the_ids_that_removed_events_left_in_the_history(tmp_path):
    """A store of schema 0017 where an import was taken back before the upgrade: its history names event 40, which
    no longer exists. The upgraded store gives the next event 41, and every event and programme row is kept."""
    copy = tmp_path / "schema-0017.sqlite3"
    shutil.copy(FIXTURES / "schema-0017.sqlite3", copy)
    with sqlite3.connect(copy) as raw:
        before = raw.execute("SELECT id, ref, title FROM event ORDER BY id").fetchall()
        rows = raw.execute("SELECT id, event_id, title FROM programme_item ORDER BY id").fetchall()
        raw.execute(
            "INSERT INTO change_history (record_kind, record_id, version, action, changed_by, changed_at, changes, "
            "snapshot) VALUES ('event', 40, 1, 'created', 'lan', '2024-05-01 08:00:00', '', ?)",
            (json.dumps({"kind": "exhibition", "title": "Triển lãm đã gỡ", "start": "2024-05-01"}),),
        )
    raw.close()
    assert max(event_id for event_id, _ref, _title in before) < 40

    database.open_database(str(copy))
    try:
        new = store.save_event(EventRecord(kind="talk", title="Tọa đàm mới", start=dt.date(2024, 6, 1)))
        assert new.id == 41
        assert [(entry.version, entry.action) for entry in history.changes_of(new.id)] == [(1, "created")]
    finally:
        database.close_database()
    with sqlite3.connect(copy) as raw:
        assert raw.execute("SELECT id, ref, title FROM event WHERE id < 41 ORDER BY id").fetchall() == before
        assert raw.execute("SELECT id, event_id, title FROM programme_item ORDER BY id").fetchall() == rows
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        assert "AUTOINCREMENT" in raw.execute("SELECT sql FROM sqlite_master WHERE name = 'event'").fetchone()[0]
        # the programme rows still belong to the remade table: they go with their event
        raw.execute("PRAGMA foreign_keys = ON")
        (with_programme,) = raw.execute("SELECT event_id FROM programme_item LIMIT 1").fetchone()
        raw.execute("DELETE FROM event WHERE id = ?", (with_programme,))
        left = raw.execute("SELECT count(*) FROM programme_item WHERE event_id = ?", (with_programme,)).fetchone()
        assert left == (0,)
    raw.close()


@pytest.mark.both_databases
def test_a_guest_added_after_the_newest_was_removed_gets_a_number_of_its_own(db):
    """The history names a guest by its number ("Khách mời #2: bỏ"): a guest added after the newest guest was
    removed took its number on SQLite, and the event's history named two different people #2 (migration 0020)."""
    from nlv_events.services.guests.guest_list import GuestEntry, add_guest, remove_guests

    event = store.save_event(EventRecord(kind="talk", title="Tọa đàm sách", start=dt.date(2024, 4, 21)))
    add_guest(event.id, GuestEntry(name="Nguyễn Văn An", position="Giảng viên"))
    removed = add_guest(event.id, GuestEntry(name="Trần Thị Bình", position="Nhà báo"))
    remove_guests([removed])
    added = add_guest(event.id, GuestEntry(name="Lê Văn Cường", position="Nhà văn"))

    assert added > removed
    named = [(change.record_id, change.action) for change in history.changes_of(event.id) if change.kind == "guest"]
    assert (removed, "removed") in named and (added, "added") in named


def test_the_upgrade_counts_each_part_past_the_rows_the_history_names(tmp_path):
    """A store of schema 0019 whose history names guest 7 and task 9, both removed: the upgraded store gives the
    next guest and the next task numbers of their own."""
    from nlv_events.core.guest_models import Guest
    from nlv_events.core.task_models import Task
    from nlv_events.services.guests.guest_list import GuestEntry, add_guest

    copy = tmp_path / "schema-0019.sqlite3"
    shutil.copy(FIXTURES / "schema-0019.sqlite3", copy)
    with sqlite3.connect(copy) as raw:
        (event_id,) = raw.execute("SELECT id FROM event ORDER BY id LIMIT 1").fetchone()
        for kind, row_id in (("guest", 7), ("task", 9)):
            raw.execute(
                "INSERT INTO change_history (record_kind, record_id, parent_kind, parent_id, version, action, "
                "changed_by, changed_at, changes) VALUES (?, ?, 'event', ?, 1, 'removed', 'lan', "
                "'2024-05-01 08:00:00', '[]')",
                (kind, row_id, event_id),
            )
    raw.close()

    database.open_database(str(copy))
    try:
        assert add_guest(event_id, GuestEntry(name="Nguyễn Văn An")) == 8
        task = Task.create(event=event_id, sort_order=0, title="Gửi giấy mời")
        assert task.id == 10
        assert Guest.select().count() == 1
    finally:
        database.close_database()
    with sqlite3.connect(copy) as raw:
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("guest", "exhibit_item", "task", "photo", "attachment"):
            sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            assert "AUTOINCREMENT" in sql, table
    raw.close()
