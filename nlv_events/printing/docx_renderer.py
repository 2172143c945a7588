"""The python-docx renderer of a neutral document: the same content as the PDF, for the office to edit."""

from __future__ import annotations

import io

from nlv_events.i18n import current_language
from nlv_events.printing import docx_decree, docx_tall_rows, model
from nlv_events.printing import docx_parts as parts
from nlv_events.printing.pdf_table_rows import PAD_BOTTOM, PAD_SIDE, PAD_TOP

FONT = "Times New Roman"  # the decree's font
TEXT_SIZES = {
    "doc_type": 14,
    "subject": 14,
    "info": 13,
    "body": 13,
    "paragraph": 13,
    "section": 13,
    "note": 13,
    "addressee": 14,
    "letter": 14,
}
CELL_SIZE = 12
TITLE_PROPERTY_LIMIT = 255  # python-docx refuses a longer core title; the page itself prints the whole title
PAGE_MM = {"a4": (210, 297), "a4-landscape": (297, 210), "a5": (148, 210), "a6": (105, 148)}


def _table(document, table: model.Table, widths_pt: list[float], keep_end: bool = False) -> None:
    """`keep_end`: the last rows stay on the page of what follows (the signature block). The table's properties
    and grid come from python-docx; its rows are written as text and parsed at once (docx_parts)."""
    from docx.oxml.simpletypes import ST_TwipsMeasure
    from docx.shared import Pt

    grid = document.add_table(rows=0, cols=len(table.columns))
    grid.autofit = False
    parts.set_cell_borders(grid, True)
    parts.cell_margins(grid, PAD_TOP, PAD_SIDE, PAD_BOTTOM)
    twips = [int(ST_TwipsMeasure.convert_to_xml(Pt(width))) for width in widths_pt]
    for column, width in zip(grid.columns, widths_pt, strict=True):
        column.width = Pt(width)  # Word and LibreOffice lay out a fixed table by its grid (w:gridCol)
    header = "".join(
        parts.cell_xml(parts.cell_paragraphs_xml([model.line(column.header)], CELL_SIZE, bold=True, keep=True), width)
        for column, width in zip(table.columns, twips, strict=True)
    )  # bound to the first row: never alone at a page's foot
    rows = [parts.row_xml(header, ("tblHeader", "cantSplit"))]  # Word repeats it at the top of every page
    kept_from = len(table.rows) - 2 if keep_end else len(table.rows)
    for index, row in enumerate(table.rows):
        keep = row.keep_with_next or index >= kept_from
        bold = row.kind != "body"
        cells = [parts.cell_xml(parts.cell_paragraphs_xml(row.cells[0], CELL_SIZE, bold, keep=keep),
                                sum(twips[: row.span]), row.span)]  # fmt: skip
        for offset in range(row.span, len(table.columns)):
            position = offset - row.span + 1
            content = (parts.cell_paragraphs_xml(row.cells[position], CELL_SIZE, bold, table.columns[offset].italic,
                                                 keep) if position < len(row.cells) else "")  # fmt: skip
            cells.append(parts.cell_xml(content, twips[offset]))
        rows.append(parts.row_xml("".join(cells)))  # cantSplit: a row never breaks across pages
    grid._tbl.extend(parts.elements("".join(rows)))


