"""The checklist (Danh mục tài liệu trưng bày) as PDF: A4 landscape, grouped by section, totals per section."""

from __future__ import annotations

import io
import os

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Spacer, Table

from nlv_events import __version__
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number, format_span
from nlv_events.services import checklist as checklist_data
from nlv_events.services.files import atomic_output
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


def _table(checklist: checklist_data.Checklist, width: float) -> Table:
    style = styles()
    cell, _center = style["cell"], style["cell_center"]
    data: list[list] = [[Paragraph(header, style["cell_head"]) for header in checklist_data.headers()]]
    commands: list[tuple] = []
    for section in checklist.sections:
        row = len(data)
        commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), SECTION_SHADE)]
        heading = _("Part {number}. {title}").format(number=section.number, title=section.title)
        data.append([Paragraph(text(heading), style["cell_bold"])] + [""] * 8)
        for number, item in section.rows:
            # Plain strings where a cell never wraps: a Paragraph per cell would double the time of a long list.
            data.append(
                [
                    str(number),
                    Paragraph(text(item.title), cell),
                    Paragraph(text(item.creator), cell) if item.creator else "",
                    Paragraph(text(checklist_data.publisher_line(item)), cell),
                    item.year or "",
                    Paragraph(text(item.call_number), cell) if item.call_number else "",
                    str(item.quantity),
                    Paragraph(text(checklist_data.source(item)), cell),
                    Paragraph(text(checklist_data.note_line(item)), cell),
                ]
            )
        row = len(data)
        commands.append(("SPAN", (0, row), (5, row)))
        subtotal = _("Total of part {number}").format(number=section.number)
        data.append(
            [Paragraph(text(subtotal), style["cell_bold"]), "", "", "", "", "", format_number(section.total), "", ""]
        )
        commands.append(("FONTNAME", (6, row), (6, row), f"{style['cell'].fontName}-Bold"))
    row = len(data)
    commands += [("SPAN", (0, row), (5, row)), ("FONTNAME", (6, row), (6, row), f"{style['cell'].fontName}-Bold")]
    data.append(
        [
            Paragraph(text(_("Grand total")), style["cell_bold"]),
            "",
            "",
            "",
            "",
            "",
            format_number(checklist.total),
            "",
            "",
        ]
    )
    table = Table(data, colWidths=[width * share for share in COLUMN_SHARES], repeatRows=1, splitInRow=1)
    table.setStyle(
        table_style(
            ("FONTSIZE", (0, 0), (-1, -1), 12),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
            ("ALIGN", (4, 0), (4, -1), "CENTER"),
            ("ALIGN", (6, 0), (6, -1), "CENTER"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *commands,
        )
    )
    return table


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
    story += [Spacer(1, 6), _table(checklist, document.width)]
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
