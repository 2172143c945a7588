"""The windowed program never stops without a word: a database the system cannot open is said in a window."""

import sqlite3

from PySide6.QtWidgets import QMessageBox

from nlv_events import app
from nlv_events.core import database
from nlv_events.core.settings import Settings
from nlv_events.services.workspace import backup


def test_a_database_on_a_share_that_cannot_be_opened_is_said_in_a_window(qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))

    def windows_sqlite_refuses(target, read_only=False):
        raise sqlite3.OperationalError("invalid uri authority: server")  # what Windows' SQLite said of file://server/

    tried: list[str] = []
    monkeypatch.setattr(database, "open_database", lambda target, read_only=False: tried.append(target) or
                        windows_sqlite_refuses(target, read_only))  # fmt: skip
    target = tmp_path / "share" / "nlv.sqlite3"
    assert app.run_gui(str(target)) == 1
    assert len(shown) == 1 and "invalid uri authority" in shown[0] and str(target) in shown[0]
    assert len(tried) == 1  # a share that has gone away is waited for once, not once more to say why


def test_a_failing_daily_backup_lets_the_work_go_on(db_path, demo_db, tmp_path, monkeypatch, caplog):
    def share_gone(target, folder):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(backup, "automatic_backup", share_gone)
    app._daily_backup(str(db_path), Settings(tmp_path / "settings.json"))
    assert "automatic backup failed" in caplog.text


def test_the_settings_say_a_shared_file_is_for_one_writer_and_point_to_postgresql(qtbot, tmp_path):
    from nlv_events import i18n
    from nlv_events.ui.shell.settings_dialog import SettingsDialog

    i18n.setup_i18n("en")
    dialog = SettingsDialog(Settings(tmp_path / "settings.json"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.shared_database_note.isVisible()
    note = dialog.shared_database_note.text()
    assert "network share" in note and "PostgreSQL" in note



def test_a_damaged_database_is_refused_once_then_its_newest_backup_offered_and_opened(qtbot, demo_db, db_path,
                                                                                       monkeypatch):  # fmt: skip
    """The database is first opened before the application is made (issue #35): a damaged one is refused without
    a word, then, once there is an application, the newest good backup is offered and opened."""
    from nlv_events.core.models import Event
    from nlv_events.core.settings import current_settings

    target = str(db_path)
    backup.backup_to(target, app._backups(target, current_settings()) / backup.backup_name())
    database.close_database()
    for leftover in (db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    db_path.write_bytes(b"garbage" * 1000)
    asked: list[str] = []

    def answer_yes(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    monkeypatch.setattr(QMessageBox, "critical", lambda *rest: asked.append("critical"))
    refused = app._open_early(target)
    assert refused is not None and asked == []  # nothing said before there is an application
    assert app._explain_refusal(target, current_settings(), None, refused)
    assert len(asked) == 1 and asked[0] != "critical"  # the offer of the backup, no message of failure
    assert Event.select().count() == 32  # the restored database is the one open
    assert any(path.name.startswith(db_path.name + ".damaged-") for path in db_path.parent.iterdir())
