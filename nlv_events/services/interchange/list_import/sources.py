"""The tables of an event list file, whatever made it: an Excel workbook's sheets, a CSV file, a Word file's tables.

Each comes back as rows of cells (text, numbers, dates as the file holds them), a merged cell's value in the first
row it covers and again in each row below it (a partner written once for two rows stands for both), nothing in the
columns it covers to its right (a section heading merged across the table stays one cell), with the text written
above the table (its title, where the year may be).
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from nlv_events.core import sheets
from nlv_events.core.errors import UserError
from nlv_events.core.text import clean
from nlv_events.i18n import _, in_every_language
from nlv_events.services.interchange.list_import.columns import MEANINGS, code_of, kinds

SUFFIXES = (".xlsx", ".csv", ".docx")


@dataclass
class SourceTable:
    name: str  # the sheet's name, "Bảng 2" of a Word file, the CSV file's name
    rows: list[list[object]]
    above: list[str] = field(default_factory=list)  # the texts above the table: its title
    status: str | None = None  # the status of all its events ("cancelled": the year-end list's cancelled lines)


def read(path: str | os.PathLike[str], sheet: str | None = None, encoding: str | None = None) -> list[SourceTable]:
    """The tables of the file (of the sheet named `sheet` only, for a workbook), by the file's extension."""
    file = sheets.file_of(path)
    suffix = file.suffix.lower()
    if suffix == ".xlsx":
        return _workbook(file, sheet)
    if sheet is not None:
        raise UserError(_("--sheet names a sheet of an .xlsx workbook; {name} has none.").format(name=file.name))
    if suffix == ".csv":
        return [SourceTable(file.name, _csv_rows(file, encoding))]
    if suffix == ".docx":
        return _word_tables(file)
    raise UserError(_("Import an event list from an .xlsx, .csv or .docx file, not “{name}”.").format(name=file.name))


def _csv_rows(file: Path, encoding: str | None) -> list[list[object]]:
    """The rows of a CSV file: UTF-8 (with or without its mark) or UTF-16 as its bytes say, else the encoding the
    user names; a file in neither is refused with the message that says how to name it."""
    return sheets.read_csv(file, encoding)  # type: ignore[return-value]


def _workbook(file: Path, wanted: str | None) -> list[SourceTable]:
    from openpyxl import load_workbook

    sheets.check_size(file)
    sheets.check_parts(file)
    try:
        # Not read-only: the merged cells are known only to a workbook read whole (the caps above bound it).
        workbook = load_workbook(file, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as error:
        raise UserError(_("{path} is not an XLSX workbook: {reason}").format(path=file, reason=error)) from None
    names = workbook.sheetnames
    if wanted is not None and wanted not in names:
        raise UserError(_("{file} has no sheet “{sheet}”; its sheets are: {sheets}.").format(
            file=file.name, sheet=wanted, sheets=", ".join(names)))
    tables = []
    # The tallies workbook's sheet of cancelled events: its events are stored cancelled (not counted), as written.
    cancelled = {name[:31] for name in in_every_language("Cancelled events")}
    for worksheet in workbook.worksheets:
        if wanted is None or worksheet.title == wanted:
            status = "cancelled" if worksheet.title in cancelled else None
            tables.append(SourceTable(worksheet.title, _sheet_rows(file, worksheet), status=status))
    workbook.close()
    return tables


def _sheet_rows(file: Path, worksheet) -> list[list[object]]:
    rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
    for merged in worksheet.merged_cells.ranges:
        top, left = merged.min_row - 1, merged.min_col - 1
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row in range(top + 1, min(merged.max_row, len(rows))):
            rows[row][left] = value
    return sheets.checked(file, rows)


def _word_tables(file: Path) -> list[SourceTable]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    sheets.check_size(file)
    sheets.check_parts(file)
    try:
        document = docx.Document(str(file))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UserError(_("{path} is not a Word (.docx) document: {reason}").format(path=file, reason=error)) from None
    tables: list[SourceTable] = []
    above: list[str] = []
    paragraphs: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = clean("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")))
            if text:
                above.append(text)
                paragraphs.append(text)
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            number = len(tables) + 1
            tables.append(SourceTable(_("Table {number}").format(number=number), _word_rows(file, table), above))
            above = []
    cancelled = _cancelled_lines(paragraphs)
    return tables + ([SourceTable(_("Cancelled events"), cancelled, status="cancelled")] if cancelled else [])


# "– Tọa đàm … (14:00–16:30 22/09/2022): the reason", as the year-end list writes a cancelled event under its table.
_CANCELLED_LINE = re.compile(r"^[–-]\s*(?P<title>.+)\s\((?P<dates>[^()]*[0-9]{4})\)(?::\s*(?P<notes>.*))?$")


def _cancelled_lines(paragraphs: list[str]) -> list[list[object]]:
    """The cancelled events the app's year-end list writes below its table, as a table of their own (its header
    the app's column names in the language in force, as the preview tells them), or nothing."""
    heading = {text.rstrip(":") for text in in_every_language("Cancelled events (not counted):")}
    try:
        start = next(index for index, text in enumerate(paragraphs) if text.rstrip(":") in heading)
    except StopIteration:
        return []
    rows: list[list[object]] = [[_(MEANINGS[name]) for name in ("kind", "title", "dates", "notes")]]
    for text in paragraphs[start + 1 :]:
        match = _CANCELLED_LINE.match(text)
        if match is None:
            break
        title = match.group("title")
        rows.append([_kind_words(title), title, match.group("dates"), match.group("notes") or ""])
    return rows if len(rows) > 1 else []


def _kind_words(title: str) -> str:
    """The words a cancelled event's title opens with when they name a kind ("Tọa đàm “…”" → "Tọa đàm"), or "": the
    list prints no kind for it, and stored as "other" it came back as a second event when the list was imported
    over the year it was printed from."""
    words = re.split(r"\s*[“\"«–-]", title, maxsplit=1)[0].split()
    for size in range(min(len(words), 5), 0, -1):
        if code_of(kinds(), " ".join(words[:size])):
            return " ".join(words[:size])
    return ""


def _word_rows(file: Path, table) -> list[list[object]]:
    """The table's rows; a cell merged across columns (python-docx gives it once per column) counts once, at its
    left, and one merged down the rows is read in each (python-docx gives the top cell again)."""
    rows: list[list[object]] = []
    for row in table.rows:
        cells: list[object] = []
        previous = None
        for cell in row.cells:
            cells.append("" if cell._tc is previous else "\n".join(p.text for p in cell.paragraphs))
            previous = cell._tc
        rows.append(cells)
    return sheets.checked(file, rows)
