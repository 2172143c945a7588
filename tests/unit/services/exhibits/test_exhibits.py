"""Exhibitions: catalogue import from real MARC files, the checklist against the tallies, loans, handover, JSON."""

import datetime as dt
import io
import json
import unicodedata

import openpyxl
import pytest
from pypdf import PdfReader

from nlv_events import i18n
from nlv_events.core import store
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.exhibit_models import ExhibitItem
from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, LoanEntry, SectionEntry
from nlv_events.core.records import EventRecord
from nlv_events.printing import pdf_renderer
from nlv_events.services.exhibits import (
    catalogue_import,
    checklist,
    checklist_xlsx,
    handover,
    labels,
    loans,
    structure,
)
from nlv_events.services.exhibits import checklist_pdf as checklist_pdf
from nlv_events.services.interchange import exporting, importing, reading
from nlv_events.services.reports import tallies
from tests.marc_files import book, marc_bytes, marcxml_bytes

D = dt.date


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def exhibition(db):
    return store.save_event(
        EventRecord(
            kind="exhibition",
            title="Trưng bày “Bác Hồ với Thủ đô”",
            start=D(2023, 5, 10),
            end=D(2023, 6, 30),
            status="held",
            venue="Sảnh tầng 1",
            items_displayed=40,
        )
    ).id


@pytest.mark.both_databases
def test_marc_file_with_marc8_vietnamese_and_a_truncated_record(exhibition, tmp_path):
    records = [
        book("Đường Kách mệnh", "Hồ Chí Minh", call_number="335.4 H450", added=("Nguyễn Ái Quốc",)),
        book("Nhật ký trong tù", "Hồ Chí Minh", subtitle="thơ chữ Hán", marc8=True, pages="3 tập", imprint="264"),
        book("Tạp chí Cộng sản", record_type="as"),
    ]
    path = tmp_path / "catalogue.mrc"
    path.write_bytes(marc_bytes(records) + marc_bytes([book("Bản ghi bị cắt")])[:-40])

    preview = catalogue_import.read(path)

    assert [entry.number for entry in preview.entries] == [1, 2, 3]
    first, marc8, periodical = (entry.item for entry in preview.entries)
    assert (first.title, first.creator, first.place, first.publisher, first.year, first.call_number) == (
        "Đường Kách mệnh",
        "Hồ Chí Minh; Nguyễn Ái Quốc",
        "Hà Nội",
        "Chính trị quốc gia",
        "2020",
        "335.4 H450",
    )
    assert marc8.title == "Nhật ký trong tù : thơ chữ Hán"
    assert marc8.creator == "Hồ Chí Minh"
    assert marc8.quantity == 3  # "3 tập": a set of three volumes
    assert periodical.item_type == "periodical"
    for entry in preview.entries:
        assert unicodedata.is_normalized("NFC", entry.item.title)
    assert [(problem.number, "cắt cụt" in problem.reason) for problem in preview.problems] == [(4, True)]
    assert ExhibitItem.select().count() == 0  # a preview stores nothing

    assert catalogue_import.apply(exhibition, preview) == 3
    stored = structure.load(exhibition)
    assert [item.title for item in stored.items][1] == "Nhật ký trong tù : thơ chữ Hán"
    assert stored.total_quantity == 5


def test_marcxml(exhibition, tmp_path):
    path = tmp_path / "catalogue.xml"
    path.write_bytes(marcxml_bytes([book("Văn hóa đọc", "Nguyễn Văn A", call_number="028 V115")]))
    preview = catalogue_import.read(path)
    assert [(e.item.title, e.item.call_number) for e in preview.entries] == [("Văn hóa đọc", "028 V115")]
    assert preview.complete


