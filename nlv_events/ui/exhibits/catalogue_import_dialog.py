"""The preview of a catalogue import: what will be added, the records that cannot be read, the reader's notes,
then Add or Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nlv_events.i18n import _, ngettext
from nlv_events.services.exhibits.catalogue_import import Preview
from nlv_events.ui.shell.dialogs import dress_dialog


class CatalogueImportDialog(QDialog):
    def __init__(self, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "CatalogueImportDialog", _("Import from the catalogue"), (860, 560))
        layout = QVBoxLayout(self)
        count = len(preview.entries)
        layout.addWidget(
            QLabel(
                ngettext(
                    "{count} item will be added from {file}:", "{count} items will be added from {file}:", count
                ).format(count=count, file=Path(preview.path).name),
                self,
            )
        )
        headers = [_("No."), _("Item title"), _("Author"), _("Year"), _("Call number"), _("Qty"), _("Section")]
        self.table = QTableWidget(count, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, entry in enumerate(preview.entries):
            item = entry.item
            values = [
                str(entry.number),
                item.title,
                item.creator or "",
                item.year or "",
                item.call_number or "",
                str(item.quantity),
                entry.section or "",
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.problems = QListWidget(self)
        if preview.problems:
            layout.addWidget(
                QLabel(
                    ngettext(
                        "{count} record cannot be read and will be left out:",
                        "{count} records cannot be read and will be left out:",
                        len(preview.problems),
                    ).format(count=len(preview.problems)),
                    self,
                )
            )
            for problem in preview.problems:
                self.problems.addItem(
                    _("Record {number}: {reason}").format(number=problem.number, reason=problem.reason)
                )
            self.problems.setMaximumHeight(140)
            layout.addWidget(self.problems)
        self.notes = QLabel("\n".join(preview.notes), self)  # what the reader warned about, for the whole file
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(preview.notes))
        layout.addWidget(self.notes)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(
            ngettext("Add {count} item", "Add {count} items", count).format(count=count),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.add_button.setEnabled(count > 0)
        buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
