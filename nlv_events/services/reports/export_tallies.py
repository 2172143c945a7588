"""Writing the tallies of a year as JSON, CSV (for Excel) or XLSX."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from nlv_events.core import bulk, event_reading, vocab, when
from nlv_events.core.cells import csv_text, neutralise, neutralise_row
from nlv_events.core.errors import UserError
from nlv_events.core.files import atomic_output
from nlv_events.i18n import _
from nlv_events.printing import sheet_pages, sheet_styles
from nlv_events.printing.sheet_styles import Style
from nlv_events.services.reports import counting
from nlv_events.services.reports.tallies import YearTallies
from nlv_events.services.reports.tally_tables import (
    SUMMARY_COLUMNS,
    month_headers,
    month_rows,
    press_headers,
    press_rows,
    summary_headers,
    summary_rows,
)

FORMATS = ("json", "csv", "xlsx", "docx")


def format_for(path: str | os.PathLike[str] | None, requested: str | None) -> str:
    """The export format: the one asked for, else the file's extension, else JSON."""
    if requested:
        return requested
    if path is None:
        return "json"
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UserError(
            _("Cannot tell the format from “{name}”: use a .json, .csv, .xlsx or .docx file, or --format.").format(
                name=Path(path).name
            )
        )
    return suffix


def to_json_text(tallies: YearTallies) -> str:
    return json.dumps(tallies.to_json(), ensure_ascii=False, indent=2) + "\n"


def to_csv_text(tallies: YearTallies) -> str:
    kinds = [kind for _name, _header, kind in SUMMARY_COLUMNS]
    rows = [
        [row.label, *(_csv_value(value, kind) for value, kind in zip(row.values, kinds, strict=True))]
        for row in summary_rows(tallies)
    ]
    return csv_text([summary_headers(), *rows, [], [_("Cancelled events"), tallies.cancelled]])


def _csv_value(value: float | None, kind: str) -> str | float:
    if value is None:
        return ""
    # "111%" is read by Excel as the number 1.11 shown as a percentage, and by a person as it is.
    return f"{round(value * 100)}%" if kind == "share" else value


