"""The Exhibition tab's loans: the table of what is lent and borrowed, with its Add and Remove buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from nlv_events.core.exhibit_records import LoanEntry
from nlv_events.i18n import _
from nlv_events.ui.exhibits.loans_table import LoansTable


def ask_text(parent: QWidget, title: str, label: str) -> str:
    """A line of text from the user, stripped; "" when they cancel."""
    value, accepted = QInputDialog.getText(parent, title, label)
    return value.strip() if accepted else ""


class ExhibitLoans:
    """Mixed into ExhibitTab (ui/exhibits/exhibit_tab.py): its loans are part of the exhibition's data, saved at
    once like its sections and items."""

    def _build_loans(self) -> QHBoxLayout:
        self.loans_table = LoansTable(self)
        self.loans_table.setMaximumHeight(150)
        self.loans_table.edited.connect(self.save)
        loan_buttons = QHBoxLayout()
        add_loan = QPushButton(_("Add loan"), self)
        remove_loan = QPushButton(_("Remove loan"), self)
        add_loan.clicked.connect(self.add_loan)
        remove_loan.clicked.connect(self.remove_loan)
        loan_buttons.addWidget(QLabel(_("Loans"), self))
        loan_buttons.addStretch(1)
        loan_buttons.addWidget(add_loan)
        loan_buttons.addWidget(remove_loan)
        return loan_buttons

    def add_loan(self) -> None:
        lender = ask_text(self, _("Add loan"), _("Lender (or borrower):"))
        if lender:
            data = self.model.exhibit_data(self.data)
            data.loans = [*self.loans_table.loans(), LoanEntry(lender=lender)]
            self.save(data)

    def remove_loan(self) -> None:
        row = self.loans_table.currentRow()
        if row < 0:
            return
        data = self.model.exhibit_data(self.data)
        data.loans = [loan for number, loan in enumerate(self.loans_table.loans()) if number != row]
        self.save(data)
