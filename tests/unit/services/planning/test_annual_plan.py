"""The annual plan (Kế hoạch … năm 2025) as PDF and DOCX, and the year's progress against it."""

import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader

from nlv_events.core import event_reading, store
from nlv_events.core.records import EventRecord, PlanEntry
from nlv_events.printing.decree import Letterhead
from nlv_events.services.planning import annual_plan, commemorations, series, series_rules
from nlv_events.services.planning import annual_plan_document as plan_document
from tests.unit.conftest import pdf_text, top_margin_text

LETTERHEAD = Letterhead("Bộ Văn hóa, Thể thao và Du lịch", "Thư viện Quốc gia Việt Nam", "Hà Nội", dt.date(2025, 1, 10))
OPTIONS = annual_plan.PlanOptions(
    number="15/KH-TVQG", signer_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", signer_name="Nguyễn Xuân Dũng"
)


@pytest.fixture
def year_2025(db):
    for key in ("party", "liberation-south", "national-day"):
        commemorations.plan_exhibition(key, 2025)
    series.save(
        series.SeriesSpec(
            title="Giờ kể chuyện cho thiếu nhi",
            kind="talk",
            start=dt.date(2025, 3, 1),
            rule=series_rules.weekly_rule([5], until=dt.date(2025, 4, 30)),
            venue="Phòng đọc Thiếu nhi",
            skip=[dt.date(2025, 4, 26)],
        )
    )
    talk = EventRecord(
        kind="talk",
        title="Tọa đàm văn hóa đọc",
        start=dt.date(2025, 3, 20),
        role="co_organiser",
        partners=["Hội Thư viện Việt Nam", "Nhà xuất bản Kim Đồng"],
    )
    store.save_event(talk)
    cancelled = EventRecord(kind="talk", title="Buổi bị hủy", start=dt.date(2025, 3, 21), status="cancelled")
    store.save_event(cancelled)
    store.save_plan(PlanEntry(2025, "exhibition", 20))
    store.save_plan(PlanEntry(2025, "talk", 30))
    return db


def test_the_plan_pdf_carries_the_decrees_blocks_the_events_by_month_and_the_targets(
    year_2025, assert_embedded_truetype
):
    document = annual_plan.build(2025, OPTIONS, LETTERHEAD)
    pdf = plan_document.render(document)
    assert_embedded_truetype(pdf)
    text = pdf_text(pdf)
    for expected in (
        "THƯ VIỆN QUỐC GIA VIỆT NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 15/KH-TVQG",
        "Hà Nội, ngày 10 tháng 01 năm 2025",
        "KẾ HOẠCH",
        "Tổ chức các hoạt động thông tin tuyên truyền năm 2025",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG HOẠT ĐỘNG",
        "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)",
        "III. CHỈ TIÊU",
        "IV. TỔ CHỨC THỰC HIỆN",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Xuân Dũng",
    ):
        assert expected in text, expected
    # Months in order, a series as one row a month with its days, the cancelled event left out.
    assert text.index("Tháng 2") < text.index("Tháng 3") < text.index("Tháng 4") < text.index("Tháng 9")
    assert "01, 08, 15, 22, 29/03/2025" in text and "Giờ kể chuyện cho thiếu nhi (5 buổi)" in text
    assert "05, 12, 19/04/2025" in text and "(3 buổi)" in text
    assert "Buổi bị hủy" not in text
    # A co-organised event names its partner in charge and the library among the partners.
    assert "Hội Thư viện Việt Nam" in text and "Nhà xuất bản Kim Đồng" in text


def test_targets_and_page_numbers(year_2025):
    document = annual_plan.build(2025, OPTIONS, LETTERHEAD)
    targets = {row.kind: (row.target, row.planned) for row in document.targets}
    assert targets["Triển lãm"] == (20, 3)
    assert targets["Tọa đàm – Giao lưu"] == (30, 9)  # 8 storytelling Saturdays and the talk; not the cancelled one
    reader = PdfReader(io.BytesIO(plan_document.render(document)))
    assert len(reader.pages) >= 2
    assert top_margin_text(reader.pages[1]).startswith("2")


