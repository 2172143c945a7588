"""A guest import taken back (a later batch failed) is taken back in the guest list's history too: a guest the
import changed is entered as changed back, and the guests it added as removed; the history never shows the
import's changes as if they still held."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from nlv_events.core import database, store
from nlv_events.core.errors import UserError
from nlv_events.core.models import Person
from nlv_events.core.records import EventRecord
from nlv_events.services.guests import guest_batches, spreadsheet_import
from nlv_events.services.guests import guest_list as guest_list_service
from nlv_events.services.guests.guest_list import GuestEntry, add_guest
from tests.integration.cli_runner import run


def _guest_file(path: Path, count: int) -> Path:
    lines = ["Họ và tên,Cơ quan", *(f"Khách mời số {n},Thư viện tỉnh số {n}" for n in range(count))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_guest_lists_history_shows_a_failed_import_taken_back(capsys, db, db_path, tmp_path, monkeypatch):
    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    other_id = store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2024, 3, 2))).id
    add_guest(event_id, GuestEntry(name="Khách mời số 3", organisation="Cũ"))
    add_guest(other_id, GuestEntry(name="Khách mời số 22"))
    monkeypatch.setattr(guest_batches, "BATCH_SIZE", 10)
    plan = spreadsheet_import.preview(_guest_file(tmp_path / "khach.csv", 25))
    failing = Person.get(Person.name == "Khách mời số 22").id
    real_last_appearance = guest_list_service.last_appearance

    def fail_on_the_twenty_second(person_id):
        if person_id == failing:
            raise database.peewee.OperationalError("database or disk is full")
        return real_last_appearance(person_id)

    monkeypatch.setattr(guest_list_service, "last_appearance", fail_on_the_twenty_second)
    with pytest.raises(UserError):
        spreadsheet_import.apply(event_id, plan, {row.row: True for row in plan.unsure})
    database.close_database()

    code, out, err = run(capsys, "history", str(event_id), "--part", "guests", "--format", "json", "--db",
                         str(db_path))

    assert code == 0, err
    organisation = [
        (change["old"], change["new"])
        for entry in json.loads(out) if entry["kind"] == "guest"
        for change in entry["changes"] if change.get("field") == "organisation"
    ]  # fmt: skip
    assert organisation[-2:] == [("Cũ", "Thư viện tỉnh số 3"), ("Thư viện tỉnh số 3", "Cũ")]
    removed = [entry for entry in json.loads(out) if entry["kind"] == "guest" and entry["action"] == "removed"]
    assert len(removed) == 19  # the two batches written: their new guests, added then taken back


def test_a_version_naming_people_an_import_took_back_is_not_restored_with_others(capsys, db, db_path, monkeypatch):
    """SQLite gives the id of a person the take-back removed to the next person added: restoring the version that
    holds the import's guests brought back whoever holds those ids now, guests of another event."""
    from nlv_events.services.guests import guest_list as guests
    from nlv_events.services.team import part_history

    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    other_id = store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2024, 3, 2))).id
    add_guest(event_id, GuestEntry(name="Nguyễn Văn An"))
    rows = [guest_batches.GuestRow(number, GuestEntry(f"Khách mời số {number}")) for number in (1, 2, 3)]
    real_write = guest_batches._Batch.write

    def fail_in_the_second_batch(batch, batch_rows):
        if batch_rows[0].row == 3:
            raise database.peewee.OperationalError("database or disk is full")
        real_write(batch, batch_rows)

    monkeypatch.setattr(guest_batches._Batch, "write", fail_in_the_second_batch)
    with pytest.raises(UserError):
        guest_batches.write(event_id, rows, batch_size=2)
    with_import = max(
        version for version in part_history.versions(event_id, "guest_list")
        if len(part_history.part_at(event_id, "guest_list", version)["guests"]) == 3
    )  # fmt: skip
    for name in ("Ngô Thị Mai", "Đỗ Văn Nam"):
        add_guest(other_id, GuestEntry(name=name))
    database.close_database()

    code, _out, err = run(capsys, "history", str(event_id), "--part", "guests", "--restore", str(with_import),
                          "--db", str(db_path), "--lang", "en")

    assert code == 1 and "Khách mời số 1, Khách mời số 2" in err and "no longer in the address book" in err
    database.open_database(str(db_path))
    assert [entry.name for entry in guests.guest_list(event_id)] == ["Nguyễn Văn An"]
