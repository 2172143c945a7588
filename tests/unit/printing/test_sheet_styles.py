"""Cells styled through shared styles make the same workbook as cells styled one by one through openpyxl."""

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment

from nlv_events.printing import sheet_styles

WRAPPED = Alignment(vertical="top", wrap_text=True)
# Dates and timed moments in both orders, an empty end, figures and texts: each row's first date of a new type binds
# openpyxl's own date format before the app's replaces it.
ROWS = [
    [1, "Hội thảo", dt.datetime(2022, 3, 1, 8, 30), None, 120],
    [2, "Triển lãm\nsách", dt.date(2022, 3, 2), dt.datetime(2022, 3, 9, 17, 0), None],
    [3, "Tọa đàm", dt.date(2022, 4, 1), dt.date(2022, 4, 2), 4200],
    [4, "", dt.datetime(2022, 5, 1, 9, 0), dt.datetime(2022, 5, 1, 11, 0), 0],
]


def _date_format(value):
    return "dd/mm/yyyy hh:mm" if isinstance(value, dt.datetime) else "dd/mm/yyyy"


def _one_by_one() -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    for number, values in enumerate(ROWS, start=1):
        sheet.append(values)
        for column in (3, 4):
            cell = sheet.cell(row=number, column=column)
            cell.number_format = _date_format(cell.value)
        sheet.cell(row=number, column=5).number_format = "#,##0"
        sheet.cell(row=number, column=2).alignment = WRAPPED
    return workbook


def _shared() -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    shared = sheet_styles.SharedStyles(sheet)
    figure = ("figure", sheet_styles.number_format("#,##0"))
    for values in ROWS:
        styles = {
            column: (_date_format(values[column - 1]), sheet_styles.number_format(_date_format(values[column - 1])))
            for column in (3, 4)
        }
        styles[5] = figure
        styles[2] = ("wrapped", sheet_styles.aligned(WRAPPED))
        sheet.append(shared.row(values, styles))
    return workbook


def _parts(workbook: Workbook) -> dict[str, bytes]:
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist() if not name.startswith("docProps/")}


def test_shared_styles_write_the_same_workbook_as_styling_each_cell():
    one_by_one, shared = _parts(_one_by_one()), _parts(_shared())
    assert shared.keys() == one_by_one.keys()
    for name in one_by_one:
        assert shared[name] == one_by_one[name], name  # the sheet's cells and the styles' numbers alike


def test_each_cell_has_its_own_copy_of_the_style():
    workbook = _shared()
    sheet = workbook.active
    sheet["B2"].alignment = Alignment(horizontal="center")
    assert sheet["B1"].alignment.wrap_text and sheet["B1"].alignment.horizontal is None
    assert sheet["C1"].number_format == "dd/mm/yyyy hh:mm" and sheet["C3"].number_format == "dd/mm/yyyy"
