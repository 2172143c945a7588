"""Rows of a worksheet whose cells are styled alike: each style set through openpyxl once, then copied.

Setting a cell's alignment or number format through openpyxl hashes the style field by field and looks it up among
the workbook's styles, for every cell: a third of building the tallies' sheet of 10 000 events. Here a style is set
through openpyxl on the first cell that needs it, and every later cell styled alike starts from a copy of that
cell's style ids (as openpyxl's own copy of a worksheet does). The workbook is the same, style numbers included:
the cells of a row are made, their values bound, before the new styles are set, in the order of the columns, as
appending a row and then styling its cells does; and a style is keyed by the value's type too, because openpyxl
gives a date or time cell a number format of its own (registered in the workbook) when its value is bound.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

from openpyxl.cell import Cell
from openpyxl.styles.cell_style import StyleArray

Style = Callable[[Cell], None]


class SharedStyles:
    """The styles of one worksheet's styled columns, each made once and named by a key of the caller's."""

    def __init__(self, sheet) -> None:
        self._sheet = sheet
        self._made: dict[Hashable, StyleArray] = {}

    def row(self, values: Sequence[object], styles: dict[int, tuple[Hashable, Style]]) -> list[Cell]:
        """The cells to `append` holding `values`, those of the columns in `styles` (1-based column -> the style's
        key and the function that sets it on a cell) so styled; `styles` in the order the styles were set."""
        row: list[Cell] = []
        new: dict[int, tuple[Hashable, Cell]] = {}
        for column, value in enumerate(values, start=1):
            styled = styles.get(column)
            made = None if styled is None else self._made.get((styled[0], type(value)))
            cell = Cell(self._sheet, value=value, style_array=made)  # as append makes it, or already styled
            row.append(cell)
            if styled is not None and made is None:
                new[column] = ((styled[0], type(value)), cell)
        for column, (_name, style) in styles.items() if new else ():  # after the first rows, nothing is new
            if column not in new:
                continue
            key, cell = new[column]
            made = self._made.get(key)  # two cells of the row may share a new style
            if made is None:
                style(cell)
                self._made[key] = StyleArray(cell._style)
            else:
                cell._style = StyleArray(made)
        return row


def number_format(code: str) -> Style:
    """A style that sets a cell's number format."""

    def style(cell: Cell) -> None:
        cell.number_format = code

    return style


def aligned(alignment) -> Style:
    """A style that sets a cell's alignment."""

    def style(cell: Cell) -> None:
        cell.alignment = alignment

    return style


def combined(*styles: Style) -> Style:
    """A style that sets each of `styles` in turn (a number format and an alignment, say)."""

    def style(cell: Cell) -> None:
        for each in styles:
            each(cell)

    return style