def test_broken_marcxml_is_refused_saying_where(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_bytes(b"<collection><record>")
    with pytest.raises(UserError, match="MARCXML"):
        catalogue_import.read(path)


def test_unknown_file_type(tmp_path):
    with pytest.raises(UserError, match=r"\.mrc"):
        catalogue_import.read(tmp_path / "items.pdf")


def test_sheet_rows_with_bad_type_or_negative_quantity_are_listed_by_row(exhibition, tmp_path):
    path = tmp_path / "items.csv"
    decomposed = unicodedata.normalize("NFD", "Ảnh Bác Hồ đọc báo")
    path.write_text(
        "Phần,Tên tài liệu,Tác giả,Loại,Số lượng,Nguồn\n"
        "Phần mở đầu,Tuyên ngôn độc lập,Hồ Chí Minh,sách,2,Kho TVQG\n"
        f"Phần mở đầu,{decomposed},,ảnh,1,Bảo tàng Hồ Chí Minh\n"
        "Phần mở đầu,Bình gốm,,đồ cổ,1,\n"
        "Phần mở đầu,Báo Nhân Dân,,báo,-2,\n",
        encoding="utf-8",
    )
    preview = catalogue_import.read(path)
    assert [e.item.title for e in preview.entries] == ["Tuyên ngôn độc lập", "Ảnh Bác Hồ đọc báo"]
    assert unicodedata.is_normalized("NFC", preview.entries[1].item.title)
    assert preview.entries[1].item.item_type == "photograph"
    assert preview.entries[1].item.lender == "Bảo tàng Hồ Chí Minh"
    assert preview.entries[0].item.lender is None
    assert [p.number for p in preview.problems] == [4, 5]
    assert "đồ cổ" in preview.problems[0].reason
    assert "-2" in preview.problems[1].reason
    catalogue_import.apply(exhibition, preview)
    assert [s.title for s in structure.load(exhibition).sections] == ["Phần mở đầu"]


def test_xlsx_sheet(exhibition, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["title", "call number", "quantity", "type"])
    workbook.active.append(["Bản đồ Hà Nội 1873", "BĐ 12", 2, "document"])
    workbook.save(tmp_path / "items.xlsx")
    preview = catalogue_import.read(tmp_path / "items.xlsx")
    assert [(e.item.title, e.item.quantity, e.item.item_type) for e in preview.entries] == [
        ("Bản đồ Hà Nội 1873", 2, "document")
    ]


def _two_parts():
    return ExhibitData(
        sections=[
            SectionEntry(
                "Bác Hồ với Hà Nội",
                [
                    ItemEntry("Tuyên ngôn độc lập", quantity=3, call_number="VV 1"),
                    ItemEntry(
                        "Ảnh Quảng trường Ba Đình",
                        item_type="photograph",
                        lender="Bảo tàng Hồ Chí Minh",
                        condition="Tốt",
                    ),
                ],
            ),
            SectionEntry("Hà Nội hôm nay", [ItemEntry("Hà Nội 1000 năm", quantity=5)]),
        ],
        loans=[LoanEntry("Bảo tàng Hồ Chí Minh", date_out=D(2023, 5, 2), date_due=D(2023, 7, 10), state="received")],
    )


@pytest.mark.both_databases
def test_checklist_totals_match_the_tallies_and_an_override_is_kept(exhibition):
    other = store.save_event(
        EventRecord(kind="exhibition", title="Khác", start=D(2023, 8, 1), status="held", items_displayed=7)
    ).id
    assert tallies.compute(2023).kinds["exhibition"].items_displayed == 47  # the figures entered by hand
    structure.save(exhibition, _two_parts())
    data = checklist.build(exhibition)
    assert [section.total for section in data.sections] == [4, 5]
    assert data.total == 9
    assert tallies.compute(2023).kinds["exhibition"].items_displayed == 9 + 7
    assert tallies.compute(2023).total.items_displayed == 16

    structure.set_count_override(exhibition, True)
    assert tallies.compute(2023).kinds["exhibition"].items_displayed == 40 + 7
    summary = structure.count_summary(exhibition)
    assert (summary.override, summary.checklist_total, summary.counted) == (True, 9, 40)
    assert other


def test_checklist_pdf_and_xlsx_show_parts_and_totals(exhibition, tmp_path):
    structure.save(exhibition, _two_parts())
    data = checklist.build(exhibition)
    words = " ".join(pdf_text(checklist_pdf.render(data)).split())
    assert "DANH MỤC TÀI LIỆU TRƯNG BÀY" in words
    assert "Phần I. Bác Hồ với Hà Nội" in words and "Phần II. Hà Nội hôm nay" in words
    assert "Cộng phần I 4" in words and "Cộng phần II 5" in words and "Tổng cộng 9" in words
    assert "Kho TVQG" in words and "Bảo tàng Hồ Chí Minh" in words
    checklist_xlsx.write_workbook(data, tmp_path / "c.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "c.xlsx").active.iter_rows(values_only=True))
    item_quantities = [row[6] for row in rows if isinstance(row[0], int)]
    assert sum(item_quantities) == 9
    assert rows[-1][0] == "Tổng cộng" and rows[-1][6] == 9 == tallies.compute(2023).kinds["exhibition"].items_displayed


def test_handover_record_pdf_content(exhibition):
    structure.save(exhibition, _two_parts())
    record = handover.build(exhibition, "bao tang ho chi minh", number="15/BB-TVQG")
    words = pdf_text(pdf_renderer.render(handover.document(record))).replace("\n", " ")
    assert "BIÊN BẢN GIAO NHẬN TÀI LIỆU" in words
    assert "Hôm nay, ngày 02 tháng 5 năm 2023, tại Sảnh tầng 1" in words
    assert "Bên giao: BẢO TÀNG HỒ CHÍ MINH" in words  # both parties named alike, in capitals
    assert "Bên nhận: THƯ VIỆN QUỐC GIA VIỆT NAM" in words
    assert "Ảnh Quảng trường Ba Đình" in words and "Tuyên ngôn độc lập" not in words  # only the lender's items
    assert "ĐẠI DIỆN BÊN GIAO" in words and "ĐẠI DIỆN BÊN NHẬN" in words
    assert "Số: 15/BB-TVQG" in words
    back = handover.build(exhibition, "Bảo tàng Hồ Chí Minh", returning=True, day=D(2023, 7, 9))
    assert (back.giver, back.receiver) == ("THƯ VIỆN QUỐC GIA VIỆT NAM", "Bảo tàng Hồ Chí Minh")
    with pytest.raises(UserError, match="Bảo tàng Hồ Chí Minh"):
        handover.build(exhibition, "Ai đó")


def test_handover_docx_holds_the_same_content(exhibition, tmp_path):
    from docx import Document

    structure.save(exhibition, _two_parts())
    handover.write(handover.build(exhibition, "Bảo tàng Hồ Chí Minh"), tmp_path / "h.docx")
    document = Document(str(tmp_path / "h.docx"))
    paragraphs = " ".join(p.text for p in document.paragraphs)
    cells = " ".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "BIÊN BẢN GIAO NHẬN TÀI LIỆU" in paragraphs
    assert "Ảnh Quảng trường Ba Đình" in cells and "ĐẠI DIỆN BÊN NHẬN" in cells


def test_labels_one_card_per_item():
    pdf = labels.render([ItemEntry("Tuyên ngôn độc lập", call_number="VV 1", caption="Bản in năm 1945")] * 3, "a6")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    assert round(float(reader.pages[0].mediabox.width)) == 298  # A6
    assert "Ký hiệu kho: VV 1" in reader.pages[0].extract_text()


def test_loan_returned_before_it_went_out_is_refused(exhibition):
    data = _two_parts()
    data.loans[0].date_back = D(2023, 4, 30)
    with pytest.raises(ValidationError, match="Bảo tàng Hồ Chí Minh") as error:
        structure.save(exhibition, data)
    assert str(error.value).startswith("Khoản mượn 1: ")
    assert "30/04/2023" in str(error.value) and "02/05/2023" in str(error.value)
    assert structure.load(exhibition).is_empty()


def test_negative_quantity_and_unknown_type_are_refused_saying_where(exhibition):
    data = _two_parts()
    data.sections[1].items[0].quantity = -1
    with pytest.raises(ValidationError, match=r"Phần 2, tài liệu 1: .*-1"):
        structure.save(exhibition, data)
    data.sections[1].items[0].quantity = 1
    data.sections[0].items[1].item_type = "statue"
    with pytest.raises(ValidationError, match="statue"):
        structure.save(exhibition, data)


def test_loan_warnings_within_a_week_or_late():
    data = ExhibitData(
        loans=[
            LoanEntry("A", date_out=D(2023, 5, 1), date_due=D(2023, 6, 5), state="received"),
            LoanEntry("B", date_out=D(2023, 5, 1), date_due=D(2023, 5, 30), state="received"),
            LoanEntry("C", date_out=D(2023, 5, 1), date_due=D(2023, 7, 30), state="received"),
            LoanEntry("D", date_out=D(2023, 5, 1), date_due=D(2023, 5, 20), date_back=D(2023, 5, 20), state="returned"),
        ]
    )
    i18n.setup_i18n("en")
    found = loans.warnings(data, today=D(2023, 6, 1))
    assert [(w.loan.lender, w.days_left, w.late) for w in found] == [("B", -2, True), ("A", 4, False)]
    assert "late" in found[0].message() and "2 days" in found[0].message()


@pytest.mark.both_databases
def test_saving_keeps_the_rows_ids(exhibition):
    data = structure.save(exhibition, _two_parts())
    ids = [item.id for item in data.items]
    moved = data.sections[0].items.pop(0)
    data.sections[1].items.append(moved)  # dragged to the other part
    structure.save(exhibition, data)
    again = structure.load(exhibition)
    assert sorted(item.id for item in again.items) == sorted(ids)
    assert again.sections[1].items[-1].id == moved.id


def test_known_item_by_call_number(exhibition):
    structure.save(exhibition, _two_parts())
    found = structure.known_item("vv 1")
    assert found is not None and found.title == "Tuyên ngôn độc lập" and found.id is None and found.quantity == 1


@pytest.mark.both_databases
def test_interchange_round_trip_and_old_files(exhibition, tmp_path):
    structure.save(exhibition, _two_parts())
    exported = exporting.export_document()
    assert exported["events"][0]["exhibit"]["sections"][1]["items"][0]["quantity"] == 5
    assert exported["events"][0]["exhibit"]["loans"][0]["date_out"] == "2023-05-02"
    summary = importing.import_document(reading.parse_document(json.loads(json.dumps(exported))))
    assert summary.unchanged == 1

    exported["events"][0]["exhibit"]["sections"][0]["items"][0]["quantity"] = -4
    with pytest.raises(UserError, match=r"sự kiện 1: Phần 1, tài liệu 1: .*-4"):
        importing.import_document(reading.parse_document(exported))
    assert structure.load(exhibition).total_quantity == 9  # nothing half-imported

    old = json.loads(json.dumps(exported))
    del old["events"][0]["exhibit"]
    old["events"][0]["title"] = "Trưng bày khác"
    old["events"][0]["ref"] = None
    importing.import_document(reading.parse_document(old))
    assert structure.load(exhibition).total_quantity == 9


def test_a_database_from_before_exhibitions_upgrades_and_takes_a_checklist(tmp_path):
    import shutil
    from pathlib import Path

    from nlv_events.core import database
    from nlv_events.core.models import Event

    copy = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parents[3] / "fixtures" / "schema-0003.sqlite3", copy)
    database.open_database(str(copy))
    try:
        event = Event.get(Event.ref == "demo-2022-exh-01")
        before = tallies.compute(2022).kinds["exhibition"].items_displayed
        structure.save(event.id, ExhibitData(sections=[SectionEntry("Phần I", [ItemEntry("Sách", quantity=3)])]))
        after = tallies.compute(2022).kinds["exhibition"].items_displayed
        assert after == before - (event.items_displayed or 0) + 3
    finally:
        database.close_database()


def test_the_tallies_workbook_lists_the_counted_figure(exhibition, tmp_path):
    from nlv_events.services.reports import export_tallies

    structure.save(exhibition, _two_parts())
    export_tallies.write_xlsx(tallies.compute(2023), tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").worksheets[-1]
    rows = [row for row in sheet.iter_rows(values_only=True) if row[1] == "Trưng bày “Bác Hồ với Thủ đô”"]
    assert rows[0][-1] == 9


def test_a_damaged_record_in_the_middle_is_skipped_and_the_next_ones_read(tmp_path):
    first, broken, last = (marc_bytes([book(title)]) for title in ("Một", "Hai", "Ba"))
    broken = broken[:12] + b"xxxxx" + broken[17:]  # the leader's base address of data
    path = tmp_path / "damaged.mrc"
    path.write_bytes(first + broken + last)
    preview = catalogue_import.read(path)
    assert [(e.number, e.item.title) for e in preview.entries] == [(1, "Một"), (3, "Ba")]
    assert [p.number for p in preview.problems] == [2]
    assert "hỏng" in preview.problems[0].reason


def test_a_part_number_typed_before_a_section_title_is_not_printed_twice(exhibition):
    data = ExhibitData(
        sections=[
            SectionEntry("Phần I. Những trang sử vàng", [ItemEntry("Tuyên ngôn độc lập")]),
            SectionEntry("PHẦN 2: Hà Nội hôm nay", [ItemEntry("Hà Nội 1000 năm")]),
            SectionEntry("Phần mềm thư viện qua các thời kỳ", [ItemEntry("Đĩa mềm CDS/ISIS")]),
        ]
    )
    stored = structure.save(exhibition, data)
    assert [section.title for section in stored.sections] == [
        "Những trang sử vàng", "Hà Nội hôm nay", "Phần mềm thư viện qua các thời kỳ"
    ]  # fmt: skip
    text = " ".join(pdf_text(checklist_pdf.render(checklist.build(exhibition))).split())
    assert "Phần I. Những trang sử vàng" in text and "Phần I. Phần I." not in text
    assert "Phần III. Phần mềm thư viện" in text


@pytest.mark.both_databases
def test_the_year_list_prints_each_exhibitions_items_as_the_tallies_count_them(exhibition):
    """The checklist's sum for an exhibition that has one, the hand-entered figure for one that has none or whose
    figure the office keeps, in the year and among the exhibitions continuing from earlier years."""
    import pdfplumber

    from nlv_events.printing.decree import DecreeOptions
    from nlv_events.services.reports import year_report

    structure.save(exhibition, _two_parts())  # 9 items listed, 40 typed by hand
    store.save_event(EventRecord(kind="exhibition", title="Trưng bày sách mới", start=D(2023, 8, 1), status="held",
                                 items_displayed=7))  # fmt: skip
    carried = store.save_event(EventRecord(kind="exhibition", title="Trưng bày mùa xuân", start=D(2022, 12, 20),
                                           end=D(2023, 2, 28), status="held", items_displayed=50)).id  # fmt: skip
    structure.save(carried, _two_parts())

    def items_printed() -> dict[str, str]:
        pdf = bytes(year_report.render(2023, DecreeOptions(date=D(2023, 12, 30))))
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            rows = [row for page in document.pages for table in page.extract_tables() for row in table]
        header = next(row for row in rows if row and row[0] == "STT")
        at = next(index for index, cell in enumerate(header) if cell and "trưng bày" in cell.replace("\n", " "))
        return {" ".join(row[1].split()): row[at] for row in rows if row[1] and row[1].startswith("Trưng bày")}

    assert items_printed() == {"Trưng bày “Bác Hồ với Thủ đô”": "9", "Trưng bày sách mới": "7",
                               "Trưng bày mùa xuân": "9"}  # fmt: skip
    structure.set_count_override(exhibition, True)
    assert items_printed()["Trưng bày “Bác Hồ với Thủ đô”"] == "40"