def write_json(tallies: YearTallies, path: str | os.PathLike[str]) -> None:
    with atomic_output(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(to_json_text(tallies))


def write_csv(tallies: YearTallies, path: str | os.PathLike[str]) -> None:
    with atomic_output(path, "w", encoding="utf-8", newline="") as stream:  # the text starts with its BOM
        stream.write(to_csv_text(tallies))


@bulk.many_objects()  # a workbook of 10 000 events holds some 120 000 cells: a sixth of its time was collecting
def write_xlsx(tallies: YearTallies, path: str | os.PathLike[str]) -> None:
    """The summary table, the months, the press coverage (when recorded), every counted event, and the cancelled
    events (when there are any)."""
    from openpyxl import Workbook

    workbook = Workbook()
    _summary_sheet(workbook.active, tallies)
    _months_sheet(workbook.create_sheet(_("By month")[:31]), tallies)
    if tallies.press_outlets:
        _press_sheet(workbook.create_sheet(_("Press")[:31]), tallies)
    _events_sheet(workbook.create_sheet(_("Events")[:31]), tallies)
    cancelled = event_reading.listing_records(counting.cancelled(tallies.year))
    if cancelled:
        _cancelled_sheet(workbook.create_sheet(_("Cancelled events")[:31]), cancelled)
    with atomic_output(path, "wb") as stream:
        workbook.save(stream)


def _thin_border():
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color="A6A6A6")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def _style_header(sheet, row: int, count: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    font, fill, border = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79"), _thin_border()
    for column in range(1, count + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font = font
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border


def _size_columns(sheet, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _summary_sheet(summary, tallies: YearTallies) -> None:
    from openpyxl.styles import Alignment, Font

    border = _thin_border()
    summary.title = _("Summary")[:31]
    summary["A1"] = _("TALLIES OF THE YEAR {year}").format(year=tallies.year)
    summary["A1"].font = Font(bold=True, size=14)
    headers = summary_headers()
    summary.append([])
    summary.append(headers)
    _style_header(summary, 3, len(headers))
    for row in summary_rows(tallies):
        summary.append([neutralise(row.label), *row.values])
        for column, (_name, _header, kind) in enumerate(SUMMARY_COLUMNS, start=2):
            cell = summary.cell(row=summary.max_row, column=column)
            cell.number_format = "0%" if kind == "share" else "#,##0"
            cell.border = border
            if row.is_total:
                cell.font = Font(bold=True)
        summary.cell(row=summary.max_row, column=1).border = border
        if row.is_total:
            summary.cell(row=summary.max_row, column=1).font = Font(bold=True)
    summary.append([])
    summary.append([_("Cancelled events"), tallies.cancelled])
    summary.append([_("Exhibitions continuing from the previous year"), tallies.continuing])
    summary.freeze_panes = "B4"
    widths = [30] + [13] * len(SUMMARY_COLUMNS)
    _size_columns(summary, widths)
    sheet_pages.merge_across(summary, 1, len(headers))
    summary["A1"].alignment = Alignment(horizontal="center")
    sheet_pages.fit_row_heights(summary, widths, 3, 3)
    sheet_pages.print_setup(summary, landscape=True, title_rows=(3, 3))


def _months_sheet(months, tallies: YearTallies) -> None:
    months.append(month_headers())
    _style_header(months, 1, len(month_headers()))
    for row in month_rows(tallies):
        months.append(row)
    months.freeze_panes = "B2"
    widths = [14] + [16] * (len(month_headers()) - 1)
    _size_columns(months, widths)
    sheet_pages.fit_row_heights(months, widths, 1, 1)
    sheet_pages.print_setup(months, landscape=True, title_rows=(1, 1))


def _press_sheet(sheet, tallies: YearTallies) -> None:
    """The press articles per kind of event, then per outlet, the most first (outlets are typed text)."""
    sheet.append(press_headers())
    _style_header(sheet, 1, 2)
    for label, count in press_rows(tallies):
        sheet.append(neutralise_row([label, count]))
    _size_columns(sheet, [40, 16])


EVENT_WIDTHS = [6, 50, 22, 16, 16, 36, 18, 36, 12, 12, 12, 12]
FIGURE_COLUMNS = (10, 11, 12)  # attendance, online views, items displayed
WRAPPED_COLUMNS = (2, 6, 8)  # title, venue, partners: whole, on as many lines as they take


def _event_headers() -> list[str]:
    return [
        _("No."),
        _("Title"),
        _("Kind"),
        _("Start"),
        _("End"),
        _("Venue"),
        _("Role of the library"),
        _("Partners"),
        _("Format"),
        _("Attendance"),
        _("Online views"),
        _("Items displayed"),
    ]


def _date_style(value: object) -> tuple[str, Style]:
    code = "dd/mm/yyyy hh:mm" if when.is_timed(value) else "dd/mm/yyyy"
    return code, sheet_styles.combined(sheet_styles.number_format(code), _at_the_top())


@functools.cache  # one a run, not three a row
def _at_the_top() -> Style:
    """A row's cells start at its top: Excel's default is the bottom, and beside a title wrapped on three lines the
    number, kind, dates and figures stood on its last line, under the next row's title as the eye reads it."""
    from openpyxl.styles import Alignment

    return sheet_styles.aligned(Alignment(vertical="top"))


def _row_styles(count: int, styles: dict[int, tuple[str, Style]]) -> dict[int, tuple[str, Style]]:
    """`styles` for the columns they name, and every other of the row's `count` columns at the top, in column order."""
    top = ("top", _at_the_top())
    return {column: styles.get(column, top) for column in range(1, count + 1)}


def _events_sheet(events, tallies: YearTallies) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.dimensions import RowDimension

    wrapped = ("wrapped", sheet_styles.aligned(Alignment(vertical="top", wrap_text=True)))
    figure = ("figure", sheet_styles.combined(sheet_styles.number_format(sheet_pages.COUNT_FORMAT), _at_the_top()))
    shared = sheet_styles.SharedStyles(events)
    event_headers = _event_headers()
    events.append(event_headers)
    _style_header(events, 1, len(event_headers))
    last_row = 1
    for number, record in enumerate(counting.as_tallied(counting.counted(tallies.year)), start=1):
        last_row = number + 1
        values = [
            number,
            neutralise(record.title),
            vocab.label("kind", record.kind),
            record.start,
            record.end,
            neutralise(record.venue or ""),
            vocab.label("role", record.role),
            neutralise(", ".join(record.partners)),
            vocab.label("format", record.format),
            record.attendance,
            record.online_views,
            record.items_displayed,
        ]
        # The styles as they were set one cell at a time: the dates, the figures, then the wrapped texts.
        styles = {4: _date_style(record.start), 5: _date_style(record.end)}
        styles.update(dict.fromkeys(FIGURE_COLUMNS, figure))
        styles.update(dict.fromkeys(WRAPPED_COLUMNS, wrapped))
        events.append(shared.row(values, _row_styles(len(values), styles)))
        # From the texts just written: reading every cell back took 1 s.
        height = sheet_pages.row_height([(str(values[column - 1] or ""), EVENT_WIDTHS[column - 1])
                                         for column in WRAPPED_COLUMNS])  # fmt: skip
        if height is not None:  # made whole: the sheet's own default row, then its height set, took twice as long
            events.row_dimensions[number + 1] = RowDimension(events, index=number + 1, ht=height)
    events.freeze_panes = "C2"
    # The filter over the header and every event row: what events.dimensions says, without walking 120 000 cells.
    events.auto_filter.ref = f"A1:{get_column_letter(len(event_headers))}{last_row}"
    _size_columns(events, EVENT_WIDTHS)
    sheet_pages.fit_row_heights(events, EVENT_WIDTHS, 1, 1)  # the header row
    sheet_pages.print_setup(events, landscape=True, title_rows=(1, 1))


CANCELLED_WIDTHS = [6, 50, 22, 16, 16, 36, 40]


def _cancelled_sheet(sheet, cancelled) -> None:
    """The year's cancelled events, not counted, as the year-end list names them under its table: on a sheet of
    their own, so that the counted events' sheet stays what the figures add up, and the workbook still holds the
    whole year (it reads back as the year's list: docs/import.md)."""
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.dimensions import RowDimension

    headers = [_("No."), _("Title"), _("Kind"), _("Start"), _("End"), _("Venue"), _("Notes")]
    sheet.append(headers)
    _style_header(sheet, 1, len(headers))
    wrapped = ("wrapped", sheet_styles.aligned(Alignment(vertical="top", wrap_text=True)))
    shared = sheet_styles.SharedStyles(sheet)
    for number, record in enumerate(cancelled, start=1):
        values = [number, neutralise(record.title), vocab.label("kind", record.kind), record.start, record.end,
                  neutralise(record.venue or ""), neutralise(record.notes or "")]  # fmt: skip
        styles = {4: _date_style(record.start), 5: _date_style(record.end), 2: wrapped, 6: wrapped, 7: wrapped}
        sheet.append(shared.row(values, _row_styles(len(values), styles)))
        # Every cell's text, as fit_row_heights measures it, from the values just written instead of read back.
        texts = zip(values, CANCELLED_WIDTHS, strict=True)
        height = sheet_pages.row_height([(str(value), width) for value, width in texts if value is not None])
        if height is not None:
            sheet.row_dimensions[number + 1] = RowDimension(sheet, index=number + 1, ht=height)
    _size_columns(sheet, CANCELLED_WIDTHS)
    sheet_pages.fit_row_heights(sheet, CANCELLED_WIDTHS, 1, 1)  # the header row
    sheet_pages.print_setup(sheet, landscape=True, title_rows=(1, 1))


def write(tallies: YearTallies, path: str | os.PathLike[str], output_format: str) -> None:
    if output_format == "docx":
        from nlv_events.services.reports import year_docx

        year_docx.write_year_document(tallies, path)
        return
    {"json": write_json, "csv": write_csv, "xlsx": write_xlsx}[output_format](tallies, path)
