"""The Word and Excel files the first rendering tests left out, laid out by LibreOffice as Word and Excel users see
them: the exhibition's checklist, the tallies in Word and the register of outgoing documents (Word and Excel). Each
keeps the decree's header on unbroken lines, runs at most a page longer than its PDF, and stays inside the page."""

from __future__ import annotations

import datetime as dt

from nlv_events.i18n import _
from nlv_events.printing.model import Document, Text
from nlv_events.printing.output import render_as
from nlv_events.services.exhibits import checklist as checklist_data
from nlv_events.services.exhibits import checklist_pdf
from nlv_events.services.register import entries, register_outputs, registered_print
from nlv_events.services.reports import tallies, year_docx
from tests.office import MM
from tests.unit.printing.test_word_as_rendered import HEADER_LINES, line_of, pdf_page_count
from tests.unit.services.exhibits.test_exhibit_printouts import _exhibition

DAY = dt.date(2022, 12, 20)


def _inside(page) -> bool:
    """Every line of the page within its left and right edges, less a 5 mm margin: nothing cut by the paper."""
    return all(line.x0 >= 5 * MM and line.x1 <= page.width - 5 * MM for line in page.lines)


def test_the_checklist_in_word_keeps_its_header_and_length(db, office):
    described = checklist_pdf.document(checklist_data.build(_exhibition(items=60)), day=DAY)
    pdf, docx = render_as(described, ".pdf"), render_as(described, ".docx")
    pages = office.pages(docx)
    assert len(pages) <= pdf_page_count(pdf) + 1
    for text in HEADER_LINES:
        assert line_of(pages[0], text) is not None, f"{text!r} wraps: {pages[0].text[:300]}"
    assert all(_inside(page) for page in pages)


def test_the_tallies_in_word_stay_on_the_landscape_page(demo_db, office):
    docx = render_as(year_docx.year_document(tallies.compute(2022)), ".docx")
    pages = office.pages(docx)
    assert pages[0].width > pages[0].height  # landscape, as the wide table by kind needs
    assert all(_inside(page) for page in pages)
    printed = " ".join(" ".join(page.text.split()) for page in pages)
    assert "DANH MỤC SỰ KIỆN NĂM 2022" in printed and "58.400" in printed  # the exhibitions' attendance, grouped


def _forty_entries(tmp_path) -> list:
    for number in range(40):
        title = f"Chương trình Tọa đàm văn hóa đọc số {number + 1} tại Thư viện Quốc gia Việt Nam"
        asked = registered_print.Asked("next", DAY, "CTr-TVQG")
        registered_print.write(lambda typed, title=title: Document(title=title, blocks=[Text(f"Số {typed}")]),
                               tmp_path / f"p{number}.pdf", asked)  # fmt: skip
    return entries.entries(2022)


def test_the_register_in_word_and_excel_keeps_its_header_and_stays_one_page_wide(db, office, tmp_path):
    lines = _forty_entries(tmp_path)
    described = register_outputs.document(2022, lines)
    pdf, docx = render_as(described, ".pdf"), render_as(described, ".docx")
    pages = office.pages(docx)
    assert len(pages) <= pdf_page_count(pdf) + 1
    for text in HEADER_LINES:
        assert line_of(pages[0], text) is not None, f"{text!r} wraps: {pages[0].text[:300]}"
    assert all(_inside(page) for page in pages)

    workbook = tmp_path / "so-van-ban.xlsx"
    register_outputs.write_xlsx(2022, lines, workbook)
    sheet_pages = office.pages(workbook.read_bytes(), ".xlsx")
    last_heading = register_outputs.COLUMNS[-1].heading
    assert _(last_heading).split()[0] in sheet_pages[0].text  # every column on the first page: one page wide
    assert all(_inside(page) for page in sheet_pages)
    printed = " ".join(" ".join(page.text.split()) for page in sheet_pages)
    assert all(f"số {number}" in printed for number in (1, 20, 40))  # no row lost across the pages
