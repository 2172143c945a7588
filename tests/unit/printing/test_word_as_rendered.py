"""The Word versions as Word users see them: each DOCX laid out by LibreOffice (Times New Roman's metrics) and read
back from the page — the decree header on unbroken lines, the rules as wide as the PDF's, no more pages than the
PDF plus one, the document's language and settings as Word expects them."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pdfplumber
import pytest

from nlv_events.core import event_reading, store
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.printing import docx_renderer, pdf_renderer
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.exhibits import handover
from nlv_events.services.planning import annual_plan, annual_plan_document
from nlv_events.services.reports import programme, year_report
from tests.office import MM, RenderedPage
from tests.unit.services.exhibits.test_exhibit_printouts import MUSEUM, _exhibition

OPTIONS = DecreeOptions(number="125", date=dt.date(2022, 12, 20), signer="Nguyễn Xuân Dũng")
HEADER_LINES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "THƯ VIỆN QUỐC GIA VIỆT NAM")


def pdf_page_count(content: bytes) -> int:
    with pdfplumber.open(io.BytesIO(content)) as document:
        return len(document.pages)


def programme_pair() -> tuple[bytes, bytes]:
    record = event_reading.load_record(Event.get(Event.ref == "demo-2022-review"))
    return bytes(programme.render(record, options=OPTIONS)), programme.render_docx(record, OPTIONS)


def plan_pair() -> tuple[bytes, bytes]:
    plan = annual_plan.build(2022, annual_plan.PlanOptions(number="12", signer_name="Nguyễn Xuân Dũng"))
    return bytes(annual_plan_document.render(plan)), annual_plan_document.render_docx(plan)


def handover_pair() -> tuple[bytes, bytes]:
    record = handover.build(_exhibition(items=8), MUSEUM)
    described = handover.document(record)
    return pdf_renderer.render(described), docx_renderer.render(described)


def year_pair() -> tuple[bytes, bytes]:
    return bytes(year_report.render(2022, OPTIONS)), year_report.render_docx(2022, OPTIONS)


PAIRS = {"programme": programme_pair, "plan": plan_pair, "handover": handover_pair, "year list": year_pair}


def line_of(page: RenderedPage, text: str):
    return next((line for line in page.lines if line.text == text), None)


@pytest.mark.parametrize("name", ["programme", "plan", "handover"])
def test_the_decree_header_keeps_each_line_whole_in_word(demo_db, office, name):
    _pdf, docx = PAIRS[name]()
    first = office.pages(docx)[0]
    for text in HEADER_LINES:
        assert line_of(first, text) is not None, f"{text!r} wraps in the {name}: {first.text[:300]}"
    # the parent body breaks only where the PDF breaks it: after its comma, never inside a word
    assert line_of(first, "BỘ VĂN HÓA,") and line_of(first, "THỂ THAO VÀ DU LỊCH")


@pytest.mark.parametrize("name", ["programme", "plan", "handover"])
def test_the_rule_under_the_motto_is_the_motto_wide(demo_db, office, name):
    _pdf, docx = PAIRS[name]()
    first = office.pages(docx)[0]
    motto = line_of(first, "Độc lập - Tự do - Hạnh phúc")
    below = [rule for rule in first.rules if 0 < rule[2] - motto.top < 25 and rule[0] >= motto.x0 - 5 * MM]
    assert below, "no rule under the motto"
    x0, x1, _top = below[0]
    assert abs((x1 - x0) - (motto.x1 - motto.x0)) <= 1 * MM
    assert abs((x0 + x1) / 2 - (motto.x0 + motto.x1) / 2) <= 1 * MM  # centred under it


@pytest.mark.parametrize("name", list(PAIRS))
def test_a_word_version_runs_at_most_one_page_longer_than_its_pdf(demo_db, office, name):
    pdf, docx = PAIRS[name]()
    assert len(office.pages(docx)) <= pdf_page_count(pdf) + 1


def test_a_programme_title_longer_than_word_properties_allow_prints_whole(db, office):
    title = ("Hội thảo khoa học quốc gia “Thư viện trong kỷ nguyên số: chuyển đổi số, dữ liệu mở và văn hóa đọc” "
             * 3)[:300].strip()  # fmt: skip
    opening = dt.datetime(2023, 4, 21, 8, 0)
    saved = store.save_event(EventRecord(kind="conference", title=title, start=opening,
                                         programme=[ProgrammeEntry(opening, "Khai mạc")]))  # fmt: skip
    docx = programme.render_docx(event_reading.load_record(saved.id), OPTIONS)
    printed = " ".join(page.text for page in office.pages(docx)).split()
    assert " ".join(title.split()) in " ".join(printed)


def test_word_versions_say_they_are_vietnamese_single_spaced_and_schema_valid(demo_db):
    _pdf, docx = programme_pair()
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        styles = package.read("word/styles.xml").decode()
        settings = package.read("word/settings.xml").decode()
    assert 'w:lang w:val="vi-VN"' in styles and "en-US" not in styles  # Word checks spelling in Vietnamese
    assert '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>' in styles  # single, as the PDF
    assert '<w:zoom w:val="bestFit" w:percent="100"/>' in settings  # ECMA-376 requires w:percent


def test_the_tallies_in_word_carry_the_table_by_kind_the_report_quotes(demo_db, tmp_path):
    from docx import Document

    from nlv_events.services.reports import export_tallies, tallies

    path = tmp_path / "so-lieu-2022.docx"
    export_tallies.write(tallies.compute(2022), path, "docx")
    table = Document(str(path)).tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header[0] == "Loại sự kiện" and {"Kế hoạch", "Tỷ lệ đạt kế hoạch", "Tin bài", "Ảnh"} <= set(header)
    total = {name: cell.text for name, cell in zip(header, table.rows[-1].cells, strict=True)}
    assert total["Loại sự kiện"] == "Tổng cộng" and total["Sự kiện"] == "31"
    assert total["Số lượt tham dự"] == "66.270" and total["Tỷ lệ đạt kế hoạch"] == "103%"
    assert [row.cells[0].text for row in table.rows[1:3]] == ["Triển lãm", "Ngày Sách và Văn hóa đọc"]


SIGNATURE_OPENINGS = ("Nơi nhận", "NGƯỜI LẬP BIỂU", "KT. GIÁM ĐỐC", "GIÁM ĐỐC")


def body_lines_above_signature(pages) -> list[str]:
    """The lines above the signature block on its page, the page number aside."""
    def opening(line) -> bool:
        return line.text.startswith(SIGNATURE_OPENINGS)

    page = next(page for page in reversed(pages) if any(opening(line) for line in page.lines))
    signed = min((line for line in page.lines if opening(line)), key=lambda line: line.top)
    return [line.text for line in page.lines if line.top < signed.top - 1 and not line.text.isdigit()]


def test_the_signature_never_stands_alone_on_a_page(demo_db, office):
    """The 2023 plan (no events planned yet: text only) once put "Nơi nhận" and the signature alone on page 2."""
    plan = annual_plan.build(2023)
    pdf, docx = bytes(annual_plan_document.render(plan)), annual_plan_document.render_docx(plan)
    from tests.office import read_pages

    path = office.profile / "plan-2023.pdf"
    path.write_bytes(pdf)
    for pages in (read_pages(path), office.pages(docx)):
        assert body_lines_above_signature(pages), "the signature stands alone on its page"


def three_day_programme() -> EventRecord:
    """60 rows over three days; every fifteenth row lists 40 people, each with a position and a ministry."""
    start = dt.datetime(2023, 4, 19, 8, 0)
    rows = []
    for number in range(60):
        at = start + dt.timedelta(days=number // 20, minutes=20 * (number % 20))
        people = [
            PersonEntry(f"Nguyễn Văn Đại Biểu {number:02d}-{index:02d}", position="Phó Vụ trưởng Vụ Thư viện",
                        organisation="Bộ Văn hóa, Thể thao và Du lịch")
            for index in range(40 if number % 15 == 3 else 2)
        ]  # fmt: skip
        title = f"Phiên {number + 1}: tham luận về văn hóa đọc trong kỷ nguyên số"
        rows.append(ProgrammeEntry(at, title, at + dt.timedelta(minutes=20), people=people))
    end = start + dt.timedelta(days=2, hours=9)
    saved = store.save_event(EventRecord(kind="conference", title="Hội thảo ba ngày", start=start, end=end,
                                         programme=rows))  # fmt: skip
    return event_reading.load_record(saved.id)


def _year_of_300_events(tmp_path) -> tuple[bytes, bytes]:
    from bench import synthetic
    from nlv_events.core import database

    database.close_database()
    synthetic.build(tmp_path / "year.sqlite3", 300, years=1)
    database.open_database(str(tmp_path / "year.sqlite3"))
    year = synthetic.FIRST_YEAR
    return bytes(year_report.render(year, OPTIONS)), year_report.render_docx(year, OPTIONS)


# One test a case: together they took four times the five seconds a test may take.
@pytest.mark.parametrize("case", ["three-day programme", "year of 300 events"])
def test_the_stress_cases_in_word_keep_the_pdfs_length_header_and_signature(db, office, tmp_path, case):
    """The issue's stress cases: a 60-row three-day programme with 40-person rows, and a year of 300 events."""
    if case == "three-day programme":
        record = three_day_programme()
        pdf, docx = bytes(programme.render(record, options=OPTIONS)), programme.render_docx(record, OPTIONS)
    else:
        pdf, docx = _year_of_300_events(tmp_path)
    pages = office.pages(docx)
    assert len(pages) <= pdf_page_count(pdf) + 1
    if case == "three-day programme":  # the programme is signed under the decree's header; the year list is its annex
        assert line_of(pages[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") is not None
    assert body_lines_above_signature(pages)


def test_a_row_taller_than_a_page_continues_in_word_under_its_time_marked_continued(db, office):
    """A session listing 90 people cannot fit one page: Word would break it anywhere, with nothing on the next
    page saying which session goes on. It is cut between people, and the rest says its time again with "(tiếp)"."""
    start = dt.datetime(2022, 12, 20, 8, 0)
    people = [PersonEntry(name=f"Đại biểu số {number:02d}", position="Chuyên viên") for number in range(1, 91)]
    rows = [ProgrammeEntry(start=start, title="Phiên toàn thể", people=people),
            ProgrammeEntry(start=start.replace(hour=10), title="Bế mạc")]  # fmt: skip
    saved = store.save_event(EventRecord(kind="conference", title="Hội nghị toàn quốc", start=start, programme=rows))
    docx = programme.render_docx(event_reading.load_record(saved.id), OPTIONS)

    pages = office.pages(docx)
    continued_on = [page for page in pages if "(tiếp)" in page.text]
    assert continued_on, "no page says the session continues"
    first_continued = continued_on[0]
    assert "08:00" in first_continued.text or "08h00" in first_continued.text
    printed = " ".join(page.text for page in pages)
    assert all(f"Đại biểu số {number:02d}" in printed for number in range(1, 91))  # nobody lost in the cut
    assert printed.count("Đại biểu số 45") == 1  # nobody said twice
