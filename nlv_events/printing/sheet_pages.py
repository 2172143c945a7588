"""How a worksheet prints: A4, one page wide, its title rows on every page, headings merged across the table and
rows as tall as their wrapped text. Excel and LibreOffice fit a row to wrapped text only once someone edits it, so
a file written without heights prints two-line rows over the next; the heights are set here."""

from __future__ import annotations

import math

LINE_HEIGHT = 15  # points per line of 11 pt text, as Excel spaces it
COUNT_FORMAT = "#,##0"  # 4.200 in a Vietnamese Excel, 4,200 in an English one: grouped either way


def print_setup(sheet, landscape: bool, title_rows: tuple[int, int] | None = None) -> None:
    """A4, `landscape` or portrait, scaled to one page wide (as many pages down as it takes), margins as the
    decree's, the rows `title_rows` (first, last) repeated at the top of every page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left, sheet.page_margins.right = 30 / 25.4, 15 / 25.4
    sheet.page_margins.top, sheet.page_margins.bottom = 20 / 25.4, 20 / 25.4
    sheet.print_options.horizontalCentered = True
    if title_rows is not None:
        sheet.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"


def merge_across(sheet, row: int, last_column: int, first_column: int = 1) -> None:
    """One cell from `first_column` to `last_column` on `row` (a title, a part's heading, a total's label), so
    the text is not squeezed into the first column's width."""
    if last_column > first_column:
        sheet.merge_cells(start_row=row, start_column=first_column, end_row=row, end_column=last_column)


def _lines(text: str, width: float) -> int:
    per_line = max(width - 1, 1)  # a column's width counts characters of the default font, less its padding
    return sum(max(math.ceil(len(part) / per_line), 1) for part in text.split("\n"))


def row_height(texts: list[tuple[str, float]]) -> float | None:
    """The height a row of these (text, column width) cells needs, or None for one line (the sheet's default);
    for a writer that knows its rows' texts as it writes them, instead of reading every cell back."""
    lines = max((_lines(text, width) for text, width in texts if text), default=1)
    return lines * LINE_HEIGHT if lines > 1 else None


def fit_row_heights(sheet, widths: list[float], first_row: int, last_row: int | None = None) -> None:
    """Set each row from `first_row` as tall as its most-wrapped cell (merged cells aside: they are headings)."""
    merged = {(cell_range.min_row, cell_range.min_col) for cell_range in sheet.merged_cells.ranges}
    for row in sheet.iter_rows(min_row=first_row, max_row=last_row or sheet.max_row):
        lines = 1
        for cell, width in zip(row, widths, strict=False):
            if cell.value is not None and (cell.row, cell.column) not in merged:
                lines = max(lines, _lines(str(cell.value), width))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = lines * LINE_HEIGHT
