"""The pieces of a Word document the renderers share: table properties in the schema's order, borders, cell
padding, runs and paragraphs set as the decree asks, column widths, and a rule drawn as a paragraph border."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from nlv_events.printing import model

_DIGIT_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")

# The children of w:tblPr in the order the schema requires (Word refuses a file that breaks it).
_TABLE_PROPERTIES = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                     "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar",
                     "tblLook", "tblCaption", "tblDescription")  # fmt: skip


def table_property(table, element) -> None:
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


def set_cell_borders(table, visible: bool) -> None:
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
    table_property(table, borders)


def cell_margins(table, top: float, side: float, bottom: float) -> None:
    """The cells' padding in points. Tables take the PDF's, so the widths measured for the PDF hold in Word: Word's
    default 5.4 pt a side wrapped the figures that fit their column exactly ("4.20" over "0")."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for edge, points in (("top", top), ("left", side), ("bottom", bottom), ("right", side)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(points * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table_property(table, margins)


def row_property(row, name: str) -> None:
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement(f"w:{name}"))


# A cell's paragraphs and a paragraph's runs are written as WordprocessingML text and parsed once a table: built
# through python-docx's objects, property by property, a year's list of 300 events took 1.2 s of the Word version's
# 1.3 s (about 40 s for 10 000 events). The text is the XML python-docx writes, element for element, attribute for
# attribute (tests/unit/printing/test_docx_text.py compares the two).
_W_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_RUN_BREAKS = re.compile(r"([\t\r\n])")
_JUSTIFICATION = {"left": "left", "center": "center", "right": "right"}  # the paragraph's w:jc


def half_points(size: float) -> int:
    """A font size in w:sz's half points, rounded as python-docx rounds `Pt(size)`."""
    return int(int(size * 12700) / 12700 * 2)


def _run_content(text: str) -> str:
    """A run's text as python-docx's `add_run` writes it: a tab is w:tab, a line break w:br, and a piece that
    begins or ends with white space keeps it (xml:space)."""
    content = []
    for piece in _RUN_BREAKS.split(text):
        if piece == "\t":
            content.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            content.append("<w:br/>")
        elif piece:
            kept = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            content.append(f"<w:t{kept}>{escape(piece)}</w:t>")
    return "".join(content)


def runs_xml(line: model.Line, size: float, bold: bool = False, italic: bool = False) -> str:
    """The runs of `line`. Word breaks a line after any hyphen: one between digits ("0912-345-678", "2022-2023") is
    Word's no-break hyphen, as ReportLab keeps it in the PDF."""
    size_element = f'<w:sz w:val="{half_points(size)}"/>'
    written = []
    for item in line:
        properties = ("<w:b/>" if item.bold or bold else "") + ("<w:i/>" if item.italic or italic else "")
        pieces = _DIGIT_HYPHEN.split(item.text)
        for index, piece in enumerate(pieces):
            hyphen = "<w:noBreakHyphen/>" if index < len(pieces) - 1 else ""
            written.append(f"<w:r><w:rPr>{properties}{size_element}</w:rPr>{_run_content(piece)}{hyphen}</w:r>")
    return "".join(written)


def cell_paragraphs_xml(content: model.Cell | list, size: float, bold: bool = False, italic: bool = False,
                        keep: bool = False) -> str:  # fmt: skip
    """A cell's lines, a paragraph each, single spaced with no space after; `keep` binds each to the next."""
    lines = content.lines if isinstance(content, model.Cell) else content
    align = content.align if isinstance(content, model.Cell) else "center"
    properties = ("<w:keepNext/>" if keep else "") + '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    properties += f'<w:jc w:val="{_JUSTIFICATION[align]}"/>'
    return "".join(f"<w:p><w:pPr>{properties}</w:pPr>{runs_xml(item, size, bold, italic)}</w:p>"
                   for item in lines or [model.line("")])  # fmt: skip


