"""The Tallies view: the year's figures, a chart against last year and the plan, the narrative, exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPainter, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nlv_events.core import rules, vocab
from nlv_events.core.errors import UserError
from nlv_events.core.records import PlanEntry
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number, format_percent
from nlv_events.services.events import event_store
from nlv_events.services.reports import export_tallies, narrative, tallies
from nlv_events.services.reports.tally_tables import SUMMARY_COLUMNS, summary_headers, summary_rows
from nlv_events.ui.events.event_table_model import short_kind
from nlv_events.ui.planning.plan_progress import PlanProgressTable
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.dialogs import close_box, dress_dialog, save_file_name
from nlv_events.ui.shell.table_models import Index
from nlv_events.ui.shell.widgets import left_row, push_button
from nlv_events.ui.shell.workers import BackgroundTask

PLAN_COLUMN = 1 + [name for name, _header, _kind in SUMMARY_COLUMNS].index("plan")
EXPORT_FILTERS = {
    "xlsx": "Excel (*.xlsx)",
    "csv": "CSV (*.csv)",
    "docx": "Word (*.docx)",
    "json": "JSON (*.json)",
}


def _two_lines(text: str) -> str:
    """A long column heading on two lines, so every column shows at the window's default size."""
    if len(text) < 10 or " " not in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, char in enumerate(text) if char == " "]
    split = min(spaces, key=lambda i: abs(i - middle))
    return text[:split] + "\n" + text[split + 1 :]


class PlanCommand(QUndoCommand):
    """Set the plan of one kind for one year; undo puts the old target back."""

    def __init__(self, model: TalliesModel, year: int, kind: str, before: int | None, after: int | None) -> None:
        super().__init__(_("set the plan of {kind} for {year}").format(kind=vocab.label("kind", kind), year=year))
        self._model, self._year, self._kind, self._before, self._after = model, year, kind, before, after

    def redo(self) -> None:
        self._model.write_plan(self._year, self._kind, self._after)

    def undo(self) -> None:
        self._model.write_plan(self._year, self._kind, self._before)


