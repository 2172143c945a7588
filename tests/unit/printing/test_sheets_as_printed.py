"""The spreadsheets as Excel users print them: each XLSX laid out by LibreOffice and read back from the page — one
page wide, the header row on every page, headings across the table, counts grouped, the tallies titled as tallies."""

from __future__ import annotations

import re

from openpyxl import load_workbook

from nlv_events.services.exhibits import checklist_xlsx
from nlv_events.services.reports import export_tallies, tallies
from tests.unit.services.exhibits.test_exhibit_printouts import _exhibition


def test_the_checklist_prints_one_page_wide_with_its_header_on_every_page(db, office, tmp_path):
    path = tmp_path / "danh-muc.xlsx"
    checklist_xlsx.write(_exhibition(items=60, parts=3), path)
    pages = office.pages(path.read_bytes(), ".xlsx")
    assert 1 < len(pages) <= 4  # 60 items: a few pages down, never a column cut onto a page of its own
    for page in pages:
        assert "STT" in page.text and "Tên tài liệu" in page.text and "Ghi chú" in page.text
    lines = [line.text for page in pages for line in page.lines]
    assert "Phần I. Phần tư liệu số 1" in lines  # the part's heading across the table, not cut in the STT column
    sheet = load_workbook(path).active
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.orientation) == (1, "landscape")


def test_the_tallies_workbook_prints_a_page_a_sheet_titled_and_grouped(demo_db, office, tmp_path):
    path = tmp_path / "so-lieu-2022.xlsx"
    export_tallies.write(tallies.compute(2022), path, "xlsx")
    pages = office.pages(path.read_bytes(), ".xlsx")
    # summary, by month, the 31 events, the cancelled one: each one page wide and, here, one page long
    assert len(pages) == 4
    assert pages[0].lines[0].text == "SỐ LIỆU TỔNG HỢP NĂM 2022"
    events_page = pages[2].text
    assert re.search(r"\b6[.,]500\b", events_page) and not re.search(r"\b6500\b", events_page)  # Book Day's 6.500
    assert "Sân Thư viện Quốc gia Việt Nam" in events_page  # a venue whole, wrapped rather than cut
    assert "Sự kiện đã hủy" not in events_page and len(pages[3].lines) >= 2  # the cancelled event on its own page
    for sheet in load_workbook(path).worksheets:
        assert sheet.page_setup.fitToWidth == 1 and sheet.print_title_rows
