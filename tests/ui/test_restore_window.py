"""File > Restore while the window has the database open, under Windows' rule for open files (imitated on Linux)."""

from PySide6.QtWidgets import QFileDialog

from nlv_events.core.models import database_proxy
from nlv_events.ui.shell import ask, file_actions
from tests import windows_files


def test_restore_from_the_menu_over_the_damaged_database_the_window_has_open(
    window, db_path, tmp_path, monkeypatch, answers
):
    folder = tmp_path / "backups"
    monkeypatch.setattr(file_actions, "backups_folder", lambda window: folder)
    window.database_target = str(db_path)
    window.backup_action.trigger()
    (saved,) = folder.glob("*.sqlite3")
    database_proxy.obj.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file the disk damages
    with db_path.open("r+b") as file:
        file.seek(4096)
        file.write(b"\xff" * (db_path.stat().st_size - 4096))
    refused = windows_files.refuse_open_database(monkeypatch)
    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **options: (str(saved), ""))
    window.restore_action.trigger()
    assert refused == []  # the window's file was closed before it was replaced
    assert answers[-1][0] == "inform" and "events.sqlite3.damaged-" in answers[-1][1]
    assert window.model.rowCount() == 32