def cell_xml(paragraphs: str, width_twips: int, span: int = 1) -> str:
    """A table cell (w:tc) `width_twips` wide holding `paragraphs`; `span` columns of the grid. A cell with no
    paragraph gets an empty one, as Word requires."""
    spanned = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width_twips}"/>{spanned}</w:tcPr>{paragraphs or "<w:p/>"}</w:tc>'


def row_xml(cells: str, properties: tuple[str, ...] = ("cantSplit",)) -> str:
    """A table row (w:tr) of `cells` with the row properties named (tblHeader, cantSplit…) in that order."""
    return f"<w:tr><w:trPr>{''.join(f'<w:{name}/>' for name in properties)}</w:trPr>{cells}</w:tr>"


def elements(xml: str) -> list:
    """`xml`, a sequence of WordprocessingML elements, as python-docx's element objects, to be put in a document."""
    from docx.oxml.parser import parse_xml

    return list(parse_xml(f"<w:body {_W_NAMESPACE}>{xml}</w:body>"))


def runs(paragraph, line: model.Line, size: float, bold: bool = False, italic: bool = False) -> None:
    paragraph._p.extend(elements(runs_xml(line, size, bold, italic)))


def paragraph(container, content: str | model.Line, size: float, align: str = "left", bold: bool = False,
               italic: bool = False, after: float = 0):  # fmt: skip
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                 "right": WD_ALIGN_PARAGRAPH.RIGHT}  # fmt: skip
    paragraph = container.add_paragraph()
    paragraph.alignment = alignment[align]
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    runs(paragraph, content if isinstance(content, tuple) else model.line(content), size, bold, italic)
    return paragraph


def cell_text(cell, content: model.Cell | list, size: float, bold: bool = False, italic: bool = False,
               keep: bool = False) -> None:  # fmt: skip
    """Fill a new cell (python-docx's, holding its one empty paragraph) with `content`."""
    from docx.oxml.ns import qn

    tc = cell._tc
    for empty in tc.findall(qn("w:p")):
        tc.remove(empty)
    tc.extend(elements(cell_paragraphs_xml(content, size, bold, italic, keep)))


def column_widths(table, widths) -> None:
    """Set each column's width in the table's grid and in every cell. Word and LibreOffice lay out a fixed
    table by its grid (`w:gridCol`); the cells' own widths alone left every column as wide as the others there."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


# The children of w:pPr that come after w:pBdr, in the schema's order.
_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                 "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                 "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                 "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                 "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")  # fmt: skip


def rule(container, width: float, column_width: float, thickness: float = 0.5) -> None:
    """A centred horizontal line `width` points long under the paragraph before it, as the decree draws under the
    issuing body and the motto: the top border of an empty paragraph indented to that width (a row of dashes is
    as wide as the font makes it, never the motto's width)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    holder = container.add_paragraph()
    holder.paragraph_format.space_before = Pt(3)  # clear of the descenders above
    holder.paragraph_format.space_after = Pt(0)
    holder.paragraph_format.line_spacing = Pt(4)
    side = max(column_width - width, 0) / 2
    holder.paragraph_format.left_indent = Pt(side)
    holder.paragraph_format.right_indent = Pt(side)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", str(round(thickness * 8))), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    holder._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDER)


def document_defaults(word, language: str) -> None:
    """What every paragraph and run inherits, set as the PDF is: single spacing and no space after (python-docx's
    template gives 1.15 and 10 pt, which made the Word version pages longer), the document's language (the template
    says en-US, so Word marked every Vietnamese word misspelt), and a zoom that the schema accepts (the
    template's `w:zoom` has no `w:percent`, which ECMA-376 requires)."""
    from docx.oxml.ns import qn

    defaults = word.styles.element.find(qn("w:docDefaults"))
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")
    tag = {"vi": "vi-VN"}.get(language, "en-GB")
    for lang in word.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)
    zoom = word.settings.element.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")
