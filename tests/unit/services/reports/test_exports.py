"""Exports open in the programs people use and hold the right values."""

import csv
import datetime as dt
import io

import pytest
from docx import Document
from icalendar import Calendar
from openpyxl import load_workbook

from nlv_events.core import event_reading, store
from nlv_events.core.cells import neutralise
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.services.reports import export_tallies, ics, tallies


@pytest.fixture
def figures(demo_db):
    return tallies.compute(2022)


def test_xlsx_summary_months_and_events(figures, tmp_path):
    path = tmp_path / "2022.xlsx"
    export_tallies.write(figures, path, "xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Tổng hợp", "Theo tháng", "Sự kiện", "Sự kiện đã hủy"]
    summary = workbook["Tổng hợp"]
    assert summary["A1"].value == "SỐ LIỆU TỔNG HỢP NĂM 2022"
    assert summary["A4"].value == "Triển lãm" and summary["B4"].value == 20
    total_row = next(row for row in summary.iter_rows(min_row=4) if row[0].value == "Tổng cộng")
    assert total_row[1].value == 31
    assert summary.freeze_panes == "B4"
    share = summary.cell(row=4, column=12)
    assert share.number_format == "0%" and abs(share.value - 20 / 18) < 1e-9
    events = workbook["Sự kiện"]
    assert events.max_row == 32  # header and 31 counted events
    cancelled = workbook["Sự kiện đã hủy"]
    assert cancelled.max_row == 2 and cancelled["C2"].value and cancelled["C2"].value != "Khác"  # with its kind
    assert isinstance(events["D2"].value, dt.datetime) and events["D2"].number_format == "dd/mm/yyyy"
    assert events.freeze_panes == "C2"
    months = workbook["Theo tháng"]
    assert months["A2"].value == "Tháng 1"


def test_csv_has_a_bom_and_opens_as_the_same_table(figures, tmp_path):
    path = tmp_path / "2022.csv"
    export_tallies.write(figures, path, "csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "Loại sự kiện"
    exhibition = next(row for row in rows if row and row[0] == "Triển lãm")
    assert exhibition[1] == "20" and exhibition[11] == "111%"


def test_csv_neutralises_formulas(db):
    store.save_event(EventRecord(kind="talk", title='=HYPERLINK("http://x")', start=dt.date(2023, 1, 1)))
    from nlv_events.services.events import listing

    text = listing.render_csv(listing.select_events(2023))
    row = list(csv.reader(io.StringIO(text)))[1]
    assert row[2] == '\'=HYPERLINK("http://x")'
    for dangerous in ("=1+1", "+1", "-1", "@SUM(A1)"):
        assert neutralise(dangerous) == "'" + dangerous
    assert neutralise("Văn hóa") == "Văn hóa" and neutralise(12) == 12


def test_docx_holds_the_narrative_and_the_list(figures, tmp_path):
    path = tmp_path / "2022.docx"
    export_tallies.write(figures, path, "docx")
    document = Document(str(path))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "DANH MỤC SỰ KIỆN NĂM 2022" in text
    assert "20 cuộc triển lãm, trưng bày" in text
    _by_kind, table = document.tables  # the table by kind first, then the list
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert "I. TRIỂN LÃM" in cells[1][0]
    assert "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023" in [row[1] for row in cells]
    assert sum(row[0].isdigit() for row in cells) == 31
    # the totals: each group's under its rows, the year's at the end, each figure under its own column
    total = next(row for row in cells if row[0].startswith("Tổng cộng"))
    assert total[0] == "Tổng cộng: 31 sự kiện" and total[7:10] == ["66.270", "144.100", "6.940"]
    subtotals = [row for row in cells if row[0].startswith("Cộng:")]
    assert sum(int(row[7].replace(".", "") or 0) for row in subtotals) == 66270
    section = document.sections[0]
    assert (round(section.left_margin.mm), round(section.right_margin.mm)) == (30, 15)
    assert (round(section.top_margin.mm), round(section.bottom_margin.mm)) == (20, 20)


def test_json_export_round_trips(figures, tmp_path):
    import json

    path = tmp_path / "2022.json"
    export_tallies.write(figures, path, "json")
    assert json.loads(path.read_text(encoding="utf-8")) == figures.to_json()


def test_format_follows_the_extension():
    assert export_tallies.format_for("a.XLSX", None) == "xlsx"
    assert export_tallies.format_for("a.csv", "json") == "json"
    assert export_tallies.format_for(None, None) == "json"


def test_ics_parses_back_with_the_same_events(demo_db, tmp_path):
    path = tmp_path / "2022.ics"
    count = ics.write_ics(path, 2022)
    calendar = Calendar.from_ical(path.read_bytes())
    entries = list(calendar.walk("VEVENT"))
    assert len(entries) == count == 32
    by_uid = {str(entry["UID"]): entry for entry in entries}
    assert len(by_uid) == 32
    exhibition = by_uid["demo-2022-exh-20@nlv-events.nlv.gov.vn"]
    assert exhibition.decoded("DTSTART") == dt.date(2022, 12, 18)
    assert exhibition.decoded("DTEND") == dt.date(2023, 1, 16)  # exclusive end of an all-day event
    review = by_uid["demo-2022-review@nlv-events.nlv.gov.vn"]
    start = review.decoded("DTSTART")
    assert (start.hour, start.minute, str(start.tzinfo)) == (8, 0, "Asia/Ho_Chi_Minh")
    assert str(review["SUMMARY"]) == "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"
    cancelled = next(e for e in entries if str(e["STATUS"]) == "CANCELLED")
    assert "Hán Nôm" in str(cancelled["SUMMARY"])


def test_ics_uids_are_stable_across_exports(demo_db, tmp_path):
    ics.write_ics(tmp_path / "a.ics", 2022)
    event = Event.get(Event.ref == "demo-2022-review")
    record = event_reading.load_record(event)
    record.attendance = 300
    store.save_event(record)
    ics.write_ics(tmp_path / "b.ics", 2022)
    first = {str(e["UID"]) for e in Calendar.from_ical((tmp_path / "a.ics").read_bytes()).walk("VEVENT")}
    second = Calendar.from_ical((tmp_path / "b.ics").read_bytes()).walk("VEVENT")
    assert first == {str(e["UID"]) for e in second}
    review = next(e for e in second if str(e["UID"]).startswith("demo-2022-review"))
    assert int(review["SEQUENCE"]) == 2  # the calendar sees an update, not a new event


def test_the_events_filter_covers_the_header_and_every_event_row(figures, tmp_path):
    path = tmp_path / "2022.xlsx"
    export_tallies.write(figures, path, "xlsx")
    events = load_workbook(path)["Sự kiện"]
    assert events.auto_filter.ref == events.calculate_dimension() == "A1:L32"


def test_every_cell_of_an_event_row_starts_at_the_rows_top(figures, tmp_path):
    # Excel puts a cell's text at the bottom unless told: beside a title wrapped on three lines the row's number,
    # kind, dates and figures stood on its last line, and read as the next row's.
    path = tmp_path / "2022.xlsx"
    export_tallies.write(figures, path, "xlsx")
    workbook = load_workbook(path)
    for name in ("Sự kiện", "Sự kiện đã hủy"):
        for row in workbook[name].iter_rows(min_row=2):
            assert {cell.alignment.vertical for cell in row} == {"top"}, (name, row[0].row)
    events = workbook["Sự kiện"]
    assert events["D2"].number_format == "dd/mm/yyyy" and events["J2"].number_format == "#,##0"
    assert events["B2"].alignment.wrap_text and not events["C2"].alignment.wrap_text
