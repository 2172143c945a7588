"""The loans of an exhibition as an editable table: lender, direction, dates, state."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem, QWidget

from nlv_events.core.exhibit_records import LOAN_DIRECTIONS, LOAN_STATES, LoanEntry
from nlv_events.i18n import _, gettext
from nlv_events.ui.shell.dialogs import parse_day

_DATE_COLUMNS = {2: "date_out", 3: "date_due", 4: "date_back"}


class LoansTable(QTableWidget):
    """Emits `edited` when the user changes a cell or a choice."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("loansTable")
        self.setHorizontalHeaderLabels(
            [_("Lender"), _("Direction"), _("Date out"), _("Due back"), _("Returned"), _("State")]
        )
        self.horizontalHeader().setStretchLastSection(True)
        self.setColumnWidth(0, 240)
        self.setColumnWidth(1, 190)
        self._filling = False
        self.itemChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._filling:
            self.edited.emit()

    def _combo(self, choices: dict[str, str], value: str) -> QComboBox:
        box = QComboBox(self)
        for code, label in choices.items():
            box.addItem(gettext(label), code)
        box.setCurrentIndex(max(0, box.findData(value)))
        box.currentIndexChanged.connect(self._changed)
        return box

    def set_loans(self, loans: list[LoanEntry]) -> None:
        self._filling = True
        self.setRowCount(0)
        for loan in loans:
            self.append(loan)
        self._filling = False

    def append(self, loan: LoanEntry) -> None:
        row = self.rowCount()
        self.insertRow(row)
        self.setItem(row, 0, QTableWidgetItem(loan.lender))
        self.setCellWidget(row, 1, self._combo(LOAN_DIRECTIONS, loan.direction))
        for column, name in _DATE_COLUMNS.items():
            day = getattr(loan, name)
            self.setItem(row, column, QTableWidgetItem(day.strftime("%d/%m/%Y") if day else ""))
        self.setCellWidget(row, 5, self._combo(LOAN_STATES, loan.state))
        self.item(row, 0).setData(0x0100, loan.id)

    def loans(self) -> list[LoanEntry]:
        """The loans as typed; a date that is not one raises ValidationError naming its row."""
        result = []
        for row in range(self.rowCount()):
            where = _("Loan {number}").format(number=row + 1)
            dates = {name: parse_day(self.item(row, column).text(), where) for column, name in _DATE_COLUMNS.items()}
            result.append(
                LoanEntry(
                    lender=self.item(row, 0).text().strip(),
                    direction=self.cellWidget(row, 1).currentData(),
                    state=self.cellWidget(row, 5).currentData(),
                    id=self.item(row, 0).data(0x0100),
                    **dates,
                )
            )
        return result
