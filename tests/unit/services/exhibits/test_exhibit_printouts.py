"""The exhibition's handover record and checklist read back from their pages as the Ministry would read them."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn

from nlv_events.core import store
from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, LoanEntry, SectionEntry
from nlv_events.core.records import EventRecord
from nlv_events.printing import docx_renderer, pdf_renderer
from nlv_events.services.exhibits import checklist, handover, structure
from nlv_events.services.exhibits import checklist_pdf as checklist_pdf
from tests.unit.printing.pages import check_table_pages, header_bands, read_pages

D = dt.date
MUSEUM = "Bảo tàng Phòng không – Không quân"
AGENCY = "Thông tấn xã Việt Nam"
LONG_TITLE = "Hà Nội – Điện Biên Phủ trên không: tư liệu, hồi ký và bình luận của các nhân chứng lịch sử tập {n}"


def _item(n: int, lender: str | None) -> ItemEntry:
    """Items as the reviewer imported them: long and short titles, three authors, call numbers like VV20001/2022."""
    return ItemEntry(
        LONG_TITLE.format(n=n) if n % 4 == 1 else f"Ký ức 12 ngày đêm {n}",
        creator="Nguyễn Văn Thiện; Trần Thị Hồng Nhung; Lê Đức Thọ" if n % 3 == 1 else "Đặng Quang Ánh",
        publisher="Chính trị Quốc gia Sự thật" if n % 2 else "Quân đội nhân dân",
        year=str(1971 + n % 15),
        call_number=f"VV{20000 + n}/2022",
        item_type="photograph" if n % 7 == 1 else "book",
        quantity=1 + n % 3,
        lender=lender,
        condition="Bìa sờn, gáy bong" if lender else "Tốt",
        note="Bản gốc" if n % 4 == 1 else None,
    )


def _exhibition(items: int = 42, parts: int = 3, lent_every: int = 5) -> int:
    """An exhibition of `items` items in `parts` parts; every `lent_every`-th item is lent by the museum, the one
    after it by the news agency."""
    event_id = store.save_event(
        EventRecord(kind="exhibition", title="Hà Nội – Điện Biên Phủ trên không: 50 năm bản hùng ca",
                    start=D(2022, 12, 18), end=D(2023, 1, 15), status="held", venue="Sảnh tầng 1")
    ).id  # fmt: skip

    def lender(n: int) -> str | None:
        return MUSEUM if lent_every == 1 else {1: MUSEUM, 2: AGENCY}.get(n % lent_every)

    per_part = -(-items // parts)
    numbers = list(range(1, items + 1))
    sections = [
        SectionEntry(
            f"Phần tư liệu số {part + 1}", [_item(n, lender(n)) for n in numbers[part * per_part :][:per_part]]
        )
        for part in range(parts)
    ]
    loans = [
        LoanEntry(MUSEUM, date_out=D(2022, 12, 10), date_back=D(2023, 1, 20)),
        LoanEntry(AGENCY, date_out=D(2022, 12, 12)),
    ]
    structure.save(event_id, ExhibitData(sections=sections, loans=loans))
    return event_id


# ------------------------------------------------------------------------------------------------ handover record


def handover_pdf(record: handover.HandoverRecord) -> bytes:
    return pdf_renderer.render(handover.document(record))


def handover_docx(record: handover.HandoverRecord) -> bytes:
    return docx_renderer.render(handover.document(record))


@pytest.mark.parametrize("items", [9, 14, 18, 22, 27, 33, 40])
def test_the_signatures_stand_on_a_page_with_the_last_item_rows(db, items):
    event_id = _exhibition(items=items, parts=1, lent_every=1)  # every item lent by the museum
    record = handover.build(event_id, MUSEUM)
    pages = read_pages(handover_pdf(record))
    signing = [page for page in pages if "BÊN GIAO" in page.text() and "ĐẠI DIỆN" in page.text()]
    assert len(signing) == 1
    page = signing[0]
    assert page.table is not None, f"{items} items: the signatures stand alone on page {page.number}"
    call_numbers = [word["text"] for word in page.words if word["text"].startswith("VV")]
    assert len(call_numbers) >= 2, f"{items} items: fewer than two item rows with the signatures"
    assert f"VV{20000 + items}/2022" in call_numbers  # the last row, with the total and the closing sentence
    assert "Tổng cộng" in page.text() and "hai bản" in page.text()
    check_table_pages(pages, "STT")


def test_a_call_number_never_breaks_in_the_handover_table(db):
    event_id = _exhibition(items=12, parts=1, lent_every=1)
    pages = read_pages(handover_pdf(handover.build(event_id, MUSEUM)))
    printed = [word["text"] for page in pages for word in page.words if word["text"].startswith("VV")]
    assert printed == [f"VV{20000 + n}/2022" for n in range(1, 13)]  # whole, one word each, none cut into two lines


def test_the_record_has_a_number_line_and_names_both_parties_alike(db):
    event_id = _exhibition(items=12)
    unnumbered = " ".join(page.text() for page in read_pages(handover_pdf(handover.build(event_id, MUSEUM))))
    assert "Số:" in unnumbered and "/BB-TVQG" in unnumbered  # left blank to fill in when it is registered
    numbered = " ".join(page.text() for page in read_pages(
        handover_pdf(handover.build(event_id, AGENCY, returning=True, number="12")))).split()  # fmt: skip
    text = " ".join(numbered)
    assert "Số: 12/BB-TVQG" in text
    assert "BIÊN BẢN GIAO TRẢ TÀI LIỆU" in text
    assert "Bên giao: THƯ VIỆN QUỐC GIA VIỆT NAM" in text and "Bên nhận: THÔNG TẤN XÃ VIỆT NAM" in text
    forward = " ".join(unnumbered.split())
    assert (
        "Bên giao: BẢO TÀNG PHÒNG KHÔNG – KHÔNG QUÂN" in forward and "Bên nhận: THƯ VIỆN QUỐC GIA VIỆT NAM" in forward
    )


def _row_flags(row) -> set[str]:
    properties = row._tr.trPr
    return set() if properties is None else {child.tag.split("}")[1] for child in properties}


def test_the_handover_in_word_has_fitted_columns_a_repeated_header_whole_rows_and_page_numbers(db):
    event_id = _exhibition(items=42, lent_every=1)
    record = handover.build(event_id, MUSEUM)
    document = Document(io.BytesIO(handover_docx(record)))
    items = next(table for table in document.tables if table.rows[0].cells[0].text == "STT")
    widths = [cell.width.pt for cell in items.rows[0].cells]
    assert len(set(widths)) >= 4 and widths[1] == max(widths)  # the titles get the room, STT and SL little
    assert "tblHeader" in _row_flags(items.rows[0])
    assert all("cantSplit" in _row_flags(row) for row in items.rows)
    assert items.rows[-1].cells[0].text == "Tổng cộng"
    assert [row.cells[2].text for row in items.rows[1:-1]] == [f"VV{20000 + n}/2022" for n in range(1, 43)]
    section = document.sections[0]
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml
    assert "Số:" in document.tables[0].rows[0].cells[0].text
    signatures = document.tables[-1].rows[0].cells
    assert "ĐẠI DIỆN BÊN GIAO" in signatures[0].text and "ĐẠI DIỆN BÊN NHẬN" in signatures[1].text
    assert all("Ký, ghi rõ họ tên" in cell.text for cell in signatures)
    assert all(element.get(qn("w:val")) != "tblHeader" for element in document.tables[-1]._tbl.iter(qn("w:trPr")))


# -------------------------------------------------------------------------------------------------------- checklist


@pytest.fixture
def checklist_pages(db):
    """The reviewer's case: 42 items in three parts, two lenders."""
    return read_pages(checklist_pdf.render(checklist.build(_exhibition())))


