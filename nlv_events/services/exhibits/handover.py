"""The handover record of a loan (Biên bản giao nhận tài liệu): described once, drawn as PDF and as DOCX.

Layout after Nghị định 30/2020: the decree's header, the title, "Hôm nay, ngày … tại …, chúng tôi gồm: Bên giao …
Bên nhận …", the item table, the state of the items, and the two parties' signature blocks side by side. `document`
describes it once (printing/model.py); the shared renderers draw the PDF and the DOCX (printing.write).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass

from nlv_events.core import event_reading
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ItemEntry, LoanEntry
from nlv_events.core.settings import Settings, current_settings
from nlv_events.i18n import _, current_language
from nlv_events.i18n.formats import format_number
from nlv_events.printing import decree
from nlv_events.printing.decree import Letterhead
from nlv_events.printing.model import Cell, Column, Document, HeaderBlock, Row, Run, Signature, Table, Text
from nlv_events.printing.printout import Printout, of_document
from nlv_events.services.exhibits import loans, structure
from nlv_events.services.register import registered_print


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
    structure.exhibition_or_error(event_id)
    data = structure.load(event_id)
    loan = loans.find_loan(data, lender)
    items = loans.items_of(data, loan)
    if not items:
        raise UserError(_("The loan with {lender} covers no items yet.").format(lender=loan.lender))
    record = event_reading.load_record(event_id)
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


def party_name(party: str) -> str:
    """A party as the record names it: in capitals, as Vietnamese records name their parties ("Bên giao: BẢO TÀNG
    HỒ CHÍ MINH"), so the lender typed in ordinary case and the library's name from the settings (capitals, for
    the header) read the same way."""
    return party.upper()


def number_symbol(settings: Settings | None = None) -> str:
    """The records' symbol, "BB-TVQG": a record (biên bản) of the organisation whose abbreviation ends the
    programmes' symbol in the settings ("CTr-TVQG")."""
    programme = (settings or current_settings()).get("documents.programme_symbol")
    _kind, dash, organisation = programme.partition("-")
    return f"BB-{organisation}" if dash and organisation else "BB"


def document(handover: HandoverRecord) -> Document:
    """The record as a neutral document: the shared renderers draw it as PDF and as DOCX, so the item table
    breaks like every other table and the two signatures travel with its last rows."""
    letterhead = handover.letterhead
    header = HeaderBlock(
        parent=letterhead.parent,
        organisation=letterhead.organisation,
        city=letterhead.city,
        date=handover.day,
        number=decree.document_number(handover.number, number_symbol()),
    )
    headers = table_headers()
    columns = [
        Column(headers[0], fit=True, align="center"),
        Column(headers[1], weight=1.0),
        Column(headers[2], fit=True),  # a call number never breaks: the column is as wide as the longest
        Column(headers[3], fit=True, align="center"),
        Column(headers[4], weight=1.3),  # "Bìa sờn, gáy bong" on one line
    ]
    rows = [
        Row([Cell.of(number, "center"), Cell.of(title), Cell.of(call_number), Cell.of(quantity, "center"),
             Cell.of(condition)])
        for number, title, call_number, quantity, condition in table_rows(handover)
    ]  # fmt: skip
    rows[-1].keep_with_next = True
    rows.append(Row([Cell.of(_("Total")), Cell.of(format_number(handover.total), "center"), Cell()], "total", span=3))
    parties = [
        Text((Run(f"{label}: ", bold=True), Run(party_name(party))), "body")
        for label, party in zip(party_labels(), (handover.giver, handover.receiver), strict=True)
    ]
    signature = Signature(
        authority=[_("FOR THE RECEIVING PARTY")],
        preparer_label=_("FOR THE HANDING-OVER PARTY"),
        hint=_("(signature, full name)"),
    )
    return Document(
        title=title_line(handover),
        header=header,
        signature=signature,
        blocks=[
            Text(title_line(handover), "doc_type"),
            Text(_("Exhibition “{title}”").format(title=handover.exhibition), "subject"),
            Text(opening_line(handover), "body"),
            *parties,
            Text(purpose_line(handover), "body"),
            Table(columns, rows, continued=_("(continued)")),
            Text(state_line(handover), "body"),
            Text(closing_line(), "body"),
        ],
    )


def printout(handover: HandoverRecord) -> Printout:
    """The record for the preview, which prints it or saves it as PDF or Word."""
    return of_document(document(handover))


def write(handover: HandoverRecord, path: str | os.PathLike[str], event_id: int | None = None,
          reprint: bool = False) -> None:  # fmt: skip
    """Write the record to `path`: PDF, or Word for a .docx name, atomically; its number (or "next") entered in the
    register of outgoing documents."""
    asked = registered_print.Asked(handover.number, handover.day, number_symbol(), event_id, reprint)
    registered_print.write(lambda number: document(dataclasses.replace(handover, number=number)), path, asked)
