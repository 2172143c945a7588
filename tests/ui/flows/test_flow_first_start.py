"""The first start on an empty database, through the program's own start (app.run_gui): the welcome, the library's
name typed in, the sample year chosen; the window then shows it, and the next start goes straight to the window."""

import sys
import time

import pytest
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from nlv_events import APP_NAME, ORGANISATION_NAME, app
from nlv_events.core import database
from nlv_events.core.settings import current_settings
from nlv_events.i18n import _
from nlv_events.ui.shell.first_start import FirstStartDialog
from nlv_events.ui.shell.main_window import MainWindow
from tests.ui.flows.acting import click, field, type_into, while_open


@pytest.fixture
def program_loop(tmp_path, monkeypatch) -> QEventLoop:
    """The program's settings, data and log in this test's own folders, its crash handler undone afterwards, and
    its event loop (returned) a local one."""
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / variable.lower()))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    application = QApplication.instance()
    names = application.organizationName(), application.applicationName()
    application.setOrganizationName(ORGANISATION_NAME)
    application.setApplicationName(APP_NAME)
    QSettings().remove("first_start_done")  # Qt keeps one settings folder per process
    # The program's loop is a local one: ending the application's own would end every later test's dialogs at once
    # (Qt keeps the "quit" for the whole process).
    loop = QEventLoop()
    monkeypatch.setattr(QApplication, "exec", lambda self: loop.exec())
    quit_on_close = application.quitOnLastWindowClosed()
    application.setQuitOnLastWindowClosed(False)
    yield loop
    application.setQuitOnLastWindowClosed(quit_on_close)
    QSettings().remove("first_start_done")
    application.setOrganizationName(names[0])
    application.setApplicationName(names[1])
    database.close_database()


def when_the_window_shows(loop: QEventLoop, check, seen: dict, timeout: float = 20) -> None:
    """Once the main window is up with its rows, `check(window)`, then close it as the person does."""
    deadline = time.monotonic() + timeout
    # Only the window this program run makes, and only once its loop runs: a window left by an earlier test, seen
    # while the welcome dialog was open, was checked and closed, and the loop's exit, asked before the loop ran, was
    # lost (the test then waited for ever).
    earlier = set(QApplication.topLevelWidgets())

    def poll() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, MainWindow) and w.isVisible() and w not in earlier]  # fmt: skip
        if shown and not shown[0].loading and loop.isRunning():
            try:
                check(shown[0])
            except BaseException as error:
                seen["error"] = error
            shown[0].close()
            loop.exit(0)
        elif time.monotonic() < deadline or not loop.isRunning():
            QTimer.singleShot(50, poll)
        else:
            loop.exit(3)

    QTimer.singleShot(0, poll)


def test_the_first_start_welcomes_loads_the_sample_year_and_comes_once(qtbot, tmp_path, program_loop):
    target = str(tmp_path / "su-kien.sqlite3")
    seen: dict = {}

    def welcome(dialog):
        seen["welcome"] = dialog.windowTitle()
        type_into(qtbot, field(dialog, _("City of the place-and-date line")), "Bắc Ninh")
        click(qtbot, dialog.demo_button)

    def first_window(window):
        seen["rows"] = window.model.rowCount()
        seen["year"] = window.year_box.currentText()

    opened = while_open(welcome, FirstStartDialog)
    when_the_window_shows(program_loop, first_window, seen)
    assert app.run_gui(target, "vi") == 0
    opened.done()
    assert "error" not in seen, seen.get("error")
    assert seen == {"welcome": _("Welcome to NLV Events"), "rows": 32, "year": "2022"}
    assert current_settings().get("organisation.city") == "Bắc Ninh"
    database.close_database()

    again = while_open(lambda dialog: seen.setdefault("asked again", dialog), FirstStartDialog, timeout=3)
    when_the_window_shows(program_loop, lambda window: seen.__setitem__("rows again", window.model.rowCount()), seen)
    assert app.run_gui(target, "vi") == 0
    assert again.dialog is None and seen["rows again"] == 32
