"""The register of a year as the person asks for it: a table on the screen, JSON, an XLSX workbook, or a printout
(PDF or Word) under the decree's header. The columns are declared once, here, for all of them."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nlv_events import printing
from nlv_events.core.cells import neutralise_row
from nlv_events.core.errors import UserError
from nlv_events.core.files import atomic_output
from nlv_events.i18n import N_, _
from nlv_events.printing import decree, sheet_pages
from nlv_events.printing.model import Cell, Column, Document, Row, Table, Text
from nlv_events.services.register.entries import EntryLine

FORMATS = ("table", "json", "xlsx", "pdf", "docx")


@dataclass(frozen=True)
class RegisterColumn:
    heading: str  # an N_ msgid, translated when shown
    value: Callable[[EntryLine], object]
    width: int  # characters, in the workbook
    weight: float = 1.0  # share of the printed page's width


COLUMNS: tuple[RegisterColumn, ...] = (
    RegisterColumn(N_("Number and symbol"), lambda entry: entry.number_text, 16, 1.0),
    RegisterColumn(N_("Date"), lambda entry: entry.day.strftime("%d/%m/%Y"), 12, 0.8),
    RegisterColumn(N_("Kind"), lambda entry: entry.kind_name, 14, 0.9),
    # The trích yếu of Nghị định 30/2020; not "Summary", which is the tallies' sheet (a tally: "Tổng hợp").
    RegisterColumn(N_("Summary of contents"), lambda entry: entry.title, 48, 2.6),
    RegisterColumn(N_("Signer"), lambda entry: entry.signer, 20, 1.2),
    RegisterColumn(N_("Recipients"), lambda entry: entry.recipients, 28, 1.6),
    RegisterColumn(N_("Re-prints"), lambda entry: entry.reprints, 10, 0.6),
)


def format_for(path: str | None, chosen: str | None) -> str:
    """The format asked for: --format, else the output file's extension, else the table."""
    if chosen:
        return chosen
    suffix = Path(path).suffix.lower().lstrip(".") if path else ""
    if path and suffix not in FORMATS:
        raise UserError(_("{file}: give a file ending in .json, .xlsx, .pdf or .docx.").format(file=path))
    return suffix or "table"


def to_json_text(year: int, lines: list[EntryLine]) -> str:
    rows = [
        {"id": line.id, "number": line.number, "number_text": line.number_text, "kind": line.kind,
         "date": line.day.isoformat(), "title": line.title, "event_id": line.event_id, "signer": line.signer,
         "recipients": line.recipients, "sha256": line.digest, "file": line.file_name, "reprints": line.reprints,
         "created_by": line.created_by}
        for line in lines
    ]  # fmt: skip
    return json.dumps({"year": year, "entries": rows}, ensure_ascii=False, indent=2) + "\n"


def to_table_text(lines: list[EntryLine]) -> str:
    """A plain table for the terminal: the entry's id (what `attach --entry` asks for), number, date, signer and
    title, one entry a line."""
    if not lines:
        return _("The register has no entries.") + "\n"
    ids = max(len(str(line.id)) for line in lines)  # the number alone: a shell reads "#12" as a comment
    width = max(len(line.number_text) for line in lines)
    return "".join(
        f"{line.id:>{ids}}  {line.number_text:<{width}}  {line.day.strftime('%d/%m/%Y')}  {line.title}"
        f"{'  — ' + line.signer if line.signer else ''}\n"
        for line in lines
    )


def write_xlsx(year: int, lines: list[EntryLine], path: str | os.PathLike[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Register {year}").format(year=year)[:31]
    sheet.append([_("REGISTER OF OUTGOING DOCUMENTS {year}").format(year=year)])
    sheet_pages.merge_across(sheet, 1, len(COLUMNS))
    sheet.cell(1, 1).font = Font(bold=True)
    sheet.append([_(column.heading) for column in COLUMNS])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for line in lines:  # titles and recipients are typed text: "=…" is shown, never run
        sheet.append(neutralise_row(column.value(line) for column in COLUMNS))
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = sheet.cell(3, 1)
    sheet_pages.print_setup(sheet, landscape=True, title_rows=(2, 2))
    with atomic_output(path, "wb") as stream:
        workbook.save(stream)


def document(year: int, lines: list[EntryLine], options: decree.DecreeOptions | None = None) -> Document:
    """The register as a printout: the decree's header (no number: the register is not itself issued), the title,
    the table."""
    options = options or decree.DecreeOptions()
    rows = [Row([Cell.of(str(column.value(line))) for column in COLUMNS]) for line in lines]
    return Document(
        title=_("Register of outgoing documents {year}").format(year=year),
        blocks=[
            Text(_("REGISTER OF OUTGOING DOCUMENTS {year}").format(year=year), "doc_type"),
            Table([Column(_(column.heading), weight=column.weight) for column in COLUMNS], rows,
                  continued=_("(continued)")),
            *([] if lines else [Text(_("The register has no entries."), "note")]),
        ],
        page="a4-landscape",
        header=decree.header(options, None),
    )


def write(year: int, lines: list[EntryLine], path: str | os.PathLike[str], output_format: str) -> None:
    if output_format == "json":
        with atomic_output(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(to_json_text(year, lines))
    elif output_format == "xlsx":
        write_xlsx(year, lines, path)
    elif output_format in ("pdf", "docx"):
        printing.write(document(year, lines), path)
    else:
        with atomic_output(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(to_table_text(lines))

