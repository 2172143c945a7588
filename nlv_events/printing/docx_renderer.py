"""The python-docx renderer of a neutral document: the same content as the PDF, for the office to edit."""

from __future__ import annotations

import io

from nlv_events.i18n import _
from nlv_events.i18n.formats import official_date_line
from nlv_events.printing import model

FONT = "Times New Roman"  # the decree's font
TEXT_SIZES = {"doc_type": 14, "subject": 14, "info": 13, "body": 13, "paragraph": 13, "section": 13, "note": 13,
              "addressee": 14, "letter": 14}
CELL_SIZE = 12
PAGE_MM = {"a4": (210, 297), "a4-landscape": (297, 210), "a5": (148, 210), "a6": (105, 148)}
QR_MM = 25


# The children of w:tblPr in the order the schema requires (Word refuses a file that breaks it).
_TABLE_PROPERTIES = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                     "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
                     "tblLook", "tblCaption", "tblDescription")  # fmt: skip


def _table_property(table, element) -> None:
    """Put `element` into the table's properties at its place in the schema's order."""
    from docx.oxml.ns import qn

    properties = table._tbl.tblPr
    name = element.tag.split("}")[1]
    for old in properties.findall(qn(f"w:{name}")):
        properties.remove(old)
    later = _TABLE_PROPERTIES[_TABLE_PROPERTIES.index(name) + 1 :]
    successor = next((child for child in properties if child.tag.split("}")[1] in later), None)
    if successor is None:
        properties.append(element)
    else:
        successor.addprevious(element)


def _set_cell_borders(table, visible: bool) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            element.set(qn("w:sz"), "4")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    _table_property(table, borders)


def _cell_margins(table) -> None:
    """The PDF's cell padding, so the widths measured for the PDF hold in Word: Word's default 5.4 pt a side
    wrapped the figures that fit their column exactly ("4.20" over "0")."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from nlv_events.printing.pdf_table_rows import PAD_BOTTOM, PAD_SIDE, PAD_TOP

    margins = OxmlElement("w:tblCellMar")
    for edge, points in (("top", PAD_TOP), ("left", PAD_SIDE), ("bottom", PAD_BOTTOM), ("right", PAD_SIDE)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(points * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _table_property(table, margins)


def _row_property(row, name: str) -> None:
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement(f"w:{name}"))


def _runs(paragraph, line: model.Line, size: float, bold: bool = False, italic: bool = False) -> None:
    from docx.shared import Pt

    for item in line:
        run = paragraph.add_run(item.text)
        run.font.size = Pt(size)
        run.font.bold = item.bold or bold or None
        run.font.italic = item.italic or italic or None


def _paragraph(container, content: str | model.Line, size: float, align: str = "left", bold: bool = False,
               italic: bool = False, after: float = 0):  # fmt: skip
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                 "right": WD_ALIGN_PARAGRAPH.RIGHT}  # fmt: skip
    paragraph = container.add_paragraph()
    paragraph.alignment = alignment[align]
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    _runs(paragraph, content if isinstance(content, tuple) else model.line(content), size, bold, italic)
    return paragraph


def _cell_text(cell, content: model.Cell | list, size: float, bold: bool = False, italic: bool = False,
               keep: bool = False) -> None:  # fmt: skip
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    lines = content.lines if isinstance(content, model.Cell) else content
    align = content.align if isinstance(content, model.Cell) else "center"
    first = cell.paragraphs[0]
    for index, item in enumerate(lines or [model.line("")]):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                               "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]  # fmt: skip
        paragraph.paragraph_format.space_after = 0
        paragraph.paragraph_format.keep_with_next = keep or None
        _runs(paragraph, item, size, bold, italic)


def _column_widths(table, widths) -> None:
    """Set each column's width in the table's grid and in every cell. Word and LibreOffice lay out a fixed
    table by its grid (`w:gridCol`); the cells' own widths alone left every column as wide as the others there."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def header_block(document, block: model.HeaderBlock, width_mm: float = 165) -> None:
    """The decree's two-column header as a borderless table (every signed DOCX uses this one)."""
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=2)
    _set_cell_borders(table, False)
    _column_widths(table, (Mm(width_mm * 0.42), Mm(width_mm * 0.58)))
    left, right = table.rows[0].cells
    _cell_text(left, [model.line(block.parent.upper())], 13)
    left.add_paragraph()
    _runs(left.paragraphs[-1], model.line(block.organisation.upper(), bold=True), 13)
    left.paragraphs[-1].alignment = left.paragraphs[0].alignment
    rule = _paragraph(left, "", 13, "center")
    _runs(rule, model.line("———————"), 13)
    if block.number:
        _paragraph(left, _("No.: {number}").format(number=block.number), 13, "center")
    _cell_text(right, [model.line(_("SOCIALIST REPUBLIC OF VIETNAM"), bold=True)], 13)
    _paragraph(right, (model.Run(_("Independence - Freedom - Happiness"), bold=True),), 14, "center")
    _paragraph(right, "———————————————", 13, "center")
    _paragraph(right, official_date_line(block.city, block.date), 14, "center", italic=True)
    for paragraph in left.paragraphs:
        paragraph.alignment = 1  # centred, as the decree sets both columns


