"""Loans of an exhibition: which items a loan covers, and the warnings for loans due back soon or late."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nlv_events.core import text
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, LoanEntry
from nlv_events.i18n import _, ngettext

WARN_DAYS = 7


@dataclass
class LoanWarning:
    loan: LoanEntry
    days_left: int  # negative: late by that many days

    @property
    def late(self) -> bool:
        return self.days_left < 0

    def message(self) -> str:
        if self.late:
            return ngettext(
                "The loan with {lender} is late: it was due back on {due}, {days} day ago.",
                "The loan with {lender} is late: it was due back on {due}, {days} days ago.",
                -self.days_left,
            ).format(lender=self.loan.lender, due=_date(self.loan.date_due), days=-self.days_left)
        if self.days_left == 0:
            return _("The loan with {lender} is due back today.").format(lender=self.loan.lender)
        return ngettext(
            "The loan with {lender} is due back on {due}, in {days} day.",
            "The loan with {lender} is due back on {due}, in {days} days.",
            self.days_left,
        ).format(lender=self.loan.lender, due=_date(self.loan.date_due), days=self.days_left)


def _date(day: dt.date | None) -> str:
    from nlv_events.i18n.formats import format_day

    return format_day(day) if day else ""


def warnings(data: ExhibitData, today: dt.date | None = None) -> list[LoanWarning]:
    """Loans not yet returned that are due back within a week, or late; the latest first."""
    today = today or dt.date.today()
    found = [
        LoanWarning(loan, (loan.date_due - today).days)
        for loan in data.loans
        if loan.state != "returned" and loan.date_due is not None and (loan.date_due - today).days <= WARN_DAYS
    ]
    return sorted(found, key=lambda warning: warning.days_left)


def items_of(data: ExhibitData, loan: LoanEntry) -> list[ItemEntry]:
    """The items a loan covers: lent to the library, the items from that lender; lent by the library, the items
    from its own stacks."""
    if loan.direction == "out":
        return [item for item in data.items if item.lender is None]
    wanted = text.fold(loan.lender)
    return [item for item in data.items if text.fold(item.lender) == wanted]


def find_loan(data: ExhibitData, lender: str) -> LoanEntry:
    """The loan with `lender` (accents and case ignored); without one, a loan made up from the items they lend."""
    wanted = text.fold(lender)
    for loan in data.loans:
        if text.fold(loan.lender) == wanted:
            return loan
    if any(text.fold(item.lender) == wanted for item in data.items):
        return LoanEntry(lender=next(i.lender for i in data.items if text.fold(i.lender) == wanted) or lender)
    known = sorted({loan.lender for loan in data.loans} | {item.lender for item in data.items if item.lender})
    raise UserError(
        _("No loan or item of this exhibition comes from “{lender}”. Known lenders: {known}.").format(
            lender=lender, known=", ".join(known) or _("none")
        )
    )
