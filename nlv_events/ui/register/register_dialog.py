"""Sổ văn bản: the register of outgoing documents of a year, of one kind or all, printed (PDF or Word) or exported
(XLSX) as `nlv-events register` does. File → Register of outgoing documents (register_menu.py) opens it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QHeaderView, QLabel, QPushButton, QSpinBox, QTableView, QVBoxLayout

from nlv_events.core.errors import UserError
from nlv_events.i18n import N_, _, ngettext
from nlv_events.services.register import entries, register_outputs
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import close_box, dress_dialog, save_file_name
from nlv_events.ui.shell.table_models import Index, RowsTableModel
from nlv_events.ui.shell.widgets import left_row

# What each button writes: the format, the dialog's title and its filter.
OUTPUTS = {
    "pdf": (N_("Print the register"), "PDF (*.pdf)"),
    "docx": (N_("Register as Word"), "Word (*.docx)"),
    "xlsx": (N_("Export the register"), "Excel (*.xlsx)"),
}


class RegisterModel(RowsTableModel):
    """The register's lines (entries.EntryLine), one a row."""

    COLUMNS = tuple((index, column.heading) for index, column in enumerate(register_outputs.COLUMNS))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(register_outputs.COLUMNS[index.column()].value(self.rows[index.row()]))


class RegisterDialog(QDialog):
    def __init__(self, parent=None, year: int | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "RegisterDialog", _("Register of outgoing documents"), (980, 560), fit=True)
        self.year_box = QSpinBox(self)
        self.year_box.setObjectName("year")
        self.year_box.setRange(1900, 2200)
        self.year_box.setValue(year or dt.date.today().year)
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("kind")
        self.kind_box.addItem(_("All kinds"), None)
        for kind in entries.kinds():
            self.kind_box.addItem(f"{kind.symbol} – {kind.name}", kind.symbol)
        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("register")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel(self)
        self.buttons = {}
        for output, (title, _filter) in OUTPUTS.items():
            button = QPushButton(_(title) + "…", self)
            button.setObjectName(f"save_{output}")
            button.clicked.connect(lambda _checked=False, chosen=output: self.save(chosen))
            self.buttons[output] = button
        layout = QVBoxLayout(self)
        layout.addLayout(left_row(QLabel(_("Year"), self), self.year_box, QLabel(_("Kind"), self), self.kind_box))
        layout.addWidget(self.table, 1)
        layout.addLayout(left_row(self.count_label, *self.buttons.values()))
        layout.addWidget(close_box(self))
        self.year_box.valueChanged.connect(self.reload)
        self.kind_box.currentIndexChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(entries.entries(self.year_box.value(), self.kind_box.currentData()))
        self.table.resizeColumnsToContents()
        count = self.model.row_total()
        self.count_label.setText(ngettext("{count} document", "{count} documents", count).format(count=count))
        self.table.setCurrentIndex(QModelIndex())

    def save(self, output: str) -> None:
        title, filters = OUTPUTS[output]
        year = self.year_box.value()
        suggested = _("Register of outgoing documents {year}").format(year=year) + f".{output}"
        path = save_file_name(self, _(title), suggested, filters)
        if not path:
            return
        try:
            register_outputs.write(year, self.model.rows, path, output)
        except UserError as error:
            ask.warn(self, _(title), str(error))

