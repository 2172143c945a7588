"""The plan's progress as a table: target, planned, due so far and held, per kind, in total and per month."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from nlv_events.core import vocab
from nlv_events.i18n import _
from nlv_events.services.planning import annual_plan


class PlanProgressTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("planProgressTable")
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def show_year(self, year: int, today: dt.date | None = None) -> None:
        progress = annual_plan.progress(year, today)
        self.setHorizontalHeaderLabels([_("Kind"), _("Target"), _("Planned"), _("Due so far"), _("Held")])
        lines = [(vocab.label("kind", kind), line) for kind, line in progress.kinds.items()]
        lines.append((_("Total"), progress.total))
        lines += [(_("Month {month}").format(month=month), line) for month, line in progress.months.items()]
        self.setRowCount(len(lines))
        for row, (label, line) in enumerate(lines):
            target = str(line.target) if line.target is not None else "–"
            for column, value in enumerate((label, target, str(line.planned), str(line.due), str(line.held))):
                self.setItem(row, column, QTableWidgetItem(value))
        self.resizeColumnsToContents()