def new_word_document(page: str = "a4", margins: model.Margins = model.DECREE_MARGINS):
    """An empty Word document set as Nghị định 30/2020 asks: the page, the margins (top and bottom 20 mm, left
    30 mm, right 15 mm), Times New Roman 13 pt in black. Every DOCX the office signs starts here."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    word = Document()
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(0)
    parts.document_defaults(word, current_language())
    section = word.sections[0]
    page_width, page_height = PAGE_MM[page]
    if page == "a4-landscape":
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(page_width), Mm(page_height)
    section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
    section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
    return word


def _text(word, block: model.Text) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    bold = block.style in ("doc_type", "subject", "section")
    align = block.align or ("center" if block.style in ("doc_type", "subject", "info", "note") else "left")
    paragraph = parts.paragraph(word, block.content, TEXT_SIZES[block.style], align, bold,
                           italic=block.style == "note", after=3)  # fmt: skip
    if block.style == "doc_type":
        paragraph.paragraph_format.space_before = Pt(10)
    elif block.style in ("paragraph", "letter"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Mm(10)
    elif block.style == "addressee":
        paragraph.paragraph_format.left_indent = Mm(10)
        paragraph.paragraph_format.space_before = Pt(4)
        paragraph.paragraph_format.space_after = Pt(8)
    elif block.style == "section":
        paragraph.paragraph_format.keep_with_next = True  # a heading goes over with what it heads
        paragraph.paragraph_format.space_before = Pt(6)


# A picture takes at most this share of the page's text height, as in the PDF: a portrait photo as wide as the
# text ran taller than the page, so the heading over it could not go over with it and stayed at the page's foot.
PICTURE_HEIGHT_SHARE = 0.8


def _picture(word, block: model.Picture, width_mm: float) -> None:
    from docx.shared import Emu, Mm
    from PIL import Image

    section = word.sections[0]
    text_height = Emu(section.page_height - section.top_margin - section.bottom_margin).mm
    with Image.open(io.BytesIO(block.data)) as image:
        image_width, image_height = image.size
    width_mm = min(width_mm, text_height * PICTURE_HEIGHT_SHARE * image_width / image_height)
    paragraph = word.add_paragraph()
    paragraph.alignment = 1  # centred
    paragraph.add_run().add_picture(io.BytesIO(block.data), width=Mm(width_mm))


def _card(word, block: model.Card, first: bool) -> None:
    """A card's lines in large type, a page each (Word has no tent fold: the office prints cards as PDF)."""
    from docx.shared import Pt

    if not first:
        word.add_page_break()
    for item in block.lines:
        paragraph = parts.paragraph(word, (model.Run(item.text, item.bold, item.italic),), item.size, item.align)
        paragraph.paragraph_format.space_before = Pt(item.space_before)


def _block(word, document: model.Document, block: model.Block, body_width_mm: float) -> None:
    """A block other than a table where it stands."""
    if isinstance(block, model.Text):
        _text(word, block)
    elif isinstance(block, model.PageBreak):
        word.add_page_break()
    elif isinstance(block, model.Picture):
        _picture(word, block, body_width_mm)
    elif isinstance(block, model.Card):
        _card(word, block, block is next(item for item in document.blocks if isinstance(item, model.Card)))
    elif isinstance(block, model.HeaderBlock):
        docx_decree.header_block(word, block, min(body_width_mm, 165))
    elif isinstance(block, model.Signature):
        word.add_paragraph().paragraph_format.keep_with_next = True
        docx_decree.signature(word, block, body_width_mm)
    else:
        raise TypeError(f"not a block: {block!r}")


def render(document: model.Document) -> bytes:
    """`document` as DOCX bytes: decree margins, Times New Roman 13 pt, real tables."""
    from nlv_events.printing.pdf_table_rows import column_widths

    margins = document.margins or model.DECREE_MARGINS
    word = new_word_document(document.page, margins)
    page_width, page_height = PAGE_MM[document.page]
    body_width_mm = page_width - margins.left - margins.right
    body_height_pt = (page_height - margins.top - margins.bottom) / 25.4 * 72
    if document.page_numbers:
        docx_decree.page_numbers(word.sections[0])
    word.core_properties.title = document.title[:TITLE_PROPERTY_LIMIT]
    word.core_properties.author = "NLV Events"

    if document.header is not None:
        docx_decree.header_block(word, document.header, min(body_width_mm, 165))
    elif document.organisation_line:
        parts.paragraph(word, document.organisation_line.upper(), 13, "center", bold=True)
    for block in document.blocks:
        if isinstance(block, model.Table):
            widths = column_widths(block, body_width_mm / 25.4 * 72, CELL_SIZE)
            signed_after = document.signature is not None and block is document.blocks[-1]
            cut = docx_tall_rows.cut_for_pages(block, body_width_mm / 25.4 * 72, body_height_pt)
            _table(word, cut, widths, keep_end=signed_after)
        else:
            _block(word, document, block, body_width_mm)
    if document.signature is not None:
        if word.paragraphs and isinstance(document.blocks[-1], model.Text):
            word.paragraphs[-1].paragraph_format.keep_with_next = True  # the signature never on a page of its own
        word.add_paragraph().paragraph_format.keep_with_next = True
        docx_decree.signature(word, document.signature, body_width_mm)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
