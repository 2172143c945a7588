"""Making cell text safe for spreadsheets: text that starts like a formula is shown, never run.

Every CSV and XLSX the app writes passes its cells through `neutralise` (or `neutralise_row`): a catalogue title
"=HYPERLINK(…)" or a guest's note "+1" is a text a spreadsheet shows, not a formula it runs.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

# The characters a spreadsheet reads a formula from (Excel and LibreOffice also after a tab or a carriage return).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) with an apostrophe; numbers,
    dates and None are left as they are, so they stay numbers in the sheet."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


EXCEL_BOM = "\ufeff"  # without UTF-8's byte-order mark, Excel on Windows reads a CSV in the ANSI code page: mojibake


def csv_text(rows: Iterable[Sequence[object]], line_end: str = "\r\n") -> str:
    """`rows` as CSV text the way Vietnamese offices open it, in Excel: the byte-order mark first and every cell
    neutralised. Every CSV the app writes, to a file or to the terminal, is made here."""
    buffer = io.StringIO()
    buffer.write(EXCEL_BOM)
    writer = csv.writer(buffer, lineterminator=line_end)
    for row in rows:
        writer.writerow(neutralise_row(row))
    return buffer.getvalue()


def neutralise_row(values: Iterable[object]) -> list[object]:
    """A row of cells, each through `neutralise`."""
    return [neutralise(value) for value in values]
