"""Deleted events, listed so that any of them can be restored."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from nlv_events.i18n import _
from nlv_events.i18n.formats import format_span
from nlv_events.services.events.deleted import deleted_events
from nlv_events.ui.events.undo_commands import Changed, RestoreEventCommand


class DeletedEventsDialog(QDialog):
    def __init__(self, parent: QWidget, undo_stack: QUndoStack, changed: Changed) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Deleted events"))
        self.resize(640, 420)
        self._undo_stack, self._changed = undo_stack, changed
        self.list = QListWidget(self)
        for event in deleted_events():
            span = format_span(event.start, event.end)
            item = QListWidgetItem(f"{event.title}  ({span})")
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            self.list.addItem(item)
        buttons = QDialogButtonBox(self)
        self.restore_button = buttons.addButton(_("Restore"), QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(self.list.count() > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(_("Deleted events stay here until the database is cleaned; restore any of them."), self)
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        title = item.text().rsplit("  (", 1)[0]
        self._undo_stack.push(RestoreEventCommand(item.data(Qt.ItemDataRole.UserRole), title, self._changed))
        self.list.takeItem(self.list.row(item))
        self.restore_button.setEnabled(self.list.count() > 0)