class TalliesModel(QAbstractTableModel):
    """The summary table; the plan of each kind can be edited in place, each change a step of `undo_stack`."""

    failed = Signal(str)  # a plan could not be written: the message says why

    def __init__(self, parent=None, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.figures: tallies.YearTallies | None = None
        self._plan_versions: dict[str, int] = {}
        self._rows: list = []
        self._kinds = list(vocab.KINDS)

    def set_figures(self, figures: tallies.YearTallies) -> None:
        self.beginResetModel()
        self.figures = figures
        # The version of each target as shown; a target stored otherwise than shown (a colleague saved it after the
        # figures were counted) has no version to offer, so saving over it is a conflict (-1 matches none).
        self._plan_versions = {
            kind: version if kind in figures.kinds and figures.kinds[kind].plan == target else -1
            for kind, (target, version) in event_store.plan_targets(figures.year).items()
        }
        self._rows = summary_rows(figures)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(SUMMARY_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = summary_headers()
            if not 0 <= section < len(headers):
                return None
            return _two_lines(headers[section]) if section else headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == PLAN_COLUMN and index.row() < len(self._kinds):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= self.columnCount():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and row.is_total:
            font = QGuiApplication.font()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if index.column() == 0:
            return row.label if role == Qt.ItemDataRole.DisplayRole else None
        value = row.values[index.column() - 1]
        kind = SUMMARY_COLUMNS[index.column() - 1][2]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return "—"
            return format_percent(round(value, 2)) if kind == "share" else format_number(value)
        if role == Qt.ItemDataRole.EditRole:
            return value if value is not None else 0
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != PLAN_COLUMN or self.figures is None:
            return False
        if index.row() >= len(self._kinds):
            return False
        try:
            target = int(value)
        except (TypeError, ValueError):
            self.failed.emit(_("The plan is a whole number of events, such as 25."))
            return False
        kind = self._kinds[index.row()]
        before = self.figures.kinds[kind].plan if kind in self.figures.kinds else None
        if before == target:
            return False
        try:
            # Checked before the step is pushed: an error raised inside QUndoStack.push cannot reach us.
            rules.validate_plan(PlanEntry(self.figures.year, kind, target))
        except UserError as error:
            self.failed.emit(str(error))
            return False
        self.undo_stack.push(PlanCommand(self, self.figures.year, kind, before, target))
        return True

    def write_plan(self, year: int, kind: str, target: int | None) -> None:
        try:
            shown = self.figures is not None and self.figures.year == year  # an undo may be for another year
            event_store.save_plan(PlanEntry(year, kind, target), self._plan_versions.get(kind, 0) if shown else None)
        except UserError as error:
            self.failed.emit(str(error))  # the database refused: the message says why
        self.set_figures(tallies.compute(year))


class TalliesDialog(QDialog):
    def __init__(self, year: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # every column where the screen is wide enough
        dress_dialog(self, "TalliesDialog", _("Tallies for the annual report"), (1380, 640), fit=True)
        self.year_box = QComboBox(self)
        years = sorted({*event_store.years_with_events(), dt.date.today().year}, reverse=True)
        for value in years:
            self.year_box.addItem(str(value), value)
        self.year_box.setCurrentIndex(max(0, self.year_box.findData(year or (years[0] if years else None))))
        self.model = TalliesModel(self, getattr(parent, "undo_stack", None))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("planError")
        self.error_label.setStyleSheet("color:#B00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.model.failed.connect(self._plan_failed)
        self.table = QTableView(self)
        self.table.setObjectName("talliesTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The kinds' names whole (a stretched first column was squeezed to "oại sự kiệ" at 1280 pixels); the
        # table scrolls sideways when the figures need more room than the dialog has.
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart_view = QChartView(self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(200)
        self.narrative = QPlainTextEdit(self)
        self.narrative.setObjectName("narrative")
        self.narrative.setReadOnly(True)
        self.copy_button = push_button(self, _("Copy the paragraph"), self.copy_narrative)
        self.export_button = push_button(self, _("Export…"), self.choose_export)
        self.years_table = QTableView(self)
        self.years_table.verticalHeader().setVisible(False)

        top = left_row(QLabel(_("Year:"), self), self.year_box)
        top.addWidget(self.export_button)
        narrative_box = QWidget(self)
        narrative_layout = QVBoxLayout(narrative_box)
        narrative_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(_("The plan of each kind can be edited in the table (double-click a figure in Plan)."), self)
        narrative_layout.addWidget(hint)
        narrative_layout.addWidget(self.error_label)
        narrative_layout.addWidget(self.narrative, 1)
        narrative_layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignRight)
        year_page = QSplitter(Qt.Orientation.Vertical, self)
        year_page.addWidget(self.table)
        year_page.addWidget(self.chart_view)
        year_page.addWidget(narrative_box)
        year_page.setSizes([300, 220, 110])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(year_page, _("The year"))
        self.tabs.addTab(self.years_table, _("Over the years"))
        self.progress_table = PlanProgressTable(self)  # planned against held so far (ui/planning/plan_progress.py)
        self.tabs.addTab(self.progress_table, _("Progress of the plan"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close_box(self))
        self.year_box.currentIndexChanged.connect(self.refresh)
        self.model.modelReset.connect(self._figures_changed)
        self.refresh()

    def _plan_failed(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def year(self) -> int:
        return int(self.year_box.currentData())

    def refresh(self) -> None:
        self.model.set_figures(tallies.compute(self.year()))
        self.progress_table.show_year(self.year())
        self._fill_years()

    def _figures_changed(self) -> None:
        figures = self.model.figures
        if figures is None:
            return
        self.narrative.setPlainText(narrative.write(figures))
        self._draw_chart(figures)

    def _draw_chart(self, figures: tallies.YearTallies) -> None:
        chart = QChart()
        chart.setTitle(_("Events per kind in {year}").format(year=figures.year))
        series = QBarSeries()
        this_year = QBarSet(str(figures.year))
        last_year = QBarSet(str(figures.year - 1))
        plan = QBarSet(_("Plan"))
        for tally in figures.kinds.values():
            this_year.append(tally.events)
            last_year.append(tally.previous_year or 0)
            plan.append(tally.plan or 0)
        for bar_set in (this_year, last_year, plan):
            series.append(bar_set)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([short_kind(kind) for kind in figures.kinds])  # whole labels fit under the bars
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        values = QValueAxis()
        highest = max(
            [
                1,
                *(t.events for t in figures.kinds.values()),
                *((t.previous_year or 0) for t in figures.kinds.values()),
                *((t.plan or 0) for t in figures.kinds.values()),
            ]
        )
        values.setRange(0, highest)
        values.setLabelFormat("%d")
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.chart = chart

    def _fill_years(self) -> None:
        from PySide6.QtGui import QStandardItem, QStandardItemModel

        view = tallies.events_per_year(self.year(), years=5)
        model = QStandardItemModel(self)
        model.setHorizontalHeaderLabels([_("Kind of event"), *(str(year) for year in view)])
        for kind in vocab.KINDS:
            items = [QStandardItem(vocab.label("kind", kind))]
            items += [QStandardItem(format_number(view[year][kind])) for year in view]
            model.appendRow(items)
        totals = [QStandardItem(_("Total"))] + [QStandardItem(format_number(sum(view[year].values()))) for year in view]
        model.appendRow(totals)
        self.years_table.setModel(model)
        self.years_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def copy_narrative(self) -> None:
        QGuiApplication.clipboard().setText(self.narrative.toPlainText())

    def choose_export(self) -> None:
        filters = ";;".join(EXPORT_FILTERS.values())
        suggested = f"so-lieu-su-kien-{self.year()}.xlsx"
        path = save_file_name(self, _("Export the tallies"), suggested, filters)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> BackgroundTask | None:
        suffix = Path(path).suffix.lower().lstrip(".")
        if suffix not in EXPORT_FILTERS:
            ask.warn(
                self,
                self.windowTitle(),
                _(
                    "Choose the type of file in the list (Excel, CSV, Word or JSON), or end the name with .xlsx, .csv, "
                    ".docx or .json."
                ),
            )
            return None
        output_format = suffix
        year = self.year()

        def job(progress, is_cancelled) -> str:
            export_tallies.write(tallies.compute(year), path, output_format)
            return path

        task = BackgroundTask(self, _("Exporting…"), job)
        task.done.connect(
            lambda written: ask.inform(
                self, self.windowTitle(), _("Wrote the tallies of {year} to {file}.").format(year=year, file=written)
            )
        )
        task.error.connect(lambda message: ask.warn(self, self.windowTitle(), message))
        task.start()
        return task
