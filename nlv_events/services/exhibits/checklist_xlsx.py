"""The checklist (Danh mục tài liệu trưng bày) as an XLSX workbook: one sheet, parts as rows, totals as formulas."""

from __future__ import annotations

import os

from nlv_events.core.cells import neutralise_row
from nlv_events.core.files import atomic_output
from nlv_events.i18n import _
from nlv_events.printing import sheet_pages
from nlv_events.services.exhibits import checklist as checklist_data

WIDTHS = (6, 48, 26, 30, 8, 16, 8, 22, 26)
QUANTITY_COLUMN = 7


def write_workbook(checklist: checklist_data.Checklist, path: str | os.PathLike[str]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Checklist")[:31]
    bold = Font(bold=True)
    shade = PatternFill("solid", fgColor="EFEFEF")
    sheet.append([_("LIST OF ITEMS ON DISPLAY")])
    sheet.append([_("Exhibition “{title}”").format(title=checklist.record.title)])
    for row in (1, 2):
        sheet_pages.merge_across(sheet, row, len(WIDTHS))
        sheet.cell(row, 1).alignment = Alignment(horizontal="center", wrap_text=True)
        sheet.cell(row, 1).font = bold
    sheet.append([])
    sheet.append(checklist_data.headers())
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    total_rows: list[int] = []
    for section in checklist.sections:
        sheet.append([_("Part {number}. {title}").format(number=section.number, title=section.title)])
        sheet_pages.merge_across(sheet, sheet.max_row, len(WIDTHS))
        sheet.cell(sheet.max_row, 1).font = bold
        for cell in sheet[sheet.max_row]:
            cell.fill = shade
        for number, item in section.rows:
            # Catalogue text is the outside world's: a title "=HYPERLINK(…)" is shown, never run.
            sheet.append(
                neutralise_row([
                    number,
                    item.title,
                    item.creator,
                    checklist_data.publisher_line(item),
                    item.year,
                    item.call_number,
                    item.quantity,
                    checklist_data.source(item),
                    checklist_data.note_line(item),
                ])
            )
        # Figures, not formulas: the sheet is a copy of the record (corrections belong in the app), and a viewer
        # that does not calculate would show formulas without values.
        sheet.append(
            [_("Total of part {number}").format(number=section.number), None, None, None, None, None, section.total]
        )
        total_rows.append(sheet.max_row)
    sheet.append([_("Grand total"), None, None, None, None, None, checklist.total])
    total_rows.append(sheet.max_row)
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in total_rows:  # the label spans the columns before the quantity, which is the figure
        sheet_pages.merge_across(sheet, row, QUANTITY_COLUMN - 1)
        for cell in sheet[row]:
            cell.font = bold
        sheet.cell(row, 1).alignment = Alignment(horizontal="right", vertical="top")
    sheet_pages.fit_row_heights(sheet, list(WIDTHS), header_row)
    sheet_pages.print_setup(sheet, landscape=True, title_rows=(header_row, header_row))
    with atomic_output(path, "wb") as stream:
        workbook.save(stream)


def write(event_id: int, path: str | os.PathLike[str]) -> None:
    write_workbook(checklist_data.build(event_id), path)
