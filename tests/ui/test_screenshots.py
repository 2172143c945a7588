"""`gui --screenshot FILE`: the picture is taken once the window shows its rows, however they load."""

from PySide6.QtGui import QImage

from nlv_events import app
from nlv_events.services.events import event_store
from nlv_events.ui.shell import main_window, screenshots


def _watch_prepare(monkeypatch) -> dict:
    seen: dict = {}
    real_prepare = screenshots.prepare

    def prepare(window, view):
        shown = real_prepare(window, view)
        seen.update(rows=window.model.rowCount(), current=window.current_event_id())
        return shown

    monkeypatch.setattr(screenshots, "prepare", prepare)
    return seen


def test_a_screenshot_waits_for_rows_loaded_in_the_background(qtbot, demo_db, db_path, tmp_path, monkeypatch):
    # The demo year's 32 events load off the GUI thread, as a year of a large record does.
    monkeypatch.setattr(main_window, "LOAD_IN_BACKGROUND", 5)
    seen = _watch_prepare(monkeypatch)
    picture = tmp_path / "cửa sổ.png"
    assert app.run_gui(str(db_path), screenshot=str(picture), year="2022") == 0
    assert seen == {"rows": 32, "current": event_store.id_by_ref("demo-2022-review")}
    assert QImage(str(picture)).width() >= 1000  # the whole window, its rows and the review chosen


def test_the_window_quits_when_shown_with_its_rows(qtbot, demo_db, db_path, monkeypatch):
    monkeypatch.setattr(main_window, "LOAD_IN_BACKGROUND", 5)
    shown_rows: list[int] = []
    real_when_loaded = screenshots.when_loaded

    def when_loaded(window, action):
        real_when_loaded(window, lambda: (shown_rows.append(window.model.rowCount()), action()))

    monkeypatch.setattr(screenshots, "when_loaded", when_loaded)
    assert app.run_gui(str(db_path), year="2022", quit_when_shown=True) == 0
    assert shown_rows == [32]


def test_a_screenshot_that_cannot_be_written_says_so(qtbot, demo_db, db_path, tmp_path, capsys):
    picture = tmp_path / "no such folder" / "window.png"
    assert app.run_gui(str(db_path), screenshot=str(picture), year="2022") == 1
    assert str(picture) in capsys.readouterr().err


def test_the_window_opens_on_the_rows_read_while_it_was_built(qtbot, demo_db, db_path, monkeypatch):
    def read_again(year):
        raise AssertionError(f"the window read {year} again")

    monkeypatch.setattr(main_window, "load_rows", read_again)
    seen = _watch_prepare(monkeypatch)
    assert app.run_gui(str(db_path), screenshot=str(db_path.with_suffix(".png")), year="2022") == 0
    assert seen["rows"] == 32


def test_the_picture_has_the_pixels_of_the_window_as_grabbed(qtbot, demo_db, db_path, tmp_path, monkeypatch):
    # Written at zlib's first level instead of Qt's default: the same picture, sooner.
    grabbed: list[QImage] = []
    real_prepare = screenshots.prepare

    def prepare(window, view):
        shown = real_prepare(window, view)
        real_grab = shown.grab
        monkeypatch.setattr(shown, "grab", lambda: grabbed.append(real_grab().toImage()) or real_grab())
        return shown

    monkeypatch.setattr(screenshots, "prepare", prepare)
    picture = tmp_path / "window.png"
    assert app.run_gui(str(db_path), screenshot=str(picture), year="2022") == 0
    saved = QImage(str(picture)).convertToFormat(grabbed[0].format())
    assert saved == grabbed[0]


def test_after_the_program_quits_when_shown_a_dialog_still_waits_for_its_user(qtbot, demo_db, db_path):
    """A program run inside another (these tests) leaves no quit behind: the next dialog's exec() waits until the
    dialog is answered. Qt's quit, still posted when the program returned, ended every later event loop at once."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    assert app.run_gui(str(db_path), year="2022", quit_when_shown=True) == 0
    QApplication.processEvents()  # what the test's end would do with what the program left
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QTimer.singleShot(300, dialog.accept)  # the user answers after 0.3 s
    started = time.perf_counter()
    assert dialog.exec() == QDialog.DialogCode.Accepted
    assert time.perf_counter() - started >= 0.25
