"""Restore with the database open in the window, under Windows' rule that an open file cannot be deleted or
replaced (imitated here on Linux, where it can)."""

import datetime as dt
import os
from pathlib import Path

import pytest

from nlv_events.core import database, store
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.services.workspace import backup
from tests import windows_files


@pytest.fixture
def windows_file_locks(monkeypatch):
    return windows_files.refuse_open_database(monkeypatch)


def _database_with(path: Path, title: str) -> None:
    database.open_database(str(path))
    store.save_event(EventRecord(kind="talk", title=title, start=dt.date(2023, 3, 3)))
    database.close_database()


def test_restore_over_a_damaged_database_open_in_the_window(tmp_path, windows_file_locks):
    good = tmp_path / "good.sqlite3"
    _database_with(good, "Tọa đàm")
    current = tmp_path / "events.sqlite3"
    _database_with(current, "Hỏng")
    database.open_database(str(current))  # the window has it open...
    with current.open("r+b") as file:
        file.seek(1024)
        file.write(b"\xff" * (current.stat().st_size - 1024))  # ...when the disk damages it
    with pytest.raises(UserError):
        backup.check_file(current)
    try:
        kept = backup.restore(str(current), good, tmp_path / "backups")
        assert [event.title for event in Event.select()] == ["Tọa đàm"]  # reopened on the restored file
    finally:
        database.close_database()
    assert kept.name.startswith("events.sqlite3.damaged-") and kept.stat().st_size == current.stat().st_size
    assert windows_file_locks == []  # nothing open was deleted or replaced


def test_restore_over_a_sound_database_open_in_the_window(tmp_path, windows_file_locks):
    good = tmp_path / "good.sqlite3"
    _database_with(good, "Tọa đàm")
    current = tmp_path / "events.sqlite3"
    _database_with(current, "Hôm nay")
    database.open_database(str(current))
    try:
        kept = backup.restore(str(current), good, tmp_path / "backups")
        assert [event.title for event in Event.select()] == ["Tọa đàm"]
    finally:
        database.close_database()
    assert "before-restore" in kept.name and windows_file_locks == []


def test_a_file_held_by_another_computer_is_left_as_it_was_and_reopened(tmp_path, monkeypatch):
    good = tmp_path / "good.sqlite3"
    _database_with(good, "Tọa đàm")
    current = tmp_path / "events.sqlite3"
    _database_with(current, "Hôm nay")
    replace = os.replace

    def held_elsewhere(source, destination, *rest, **options):
        if Path(destination) == current:
            raise PermissionError(32, "The process cannot access the file because it is being used", destination)
        return replace(source, destination, *rest, **options)

    monkeypatch.setattr(os, "replace", held_elsewhere)
    database.open_database(str(current))
    try:
        with pytest.raises(UserError, match=r"events\.sqlite3"):
            backup.restore(str(current), good, tmp_path / "backups")
        assert [event.title for event in Event.select()] == ["Hôm nay"]  # open again, unchanged
    finally:
        database.close_database()
    assert not any(path.name.endswith(".restoring") for path in tmp_path.iterdir())
