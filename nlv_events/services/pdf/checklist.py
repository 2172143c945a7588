"""The checklist (Danh mục tài liệu trưng bày) as PDF: A4 landscape, grouped by section, totals per section."""

from __future__ import annotations

import io
import os

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Paragraph, Spacer, Table

from nlv_events import __version__
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number, format_span
from nlv_events.services import checklist as checklist_data
from nlv_events.services.files import atomic_output
from nlv_events.services.pdf.fonts import SERIF
from nlv_events.services.pdf.official import (
    A4_LANDSCAPE,
    Letterhead,
    header_table,
    numbered_canvas,
    official_document,
    text,
)
from nlv_events.services.pdf.styles import styles, table_style

# Shares of the width: STT, title, author, publisher, year, call number, quantity, source, notes.
COLUMN_SHARES = (0.055, 0.24, 0.14, 0.14, 0.06, 0.095, 0.05, 0.11, 0.11)
SECTION_SHADE = colors.HexColor("#EFEFEF")


CHUNK = 60
CELL_SIZE = 12
CELL_LEADING = 14
CELL_PADDING = 12  # ReportLab's default 6 pt on each side
BOLD = f"{SERIF}-Bold"


def _wrapped(value: str | None, column: int, width: float, font: str = SERIF) -> str:
    """Text broken into lines that fit the column: plain strings lay out several times faster than Paragraphs,
    which a list of a thousand items needs (the checklist has no inline markup)."""
    if not value:
        return ""
    available = width * COLUMN_SHARES[column] - CELL_PADDING
    return "\n".join(simpleSplit(value, font, CELL_SIZE, available))


def _span_row(content: str, width: float) -> list:
    return [_wrapped(content, 0, width / COLUMN_SHARES[0], BOLD), *([""] * (len(COLUMN_SHARES) - 1))]


def _table(rows: list[list], width: float, shaded: list[int], bold: list[int], header: bool = True) -> Table:
    """One table: the header row, then `rows`; `shaded` are part headings (spanning), `bold` total rows (row
    numbers count the header row, also when `header` is False and it is left out)."""
    style = styles()
    heads = [[Paragraph(text, style["cell_head"]) for text in checklist_data.headers()]] if header else []
    offset = 0 if header else -1
    shaded = [row + offset for row in shaded]
    bold = [row + offset for row in bold]
    data: list[list] = [*heads, *rows]
    commands: list[tuple] = []
    for row in shaded:
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), SECTION_SHADE),
            ("FONTNAME", (0, row), (-1, row), BOLD),
            ("ALIGN", (0, row), (-1, row), "LEFT"),
        ]
    for row in bold:
        commands += [
            ("SPAN", (0, row), (5, row)),
            ("FONTNAME", (0, row), (-1, row), BOLD),
            ("ALIGN", (0, row), (0, row), "LEFT"),
        ]
    table = Table(
        data, colWidths=[width * share for share in COLUMN_SHARES], repeatRows=1 if header else 0, splitInRow=1
    )
    table.setStyle(
        table_style(
            ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
            ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("ALIGN", (4, 0), (4, -1), "CENTER"),
            ("ALIGN", (6, 0), (6, -1), "CENTER"),
            *([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD"))] if header else []),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *commands,
        )
    )
    return table


def _item_row(number: int, item, width: float) -> list:
    return [
        str(number),
        _wrapped(item.title, 1, width),
        _wrapped(item.creator, 2, width),
        _wrapped(checklist_data.publisher_line(item), 3, width),
        _wrapped(item.year, 4, width),
        _wrapped(item.call_number, 5, width),
        str(item.quantity),
        _wrapped(checklist_data.source(item), 7, width),
        _wrapped(checklist_data.note_line(item), 8, width),
    ]


def _tables(checklist: checklist_data.Checklist, width: float) -> list[Table]:
    """The list as tables of at most CHUNK item rows, each part starting a table of its own.

    ReportLab lays out what remains of a table again at every page break (spans included), so one table of a
    thousand rows costs time in the square of its length; chunks keep it linear, at the price of the header row
    also standing where a chunk begins.
    """
    tables = []
    for section in checklist.sections:
        heading = _("Part {number}. {title}").format(number=section.number, title=section.title)
        subtotal = _("Total of part {number}").format(number=section.number)
        rows = [_item_row(number, item, width) for number, item in section.rows]
        for start in range(0, max(len(rows), 1), CHUNK):
            chunk = rows[start : start + CHUNK]
            shaded = []
            if start == 0:
                chunk = [_span_row(heading, width), *chunk]
                shaded = [1]
            bold = []
            if start + CHUNK >= len(rows):
                chunk.append([subtotal, "", "", "", "", "", format_number(section.total), "", ""])
                bold = [len(chunk)]
            tables.append(_table(chunk, width, shaded, bold))
    total = [[_("Grand total"), "", "", "", "", "", format_number(checklist.total), "", ""]]
    tables.append(_table(total, width, [], [1], header=False))
    return tables


def render(checklist: checklist_data.Checklist, letterhead: Letterhead | None = None) -> bytes:
    """The checklist as PDF bytes."""
    buffer = io.BytesIO()
    record = checklist.record
    document = official_document(
        buffer,
        A4_LANDSCAPE,
        title=_("List of items on display"),
        author="NLV Events",
        creator=f"NLV Events {__version__}",
        subject=record.title,
    )
    style = styles()
    story = [
        header_table(letterhead or Letterhead.from_settings(), document.width * 0.75),
        Paragraph(_("LIST OF ITEMS ON DISPLAY"), style["doc_type"]),
        Paragraph(text(_("Exhibition “{title}”").format(title=record.title)), style["subject"]),
        Paragraph(text(_("Time: {dates}").format(dates=format_span(record.start, record.end))), style["info"]),
    ]
    if record.venue:
        story.append(Paragraph(text(_("Venue: {venue}").format(venue=record.venue)), style["info"]))
    story += [Spacer(1, 6), *_tables(checklist, document.width)]
    summary = _("In all: {items} items ({titles} titles) in {sections} parts.").format(
        items=format_number(checklist.total),
        titles=format_number(checklist.titles),
        sections=len(checklist.sections),
    )
    story += [Spacer(1, 6), Paragraph(text(summary), style["body"])]
    document.build(story, canvasmaker=numbered_canvas(lambda page, pages: str(page)))
    return buffer.getvalue()


def write(event_id: int, path: str | os.PathLike[str]) -> None:
    pdf = render(checklist_data.build(event_id))
    with atomic_output(path, "wb") as stream:
        stream.write(pdf)
