"""Lines of a table's cells written into the page as ReportLab's `drawString` writes them, each distinct line
formatted once per document (a table's cells are written so by `pdf_grid.GridTable`).

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
from reportlab.platypus.tables import CellStyle


class Remembered:
    """What one document has formatted: each line's operators and width by (face, size, leading, text), each
    cell's lines by (face, size, leading, cell text), and each coordinate's digits (`fp_str` of two numbers is the
    two numbers' digits, a space between: a column's x and a row's baseline recur in thousands of lines)."""

    __slots__ = ("cells", "lines", "numbers")

    def __init__(self) -> None:
        self.lines: dict[tuple[str, float, float, str], tuple[str, float]] = {}
        self.cells: dict[tuple[str, float, float, str], tuple[tuple[str, float], ...]] = {}
        self.numbers: dict[float, str] = {}

    def line(self, canvas: Canvas, text: str) -> tuple[str, float]:
        key = (canvas._fontname, canvas._fontsize, canvas._leading, text)
        entry = self.lines.get(key)
        if entry is None:
            # ReportLab's own formatting, in a fresh text object as drawString makes one (its face chosen anew)
            entry = self.lines[key] = (PDFTextObject(canvas)._formatText(text),
                                       stringWidth(text, canvas._fontname, canvas._fontsize))  # fmt: skip
        return entry

    def cell(self, canvas: Canvas, text: str) -> tuple[tuple[str, float], ...]:
        key = (canvas._fontname, canvas._fontsize, canvas._leading, text)
        entries = self.cells.get(key)
        if entries is None:
            entries = self.cells[key] = tuple(self.line(canvas, line) for line in text.split("\n"))
        return entries


_documents: WeakKeyDictionary[object, Remembered] = WeakKeyDictionary()


def remembered(canvas: Canvas) -> Remembered:
    """What the canvas's document has formatted so far."""
    memory = _documents.get(canvas._doc)
    if memory is None:
        memory = _documents[canvas._doc] = Remembered()
    return memory


def can_draw(canvas: Canvas) -> bool:
    """Whether `draw_lines` writes what `drawString` would on this canvas: bottom-up, with an embedded TrueType
    face, and no right-to-left support installed (with it, drawString reorders a line before writing it)."""
    return bool(canvas.bottomup) and not textobject.rtlSupport and getattr(getFont(canvas._fontname),
                                                                           "_dynamicFont", False)


def draw_lines(canvas: Canvas, lines: list[str], x: float, y: float, leading: float, align: str) -> None:
    """`lines` in the canvas's current face, the first one's baseline at `y`, each `leading` under the one before,
    `align` ("LEFT", "CENTRE"/"CENTER" or "RIGHT") about `x`: what `drawString`, `drawCentredString` or
    `drawRightString` write for each line."""
    memory = remembered(canvas)
    write_lines(canvas, memory, [memory.line(canvas, text) for text in lines], x, y, leading, align)


def draw_text(canvas: Canvas, text: str, x: float, y: float, leading: float, align: str) -> None:
    """`draw_lines` of the lines of `text` (a cell's value, its lines joined by newlines), split and looked up
    once per document and distinct text."""
    memory = remembered(canvas)
    write_lines(canvas, memory, memory.cell(canvas, text), x, y, leading, align)


def write_lines(canvas: Canvas, memory: Remembered, lines, x: float, y: float, leading: float, align: str) -> None:
    """Formatted `lines` ((operators, width) pairs) written as `draw_lines` says."""
    code, numbers = canvas._code, memory.numbers
    for operators, width in lines:
        if align == "LEFT":
            start = x
        elif align == "RIGHT":
            start = x - width
        else:
            start = x - 0.5 * width
        across = numbers.get(start)
        if across is None:
            across = numbers[start] = fp_str(start)
        up = numbers.get(y)
        if up is None:
            up = numbers[y] = fp_str(y)
        code.append(f"BT 1 0 0 1 {across} {up} Tm {operators} T* ET")
        y -= leading


def line_origin(style: CellStyle, pos: tuple[float, float], size: tuple[float, float], count: int):
    """Where ReportLab's `_drawCell` starts a cell's `count` lines of text: the x its alignment is about and the
    first baseline (the same arithmetic, so the same coordinates to the last digit)."""
    column, row = pos
    width, height = size
    if style.alignment == "LEFT":
        x = column + style.leftPadding
    elif style.alignment == "RIGHT":
        x = column + width - style.rightPadding
    else:
        x = column + (width + style.leftPadding - style.rightPadding) * 0.5
    if style.valign == "BOTTOM":
        y = row + style.bottomPadding + count * style.leading - style.fontsize
    elif style.valign == "TOP":
        y = row + height - style.topPadding - style.fontsize
    else:
        y = row + (style.bottomPadding + height - style.topPadding + count * style.leading) / 2.0 - style.fontsize
    return x, y
