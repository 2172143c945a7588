"""File → Import an event list…, its preview: a past year's list (Excel, CSV, Word) previewed, then stored all or
nothing (the action is in ui/events/list_import.py).

The preview shows the columns as recognised, each with a drop-down to give it another meaning, the first rows as
they will be stored (and what storing does to each: new, unchanged, updated, an event entered by hand changed),
and every row that cannot be read with its number and reason. Import is offered only when every row reads.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from nlv_events.core import vocab
from nlv_events.core.errors import UserError
from nlv_events.i18n import N_, _
from nlv_events.i18n.formats import format_number, format_span
from nlv_events.services.interchange.list_import import plan, report
from nlv_events.services.interchange.list_import.columns import MEANINGS, NONE
from nlv_events.ui.shell.dialogs import chosen, column_choice, dress_dialog, import_foot, import_layout

SHOWN_ROWS = 200  # the first rows of the preview: enough to judge the columns by
_ACTIONS = {plan.NEW: N_("new"), plan.SAME: N_("unchanged"), plan.UPDATE: N_("updated"),
            plan.BY_HAND: N_("changes an event entered by hand")}


class ListImportDialog(QDialog):
    """The preview of an event list's import; Import confirms it (the window then stores it whole)."""

    def __init__(self, path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        dress_dialog(self, "list_import", _("Import an event list from {file}").format(file=Path(path).name),
                     (1000, 640), fit=True)
        self.path = str(path)
        self.preview = plan.preview(self.path)  # a file that holds no list is refused before the dialog opens
        self.year = QSpinBox(self)
        self.year.setRange(1899, 2100)
        self.year.setSpecialValueText(_("from the list's title"))
        self.year.setValue(self.year.minimum())
        self.year.valueChanged.connect(self.refresh)
        self.column_boxes: dict[int, QComboBox] = {}
        columns = QFormLayout()
        columns.addRow(_("Year of dates written without one:"), self.year)
        table = self.preview.tables[0]
        for index, header in enumerate(table.headers):
            if not header:
                continue
            box = column_choice(self, MEANINGS, table.columns.get(index, NONE), NONE, self.refresh)
            self.column_boxes[index] = box
            columns.addRow(f"{report.column_name(index)}  {header}", box)
        # The column drop-downs and the lines of what the import does scroll: a year's list has a dozen columns and
        # a line for each event entered by hand it changes, and a label grew the dialog past the screen's edge.
        columns_area = QScrollArea(self)
        columns_area.setWidgetResizable(True)
        columns_area.setFrameShape(QScrollArea.Shape.NoFrame)
        columns_area.setWidget(QWidget(columns_area))
        columns_area.widget().setLayout(columns)
        self.counts = QPlainTextEdit(self)
        self.counts.setObjectName("importLines")
        self.counts.setReadOnly(True)
        self.rows_table = QTableWidget(self)
        self.foot = import_foot(self, self.import_list)
        self.problems, self.buttons, self.import_button = self.foot
        import_layout(self, _("Columns of the list and what they hold:"), self.foot,
                      (columns_area, 2), (self.counts, 1), (self.rows_table, 2))  # fmt: skip
        self.show_preview()

    def overrides(self) -> dict[int, str]:
        return chosen(self.column_boxes)

    def refresh(self) -> None:
        year = self.year.value() if self.year.value() != self.year.minimum() else None
        try:
            self.preview = plan.preview(self.path, year, overrides=self.overrides())
        except UserError as error:
            self.foot.refuse(str(error), self.rows_table)
            return
        self.show_preview()

    def show_preview(self) -> None:
        preview = self.preview
        lines = report.lines(preview)
        summary = [line for line in lines if line not in {str(item) for item in preview.unreadable}]
        self.counts.setPlainText("\n".join(summary[len(preview.tables):]))
        headers = [_("Row"), _("Kind"), _("Title"), _("Dates"), _("Venue"), _("Role of the library"), _("Partners"),
                   _("Format"), _("Attendance"), _("Notes"), _("On import")]
        self.rows_table.setColumnCount(len(headers))
        self.rows_table.setHorizontalHeaderLabels(headers)
        shown = preview.planned[:SHOWN_ROWS]
        self.rows_table.setRowCount(len(shown))
        for line, item in enumerate(shown):
            record = item.row.record
            values = [str(item.row.number), vocab.label("kind", record.kind), record.title,
                      format_span(record.start, record.end), record.venue or "", vocab.label("role", record.role),
                      ", ".join(record.partners), vocab.label("format", record.format),
                      format_number(record.attendance), record.notes or "", _(_ACTIONS[item.action])]
            for column, value in enumerate(values):
                self.rows_table.setItem(line, column, QTableWidgetItem(value))
        self.rows_table.resizeColumnsToContents()
        self.problems.setText("\n".join(str(item) for item in preview.unreadable))
        self.import_button.setEnabled(bool(preview.planned) and not preview.unreadable)

    def import_list(self) -> None:
        """Confirmed: the window stores the preview in the background (import_event_list)."""
        self.accept()
