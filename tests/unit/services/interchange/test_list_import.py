"""Importing past years' event lists (Excel, Word, CSV): what is read, what is stored, what a second import does."""

from __future__ import annotations

import datetime as dt

import pytest

from nlv_events.core import event_reading, queries
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.core.written_dates import UnreadableDate, parse_span
from nlv_events.services.interchange.list_import import plan
from nlv_events.services.reports import tallies
from tests.unit.services.interchange import list_files


def _stored() -> dict[str, object]:
    return {record.title: record for record in event_reading.listing_records(queries.events())}


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("15/06 – 05/07/2022", None, (dt.date(2022, 6, 15), dt.date(2022, 7, 5))),
        ("20/01/2022", None, (dt.date(2022, 1, 20), None)),
        ("18/12/2022 – 15/01/2023", None, (dt.date(2022, 12, 18), dt.date(2023, 1, 15))),
        ("18/12 – 15/01/2023", None, (dt.date(2022, 12, 18), dt.date(2023, 1, 15))),
        ("Tháng 3/2022", None, (dt.date(2022, 3, 1), None)),
        ("08h30, 26/12/2022", None, (dt.datetime(2022, 12, 26, 8, 30), None)),
        ("08:00–11:30\n26/12/2022", None, (dt.datetime(2022, 12, 26, 8), dt.datetime(2022, 12, 26, 11, 30))),
        ("05/03", 2021, (dt.date(2021, 3, 5), None)),
    ],
)
def test_the_date_forms_offices_write(text, year, expected):
    assert parse_span(text, year) == expected


@pytest.mark.parametrize("text", ["31/02/2022", "05/03", "sắp tới", "20/01/2022 – 10/01/2022"])
def test_a_date_that_cannot_be_read_says_why(text):
    with pytest.raises(UnreadableDate):
        parse_span(text)


@pytest.mark.parametrize("writer", [list_files.write_xlsx, list_files.write_docx])
def test_the_dry_run_names_exactly_the_bad_row(db, tmp_path, writer):
    path = writer(tmp_path / ("list" + (".xlsx" if writer is list_files.write_xlsx else ".docx")))
    preview = plan.preview(path)
    expected_row = 12 if path.suffix == ".xlsx" else 10  # under the title and header, two sections, a subtotal
    assert [(item.number, "31/02/2022" in item.reason) for item in preview.unreadable] == [(expected_row, True)]
    assert len(preview.planned) == 6
    with pytest.raises(UserError):
        plan.apply(preview)
    assert Event.select().count() == 0  # the whole file or nothing


@pytest.mark.both_databases
def test_a_corrected_list_goes_in_whole_and_again_changes_nothing(db, tmp_path):
    path = list_files.write_xlsx(tmp_path / "list.xlsx", bad_date="12/09/2022")
    preview = plan.preview(path)
    assert not preview.unreadable
    summary = plan.apply(preview)
    assert summary.created == 7
    events = _stored()
    exhibition = events["Báo chí cách mạng Việt Nam – 97 năm"]
    assert (exhibition.kind, exhibition.start, exhibition.end) == ("exhibition", dt.date(2022, 6, 15),
                                                                   dt.date(2022, 7, 5))
    assert (exhibition.role, exhibition.format, exhibition.attendance) == ("organiser", "onsite", 4200)
    spanning = events["Hà Nội – Điện Biên Phủ trên không"]
    assert spanning.end == dt.date(2023, 1, 15) and spanning.role == "co_organiser" and spanning.format == "hybrid"
    assert spanning.partners == ["Bảo tàng Chiến thắng B-52", "Bảo tàng Hà Nội"]
    online = events["Sách quý Thăng Long"]
    assert online.start == dt.date(2022, 9, 2) and online.format == "online"  # an Excel date cell
    assert online.partners == ["Thư viện Hà Nội", "Thư viện Huế"] and online.notes == "Trưng bày trực tuyến"
    timed = events["Hội thảo Thư viện số"]
    assert (timed.kind, timed.start) == ("conference", dt.datetime(2022, 12, 26, 8, 30))
    assert events["Hội nghị bạn đọc"].start == dt.date(2022, 3, 1)
    assert events["Hội nghị bạn đọc"].venue == "Hội trường tầng 2"  # the merged cell's
    talk = events["Giao lưu tác giả trẻ"]
    assert talk.kind == "talk" and talk.partners == ["Nhà xuất bản Kim Đồng", "Nhà xuất bản Trẻ"]
    year = tallies.compute(2022)
    for kind, (count, attendance) in list_files.SUBTOTALS.items():
        assert (year.kinds[kind].events, year.kinds[kind].attendance) == (count, attendance)
    again = plan.apply(plan.preview(path))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 7)
    assert Event.select().count() == 7


