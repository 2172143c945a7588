"""The year-end list: every counted event once, the right totals, continuing and cancelled events apart."""

import datetime as dt
import io
import re

import pdfplumber
import pytest
from pypdf import PdfReader

from nlv_events.core import queries
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.reports import year_report
from tests.unit.conftest import pdf_text, top_margin_text

LETTERHEAD = DecreeOptions(date=dt.date(2022, 12, 30))


@pytest.fixture
def report_2022(demo_db) -> bytes:
    return year_report.render(2022, LETTERHEAD)


def test_every_counted_event_of_the_year_appears_once(report_2022):
    text = pdf_text(report_2022)
    counted = [e for e in queries.events(year=2022) if e.status != "cancelled"]
    assert len(counted) == 31
    for event in counted:
        title = re.sub(r"\s+", " ", event.title)
        assert text.count(title) == 1, title


def test_groups_totals_and_cancelled_section(report_2022):
    text = pdf_text(report_2022)
    assert "DANH MỤC SỰ KIỆN NĂM 2022" in text
    assert text.index("I. TRIỂN LÃM") < text.index("II. NGÀY SÁCH VÀ VĂN HÓA ĐỌC") < text.index("V. TẬP HUẤN")
    assert "Cộng: 20 sự kiện" in text
    assert "Tổng cộng: 31 sự kiện" in text
    assert "66.270" in text  # total attendance, formatted the Vietnamese way
    cancelled_at = text.index("Sự kiện đã hủy (không tính):")
    assert text.index("Gìn giữ và phát huy di sản Hán Nôm") > cancelled_at


def test_landscape_pages_with_plain_numbers_from_page_two(report_2022, assert_embedded_truetype):
    pages = PdfReader(io.BytesIO(report_2022)).pages
    assert float(pages[0].mediabox.width) > float(pages[0].mediabox.height)
    assert [top_margin_text(page) for page in pages] == ["", *(str(n) for n in range(2, len(pages) + 1))]
    assert_embedded_truetype(report_2022)


def test_header_row_repeats_on_every_page(report_2022):
    for page in PdfReader(io.BytesIO(report_2022)).pages:
        assert "Số lượt tham dự" in re.sub(r"\s+", " ", page.extract_text())


def test_exhibition_running_into_next_year_is_listed_there_but_not_counted(demo_db):
    text = pdf_text(year_report.render(2023, LETTERHEAD))
    assert "Hà Nội – Điện Biên Phủ trên không: 50 năm bản hùng ca" in text
    assert "Khai mạc 18/12/2022; tính vào năm 2022" in text
    assert "Tổng cộng: 0 sự kiện" in text
    # apart from the year's events, after the year's total, in a group of their own
    assert text.index("Tổng cộng: 0 sự kiện") < text.index("TRIỂN LÃM TỪ NĂM TRƯỚC CHUYỂN SANG")


def test_progress_is_reported_and_cancelling_writes_nothing(demo_db, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    seen = []
    year_report.render(2022, LETTERHEAD, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and len(seen) > 30
    with pytest.raises(year_report.Cancelled):
        year_report.write(2022, tmp_path / "y.pdf", LETTERHEAD, is_cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_venues_do_not_repeat_the_librarys_own_name(demo_db, language):
    from nlv_events import i18n

    i18n.setup_i18n(language)
    text = pdf_text(year_report.render(2022, LETTERHEAD))
    assert "Sảnh tầng 1" in text
    assert "Sảnh tầng 1, Thư viện Quốc gia Việt Nam" not in text


def test_a_group_continued_on_the_next_page_is_headed_again_with_tiep(report_2022):
    """Each page's first row under the column headers says which group it belongs to: the group's own heading,
    or the heading of the group it continues, marked "(tiếp)"."""
    with pdfplumber.open(io.BytesIO(report_2022)) as document:
        pages = [(page.extract_text() or "").splitlines() for page in document.pages]
    continued = 0
    for number, lines in enumerate(pages[1:], start=2):
        if "dự tuyến bày" not in lines:
            continue  # a page past the table (the cancelled events, the signature)
        first_row = lines[lines.index("dự tuyến bày") + 1]
        heading = first_row.removesuffix(" (tiếp)")
        assert re.match(r"^[IVX]+\. ", heading) and heading.isupper(), (number, first_row)
        continued += first_row.endswith("(tiếp)")
    assert continued >= 1
