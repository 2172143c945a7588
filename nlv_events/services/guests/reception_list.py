"""The reception desk's list of guests (danh sách đại biểu) in order of precedence, and the head-table plan."""

from __future__ import annotations

from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_span
from nlv_events.printing.decree import Letterhead
from nlv_events.printing.model import Block, Cell, Column, Document, Row, Table, Text
from nlv_events.services.guests.guest_list import GuestEntry

# The desk expects everyone invited who has not declined.
LISTED_STATES = ("invited", "accepted", "deputy", "attended")
DEFAULT_HEAD_TABLE = 7


def _guest_cell(entry: GuestEntry) -> str:
    if entry.sends_deputy:
        return _("{deputy} (for {guest})").format(deputy=entry.deputy_name, guest=entry.addressed_name)
    return entry.addressed_name


def _position_cell(entry: GuestEntry) -> str:
    return (entry.deputy_position or "") if entry.sends_deputy else entry.title_line


def seat_cell(entry: GuestEntry, seats: dict[int | None, int]) -> str:
    """The seat the desk shows the guest to: their numbered place at the head table (the number of the plan's
    box), else the seat the office noted."""
    if entry.id in seats:
        return _("Head table, seat {number}").format(number=seats[entry.id])
    return entry.seat or ""


def guest_table(entries: list[GuestEntry], seats: dict[int | None, int] | None = None) -> Table:
    """A row per guest in order of precedence, with the seat to show them to and a box to tick on arrival."""
    columns = [
        Column(_("No."), fit=True, align="center"),
        Column(_("Guest"), weight=1.0),
        Column(_("Position, organisation"), weight=1.2),
        Column(_("Seat"), weight=0.7, align="center"),
        Column(_("Arrived"), weight=0.7),
    ]
    rows = [
        Row([Cell.of(str(number), "center"), Cell.of(_guest_cell(entry)), Cell.of(_position_cell(entry)),
             Cell.of(seat_cell(entry, seats or {}), "center"), Cell()])
        for number, entry in enumerate(entries, start=1)
    ]  # fmt: skip
    return Table(columns, rows, continued=_("(continued)"))


def head_table_plan(seated: list[GuestEntry], seats: dict[int | None, int]) -> list[Block]:
    """The head table seen from the hall: a column per seat headed by its number (1 in the centre), the guest's
    name under it."""
    if not seated:
        return []
    columns = [Column(str(seats[entry.id]), align="center") for entry in seated]
    names = Row([Cell.of(entry.card_name, "center") for entry in seated])
    return [
        Text(_("HEAD TABLE"), "section"),
        Text(_("Stage"), "note"),
        Table(columns, [names], equal_columns=True),  # seats alike: a short name's box is not squeezed
        Text(_("Hall (seen from the hall: the first guest in the centre, the second to their right, the third to "
               "their left)"), "note"),
    ]


def document(record: EventRecord, entries: list[GuestEntry], seated: list[GuestEntry],
             seats: dict[int | None, int], letterhead: Letterhead | None = None) -> Document:
    """The list of `entries` and the plan of the `seated` guests (`seats`: each one's seat number at the head
    table, 1 for the highest-ranking, in the centre)."""
    if not entries:
        raise UserError(_("The event “{title}” has no invited guests to list.").format(title=record.title))
    return Document(
        title=_("List of guests – {title}").format(title=record.title),
        header=(letterhead or Letterhead.from_settings()).header(),
        blocks=[
            Text(_("LIST OF GUESTS"), "doc_type"),
            Text(record.title, "subject"),
            Text(format_span(record.start, record.end), "info"),
            guest_table(entries, seats),
            *head_table_plan(seated, seats),
        ],
    )
