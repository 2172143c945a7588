"""Lines of a table's cells written into the page as ReportLab's `drawString` writes them, each distinct line
formatted once per document.

ReportLab draws each line of a cell through a text object of its own: it measures the line, maps every character
to the embedded face's subset (a Python loop per character) and escapes it, whether or not the same text was drawn
a page before. A year-end list of 10 000 events draws 140 000 lines, and its days, venues, formats, roles and
figures repeat in thousands of cells. The operators of a line depend only on the document (whose subsets number
the characters, in the order first drawn), the face, size, leading and text, so they are formatted once, by
ReportLab, the first time the line is drawn, and written again from there: the page's code is the same, byte for
byte (tests/unit/printing/test_pdf_lines.py)."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen import textobject
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

# a document's formatted lines: (face, size, leading, text) -> (the text's operators, its width)
_formatted: WeakKeyDictionary[object, dict[tuple[str, float, float, str], tuple[str, float]]] = WeakKeyDictionary()


def can_draw(canvas: Canvas) -> bool:
    """Whether `draw_lines` writes what `drawString` would on this canvas: bottom-up, with an embedded TrueType
    face, and no right-to-left support installed (with it, drawString reorders a line before writing it)."""
    return bool(canvas.bottomup) and not textobject.rtlSupport and getattr(getFont(canvas._fontname),
                                                                           "_dynamicFont", False)


def draw_lines(canvas: Canvas, lines: list[str], x: float, y: float, leading: float, align: str) -> None:
    """`lines` in the canvas's current face, the first one's baseline at `y`, each `leading` under the one before,
    `align` ("LEFT", "CENTRE"/"CENTER" or "RIGHT") about `x`: what `drawString`, `drawCentredString` or
    `drawRightString` write for each line."""
    font, size, line_leading = canvas._fontname, canvas._fontsize, canvas._leading
    known = _formatted.get(canvas._doc)
    if known is None:
        known = _formatted[canvas._doc] = {}
    code = canvas._code
    for text in lines:
        key = (font, size, line_leading, text)
        entry = known.get(key)
        if entry is None:
            # ReportLab's own formatting, in a fresh text object as drawString makes one (its face chosen anew)
            entry = known[key] = (PDFTextObject(canvas)._formatText(text), stringWidth(text, font, size))
        operators, width = entry
        if align == "LEFT":
            start = x
        elif align == "RIGHT":
            start = x - width
        else:
            start = x - 0.5 * width
        code.append(f"BT 1 0 0 1 {fp_str(start, y)} Tm {operators} T* ET")
        y -= leading
