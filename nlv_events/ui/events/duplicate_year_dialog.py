"""Duplicate to a chosen year: the year (next by default) and each proposed text change with a tick box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.services.events import duplicate_year
from nlv_events.ui.shell.dialogs import dress_dialog, form_label


def _where(change: duplicate_year.TextChange) -> str:
    if change.where == "programme" and change.row is not None:
        return _("Programme row {number}").format(number=change.row + 1)
    return {
        "title": _("Title"),
        "title_en": form_label(_("English title")),
        "theme": _("Theme"),
        "occasion": _("Occasion"),
    }.get(change.where, change.where)


class DuplicateYearDialog(QDialog):
    """`result_record()` is the planned copy in the chosen year with the ticked changes made."""

    def __init__(self, record: EventRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "DuplicateYearDialog", _("Duplicate to another year"), (760, 420))
        self._record = record
        self._changes: list[duplicate_year.TextChange] = []
        self.year_box = QSpinBox(self)
        self.year_box.setRange(1900, 2200)
        self.year_box.setGroupSeparatorShown(False)  # a year is written 2023, never 2.023
        self.year_box.setValue(duplicate_year.default_year(record))
        self.changes_list = QListWidget(self)
        self.changes_list.setObjectName("proposedChanges")
        self.changes_list.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Duplicate"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("Year of the copy"), self.year_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.changes_list, 1)
        layout.addWidget(buttons)
        self.year_box.valueChanged.connect(self._propose)
        self._propose()

    def _propose(self) -> None:
        self._twin, self._changes = duplicate_year.duplicate_to_year(self._record, self.year_box.value())
        self.changes_list.clear()
        for change in self._changes:
            item = QListWidgetItem(f"{_where(change)}: {change.before}  →  {change.after}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.changes_list.addItem(item)
        if self._changes:
            self.hint.setText(_("The dates move by whole years. Untick a change to keep the text as it is:"))
        else:
            self.hint.setText(_("The dates move by whole years; no text names the year or counts the editions."))

    def result_record(self) -> EventRecord:
        for row, change in enumerate(self._changes):
            change.apply = self.changes_list.item(row).checkState() == Qt.CheckState.Checked
        return duplicate_year.apply_changes(self._twin, self._changes)
