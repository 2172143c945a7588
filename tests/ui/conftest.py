"""Fixtures for the window: private QSettings and settings files, the window on the demo year."""

import pytest
from PySide6.QtCore import QSettings

from nlv_events.core.settings import Settings
from nlv_events.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    """No modal question ever blocks a test: unless a test says otherwise, the user discards, declines, and
    reads every message (which is kept here for the test to check)."""
    from nlv_events.ui.shell import ask

    told: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "save_discard_cancel", lambda *args: "discard")
    monkeypatch.setattr(ask, "confirm", lambda *args: False)
    monkeypatch.setattr(ask, "inform", lambda parent, title, message: told.append(("inform", message)))
    monkeypatch.setattr(ask, "warn", lambda parent, title, message: told.append(("warn", message)))
    return told


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app_settings(tmp_path):
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def window(qtbot, demo_db, settings, app_settings):
    main_window = MainWindow(settings, "test.sqlite3", app_settings)
    qtbot.addWidget(main_window)
    # waitActive is a context manager: called bare it waits for nothing, and keys typed at once went nowhere
    with qtbot.waitActive(main_window):
        main_window.show()
        main_window.activateWindow()
    return main_window


def visible_titles(window: MainWindow) -> list[str]:
    model = window.model
    return [model.index(row, 1).data() for row in range(model.rowCount())]
