"""A page's part of a prepared table drawn straight onto the page, without ReportLab's `Table`.

Every row reaching the page is already measured and wrapped (`pdf_table_rows`), yet ReportLab's `Table` took each
page's rows as a new table: it normalised every cell, mapped every cell of its spans, laid the table out again and
visited each cell through its general drawing code, about a tenth of the time a year-end list of 10 000 events
takes (issue #35). `GridTable` draws the same rows with the same operators, in the same order, from the same
arithmetic: the cells' lines as `pdf_lines` writes them (each distinct line formatted once a document, an empty
cell left out), then the grid as ReportLab's GRID command strokes it (its box, then the inner lines, each broken
around a spanning cell by ReportLab's own `_hLine`). The pages are the same, byte for byte
(tests/unit/printing/test_pdf_grid.py)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable
from reportlab.platypus.tables import CellStyle, _hLine

from nlv_events.printing import pdf_lines


class GridTable(Flowable):
    """Rows of cells (text, its lines joined by newlines, or a list of paragraphs) at fixed column widths and row
    heights, under a grid of `line_width` in `line_colour`; a row's first cell may span its first `spans[row]`
    columns. Laid out once: it is never split (`BrokenTable` cuts the rows between pages)."""

    def __init__(
        self, values: Sequence[Sequence], styles: Sequence[Sequence[CellStyle]], spans: Sequence[int],
        widths: Sequence[float], heights: Sequence[float], line_width: float, line_colour: Color,
    ) -> None:  # fmt: skip
        super().__init__()
        self.hAlign, self.vAlign = "CENTER", "MIDDLE"  # where ReportLab places a table in its frame
        self.values, self.styles, self.spans = values, styles, spans
        self.widths, self.heights = list(widths), list(heights)
        self.line_width, self.line_colour = line_width, line_colour
        self.columns = [0]  # each column's left edge, then the right edge, added up as ReportLab adds them
        across = 0
        for width in self.widths:
            across = across + width
            self.columns.append(across)
        self.rows = _row_positions(self.heights)  # each row's top edge, then the bottom edge (0)
        self.width, self.height = across, self.rows[0]
        self.spanning = any(span > 1 for span in spans)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        self._current: CellStyle | None = None
        self._drawable: dict[int, bool] = {}
        self._memory = pdf_lines.remembered(canvas)
        columns, rows = self.columns, self.rows
        for index, (values, styles, span) in enumerate(zip(self.values, self.styles, self.spans, strict=True)):
            bottom = rows[index + 1]
            # ReportLab takes a cell's height from the row's own height, or, in a table with spans, from the
            # positions around it (not always the same last digit)
            height = rows[index] - bottom if self.spanning else self.heights[index]
            for column, (value, style) in enumerate(zip(values, styles, strict=True)):
                if not self.spanning:
                    self._cell(value, style, columns[column], bottom, self.widths[column], height)
                elif column == 0 or column >= span:
                    right = columns[span if column == 0 else column + 1]
                    self._cell(value, style, columns[column], bottom, right - columns[column], height)
        self._grid()
        canvas.restoreState()

    def _cell(self, value: str | list[Flowable], style: CellStyle, left: float, bottom: float, width: float,
              height: float) -> None:  # fmt: skip
        if isinstance(value, str) and value == "":
            return  # ReportLab began and ended a text object for nothing (most of a list's figure and note cells)
        self._use_style(style)
        if isinstance(value, str):
            drawable = self._drawable.get(id(style))
            if drawable is None:
                drawable = self._drawable[id(style)] = pdf_lines.can_draw(self.canv)
            origin = pdf_lines.line_origin(style, (left, bottom), (width, height), value.count("\n") + 1)
            if drawable:
                lines = self._memory.cell(self.canv, value)
                pdf_lines.write_lines(self.canv, self._memory, lines, *origin, style.leading, style.alignment)
            else:
                _draw_strings(self.canv, value, *origin, style)
            return
        self._paragraphs(value, style, left, bottom, width, height)

    def _use_style(self, style: CellStyle) -> None:
        """The canvas's colour and face set for `style`, as ReportLab's `_drawCell` sets them."""
        current = self._current
        if current is style:
            return
        if current is None or style.color != current.color:
            self.canv.setFillColor(style.color)
        if current is None or (style.leading, style.fontname, style.fontsize) != (
                current.leading, current.fontname, current.fontsize):  # fmt: skip
            self.canv.setFont(style.fontname, style.fontsize, style.leading)
        self._current = style

    def _paragraphs(self, flowables: list[Flowable], style: CellStyle, left: float, bottom: float, width: float,
                    height: float) -> None:  # fmt: skip
        """A cell of paragraphs (runs in several faces), placed as ReportLab's `_drawCell` places a list of
        flowables."""
        if not flowables:
            return
        room_across = width - style.leftPadding - style.rightPadding
        if room_across < 0:  # refused as ReportLab refuses it, rather than failing inside the paragraph
            raise ValueError(f"{self.identity()}: flowable given negative availWidth={room_across} width={width} - "
                             f"leftPadding={style.leftPadding} - rightPadding={style.rightPadding}")  # fmt: skip
        room_down = height - style.topPadding - style.bottomPadding
        sizes = [flowable.wrapOn(self.canv, room_across, room_down) for flowable in flowables]
        total = sum(size[1] + flowable.getSpaceAfter() + flowable.getSpaceBefore()
                    for flowable, size in zip(flowables, sizes, strict=True))  # fmt: skip
        total = total - flowables[0].getSpaceBefore() - flowables[-1].getSpaceAfter()
        if style.valign == "TOP":
            y = bottom + height - style.topPadding
        elif style.valign == "BOTTOM":
            y = bottom + style.bottomPadding + total
        else:
            y = bottom + (height + style.bottomPadding - style.topPadding + total) / 2.0
        y += flowables[0].getSpaceBefore()
        for flowable, (across, down) in zip(flowables, sizes, strict=True):
            if style.alignment == "LEFT":
                x = left + style.leftPadding
            elif style.alignment == "RIGHT":
                x = left + width - style.rightPadding - across
            else:
                x = left + (width + style.leftPadding - style.rightPadding - across) / 2.0
            y -= flowable.getSpaceBefore()
            y -= down
            flowable.drawOn(self.canv, x, y)
            y -= flowable.getSpaceAfter()

    def _grid(self) -> None:
        """The grid, stroked as ReportLab's GRID command strokes it: the top and bottom edges, the left and right
        edges, then the inner lines across and the inner lines down; the lines down stop at a spanning cell."""
        canvas = self.canv
        canvas.saveState()
        canvas.setLineCap(1)  # round caps and joins: ReportLab's defaults for a table's lines
        canvas.setLineJoin(1)
        if self.line_colour:  # as ReportLab's _prepLine: no colour or a width of 0 is left as the canvas has it
            canvas.setStrokeColor(self.line_colour)
        if self.line_width:
            canvas.setLineWidth(self.line_width)
        line = canvas.line
        columns, rows = self.columns, self.rows
        left, right, top, bottom = columns[0], columns[-1], rows[0], rows[-1]

        def down(y0, x0, y1, x1):  # ReportLab draws its lines down with its lines across' code, x and y swapped
            line(x0, y0, x1, y1)

        blocks = self._blocks()
        _hLine(line, left, right, top, {})
        _hLine(line, left, right, bottom, {})
        _hLine(down, bottom, top, left, blocks)
        _hLine(down, bottom, top, right, blocks)
        for y in rows[1:-1]:
            _hLine(line, left, right, y, {})
        for x in columns[1:-1]:
            _hLine(down, bottom, top, x, blocks)
        canvas.restoreState()

    def _blocks(self) -> dict[float, list[tuple[float, float]]]:
        """Where each line down is interrupted: by each row whose first cell spans the columns either side."""
        blocks: dict[float, list[tuple[float, float]]] = {}
        for index, span in enumerate(self.spans):
            for column in range(1, span):
                blocks.setdefault(self.columns[column], []).append((self.rows[index + 1], self.rows[index]))
        for value in blocks.values():
            value.sort()
        return blocks


def _row_positions(heights: list[float]) -> list[float]:
    """Each row's top edge from the bottom of the table, then 0: added up from the last row with ReportLab's
    compensated summation, so every edge has ReportLab's last digit."""
    positions: list[float] = []
    height = carried = 0  # whole zeros, as ReportLab starts
    for index in range(len(heights) - 1, -1, -1):
        positions.append(height)
        step = heights[index] - carried
        total = height + step
        carried = (total - height) - step
        height = total
    positions.append(height)
    positions.reverse()
    return positions


def _draw_strings(canvas, value: str, x: float, y: float, style: CellStyle) -> None:
    """A cell's lines as ReportLab's own `drawString` family writes them (a face `draw_lines` cannot write)."""
    draw = {"LEFT": canvas.drawString, "RIGHT": canvas.drawRightString}.get(style.alignment, canvas.drawCentredString)
    for line in value.split("\n"):
        draw(x, y, line)
        y -= style.leading
