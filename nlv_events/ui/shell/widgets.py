"""Small widgets the forms share: optional counts, a list of names with completion, scrolling pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFocusEvent, QGuiApplication, QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nlv_events.i18n import _, current_language


def number_locale() -> QLocale:
    """Qt's locale for the language in force: Vietnamese writes 1.500, English 1,500 (as Babel does elsewhere)."""
    if current_language() == "vi":
        return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class OptionalCount(QSpinBox):
    """A count that may be "not recorded" (shown as —), which is not the same as zero. A minus sign is refused
    (`refused` tells the form, which says why beside the field) rather than turned into "not recorded"."""

    NOT_RECORDED = -1
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(self.NOT_RECORDED, 100_000_000)
        self.setSpecialValueText("—")
        self.setGroupSeparatorShown(True)
        self.setLocale(number_locale())
        self.setValue(self.NOT_RECORDED)

    def validate(self, text: str, pos: int):
        if text.strip()[:1] in ("-", "−"):
            self.refused.emit(text)
            # Not Invalid: that dropped the minus alone, and "-5" became 5. Held as typed, never a value: leaving
            # the field puts back the count it had.
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def count(self) -> int | None:
        return None if self.value() == self.NOT_RECORDED else self.value()

    def set_count(self, value: int | None) -> None:
        self.setValue(self.NOT_RECORDED if value is None else value)


def completer_for(names: list[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(sorted(names), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class EntryLine(QLineEdit):
    """A line whose Enter adds what was typed, instead of reaching the dialog's default button (Save)."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            completer = self.completer()
            if completer is not None:
                completer.popup().hide()
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TextBox(QPlainTextEdit):
    """Several lines of text that say when the user has finished with them, as a QLineEdit does: a form that
    stores what is typed saves on `editingFinished`, never on each keystroke (a save that reloads the field under
    the cursor moved it to the start and scrambled the text)."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab leaves the box, as in every other field of the form
        self._text_on_entry = ""

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._text_on_entry = self.toPlainText()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A menu opening over the box (its context menu, a completer) is not leaving it.
        if event.reason() != Qt.FocusReason.PopupFocusReason and self.toPlainText() != self._text_on_entry:
            self._text_on_entry = self.toPlainText()
            self.editingFinished.emit()


class SearchLine(QLineEdit):
    """The window's search box: Down or Enter goes to what was found, Esc clears the search."""

    to_results = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.to_results.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


class NameListEditor(QWidget):
    """An ordered list of names (partners): type with completion, Enter or Add to add, Remove to take out."""

    changed = Signal()

    def __init__(self, known_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = EntryLine(self)
        self.entry.setCompleter(completer_for(known_names, self.entry))
        self.add_button = QPushButton(_("Add"), self)
        self.remove_button = QPushButton(_("Remove"), self)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(wide_row(self.entry, self.add_button, self.remove_button))
        layout.addWidget(self.list)
        self.add_button.clicked.connect(self.add_typed)
        self.entry.entered.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)

    def names(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def set_names(self, names: list[str]) -> None:
        self.list.clear()
        self.list.addItems(names)

    def add_typed(self) -> None:
        name = self.entry.text().strip()
        if name and name not in self.names():
            self.list.addItem(name)
            self.changed.emit()
        self.entry.clear()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()


def scrolling(page: QWidget) -> QScrollArea:
    """`page` in a frameless scroll area: a tall form scrolls rather than make its dialog taller than a
    1280×680 office laptop's screen (the editor's Save and Cancel ended below the screen's edge)."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize `window` to width×height, or to the room the screen has (less the taskbar and a title bar)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - 16), min(height, room.height() - 48)
    window.resize(width, height)


def saved_at_once_note(parent: QWidget) -> QLabel:
    """The line that tells a tab's changes are stored as they are made, not by the editor's Save: a user who
    pressed Cancel expected their guests, checklist items or photos to go with the rest."""
    note = QLabel(_("Changes on this tab are saved at once; the editor's Cancel does not take them back."), parent)
    note.setObjectName("savedAtOnce")
    note.setWordWrap(True)
    note.setStyleSheet("color:#555555; font-style:italic;")
    return note


class ElidedLabel(QLabel):
    """A label that shortens its text in the middle ("…") to the room it is given, the whole text in its tooltip:
    the database's path in the status bar pushed the anniversaries' reminder out of a 1280-pixel window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width()))


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """The dialog's OK (named for what it does: Save, Print) and Cancel, wired to accept and reject."""
    buttons = QDialogButtonBox(dialog)
    buttons.addButton(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def push_button(parent: QWidget, text: str, clicked: Callable[[], object], name: str | None = None) -> QPushButton:
    """A button that runs `clicked` (with no argument: not the signal's `checked` flag), named `name` for the tests
    and the stylesheet."""
    button = QPushButton(text, parent)
    if name:
        button.setObjectName(name)
    button.clicked.connect(lambda: clicked())
    return button


def left_row(*widgets: QWidget) -> QHBoxLayout:
    """The widgets side by side from the left, at their own widths; the rest of the row stays empty."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def wide_row(wide: QWidget, *after: QWidget) -> QHBoxLayout:
    """`wide` taking the room the row has, the widgets `after` it (its buttons) at their own widths."""
    row = QHBoxLayout()
    row.addWidget(wide, 1)
    for widget in after:
        row.addWidget(widget)
    return row


class FileDrops:
    """Mixed into a widget that takes files dropped on it from the file manager (it calls setAcceptDrops(True)):
    `accepts_files()` says whether it can take them now, `add_files(paths)` takes them."""

    def accepts_files(self) -> bool:
        return True

    def add_files(self, paths: list[Path]) -> None:
        raise NotImplementedError

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.accepts_files():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
