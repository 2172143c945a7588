"""The Word versions the office edits before signing: the decree's page, font and blocks, real tables."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from nlv_events.core import event_reading
from nlv_events.core.models import Event
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.reports import programme, year_report

OPTIONS = DecreeOptions(number="125", date=dt.date(2022, 12, 20), signer="Nguyễn Xuân Dũng")


def borders(table) -> set[str]:
    element = table._tbl.tblPr.find(qn("w:tblBorders"))
    return {edge.get(qn("w:val")) for edge in element}


def row_flags(row) -> set[str]:
    properties = row._tr.trPr
    return set() if properties is None else {child.tag.split("}")[1] for child in properties}


def check_decree_page(document, landscape: bool) -> None:
    section = document.sections[0]
    assert (round(section.top_margin.mm), round(section.bottom_margin.mm)) == (20, 20)
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    assert (section.page_width > section.page_height) is landscape
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size.pt == 13
    # page numbers in the header from page 2: page 1 has its own, empty, header
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert not section.first_page_header.paragraphs[0].text


def check_real_table(table, header: str) -> None:
    assert table.rows[0].cells[0].text == header
    assert "tblHeader" in row_flags(table.rows[0])  # Word repeats it on every page
    assert all("cantSplit" in row_flags(row) for row in table.rows)  # no row breaks across pages
    assert borders(table) == {"single"}
    assert {run.font.size.pt for row in table.rows for cell in row.cells for p in cell.paragraphs for run in p.runs
            if run.text} == {12}  # fmt: skip


@pytest.fixture
def programme_docx(demo_db):
    record = event_reading.load_record(Event.get(Event.ref == "demo-2022-review"))
    return Document(io.BytesIO(programme.render_docx(record, OPTIONS)))


def test_programme_in_word_has_the_decree_blocks_and_a_real_table(programme_docx):
    check_decree_page(programme_docx, landscape=False)
    header_block, table, signature = programme_docx.tables
    assert borders(header_block) == {"nil"} and borders(signature) == {"nil"}
    left, right = (cell.text for cell in header_block.rows[0].cells)
    assert "THƯ VIỆN QUỐC GIA VIỆT NAM" in left and "Số: 125/CTr-TVQG" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Hà Nội, ngày 20 tháng 12 năm 2022" in right
    check_real_table(table, "Thời gian")
    assert table.rows[1].cells[0].text == "08:00 – 08:15"
    recipients, signer = (cell.text for cell in signature.rows[0].cells)
    assert "Nơi nhận:" in recipients and "- Lưu: VT, VP." in recipients
    assert "KT. GIÁM ĐỐC" in signer and "Nguyễn Xuân Dũng" in signer
    text = "\n".join(paragraph.text for paragraph in programme_docx.paragraphs)
    assert "CHƯƠNG TRÌNH" in text and "Hội nghị Tổng kết công tác năm 2022" in text
    headings = [run for p in programme_docx.paragraphs for run in p.runs if run.bold]
    assert all(run.font.color.rgb in (None, "000000") for run in headings)  # black headings, not Word's blue


def test_year_list_in_word_is_the_same_list_with_totals(demo_db):
    document = Document(io.BytesIO(year_report.render_docx(2022, OPTIONS)))
    check_decree_page(document, landscape=True)
    table, signature = document.tables
    check_real_table(table, "STT")
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert sum(row[0].isdigit() for row in cells) == 31
    assert next(row for row in cells if row[0].startswith("Tổng cộng"))[7] == "66.270"
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "(Kèm theo Báo cáo số 125/BC-TVQG ngày 20/12/2022)" in text
    assert "NGƯỜI LẬP BIỂU" in signature.rows[0].cells[0].text
    # a group heading is kept with its first row, the last row of a group with its subtotal
    heading = table.rows[1]
    assert heading.cells[0].paragraphs[0].paragraph_format.keep_with_next


def grid_widths(table) -> list[int]:
    """The widths of the table's grid columns (twentieths of a point), which a fixed layout follows."""
    return [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_the_columns_are_as_wide_in_the_grid_as_in_the_cells(demo_db):
    """LibreOffice (and Word, for a fixed table) lays a table out by its grid: equal grid columns printed the
    year list as fifteen pages of one-word lines whatever widths the cells asked for."""
    document = Document(io.BytesIO(year_report.render_docx(2022, OPTIONS)))
    table = document.tables[0]
    grid = grid_widths(table)
    assert len(set(grid)) > 3  # STT narrow, the title wide, the figures as wide as their numbers
    assert grid[1] > 3 * grid[0]
    first_row = [int(cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for cell in table.rows[0].cells]
    assert first_row == grid
    body = document.sections[0].page_width - document.sections[0].left_margin - document.sections[0].right_margin
    assert abs(sum(grid) - body / 635) < 40  # the whole width between the margins (635 EMU a twip), to 2 pt


def test_the_signature_travels_with_the_last_rows_in_word(programme_docx):
    _header, table, signature = programme_docx.tables
    assert "cantSplit" in row_flags(signature.rows[0])
    last = table.rows[-1].cells[0].paragraphs[0]
    assert last.paragraph_format.keep_with_next  # so Word keeps it on the signature's page
    assert len(set(grid_widths(signature))) == 1 and len(set(grid_widths(_header))) == 2