def _table(document, table: model.Table, widths_pt: list[float], keep_end: bool = False) -> None:
    """`keep_end`: the last rows stay on the page of what follows (the signature block)."""
    from docx.shared import Pt

    widths = [Pt(width) for width in widths_pt]
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.autofit = False
    _set_cell_borders(grid, True)
    _cell_margins(grid)
    _column_widths(grid, widths)  # before merging: a merged cell spans its columns' grid
    header = grid.rows[0]
    _row_property(header, "tblHeader")  # Word repeats it at the top of every page
    _row_property(header, "cantSplit")
    for cell, column in zip(header.cells, table.columns, strict=True):
        _cell_text(cell, [model.line(column.header)], CELL_SIZE, bold=True, keep=True)  # never alone at a foot
    kept_from = len(table.rows) - 2 if keep_end else len(table.rows)
    for index, (row, added) in enumerate(zip(table.rows, grid.rows[1:], strict=True)):
        _row_property(added, "cantSplit")  # a row never breaks across pages
        cells = added.cells
        keep = row.keep_with_next or index >= kept_from
        target = cells[0].merge(cells[row.span - 1]) if row.span > 1 else cells[0]
        bold = row.kind != "body"
        _cell_text(target, row.cells[0], CELL_SIZE, bold=bold, keep=keep)
        for offset, content in enumerate(row.cells[1:], start=row.span):
            italic = table.columns[offset].italic
            _cell_text(cells[offset], content, CELL_SIZE, bold=bold, italic=italic, keep=keep)


def _signature(document, signature: model.Signature, width_mm: float = 165) -> None:
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=2)
    _set_cell_borders(table, False)
    _column_widths(table, (Mm(width_mm / 2), Mm(width_mm / 2)))
    _row_property(table.rows[0], "cantSplit")  # the authority, the room to sign and the name stay on one page
    left, right = table.rows[0].cells
    if signature.preparer_label:
        _cell_text(left, [model.line(signature.preparer_label, bold=True)], 13)
        if signature.hint:
            _paragraph(left, (model.Run(signature.hint, italic=True),), 13, "center")
        for _blank in range(3 + len(signature.authority)):
            left.add_paragraph()
        _paragraph(left, (model.Run(signature.preparer, bold=True),), 13, "center")
    elif signature.recipients:
        _cell_text(left, [model.line(signature.recipients_label, bold=True, italic=True)], 12)
        left.paragraphs[0].alignment = 0
        for index, item in enumerate(signature.recipients):
            end = "." if index == len(signature.recipients) - 1 else ";"
            _paragraph(left, f"- {item}{end}", 11)
    if signature.qr:
        left.add_paragraph().add_run().add_picture(_qr_png(signature.qr), width=Mm(QR_MM))
    _cell_text(right, [model.line(item, bold=True) for item in signature.authority] or [model.line("")], 13)
    if signature.hint:
        _paragraph(right, (model.Run(signature.hint, italic=True),), 13, "center")
    for _blank in range(4):
        right.add_paragraph()
    _paragraph(right, (model.Run(signature.name, bold=True),), 13, "center")


def _qr_png(payload: str) -> io.BytesIO:
    import segno

    image = io.BytesIO()
    segno.make(payload, error="m").save(image, kind="png", scale=6, border=2)
    image.seek(0)
    return image


def _page_numbers(section) -> None:
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
    paragraph = _paragraph(word, block.content, TEXT_SIZES[block.style], align, bold,
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


def _picture(word, block: model.Picture, width_mm: float) -> None:
    from docx.shared import Mm

    paragraph = word.add_paragraph()
    paragraph.alignment = 1  # centred
    paragraph.add_run().add_picture(io.BytesIO(block.data), width=Mm(width_mm))


def _card(word, block: model.Card, first: bool) -> None:
    """A card's lines in large type, a page each (Word has no tent fold: the office prints cards as PDF)."""
    from docx.shared import Pt

    if not first:
        word.add_page_break()
    for item in block.lines:
        paragraph = _paragraph(word, (model.Run(item.text, item.bold, item.italic),), item.size, item.align)
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
        header_block(word, block, min(body_width_mm, 165))
    elif isinstance(block, model.Signature):
        word.add_paragraph().paragraph_format.keep_with_next = True
        _signature(word, block, body_width_mm)
    else:
        raise TypeError(f"not a block: {block!r}")


def render(document: model.Document) -> bytes:
    """`document` as DOCX bytes: decree margins, Times New Roman 13 pt, real tables."""
    from nlv_events.printing.pdf_table_rows import column_widths

    margins = document.margins or model.DECREE_MARGINS
    word = new_word_document(document.page, margins)
    page_width, _page_height = PAGE_MM[document.page]
    body_width_mm = page_width - margins.left - margins.right
    if document.page_numbers:
        _page_numbers(word.sections[0])
    word.core_properties.title = document.title
    word.core_properties.author = "NLV Events"

    if document.header is not None:
        header_block(word, document.header, min(body_width_mm, 165))
    elif document.organisation_line:
        _paragraph(word, document.organisation_line.upper(), 13, "center", bold=True)
    for block in document.blocks:
        if isinstance(block, model.Table):
            widths = column_widths(block, body_width_mm / 25.4 * 72, CELL_SIZE)
            signed_after = document.signature is not None and block is document.blocks[-1]
            _table(word, block, widths, keep_end=signed_after)
        else:
            _block(word, document, block, body_width_mm)
    if document.signature is not None:
        if word.paragraphs and isinstance(document.blocks[-1], model.Text):
            word.paragraphs[-1].paragraph_format.keep_with_next = True  # the signature never on a page of its own
        word.add_paragraph().paragraph_format.keep_with_next = True
        _signature(word, document.signature, body_width_mm)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
