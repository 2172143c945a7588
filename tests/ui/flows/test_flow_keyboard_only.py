"""Keyboard only: find an event, open it, print its programme, copy Book Day to the next year and save the copy,
with keys alone (Ctrl+F, typing, Enter, Esc, Ctrl+P, Ctrl+Shift+D, Ctrl+S)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from nlv_events.core import event_reading
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.conftest import visible_titles
from tests.ui.flows.acting import while_open

CTRL = Qt.KeyboardModifier.ControlModifier


def press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard's focus is, as a person's press goes."""
    if QApplication.activeWindow() is None:  # a dialog closed: a desktop gives the keyboard back to the window
        shown = [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
        next((widget for widget in shown if isinstance(widget, QMainWindow)), shown[-1]).activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is not None, timeout=2000)
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard's focus"
    qtbot.keyClick(target, key, modifiers)


def test_search_open_print_and_copy_to_next_year_with_keys_alone(window, qtbot):
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, "ngay sach va van hoa doc")  # without accents, as typed on any keyboard
    press(qtbot, Qt.Key.Key_Return)
    assert window.table.hasFocus()
    # Found: the Book Day exhibition (18/04) above Book Day itself (21/04); one Down goes to it.
    assert visible_titles(window) == ["Sách – Tri thức – Phát triển", "Ngày Sách và Văn hóa đọc Việt Nam năm 2022"]
    press(qtbot, Qt.Key.Key_Down)
    assert event_reading.load_record(window.current_event_id()).title == "Ngày Sách và Văn hóa đọc Việt Nam năm 2022"

    seen: dict = {}

    def look_and_leave(editor):
        seen["opened"] = editor.windowTitle()
        press(qtbot, Qt.Key.Key_Escape)  # nothing changed: Esc closes without asking

    opened = while_open(look_and_leave, EventEditor)
    press(qtbot, Qt.Key.Key_Return)
    opened.done()
    assert seen["opened"] and QApplication.activeModalWidget() is None

    press(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.isVisible(), timeout=20_000)
    assert window.preview.page_count() >= 1
    qtbot.waitUntil(window.preview.isActiveWindow)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.preview.isVisible())

    def year_dialog(dialog):
        seen["year"] = dialog.year_box.value()
        press(qtbot, Qt.Key.Key_Return)  # the proposed next year, every change ticked

    def save_copy(editor):
        seen["copy"] = editor.title_edit.text()
        press(qtbot, Qt.Key.Key_S, CTRL)

    year = while_open(year_dialog, QDialog, "DuplicateYearDialog")
    copy = while_open(save_copy, EventEditor)
    window.table.setFocus()
    press(qtbot, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    year.done()
    copy.done()
    assert seen["year"] == 2023 and seen["copy"] == "Ngày Sách và Văn hóa đọc Việt Nam năm 2023"
    assert window.year_box.currentText() == "2023"
    assert event_reading.load_record(window.current_event_id()).title == "Ngày Sách và Văn hóa đọc Việt Nam năm 2023"
