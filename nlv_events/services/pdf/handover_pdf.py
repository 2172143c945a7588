"""The handover record (Biên bản giao nhận tài liệu) drawn with ReportLab in the decree's layout."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from nlv_events import __version__
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number
from nlv_events.services import handover as handover_data
from nlv_events.services.pdf.official import header_table, numbered_canvas, official_document, text
from nlv_events.services.pdf.styles import styles, table_style


def _signatures(handover: handover_data.HandoverRecord, width: float) -> Table:
    style = styles()
    blocks = []
    for heading in (_("FOR THE HANDING-OVER PARTY"), _("FOR THE RECEIVING PARTY")):
        blocks.append(
            [
                Paragraph(heading, style["cell_head"]),
                Paragraph(text(_("(signature, full name)")), style["cell_center"]),
            ]
        )
    table = Table([blocks], colWidths=[width / 2, width / 2], rowHeights=[32 * 3.2])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def render(handover: handover_data.HandoverRecord) -> bytes:
    buffer = io.BytesIO()
    document = official_document(
        buffer,
        A4,
        title=handover_data.title_line(handover),
        author="NLV Events",
        creator=f"NLV Events {__version__}",
        subject=handover.exhibition,
    )
    style = styles()
    width = document.width
    story: list = [header_table(handover.letterhead, width)]
    if handover.number:
        # "Số: …" stands under the issuing body, in the header's left column.
        number = Paragraph(text(_("No.: {number}").format(number=handover.number)), style["info"])
        line = Table([[number, ""]], colWidths=[width * 0.44, width * 0.56])
        line.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 4)))
        story.append(line)
    story += [
        Paragraph(text(handover_data.title_line(handover)), style["doc_type"]),
        Paragraph(text(_("Exhibition “{title}”").format(title=handover.exhibition)), style["subject"]),
        Spacer(1, 6),
        Paragraph(text(handover_data.opening_line(handover)), style["body"]),
        *(
            Paragraph(f"<b>{text(label)}:</b> {text(party)}", style["body"])
            for label, party in zip(handover_data.party_labels(), (handover.giver, handover.receiver), strict=True)
        ),
        Paragraph(text(handover_data.purpose_line(handover)), style["body"]),
    ]
    cell, center = style["cell"], style["cell_center"]
    rows = [[Paragraph(header, style["cell_head"]) for header in handover_data.table_headers()]]
    for number, title, call_number, quantity, condition in handover_data.table_rows(handover):
        rows.append(
            [
                Paragraph(number, center),
                Paragraph(text(title), cell),
                Paragraph(text(call_number), cell),
                Paragraph(quantity, center),
                Paragraph(text(condition), cell),
            ]
        )
    rows.append(
        [
            Paragraph(text(_("Total")), style["cell_bold"]),
            "",
            "",
            Paragraph(f"<b>{format_number(handover.total)}</b>", center),
            "",
        ]
    )
    table = Table(rows, colWidths=[width * s for s in (0.08, 0.45, 0.17, 0.08, 0.22)], repeatRows=1, splitInRow=1)
    table.setStyle(
        table_style(
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
            ("SPAN", (0, len(rows) - 1), (2, len(rows) - 1)),
        )
    )
    story += [
        table,
        Spacer(1, 6),
        Paragraph(text(handover_data.state_line(handover)), style["body"]),
        Paragraph(text(handover_data.closing_line()), style["body"]),
        KeepTogether([Spacer(1, 8), _signatures(handover, width)]),
    ]
    document.build(story, canvasmaker=numbered_canvas(lambda page, pages: str(page)))
    return buffer.getvalue()