def test_the_word_list_reads_as_the_workbook(db, tmp_path):
    from_excel = plan.preview(list_files.write_xlsx(tmp_path / "list.xlsx"))
    from_word = plan.preview(list_files.write_docx(tmp_path / "list.docx"))
    assert len(from_word.tables) == 2
    assert [item.row.record for item in from_word.planned] == [item.row.record for item in from_excel.planned]


def test_an_event_entered_by_hand_is_changed_only_as_the_preview_says(db, tmp_path):
    from nlv_events.core import store
    from nlv_events.core.records import EventRecord

    store.save_event(EventRecord(kind="talk", title="Giao lưu tác giả trẻ", start=dt.date(2022, 1, 20),
                                 description="Viết tay", attendance=90))
    preview = plan.preview(list_files.write_xlsx(tmp_path / "list.xlsx", bad_date="12/09/2022"))
    by_hand = [item for item in preview.planned if item.action == plan.BY_HAND]
    assert [(item.row.record.title, item.changes) for item in by_hand] == [
        ("Giao lưu tác giả trẻ", ["venue", "role", "partners", "attendance"])]
    plan.apply(preview)
    talk = _stored()["Giao lưu tác giả trẻ"]
    assert talk.description == "Viết tay" and talk.attendance == 150  # updated, not doubled nor wiped
    assert Event.select().count() == 7


def test_a_column_given_another_meaning(db, tmp_path):
    path = list_files.write_xlsx(tmp_path / "list.xlsx", bad_date="12/09/2022")
    preview = plan.preview(path, overrides={8: "", 3: "notes"})  # Ghi chú left out, Địa điểm read as notes
    record = next(item.row.record for item in preview.planned if item.row.record.title == "Sách quý Thăng Long")
    assert record.venue is None and record.notes == "Phòng đọc"


def test_the_demo_years_own_list_and_tallies_come_back(demo_db, tmp_path):
    from nlv_events.core import database
    from nlv_events.core.models import Event
    from nlv_events.printing import write
    from nlv_events.services.reports import export_tallies, year_list_document

    before = tallies.compute(2022)
    cancelled = Event.get(Event.status == "cancelled")
    original = (cancelled.title, cancelled.kind, cancelled.start_date)
    word, workbook = tmp_path / "list.docx", tmp_path / "tallies.xlsx"
    write(year_list_document.document(2022), word)
    export_tallies.write_xlsx(before, workbook)
    counted = {kind: (tally.events, tally.attendance, tally.online_views, tally.items_displayed)
               for kind, tally in before.kinds.items()}
    for path in (word, workbook):
        database.close_database()
        database.open_database(str(tmp_path / f"{path.suffix[1:]}.sqlite3"))
        summary = plan.apply(plan.preview(path))
        after = tallies.compute(2022)
        assert {kind: (tally.events, tally.attendance, tally.online_views, tally.items_displayed)
                for kind, tally in after.kinds.items()} == counted, path.name
        assert before.cancelled == 1 and summary.created == before.total.events + before.cancelled == 32, path.name
        assert after.cancelled == before.cancelled, path.name  # stored cancelled, not counted
    # The workbook (read last) names the cancelled event's kind, which the Word list's line does not: it comes back.
    back = Event.get(Event.status == "cancelled")
    assert (back.title, back.kind, back.start_date) == original



def test_the_cancelled_events_of_the_demo_years_list_are_told_in_the_language_in_force(demo_db, tmp_path):
    from nlv_events.i18n import _
    from nlv_events.printing import write
    from nlv_events.services.interchange.list_import import report
    from nlv_events.services.reports import year_list_document

    word = tmp_path / "list.docx"
    write(year_list_document.document(2022), word)
    told = next(line for line in report.lines(plan.preview(word)) if line.startswith(_("Cancelled events")))
    assert f"B “{_('Title')}” → {_('Title')}" in told  # the column's name as the user reads it


def test_the_cancelled_talk_of_the_demo_years_list_comes_back_a_talk_and_once(demo_db, tmp_path):
    """The list prints no kind for a cancelled event: its title's opening words tell it ("Tọa đàm “…”"). Stored as
    "other" it was a second event when the list was imported over the year it was printed from."""
    from nlv_events.printing import write
    from nlv_events.services.reports import year_list_document

    word = tmp_path / "list.docx"
    write(year_list_document.document(2022), word)
    over_the_demo = plan.preview(word)
    assert not [item for item in over_the_demo.planned if item.action == plan.NEW]
    cancelled = [item.row.record for item in over_the_demo.planned if item.row.record.status == "cancelled"]
    assert [(record.kind, record.title) for record in cancelled] == [
        ("talk", "Tọa đàm “Gìn giữ và phát huy di sản Hán Nôm trong thư viện”")]
