"""The printed programme: Vietnamese text, embedded fonts, the official header, the booklet's page order."""

import datetime as dt
import io
import unicodedata

import pytest
from pypdf import PdfReader

from nlv_events import i18n
from nlv_events.core import event_reading
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.printing import booklet
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.reports import programme
from tests.unit.conftest import pdf_text, top_margin_text

LETTERHEAD = DecreeOptions(date=dt.date(2023, 1, 5))


def review_record():
    return event_reading.load_record(Event.get(Event.ref == "demo-2022-review"))


def test_official_programme_reads_right_in_vietnamese(demo_db, assert_embedded_truetype):
    pdf = programme.render(review_record(), "a4", LETTERHEAD)
    text = pdf_text(pdf)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "THƯ VIỆN QUỐC GIA VIỆT NAM",
        "Hà Nội, ngày 05 tháng 01 năm 2023",
        "CHƯƠNG TRÌNH",
        "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023",
        "Thời gian Nội dung Thành phần / Người thực hiện",
        "Bà Trịnh Thị Thủy – Ủy viên Ban Cán sự Đảng, Thứ trưởng Bộ VHTTDL",
        "08:25 – 09:00",
    ):
        assert expected in text, expected
    assert unicodedata.is_normalized("NFC", text)
    assert_embedded_truetype(pdf)


def test_page_numbers_start_on_page_two(demo_db):
    pdf = programme.render(review_record(), "a4", LETTERHEAD)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    assert top_margin_text(pages[1]) == "2"
    assert top_margin_text(pages[0]) == ""


def test_multi_day_programme_is_grouped_by_day(demo_db):
    record = event_reading.load_record(Event.get(Event.ref == "demo-2022-bookday"))
    text = pdf_text(programme.render(record, "a4", LETTERHEAD))
    assert "Thứ Năm, ngày 21/04/2022" in text
    assert "Thứ Bảy, ngày 23/04/2022" in text
    assert (
        text.index("Thứ Năm, ngày 21/04/2022")
        < text.index("Thứ Sáu, ngày 22/04/2022")
        < text.index("Thi kể chuyện theo sách")
    )
    assert "Chủ đề: “Chấn hưng và phát triển Văn hoá đọc”" in text


def test_english_version_uses_english_title_labels_and_dates(demo_db):
    i18n.setup_i18n("en")
    text = pdf_text(programme.render(review_record(), "a4", LETTERHEAD))
    for expected in (
        "PROGRAMME",
        "Year-end review of 2022 and tasks for 2023",
        "Participants / presenters",
        "SOCIALIST REPUBLIC OF VIETNAM",
        "Hanoi, 5 January 2023",
        "26 Dec 2022",
    ):
        assert expected in text, expected


def test_a_row_taller_than_a_page_splits_instead_of_failing(db):
    long_text = " ".join(["Phát biểu khai mạc và giới thiệu chương trình"] * 400)
    record = EventRecord(
        kind="conference",
        title="Hội thảo dài",
        start=dt.date(2023, 5, 5),
        programme=[
            ProgrammeEntry(
                start=dt.datetime(2023, 5, 5, 8),
                end=dt.datetime(2023, 5, 5, 9),
                title=long_text,
                people=[PersonEntry(name="Kiều Thúy Nga", position="Giám đốc")],
            ),
            ProgrammeEntry(start=dt.datetime(2023, 5, 5, 9), title="Bế mạc"),
        ],
    )
    pdf = programme.render(record, "a4", LETTERHEAD)
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 3
    assert "Bế mạc" in pdf_text(pdf)


def test_event_without_programme_is_refused(db):
    record = EventRecord(kind="exhibition", title="Triển lãm", start=dt.date(2023, 5, 5))
    with pytest.raises(UserError, match="chưa có chương trình"):
        programme.render(record, "a4", LETTERHEAD)


