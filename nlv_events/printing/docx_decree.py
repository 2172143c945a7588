"""The decree's blocks in the Word version: the two-column header, the signature with "Nơi nhận", page numbers."""

from __future__ import annotations

import io

from nlv_events.i18n import _
from nlv_events.i18n.formats import official_date_line
from nlv_events.printing import docx_parts as parts
from nlv_events.printing import header_layout as layout
from nlv_events.printing import model

QR_MM = 25


def header_block(document, block: model.HeaderBlock, width_mm: float = 165) -> None:
    """The decree's two-column header as a borderless table (every signed DOCX uses this one), measured as the
    PDF's: each name on one line or broken where the PDF breaks it, the rules drawn as wide as the PDF draws them,
    and centred on the page as the PDF centres it (on a landscape page it is narrower than the text)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Pt

    width = width_mm / 25.4 * 72
    left_width = width * layout.LEFT_SHARE
    right_width = width - left_width
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    parts.set_cell_borders(table, False)
    parts.cell_margins(table, 0, 0, 0)  # the right column holds the national name with no room to spare
    parts.column_widths(table, (Pt(left_width), Pt(right_width)))
    left, right = table.rows[0].cells
    line_width = left_width - layout.LEFT_SLACK
    parent = layout.balanced_lines(block.parent.upper(), layout.HEADER_SIZE, line_width)
    organisation = layout.balanced_lines(block.organisation.upper(), layout.HEADER_SIZE, line_width, bold=True)
    parts.cell_text(left, [model.line(text) for text in parent], layout.HEADER_SIZE)
    for text in organisation:
        parts.paragraph(left, model.line(text, bold=True), layout.HEADER_SIZE, "center")
    parts.rule(left, left_width * layout.ORGANISATION_RULE_SHARE, left_width)
    if block.number:
        number = parts.paragraph(left, _("No.: {number}").format(number=block.number), layout.NUMBER_SIZE, "center")
        number.paragraph_format.space_before = Pt(2)
    republic = _("SOCIALIST REPUBLIC OF VIETNAM")
    motto = _("Independence - Freedom - Happiness")
    parts.cell_text(right, [model.line(republic, bold=True)], layout.HEADER_SIZE)
    parts.paragraph(right, model.line(motto, bold=True), layout.MOTTO_SIZE, "center")
    parts.rule(right, min(layout.text_width(motto, layout.MOTTO_SIZE, bold=True), right_width), right_width)
    date_line = parts.paragraph(right, official_date_line(block.city, block.date), layout.DATE_SIZE, "center",
                                italic=True)  # fmt: skip
    date_line.paragraph_format.space_before = Pt(4)


def signature(document, signature: model.Signature, width_mm: float = 165) -> None:
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=2)
    parts.set_cell_borders(table, False)
    parts.column_widths(table, (Mm(width_mm / 2), Mm(width_mm / 2)))
    parts.row_property(table.rows[0], "cantSplit")  # the authority, the room to sign and the name stay on one page
    left, right = table.rows[0].cells
    if signature.preparer_label:
        parts.cell_text(left, [model.line(signature.preparer_label, bold=True)], 13)
        if signature.hint:
            parts.paragraph(left, (model.Run(signature.hint, italic=True),), 13, "center")
        for _blank in range(3 + len(signature.authority)):
            left.add_paragraph()
        parts.paragraph(left, (model.Run(signature.preparer, bold=True),), 13, "center")
    elif signature.recipients:
        parts.cell_text(left, [model.line(signature.recipients_label, bold=True, italic=True)], 12)
        left.paragraphs[0].alignment = 0
        for index, item in enumerate(signature.recipients):
            end = "." if index == len(signature.recipients) - 1 else ";"
            parts.paragraph(left, f"- {item}{end}", 11)
    if signature.qr:
        left.add_paragraph().add_run().add_picture(_qr_png(signature.qr), width=Mm(QR_MM))
    parts.cell_text(right, [model.line(item, bold=True) for item in signature.authority] or [model.line("")], 13)
    if signature.hint:
        parts.paragraph(right, (model.Run(signature.hint, italic=True),), 13, "center")
    for _blank in range(4):
        right.add_paragraph()
    parts.paragraph(right, (model.Run(signature.name, bold=True),), 13, "center")



def _qr_png(payload: str) -> io.BytesIO:
    import segno

    image = io.BytesIO()
    segno.make(payload, error="m").save(image, kind="png", scale=6, border=2)
    image.seek(0)
    return image



def page_numbers(section) -> None:
    """Page numbers centred at the top from page 2: a first-page header left empty, a PAGE field in the rest."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
