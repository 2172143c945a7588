"""Rows taller than a Word page, cut before Word sees them, as the PDF cuts them: between the items of their
cells (a person, a paragraph), the rest repeating the row's `repeat` cells followed by "(tiếp)".

Word keeps every row of our tables whole (`cantSplit`), so a row that fits a page goes over whole. A row taller
than a page cannot: Word then breaks it wherever the page ends, with nothing on the next page saying what it
continues. Word lays the document out only when it opens it, so the cut is made here, measured with the PDF's
metrics (the same widths as Times New Roman) and a margin for Word's own rounding.
"""

from __future__ import annotations

import math
from dataclasses import replace

from nlv_events.printing import model
from nlv_events.printing.pdf_glyphs import Glyphs
from nlv_events.printing.pdf_table_rows import PAD_BOTTOM, PAD_SIDE, PAD_TOP, PreparedRow, TableMaker

WORD_MARGIN = 0.9  # a piece fills at most this share of the room: Word's line heights round differently
WIDEST_CHARACTER = 1.0  # in ems: no character of the serif face is wider, so a row under the bound needs no measure


def cut_for_pages(table: model.Table, width_pt: float, page_room_pt: float) -> model.Table:
    """`table` with every row taller than `page_room_pt` (the text height of a page) cut into rows that fit."""
    maker = TableMaker(table, width_pt, Glyphs(set()))
    room = (page_room_pt - maker.header().height) * WORD_MARGIN
    rows: list[model.Row] = []
    for row in table.rows:
        rows.extend(_pieces(maker, row, room) if _may_be_taller(maker, row, room) else [row])
    return replace(table, rows=rows)


def _may_be_taller(maker: TableMaker, row: model.Row, room: float) -> bool:
    """Whether `row` could be taller than `room`, by an upper bound on its lines: measuring every row of a year's
    list would cost what the PDF's layout costs."""
    widths = [sum(maker.widths[: row.span]), *maker.widths[row.span :]]
    tallest = 0.0
    for cell, width in zip(row.cells, widths, strict=False):
        per_line = max(1, int((width - 2 * PAD_SIDE) / (maker.size * WIDEST_CHARACTER)))
        lines = sum(max(1, math.ceil(sum(len(run.text) for run in item) / per_line)) for item in cell.lines)
        tallest = max(tallest, lines * maker.leading)
    return tallest + PAD_TOP + PAD_BOTTOM > room


def _pieces(maker: TableMaker, row: model.Row, room: float) -> list[model.Row]:
    pieces = []
    while True:
        prepared = maker.row(row)
        if prepared.height <= room:
            return [*pieces, row]
        cut = _cut(row, prepared, room, maker.table.continued)
        if cut is None:  # one item alone is taller than a page: Word breaks inside it
            return [*pieces, row]
        head, row = cut
        pieces.append(head)


def _cut(row: model.Row, prepared: PreparedRow, room: float, mark: str) -> tuple[model.Row, model.Row] | None:
    space = room - PAD_TOP - PAD_BOTTOM
    head_cells, rest_cells = [], []
    for index, (cell, measured) in enumerate(zip(row.cells, prepared.cells, strict=True)):
        used, taken = 0.0, 0
        while taken < len(cell.lines) and used + measured.heights[taken] <= space:
            used += measured.heights[taken]
            taken += 1
        if taken == 0 and cell.lines:
            return None
        head_cells.append(model.Cell(cell.lines[:taken], cell.align))
        if index in row.repeat and taken >= len(cell.lines):
            rest_cells.append(_marked(cell, mark))
        else:
            rest_cells.append(model.Cell(cell.lines[taken:], cell.align))
    head = model.Row(head_cells, row.kind, row.span, keep_with_next=False, repeat=row.repeat)
    rest = model.Row(rest_cells, row.kind, row.span, row.keep_with_next, row.repeat)
    return head, rest


def _marked(cell: model.Cell, mark: str) -> model.Cell:
    """The cell said again on the continued row, with "(tiếp)" under it once, however often the row continues."""
    if cell.lines and cell.plain().endswith(mark):
        return cell
    return model.Cell([*cell.lines, model.line(mark, italic=True)], cell.align)
