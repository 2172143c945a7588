"""The reception desk's list of guests (danh sách đại biểu) in order of precedence, and the head-table plan."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from nlv_events import __version__
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_span
from nlv_events.printing.official import Letterhead, header_table, numbered_canvas, official_document, text
from nlv_events.printing.styles import styles, table_style
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


def guest_table(entries: list[GuestEntry], width: float, seats: dict[int | None, int] | None = None) -> Table:
    style = styles()
    headers = [_("No."), _("Guest"), _("Position, organisation"), _("Seat"), _("Arrived")]
    data: list[list] = [[Paragraph(text(header), style["cell_head"]) for header in headers]]
    for number, entry in enumerate(entries, start=1):
        data.append(
            [
                Paragraph(str(number), style["cell_center"]),
                Paragraph(text(_guest_cell(entry)), style["cell"]),
                Paragraph(text(_position_cell(entry)), style["cell"]),
                Paragraph(text(seat_cell(entry, seats or {})), style["cell_center"]),
                "",
            ]
        )
    table = Table(
        data, colWidths=[width * f for f in (0.08, 0.29, 0.33, 0.18, 0.12)], repeatRows=1, splitInRow=1
    )
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
        )
    )
    return table


def head_table_plan(seated: list[GuestEntry], seats: dict[int | None, int], width: float) -> list:
    """The head table seen from the hall: a box per seat with its number (1 in the centre) and the guest's name."""
    style = styles()
    if not seated:
        return []
    cell_width = width / len(seated)
    numbers = [Paragraph(str(seats[entry.id]), style["cell_head"]) for entry in seated]
    names = [Paragraph(text(entry.card_name), style["cell_center"]) for entry in seated]
    plan = Table([numbers, names], colWidths=[cell_width] * len(seated))
    plan.setStyle(
        table_style(
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EFEFEF")),
        )
    )
    return [
        KeepTogether(
            [
                Paragraph(text(_("HEAD TABLE")), style["section"]),
                Paragraph(text(_("Stage")), style["cell_note"]),
                plan,
                Paragraph(text(_("Hall (seen from the hall: the first guest in the centre, the second to their "
                                 "right, the third to their left)")), style["cell_note"]),
            ]
        )
    ]


def render(record: EventRecord, entries: list[GuestEntry], seated: list[GuestEntry], seats: dict[int | None, int],
           letterhead: Letterhead | None = None) -> bytes:
    """The list of `entries` and the plan of the `seated` guests (`seats`: each one's seat number at the head
    table, 1 for the highest-ranking, in the centre)."""
    if not entries:
        raise UserError(_("The event “{title}” has no invited guests to list.").format(title=record.title))
    buffer = io.BytesIO()
    info = {"title": _("List of guests – {title}").format(title=record.title), "author": "NLV Events",
            "creator": f"NLV Events {__version__}"}
    document = official_document(buffer, **info)
    style = styles()
    story = [
        header_table(letterhead or Letterhead.from_settings(), document.width),
        Paragraph(text(_("LIST OF GUESTS")), style["doc_type"]),
        Paragraph(text(record.title), style["subject"]),
        Paragraph(text(format_span(record.start, record.end)), style["info"]),
        Spacer(1, 8),
        guest_table(entries, document.width, seats),
        Spacer(1, 12),
        *head_table_plan(seated, seats, document.width),
    ]
    document.build(story, canvasmaker=numbered_canvas(lambda page, pages: str(page)))
    return buffer.getvalue()

