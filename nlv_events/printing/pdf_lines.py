"""Lines of a table's cells written into the page as ReportLab's `drawString` writes them, each distinct line
formatted once per document; `LinesTable`, the ReportLab table that writes its cells so.

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
from reportlab.platypus import Table
from reportlab.platypus.tables import CellStyle


class _Remembered:
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


_documents: WeakKeyDictionary[object, _Remembered] = WeakKeyDictionary()


def _remembered(canvas: Canvas) -> _Remembered:
    remembered = _documents.get(canvas._doc)
    if remembered is None:
        remembered = _documents[canvas._doc] = _Remembered()
    return remembered


def can_draw(canvas: Canvas) -> bool:
    """Whether `draw_lines` writes what `drawString` would on this canvas: bottom-up, with an embedded TrueType
    face, and no right-to-left support installed (with it, drawString reorders a line before writing it)."""
    return bool(canvas.bottomup) and not textobject.rtlSupport and getattr(getFont(canvas._fontname),
                                                                           "_dynamicFont", False)


def draw_lines(canvas: Canvas, lines: list[str], x: float, y: float, leading: float, align: str) -> None:
    """`lines` in the canvas's current face, the first one's baseline at `y`, each `leading` under the one before,
    `align` ("LEFT", "CENTRE"/"CENTER" or "RIGHT") about `x`: what `drawString`, `drawCentredString` or
    `drawRightString` write for each line."""
    remembered = _remembered(canvas)
    _write(canvas, remembered, [remembered.line(canvas, text) for text in lines], x, y, leading, align)


def draw_text(canvas: Canvas, text: str, x: float, y: float, leading: float, align: str) -> None:
    """`draw_lines` of the lines of `text` (a cell's value, its lines joined by newlines), split and looked up
    once per document and distinct text."""
    remembered = _remembered(canvas)
    _write(canvas, remembered, remembered.cell(canvas, text), x, y, leading, align)


def _write(canvas: Canvas, remembered: _Remembered, lines, x: float, y: float, leading: float, align: str) -> None:
    code, numbers = canvas._code, remembered.numbers
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


class LinesTable(Table):
    """ReportLab's table, which writes nothing for an empty cell (it began and ended a text object for each of
    them, and most of a year-end list's figure and note cells are empty) and writes a cell's lines with
    `draw_lines`, each distinct line formatted once per document, as ReportLab would have written them."""

    def draw(self) -> None:
        # what the document has formatted, looked up once a page rather than once a cell; and whether each cell
        # style's cells can be written so, asked once a style
        self._remembered = _remembered(self.canv)
        self._drawable: dict[int, tuple[CellStyle, bool]] = {}
        super().draw()

    def _drawCell(self, cellval, cellstyle, pos, size) -> None:
        known = self._drawable.get(id(cellstyle))
        if known is None or known[0] is not cellstyle:
            known = self._drawable[id(cellstyle)] = (cellstyle, _plain_style(cellstyle))
        if not known[1]:
            if cellstyle.href or cellstyle.destination or cellval != "":
                super()._drawCell(cellval, cellstyle, pos, size)
        elif cellval == "":
            return
        elif not isinstance(cellval, str):
            super()._drawCell(cellval, cellstyle, pos, size)
        else:
            self._use_style(cellstyle)
            if len(known) == 2:  # whether draw_lines can draw the style's face, asked once its face is set
                known = self._drawable[id(cellstyle)] = (cellstyle, True, can_draw(self.canv))
            if not known[2]:
                super()._drawCell(cellval, cellstyle, pos, size)
                return
            canvas, remembered = self.canv, self._remembered
            _write(canvas, remembered, remembered.cell(canvas, cellval),
                   *_line_origin(cellstyle, pos, size, cellval.count("\n") + 1), cellstyle.leading,
                   cellstyle.alignment)  # fmt: skip

    def _use_style(self, cellstyle: CellStyle) -> None:
        """The canvas's colour and face set for `cellstyle`, as ReportLab's `_drawCell` sets them."""
        if self._curcellstyle is cellstyle:
            return
        current = self._curcellstyle
        if current is None or cellstyle.color != current.color:
            self.canv.setFillColor(cellstyle.color)
        if current is None or (cellstyle.leading, cellstyle.fontname, cellstyle.fontsize) != (
                current.leading, current.fontname, current.fontsize):  # fmt: skip
            self.canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
        self._curcellstyle = cellstyle


def _plain_style(style: CellStyle) -> bool:
    """Whether a cell of `style` holding text is written as lines, with no link, direction or shaping."""
    return not (style.href or style.destination or style.direction or style.shaping) and style.alignment in (
        "LEFT", "CENTRE", "CENTER", "RIGHT") and style.valign in ("TOP", "MIDDLE", "BOTTOM")  # fmt: skip


def _line_origin(style: CellStyle, pos: tuple[float, float], size: tuple[float, float], count: int):
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