def test_every_call_number_fits_its_column_on_every_page(checklist_pages):
    seen = []
    for page in checklist_pages:
        assert page.table is not None
        heads = [word for word in page.words if word["text"] == "Ký" and word["top"] < page.table.rules[1]]
        assert len(heads) == 1
        right = min(border for border in page.table.borders if border > heads[0]["x0"])
        for word in page.words:
            if word["text"].startswith("VV2"):
                assert word["x1"] <= right - 1, f"page {page.number}: {word['text']} runs over the column's border"
                seen.append(word["text"])
    assert seen == [f"VV{20000 + n}/2022" for n in range(1, 43)]  # each whole, on one line, in order


def test_the_header_row_stands_once_per_page_at_its_top_and_parts_are_heading_rows(checklist_pages):
    assert len(checklist_pages) >= 3
    check_table_pages(checklist_pages, "STT")  # once per page, at the top of the page's table, never lower
    headings = []
    for page in checklist_pages:
        assert len(header_bands(page, "STT")) == 1
        bands = page.table.row_bands()
        for index, band in enumerate(bands):
            if page.band_text(band).startswith("Phần "):
                # a part's heading is a row of the table, kept with its first item on the same page
                assert index + 1 < len(bands) and page.band_text(bands[index + 1], 0).isdigit()
                headings.append(page.band_text(band))
    # a part that runs on to the next page is headed there again, marked "(tiếp)"
    assert [heading for heading in headings if not heading.endswith(" (tiếp)")] == [
        f"Phần {number}. Phần tư liệu số {index}" for index, number in enumerate(("I", "II", "III"), 1)]
    assert any(heading.endswith(" (tiếp)") for heading in headings)
    text = " ".join(page.text() for page in checklist_pages)
    assert text.count("Phần I. Phần tư liệu số 1") == text.count("Phần I. Phần tư liệu số 1 (tiếp)") + 1
    last = checklist_pages[-1].text()
    assert "Tổng cộng" in last and "Tổng cộng: 84 tài liệu (42 tên) trong 3 phần." in " ".join(last.split())


def test_the_checklist_page_numbers_are_13_pt(db):
    pdf = checklist_pdf.render(checklist.build(_exhibition()))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) >= 3
        for number, page in enumerate(document.pages[1:], start=2):
            label = [char for char in page.chars if char["top"] < 20 * 72 / 25.4]
            assert "".join(char["text"] for char in label) == str(number)
            assert {round(char["size"]) for char in label} == {13}
