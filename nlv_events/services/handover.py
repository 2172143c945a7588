"""The handover record of a loan (Biên bản giao nhận tài liệu): described once, drawn as PDF and as DOCX.

Layout after Nghị định 30/2020: the decree's header, the title, "Hôm nay, ngày … tại …, chúng tôi gồm: Bên giao …
Bên nhận …", the item table, the state of the items, and the two parties' signature blocks side by side.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from nlv_events.core import store
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ItemEntry, LoanEntry
from nlv_events.i18n import _, current_language
from nlv_events.services import exhibits, loans
from nlv_events.services.pdf.official import Letterhead


@dataclass
class HandoverRecord:
    letterhead: Letterhead
    number: str | None
    exhibition: str
    loan: LoanEntry
    giver: str
    receiver: str
    day: dt.date
    place: str
    items: list[ItemEntry]
    returning: bool

    @property
    def total(self) -> int:
        return sum(item.quantity for item in self.items)


def build(
    event_id: int, lender: str, returning: bool = False, number: str | None = None, day: dt.date | None = None
) -> HandoverRecord:
    """The handover record of the loan with `lender` for exhibition `event_id`: at the start of the loan, or at its
    return when `returning` (the parties then swap places)."""
    exhibits.exhibition_or_error(event_id)
    data = exhibits.load(event_id)
    loan = loans.find_loan(data, lender)
    items = loans.items_of(data, loan)
    if not items:
        raise UserError(_("The loan with {lender} covers no items yet.").format(lender=loan.lender))
    record = store.load_record(event_id)
    letterhead = Letterhead.from_settings()
    library = letterhead.organisation
    giver, receiver = (loan.lender, library) if loan.direction == "in" else (library, loan.lender)
    if returning:
        giver, receiver = receiver, giver
    default_day = (loan.date_back if returning else loan.date_out) or dt.date.today()
    handover_day = day or default_day
    letterhead.day = handover_day
    return HandoverRecord(
        letterhead=letterhead,
        number=number,
        exhibition=record.title,
        loan=loan,
        giver=giver,
        receiver=receiver,
        day=handover_day,
        place=record.venue or letterhead.organisation,
        items=items,
        returning=returning,
    )


def opening_line(handover: HandoverRecord) -> str:
    """ "Hôm nay, ngày 05 tháng 01 năm 2023, tại …, chúng tôi gồm:" """
    day = handover.day
    if current_language() == "vi":
        month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
        when = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    else:
        from nlv_events.i18n.formats import format_day

        when = format_day(day)
    return _("Today, {date}, at {place}, we the undersigned:").format(date=when, place=handover.place)


def purpose_line(handover: HandoverRecord) -> str:
    if handover.returning:
        return _(
            "The two parties agree on the return of the items lent for the exhibition “{title}”, as follows:"
        ).format(title=handover.exhibition)
    return _("The two parties agree on the handover of the items for the exhibition “{title}”, as follows:").format(
        title=handover.exhibition
    )


def state_line(handover: HandoverRecord) -> str:
    return _(
        "State of the items: as described in the table; the receiving party has checked them and received them in "
        "that state."
    )


def party_labels() -> tuple[str, str]:
    """ "Bên giao", "Bên nhận"."""
    return _("Handing-over party"), _("Receiving party")


def closing_line() -> str:
    return _("This record is made in two copies of equal value; each party keeps one.")


def table_headers() -> list[str]:
    return [_("No."), _("Item title"), _("Call number"), _("Qty"), _("Condition")]


def table_rows(handover: HandoverRecord) -> list[list[str]]:
    return [
        [str(number), item.title, item.call_number or "", str(item.quantity), item.condition or ""]
        for number, item in enumerate(handover.items, start=1)
    ]


def title_line(handover: HandoverRecord) -> str:
    return _("RECORD OF RETURN OF ITEMS") if handover.returning else _("RECORD OF HANDOVER OF ITEMS")


def write(handover: HandoverRecord, path: str | os.PathLike[str], kind: str) -> None:
    """Write the record as PDF (`kind` "pdf") or DOCX ("docx"), atomically."""
    from nlv_events.services.files import atomic_output

    if kind == "pdf":
        from nlv_events.services.pdf import handover_pdf

        content = handover_pdf.render(handover)
    else:
        from nlv_events.services import handover_docx

        content = handover_docx.render(handover)
    with atomic_output(path, "wb") as stream:
        stream.write(content)
