"""Edit → Venues: rename, set capacity and merge duplicates; every change is a step on the window's undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number
from nlv_events.services.events import venues
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import dress_dialog
from nlv_events.ui.shell.views import MANY, pick_rows

Changed = Callable[[int | None], None]


class _VenueCommand(QUndoCommand):
    """One change of a venue, written with the venue's version as this window last saw it: a colleague's change
    in between makes the step a conflict (its message kept in `error`), and the step leaves the undo stack."""

    def __init__(self, text: str, write: Callable[[object, int | None], int], new: object, old: object,
                 version: int | None, changed: Changed) -> None:
        super().__init__(text)
        self._write, self._new, self._old, self._version, self._changed = write, new, old, version, changed
        self.error: str | None = None

    def _apply(self, value: object) -> None:
        try:
            self._version = self._write(value, self._version)
        except UserError as error:
            self.error = str(error)
            self.setObsolete(True)
        self._changed(None)

    def redo(self) -> None:
        self._apply(self._new)

    def undo(self) -> None:
        self._apply(self._old)


class _MergeCommand(QUndoCommand):
    def __init__(self, keep: venues.VenueLine, others: list[venues.VenueLine], changed: Changed) -> None:
        super().__init__(_("merge venues into “{name}”").format(name=keep.name))
        self._keep, self._others, self._changed = keep, others, changed
        self._done: venues.MergeRecord | None = None

    def redo(self) -> None:
        self._done = venues.merge(self._keep.id, [line.id for line in self._others])
        self._changed(None)

    def undo(self) -> None:
        if self._done is not None:
            venues.unmerge(self._done)
        self._changed(None)


class VenuesDialog(QDialog):
    """The venues with their capacity and how many events use them."""

    def __init__(self, undo_stack: QUndoStack, changed: Changed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "VenuesDialog", _("Venues"), (760, 440))
        self.undo_stack = undo_stack
        self._changed = changed
        self._lines: list[venues.VenueLine] = []
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([_("Venue"), _("Capacity"), _("Events")])
        pick_rows(self.table, MANY, row_numbers=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("venueError")
        self.error_label.setStyleSheet("color:#B00020;")
        self.error_label.setWordWrap(True)
        self.merge_button = QPushButton(_("Merge the selected venues into the current one"), self)
        self.merge_button.clicked.connect(self.merge_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.merge_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Double-click a name or a capacity to change it."), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(row)
        self.load()
        self.table.itemChanged.connect(self._item_changed)

    def load(self) -> None:
        self._lines = venues.venue_lines()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._lines))
        for row, line in enumerate(self._lines):
            name = QTableWidgetItem(line.name)
            capacity = QTableWidgetItem(format_number(line.capacity))
            count = QTableWidgetItem(format_number(line.events))
            count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
            for column, item in enumerate((name, capacity, count)):
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)

    def _push(self, command: QUndoCommand) -> None:
        self.error_label.clear()
        try:
            self.undo_stack.push(command)
        except UserError as error:
            self.error_label.setText(str(error))
        if getattr(command, "error", None):
            self.error_label.setText(command.error)  # type: ignore[attr-defined]
        self.load()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        line = self._lines[item.row()]
        text = item.text().strip()
        if item.column() == 0 and text != line.name:
            old = line.name
            self._push(
                _VenueCommand(
                    _("rename the venue “{name}”").format(name=old),
                    lambda name, version: venues.rename(line.id, name, version),
                    text,
                    old,
                    line.version,
                    self._changed,
                )
            )
        elif item.column() == 1:
            digits = text.replace(".", "").replace(",", "").replace(" ", "")
            if digits and not digits.isdigit():
                self.error_label.setText(_("The capacity is a whole number of seats, such as 200."))
                self.load()
                return
            capacity, old_capacity = (int(digits) if digits else None), line.capacity
            if capacity != old_capacity:
                self._push(
                    _VenueCommand(
                        _("set the capacity of “{name}”").format(name=line.name),
                        lambda seats, version: venues.set_capacity(line.id, seats, version),
                        capacity,
                        old_capacity,
                        line.version,
                        self._changed,
                    )
                )

    def merge_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        current = self.table.currentRow()
        if len(rows) < 2 or current not in rows:
            self.error_label.setText(_("Select two venues or more; the current one (with the focus) is kept."))
            return
        keep = self._lines[current]
        others = [self._lines[row] for row in rows if row != current]
        question = _("Merge {names} into “{keep}”? Their events move to it; undo puts them back.").format(
            names=", ".join(f"“{line.name}”" for line in others), keep=keep.name
        )
        if ask.confirm(self, _("Venues"), question):
            self._push(_MergeCommand(keep, others, self._changed))
