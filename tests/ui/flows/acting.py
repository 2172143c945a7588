"""Driving the window as a person does, for the flow tests: a menu entry found by its menu path, a modal dialog
answered while it is open, a file dialog answered through its static call, a field found by its label.

A modal dialog runs its own event loop inside `exec()`, so whatever the person does in it is scheduled before the
click that opens it: `while_open(...)` polls for the dialog, acts, and keeps any failure for `done()` to raise
after the click returns (a failed check closes the dialog rather than leave the test waiting on it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.keyboard import type_text

__all__ = [
    "answer_file_dialog",
    "button",
    "choose",
    "click",
    "click_row",
    "field",
    "menu_action",
    "shown_texts",
    "tab_named",
    "trigger",
    "type_cell",
    "type_into",
    "while_open",
]


def _plain(text: str) -> str:
    """A menu text as read: without its '&' mnemonic marks and its '…'."""
    return text.replace("&", "").replace("…", "").strip()


def menu_action(window: QMainWindow, *path: str) -> QAction:
    """The QAction at `path` in the window's menu bar, e.g. ("Tệp", "Số liệu tổng hợp"): each step matched on its
    text without the mnemonic, so a renamed or moved entry fails here, as the person would not find it."""
    actions = window.menuBar().actions()
    found: QAction | None = None
    for step in path:
        found = next((action for action in actions if _plain(action.text()) == _plain(step)), None)
        if found is None:
            raise AssertionError(f"no menu entry {step!r} among {[_plain(a.text()) for a in actions]}")
        menu: QMenu | None = found.menu()
        actions = menu.actions() if menu is not None else []
    assert found is not None
    return found


def trigger(window: QMainWindow, *path: str) -> None:
    """Choose the menu entry at `path`, as a click on it does (refused if it is greyed out)."""
    action = menu_action(window, *path)
    assert action.isEnabled(), f"the menu entry {path!r} is greyed out"
    action.trigger()


class Opened:
    """What `while_open` saw: the dialog and any failure of the person's steps in it."""

    def __init__(self) -> None:
        self.dialog: QWidget | None = None
        self.error: BaseException | None = None

    def done(self) -> QWidget:
        if self.error is not None:
            raise self.error
        assert self.dialog is not None, "the dialog never opened"
        return self.dialog


def while_open(
    steps: Callable[[QWidget], object], kind: type[QWidget] = QDialog, name: str | None = None, timeout: float = 10
) -> Opened:
    """Once a modal `kind` (with object name `name`, if given) is open and has the keyboard, run `steps(dialog)` in
    it; the steps end by closing it, as the person does (Save, OK, Close, Esc). Call this before the click that
    opens the dialog, and `.done()` after it. A dialog the steps leave open is closed after a few seconds and
    told as a failure, so that a test never hangs on it."""
    opened = Opened()
    deadline = time.monotonic() + timeout

    def fail(dialog: QWidget, error: BaseException) -> None:
        opened.error = opened.error or error
        if dialog.isVisible() and isinstance(dialog, QDialog):
            dialog.reject()
        if dialog.isVisible():  # a form that asks before closing: leave its loop all the same
            dialog.done(QDialog.DialogCode.Rejected) if isinstance(dialog, QDialog) else dialog.close()

    def still_open(dialog: QWidget, until: float) -> None:
        if not dialog.isVisible():
            return
        if time.monotonic() < until:
            QTimer.singleShot(50, lambda: still_open(dialog, until))
        else:
            fail(dialog, AssertionError(f"{type(dialog).__name__} stayed open after the steps"))

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and (name is None or dialog.objectName() == name):
            opened.dialog = dialog
            _wait_until_active(dialog)
            try:
                steps(dialog)
            except BaseException as error:
                fail(dialog, error)
                return
            still_open(dialog, time.monotonic() + 5)
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return opened


def _wait_until_active(window: QWidget, timeout: float = 2) -> None:
    """A window just shown takes the keyboard a moment later; a person starts typing once it has."""
    until = time.monotonic() + timeout
    while not window.isActiveWindow() and time.monotonic() < until:
        QApplication.processEvents()
        time.sleep(0.005)


def answer_file_dialog(monkeypatch, path: Path | str, call: str = "getSaveFileName") -> list[tuple]:
    """Answer the next QFileDialog `call` (getSaveFileName, getOpenFileName, getOpenFileNames,
    getExistingDirectory) with `path`, as the person picking it; returns what each dialog was asked (its
    arguments), for checking the proposed name."""
    asked: list[tuple] = []

    def answer(*args, **kwargs):
        asked.append(args + tuple(kwargs.values()))
        if call == "getExistingDirectory":
            return str(path)
        if call == "getOpenFileNames":
            return [str(p) for p in path], ""  # type: ignore[union-attr]
        return str(path), ""

    monkeypatch.setattr(QFileDialog, call, staticmethod(answer))
    return asked


