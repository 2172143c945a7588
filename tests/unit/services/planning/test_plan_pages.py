"""The annual plan's printed pages as the Ministry reads them: rows whole, the header row at the top of each page,
a month's heading with its first event, 12–13 pt tables, the authority on its lines; and its Word version."""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn

from nlv_events.printing.decree import Letterhead
from nlv_events.services.planning import annual_plan
from nlv_events.services.planning import annual_plan_document as plan_document
from tests.unit.printing.pages import TOP_MARGIN_TEXT, read_pages

LETTERHEAD = Letterhead("Bộ Văn hóa, Thể thao và Du lịch", "Thư viện Quốc gia Việt Nam", "Hà Nội", dt.date(2022, 1, 10))
OPTIONS = annual_plan.PlanOptions(number="15", signer_title="KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC",
                                  signer_name="Nguyễn Xuân Dũng")  # fmt: skip
MONTH = re.compile(r"^Tháng \d{1,2}( \(tiếp\))?$")  # "(tiếp)": the month continued from the page before


@pytest.fixture
def plan_2022(demo_db) -> annual_plan.PlanDocument:
    return annual_plan.build(2022, OPTIONS, LETTERHEAD)


def _lines(page) -> list[tuple[float, str]]:
    """The page's lines of text below the top margin (the page number is not content), top down."""
    lines: dict[int, list[dict]] = {}
    for word in page.words:
        if word["top"] > TOP_MARGIN_TEXT:
            key = next((top for top in lines if abs(top - word["top"]) < 3), round(word["top"]))
            lines.setdefault(key, []).append(word)
    return [(top, " ".join(word["text"] for word in sorted(words, key=lambda word: word["x0"])))
            for top, words in sorted(lines.items())]  # fmt: skip


def _months_pages(pages):
    """The pages the months' table stands on (its header's first word is "STT")."""
    return [page for page in pages if any(word["text"] == "STT" for word in page.words)]


def test_no_row_is_cut_and_the_header_row_only_opens_a_page(plan_2022):
    pages = read_pages(plan_document.render(plan_2022))
    months_pages = _months_pages(pages)
    assert len(months_pages) >= 3
    numbers_seen: list[int] = []
    for page in months_pages:
        assert page.table is not None
        headers = [word for word in page.words if word["text"] == "STT"]
        assert len(headers) == 1, f"page {page.number}: the header row {len(headers)} times"
        header_band = page.table.row_bands()[0]
        assert header_band[0] <= headers[0]["top"] <= header_band[1], f"page {page.number}: header not at the top"
        stt_left, stt_right = page.table.borders[0], page.table.borders[1]
        for band in page.table.row_bands()[1:]:
            first_cell = page.band_text(band, 0)
            whole_row = " ".join(word["text"] for word in page.words_in(*band))
            if re.match(r"^[IVX]+\. ", whole_row):
                break  # the months' table has ended: the next section's heading and its table follow
            if MONTH.match(whole_row) or not whole_row:
                continue  # a month's heading spans the row
            if any(stt_left <= word["x0"] < stt_right for word in page.words_in(*band)) or first_cell:
                assert first_cell.isdigit(), f"page {page.number}: a row without its number: {whole_row[:60]}"
                numbers_seen.append(int(first_cell))
            else:
                pytest.fail(f"page {page.number}: a row without its number (cut from the page before): {whole_row}")
    # every planned event printed once, in order: none split over two pages (it would be seen twice or not at all)
    events = sum(len(rows) for _label, rows in plan_2022.months)
    assert numbers_seen[: events] == list(range(1, events + 1))


def test_a_heading_never_ends_a_page(plan_2022):
    pages = read_pages(plan_document.render(plan_2022))
    for page in pages[:-1]:
        lines = _lines(page)
        last = lines[-1][1]
        assert not MONTH.match(last), f"page {page.number} ends with the month heading {last!r}"
        assert not re.match(r"^(\d+\.|[IVX]+\.) ", last), f"page {page.number} ends with the heading {last!r}"