def test_the_plan_docx_has_the_same_content(year_2025, tmp_path):
    path = tmp_path / "plan.docx"
    plan_document.write(annual_plan.build(2025, OPTIONS, LETTERHEAD), path)
    document = Document(str(path))
    paragraphs = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "KẾ HOẠCH" in paragraphs and "Tổ chức các hoạt động thông tin tuyên truyền năm 2025" in paragraphs
    assert "I. MỤC ĐÍCH, YÊU CẦU" in paragraphs and "IV. TỔ CHỨC THỰC HIỆN" in paragraphs
    header, months, targets, signature = document.tables
    header_text = "\n".join(cell.text for cell in header.rows[0].cells)
    assert "Số: 15/KH-TVQG" in header_text and "Hà Nội, ngày 10 tháng 01 năm 2025" in header_text
    month_rows = [[cell.text for cell in row.cells] for row in months.rows]
    assert month_rows[0] == ["STT", "Thời gian", "Nội dung", "Địa điểm", "Đơn vị chủ trì", "Đơn vị phối hợp"]
    assert month_rows[1][0] == "Tháng 2"
    assert ["1", "03/02/2025"] == month_rows[2][:2]
    assert any(row[2] == "Giờ kể chuyện cho thiếu nhi (5 buổi)" for row in month_rows)
    assert [[cell.text for cell in row.cells] for row in targets.rows][1] == ["Triển lãm", "20", "3"]
    assert "Nguyễn Xuân Dũng" in signature.rows[0].cells[1].text
    assert "Nơi nhận:" in signature.rows[0].cells[0].text


def test_the_template_is_the_offices_to_edit(year_2025):
    template = "# MỤC ĐÍCH\nTuyên truyền các ngày lễ năm {year}.\n# TỔ CHỨC THỰC HIỆN\nPhòng Thông tin thực hiện {x}."
    document = annual_plan.build(2025, annual_plan.PlanOptions(template=template), LETTERHEAD)
    text = pdf_text(plan_document.render(document))
    assert "I. MỤC ĐÍCH" in text and "Tuyên truyền các ngày lễ năm 2025." in text
    assert "IV. TỔ CHỨC THỰC HIỆN" in text and "Phòng Thông tin thực hiện {x}." in text


def test_progress_planned_against_held_per_kind_and_month(year_2025):
    for event in series.occurrences(series.all_series()[0].id)[:3]:
        record = event_reading.load_record(event)
        record.status = "held"
        store.save_event(record)
    progress = annual_plan.progress(2025, today=dt.date(2025, 3, 31))
    talk = progress.kinds["talk"]
    assert (talk.target, talk.planned, talk.due, talk.held) == (30, 9, 6, 3)
    exhibition = progress.kinds["exhibition"]
    assert (exhibition.target, exhibition.planned, exhibition.due, exhibition.held) == (20, 3, 1, 0)
    assert (progress.months[3].planned, progress.months[3].held) == (6, 3)
    assert progress.total.planned == 12 and progress.total.target == 50
    assert progress.to_json()["months"]["4"]["planned"] == 4


def test_a_year_with_nothing_planned_says_so_in_both_documents(db, tmp_path):
    document = annual_plan.build(2031, OPTIONS, LETTERHEAD)
    assert "Chưa có sự kiện nào được lên kế hoạch cho năm này." in pdf_text(plan_document.render(document))
    path = tmp_path / "empty.docx"
    plan_document.write(document, path)
    paragraphs = [paragraph.text for paragraph in Document(str(path)).paragraphs]
    assert "Chưa có sự kiện nào được lên kế hoạch cho năm này." in paragraphs
    # The round anniversaries are listed all the same.
    text = pdf_text(plan_document.render(document))
    assert "Kỷ niệm 100 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh (26/03/1931 – 26/03/2031)" in text


def test_a_bare_number_takes_the_plans_symbol_as_the_programmes_does(year_2025, tmp_path):
    options = annual_plan.PlanOptions(number="7", signer_name="Nguyễn Xuân Dũng")
    path = tmp_path / "plan.docx"
    plan_document.write(annual_plan.build(2025, options, LETTERHEAD), path)
    header = Document(str(path)).tables[0]
    assert "Số: 7/KH-TVQG" in "\n".join(cell.text for cell in header.rows[0].cells)
    assert "Số: 7/KH-TVQG" in pdf_text(plan_document.render(annual_plan.build(2025, options, LETTERHEAD)))