def field(parent: QWidget, label: str) -> QWidget:
    """The field a person finds by its label (a form's row label, a QLabel's buddy) or its accessible name."""
    wanted = _plain(label).rstrip(":")
    for layout in (widget.layout() for widget in parent.findChildren(QWidget) if widget.layout()):
        if isinstance(layout, QFormLayout):
            for row in range(layout.rowCount()):
                item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
                text_label = item.widget() if item is not None else None
                if isinstance(text_label, QLabel) and _plain(text_label.text()).rstrip(":") == wanted:
                    found = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
                    if found is not None and found.widget() is not None:
                        return found.widget()
    for text_label in parent.findChildren(QLabel):
        if text_label.buddy() is not None and _plain(text_label.text()).rstrip(":") == wanted:
            return text_label.buddy()
    for widget in parent.findChildren(QWidget):
        if widget.accessibleName() and _plain(widget.accessibleName()) == wanted:
            return widget
    raise AssertionError(f"no field labelled {label!r}")


def button(parent: QObject, text: str) -> QAbstractButton:
    """The visible button a person reads as `text` (without its mnemonic)."""
    for candidate in parent.findChildren(QAbstractButton):
        if candidate.isVisible() and _plain(candidate.text()) == _plain(text):
            return candidate
    shown = [_plain(b.text()) for b in parent.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    raise AssertionError(f"no button {text!r} among {shown}")


def click(qtbot: QtBot, widget: QWidget) -> None:
    """A left click in the middle of `widget`, refused on a greyed-out one."""
    assert widget.isEnabled(), f"{widget!r} is greyed out"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, widget: QWidget, text: str, replace: bool = True) -> None:
    """Go into `widget` and type `text` key by key, over what it holds (if `replace`). A date or time field is
    entered with Tab, which selects its first part, and takes the digits alone ("26/12/2022" is typed 26122022:
    each part moves on to the next when full, as a person types it)."""
    if isinstance(widget, QDateTimeEdit):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus, timeout=2000)
        qtbot.keyClicks(widget, "".join(char for char in text if char.isdigit()))
        return
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    if replace:
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        type_text(widget, text)  # Vietnamese letters, as an input method sends them


def tab_named(tabs: QTabWidget, title: str) -> int:
    """The index of the visible tab a person reads as `title`."""
    for index in range(tabs.count()):
        if tabs.isTabVisible(index) and _plain(tabs.tabText(index)) == _plain(title):
            return index
    raise AssertionError(f"no tab {title!r} among {[_plain(tabs.tabText(i)) for i in range(tabs.count())]}")


def type_cell(qtbot: QtBot, view: QAbstractItemView, row: int, column: int, text: str) -> None:
    """Go to a table's cell, open its editor with F2, type `text` over what it holds and press Enter."""
    view.setFocus(Qt.FocusReason.MouseFocusReason)
    view.setCurrentIndex(view.model().index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editors = [child for child in view.viewport().findChildren(QWidget) if child.isVisible()]
    assert editors, "the cell did not open for typing"
    editor = editors[-1]
    type_into(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the view takes the text and closes the cell's editor on its next turn (a queued call)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=2000)


def click_row(qtbot: QtBot, view: QAbstractItemView, text: str, column: int = 1) -> int:
    """Click the row of `view` whose `column` reads `text`; returns the row."""
    model = view.model()
    for row in range(model.rowCount()):
        if model.index(row, column).data() == text:
            index = model.index(row, column)
            view.scrollTo(index)
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
            return row
    raise AssertionError(f"no row reads {text!r}")


def shown_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    """Every text a table or tree shows, row by row (a tree's children after their parent)."""
    parent = parent or QModelIndex()
    texts: list[str] = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            value = model.index(row, column, parent).data()
            if value not in (None, ""):
                texts.append(str(value))
        texts += shown_texts(model, model.index(row, 0, parent))
    return texts


def choose(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """Choose the entry of a drop-down that stands for `data`, with the keys a person uses (Home, then Down)."""
    wanted = combo.findData(data)
    assert wanted >= 0, f"no entry for {data!r} in the drop-down"
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _step in range(wanted):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == wanted