def test_the_tables_are_printed_at_12_to_13_pt(plan_2022):
    pdf = plan_document.render(plan_2022)
    pages = read_pages(pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page, plumber_page in zip(pages, document.pages, strict=True):
            if page.table is None:
                continue
            top, bottom = page.table.rules[0], page.table.rules[-1]
            sizes = {round(char["size"], 1) for char in plumber_page.chars if top <= char["top"] <= bottom}
            assert sizes and min(sizes) >= 12 and max(sizes) <= 13, f"page {page.number}: {sizes}"
            numbers = {round(char["size"], 1) for char in plumber_page.chars if char["top"] < TOP_MARGIN_TEXT}
            assert page.number == 1 or numbers == {13.0}, f"page {page.number}: page number at {numbers}"


@pytest.mark.parametrize("typed", ["KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
                                   "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"])  # fmt: skip
def test_the_authority_prints_on_two_lines_however_it_was_typed(demo_db, typed):
    options = annual_plan.PlanOptions(signer_title=typed, signer_name="Nguyễn Xuân Dũng")
    pages = read_pages(plan_document.render(annual_plan.build(2022, options, LETTERHEAD)))
    lines = [text for _top, text in _lines(pages[-1])]
    assert any(line.endswith("KT. GIÁM ĐỐC") for line in lines), lines
    assert any(line.endswith("PHÓ GIÁM ĐỐC") and "KT." not in line for line in lines), lines
    assert not any("|" in line or "/ PHÓ" in line for line in lines)
    authority = next(index for index, line in enumerate(lines) if line.endswith("KT. GIÁM ĐỐC"))
    assert "Nguyễn Xuân Dũng" in " ".join(lines[authority:])


def test_a_year_without_targets_or_events_says_so_instead_of_empty_tables(db):
    plan = annual_plan.build(2031, annual_plan.PlanOptions(), LETTERHEAD)
    pdf = plan_document.render(plan)
    text = " ".join(page.text() for page in read_pages(pdf))
    assert "III. CHỈ TIÊU" in text
    assert "Chưa đặt chỉ tiêu nào cho năm này và chưa có sự kiện nào được lên kế hoạch." in text
    assert "Loại hoạt động" not in text and "STT" not in text  # no table of nothing but its header
    word = docx.Document(io.BytesIO(plan_document.render_docx(plan)))
    assert len(word.tables) == 2  # the decree's header and the signature only


def test_the_word_version_keeps_rows_whole_under_a_repeated_header(plan_2022):
    word = docx.Document(io.BytesIO(plan_document.render_docx(plan_2022)))
    months = next(table for table in word.tables if table.rows[0].cells[0].text == "STT")
    widths = [cell.width for cell in months.rows[0].cells]
    assert widths[0] < widths[1] < widths[2], widths  # STT narrow, the content the widest
    assert widths[2] == max(widths)
    header = months.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None
    for row in months.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    headings = [row for row in months.rows if MONTH.match(row.cells[0].text)]
    assert headings and all(row.cells[0].paragraphs[0].paragraph_format.keep_with_next for row in headings)
    assert "PAGE" in word.sections[0].header._element.xml
    targets = next(table for table in word.tables if table.rows[0].cells[0].text == "Loại hoạt động")
    assert [cell.text for cell in targets.rows[1].cells] == ["Triển lãm", "18", "20"]
    signature = word.tables[-1].rows[0]
    assert [paragraph.text for paragraph in signature.cells[1].paragraphs][:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    # the signature is one unbreakable row, and the implementation's last paragraph goes over with it
    assert signature._tr.trPr.find(qn("w:cantSplit")) is not None
    last_text = [paragraph for paragraph in word.paragraphs if paragraph.text.strip()][-1]
    assert last_text.text.startswith("Trong quá trình thực hiện") and last_text.paragraph_format.keep_with_next
