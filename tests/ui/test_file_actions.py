"""The window's file actions from the registry: export, calendar file, import, backup and restore."""

from PySide6.QtWidgets import QFileDialog

from nlv_events.ui.shell import ask, file_actions


def _running(task) -> bool:
    try:
        return task.is_running()
    except RuntimeError:  # the task deletes itself once its thread has stopped
        return False


def test_export_calendar_import_backup_and_restore(window, qtbot, tmp_path, monkeypatch, answers):
    target = tmp_path / "nam-2022.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    window.export_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)  # exports run in the background
    qtbot.waitUntil(lambda: window.task is None or not _running(window.task), timeout=10_000)
    assert "demo-2022-bookday" in target.read_text(encoding="utf-8")
    calendar = tmp_path / "nam-2022.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(calendar), ""))
    window.export_ics_action.trigger()
    assert calendar.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 32
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(target), ""))
    window.import_action.trigger()
    qtbot.waitUntil(lambda: bool(answers) and answers[-1][0] == "inform", timeout=10_000)
    assert "32" in answers[-1][1]
    folder = tmp_path / "backups"
    monkeypatch.setattr(file_actions, "backups_folder", lambda window: folder)
    window.database_target = str(tmp_path / "events.sqlite3")
    window.backup_action.trigger()
    backups = list(folder.glob("*.sqlite3"))
    assert len(backups) == 1 and answers[-1][0] == "inform"
    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    assert file_actions.restore_from(window, backups[0])
    assert window.model.rowCount() == 32


def test_a_write_refused_by_the_system_speaks_the_users_language(window, tmp_path, monkeypatch, answers):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "missing" / "x.ics"), ""))
    window.export_ics_action.trigger()
    assert answers[-1][0] == "warn" and "thư mục không tồn tại" in answers[-1][1]
