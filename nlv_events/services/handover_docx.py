"""The handover record (Biên bản giao nhận tài liệu) as an editable Word document, same content as the PDF."""

from __future__ import annotations

import io

from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number
from nlv_events.services import handover as handover_data


def render(handover: handover_data.HandoverRecord) -> bytes:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from nlv_events.services.documents import docx_renderer, model

    document = docx_renderer.new_word_document("a4")

    def centred(cell_or_doc, value: str, bold: bool = False, italic: bool = False, size: int = 13):
        paragraph = cell_or_doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(value)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
        return paragraph

    letterhead = handover.letterhead
    docx_renderer.header_block(
        document,
        model.HeaderBlock(letterhead.parent, letterhead.organisation, letterhead.city, letterhead.day, handover.number),
    )

    centred(document, handover_data.title_line(handover), bold=True, size=14)
    centred(document, _("Exhibition “{title}”").format(title=handover.exhibition), bold=True, size=14)
    for line in (
        handover_data.opening_line(handover),
        f"{handover_data.party_labels()[0]}: {handover.giver}",
        f"{handover_data.party_labels()[1]}: {handover.receiver}",
        handover_data.purpose_line(handover),
    ):
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.first_line_indent = Cm(1)
    rows = handover_data.table_rows(handover)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, heading in zip(table.rows[0].cells, handover_data.table_headers(), strict=True):
        cell.text = heading
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    total = table.add_row().cells
    total[0].merge(total[2]).text = _("Total")
    total[3].text = format_number(handover.total)
    for line in (handover_data.state_line(handover), handover_data.closing_line()):
        document.add_paragraph(line).paragraph_format.first_line_indent = Cm(1)
    signatures = document.add_table(rows=1, cols=2)
    for cell, heading in zip(
        signatures.rows[0].cells, (_("FOR THE HANDING-OVER PARTY"), _("FOR THE RECEIVING PARTY")), strict=True
    ):
        cell._element.remove(cell.paragraphs[0]._element)
        centred(cell, heading, bold=True)
        centred(cell, _("(signature, full name)"), italic=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