def test_imposition_order_of_a_saddle_stitched_booklet():
    assert booklet.imposition(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]
    assert booklet.imposition(5) == booklet.imposition(8)  # padded with blank pages
    assert booklet.imposition(1) == [(3, 0), (1, 2)]


def _halves(page, top_only: bool = False) -> tuple[str, str]:
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    left, right = [], []

    def visit(text, matrix, text_matrix, font, size):
        x = matrix[4] + text_matrix[4] * matrix[0]
        y = matrix[5] + text_matrix[5] * matrix[3]
        if not top_only or y > height - 38:
            (left if x < width / 2 else right).append(text)

    page.extract_text(visitor_text=visit)
    return "".join(left).strip(), "".join(right).strip()


def long_programme(count: int = 100) -> EventRecord:
    start = dt.datetime(2023, 4, 21, 6, 0)
    rows = [
        ProgrammeEntry(
            start=start + dt.timedelta(minutes=15 * n),
            end=start + dt.timedelta(minutes=15 * (n + 1)),
            title=f"Hoạt động số {n + 1}: giao lưu, đọc sách và trải nghiệm văn hóa đọc cùng thiếu nhi",
            people=[PersonEntry(name=f"Người thực hiện {n + 1}", position="Thư viện Quốc gia Việt Nam")],
        )
        for n in range(count)
    ]
    return EventRecord(
        kind="book_day", title="Ngày Sách và Văn hóa đọc Việt Nam năm 2023", start=dt.date(2023, 4, 21), programme=rows
    )


def test_booklet_pages_are_imposed_in_reading_order(db, assert_embedded_truetype):
    a5_pages = PdfReader(io.BytesIO(programme.render_pages(long_programme()))).pages
    count = len(a5_pages)
    assert count >= 5  # enough for two sheets, so the order is really tested
    pdf = programme.render(long_programme(), "booklet")
    sides = PdfReader(io.BytesIO(pdf)).pages
    width, height = float(sides[0].mediabox.width), float(sides[0].mediabox.height)
    assert width > height and round(width) == 842  # A4 landscape holding two A5 pages
    padded = booklet.padded_page_count(count)
    assert len(sides) == padded // 2

    def number(index: int) -> str:  # what the top margin of page `index` shows: nothing on page 1 and blanks
        return str(index + 1) if 0 < index < count else ""

    for side, (left, right) in zip(sides, booklet.imposition(count), strict=True):
        assert _halves(side, top_only=True) == (number(left), number(right))
    assert "CHƯƠNG TRÌNH" in _halves(sides[0])[1]  # the cover is on the right of the first side
    assert_embedded_truetype(pdf)


def test_write_is_atomic_and_names_an_unknown_event(demo_db, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(UserError, match="Không có sự kiện số 99999"):
        programme.write(99999, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []
    target = tmp_path / "review.pdf"
    programme.write(Event.get(Event.ref == "demo-2022-review").id, target, "a4", LETTERHEAD)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["review.pdf"]


def test_sunday_is_written_chu_nhat():
    from nlv_events.i18n.formats import format_weekday_date

    assert format_weekday_date(dt.date(2022, 4, 24)) == "Chủ nhật, ngày 24/04/2022"
    assert format_weekday_date(dt.date(2022, 4, 23)) == "Thứ Bảy, ngày 23/04/2022"


def test_the_vietnamese_weekdays_are_cldr_s_but_for_chu_nhat():
    """The app's own table (Babel's locale data cost 12 ms of each printout) says what CLDR says."""
    from babel import dates

    from nlv_events.i18n.formats import format_weekday_date

    monday = dt.date(2022, 12, 26)
    for offset in range(7):
        day = monday + dt.timedelta(days=offset)
        cldr = dates.format_date(day, "EEEE", locale="vi").replace("Chủ Nhật", "Chủ nhật")
        assert format_weekday_date(day) == f"{cldr}, ngày {day:%d/%m/%Y}"
