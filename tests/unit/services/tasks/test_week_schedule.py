"""The week's work schedule (lịch công tác tuần) of the demo's week of 19/12/2022, printed as PDF and DOCX and read
back page by page: the header, one table by day, no row split across pages, the morning before the afternoon."""

import datetime as dt
import re

import pdfplumber
import pytest

from nlv_events import i18n
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.events import event_store
from nlv_events.services.tasks import staff, task_list, week_document, week_schedule

MONDAY = dt.date(2022, 12, 19)
OPTIONS = DecreeOptions(number="52", date=dt.date(2022, 12, 16), signer="Nguyễn Xuân Dũng")
DAY_HEADING = re.compile(r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d+ \w+ 2022")


@pytest.fixture
def busy_week(demo_db):
    """The demo's week, with a conference whose opening the director chairs, a task chosen for the schedule and
    enough typed items (meetings, visits) for the schedule to run over several pages."""
    i18n.setup_i18n("en")
    director = PersonEntry("Nguyễn Xuân Dũng", "chair", "Ông", "Phó Giám đốc", "Thư viện Quốc gia Việt Nam")
    conference = EventRecord(
        kind="conference", title="Hội thảo Thư viện số 2022", start=dt.datetime(2022, 12, 21, 8, 0),
        end=dt.datetime(2022, 12, 21, 17, 0), venue="Hội trường tầng 2, Thư viện Quốc gia Việt Nam",
        programme=[ProgrammeEntry(dt.datetime(2022, 12, 21, 8, 0), "Khai mạc hội thảo", people=[director]),
                   ProgrammeEntry(dt.datetime(2022, 12, 21, 14, 0), "Phiên chiều: thảo luận", people=[director])],
    )
    event_id = event_store.save(conference)
    member = staff.save(staff.StaffRecord("Trần Thu Hà", "Chuyên viên", "Phòng Thông tin tuyên truyền", "lễ tân"))
    invitation = next(t for t in task_list.tasks(event_id=event_id) if t.title == "Gửi giấy mời đại biểu")
    invitation.due, invitation.on_schedule, invitation.owner_id = dt.date(2022, 12, 19), True, member.id
    task_list.save(invitation)
    for offset in range(5):
        day = MONDAY + dt.timedelta(days=offset)
        for hour in (15, 9, 14, 10, 16, 8):  # typed out of order: the schedule sorts them
            part = "afternoon" if hour >= 12 else "morning"
            week_schedule.save_item(week_schedule.WeekEntry(
                day, part, f"Mục {day:%d/%m} {hour}h: làm việc với đoàn công tác của Thư viện tỉnh về chương trình "
                           f"phối hợp tổ chức hoạt động văn hóa đọc năm 2023", dt.time(hour, 30),
                "Giám đốc Vũ Dương Thúy Ngà", "Phòng họp tầng 3", "Văn phòng"))
    return event_id


def test_the_schedule_has_every_item_of_the_week_in_order(busy_week):
    week = week_schedule.schedule(dt.date(2022, 12, 22))
    assert week.monday == MONDAY and week.sunday == dt.date(2022, 12, 25)
    contents = [entry.content for entry in week.entries]
    assert "Giao lưu “Ký ức Hà Nội – 12 ngày đêm”" in contents  # the demo's talk of 20/12
    assert "Khai mạc hội thảo (Hội thảo Thư viện số 2022)" in contents
    assert "Gửi giấy mời đại biểu (Hội thảo Thư viện số 2022)" in contents
    opening = next(entry for entry in week.entries if entry.content.startswith("Khai mạc hội thảo"))
    assert opening.leader == "Ông Nguyễn Xuân Dũng, Phó Giám đốc" and opening.part == "morning"
    assert opening.preparer == "Phòng Thông tin tuyên truyền"  # the unit of whoever owns its tasks
    afternoon = week.of(dt.date(2022, 12, 21), "afternoon")
    assert [entry.time for entry in afternoon][:2] == [dt.time(14, 0), dt.time(14, 30)]


def _pdf_pages(path):
    with pdfplumber.open(path) as pdf:
        return [(page.width, page.height, page.extract_text() or "", page.find_tables()) for page in pdf.pages]


def _check_groups(rows: list[list[str | None]]) -> list[tuple[str, list[str]]]:
    """The day groups of one page's table, each with the part-of-day cells of its rows."""
    groups: list[tuple[str, list[str]]] = []
    for cells in rows[1:]:
        first = (cells[0] or "").replace("\n", " ")
        if DAY_HEADING.match(first) and not any(cells[1:]):
            groups.append((first, []))
        else:
            assert groups, f"a row before any day's heading: {cells}"
            groups[-1][1].append(first)
    return groups


def test_the_printed_pdf_page_by_page(busy_week, tmp_path):
    path = tmp_path / "lich-cong-tac.pdf"
    week_document.write(MONDAY, path, OPTIONS)
    pages = _pdf_pages(path)
    assert len(pages) >= 2
    seen_days: list[str] = []
    texts = []
    contents: list[str] = []
    for number, (width, height, text, tables) in enumerate(pages, 1):
        assert width > height  # landscape
        texts.append(text)
        assert len(tables) == 1, f"page {number}: one table"
        rows = tables[0].extract()
        assert rows[0][:3] == ["Part of\nday", "Time", "Content"] or rows[0][2] == "Content"
        groups = _check_groups(rows)
        contents += [" ".join((cells[2] or "").split()) for cells in rows[1:] if cells[2]]
        assert groups, f"page {number} starts without its day"
        if seen_days and groups[0][0].startswith(seen_days[-1].removesuffix(" (continued)")):
            assert groups[0][0].endswith("(continued)")  # a day carried over is headed again, marked so
        for heading, parts in groups:
            assert parts and parts == sorted(parts, key=["Morning", "Afternoon"].index), f"page {number}, {heading}"
            seen_days.append(heading)
    first = " ".join(texts[0].split())
    assert "NATIONAL LIBRARY OF VIETNAM" in first and "No.: 52/LCT-TVQG" in first
    assert "WORK SCHEDULE OF THE WEEK OF THE BOARD OF DIRECTORS (From 19 Dec 2022 to 25 Dec 2022)" in first
    whole = "\n".join(texts)
    for day in range(19, 24):
        for hour in (8, 9, 10, 14, 15, 16):
            # every item whole in one cell of one page: a row split across pages would leave two pieces
            item = (f"Mục {day}/12 {hour}h: làm việc với đoàn công tác của Thư viện tỉnh về chương trình phối hợp "
                    f"tổ chức hoạt động văn hóa đọc năm 2023")
            assert contents.count(item) == 1
            assert not [cell for cell in contents if cell != item and cell.startswith(item[:14])]
    assert [day for day in seen_days if "(continued)" not in day] == [
        "Monday, 19 Dec 2022", "Tuesday, 20 Dec 2022", "Wednesday, 21 Dec 2022", "Thursday, 22 Dec 2022",
        "Friday, 23 Dec 2022"]
    assert any(day.endswith("(continued)") for day in seen_days)  # this week breaks inside a day
    assert "Nguyễn Xuân Dũng" in texts[-1]
    assert "Giao lưu “Ký ức Hà Nội – 12 ngày đêm”" in " ".join(whole.split())


def test_the_printed_docx_as_libreoffice_lays_it_out(busy_week, office, tmp_path):
    path = tmp_path / "lich-cong-tac.docx"
    week_document.write(MONDAY, path, OPTIONS)
    pages = office.pages(path.read_bytes())
    assert len(pages) >= 2
    assert all(page.width > page.height for page in pages)
    texts = [" ".join(page.text.split()) for page in pages]
    assert "NATIONAL LIBRARY OF VIETNAM" in texts[0] and "52/LCT-TVQG" in texts[0]
    assert "WORK SCHEDULE OF THE WEEK" in texts[0]
    for page in texts:
        assert "Content" in page  # the header row on every page
    for day in range(19, 24):
        for hour in (8, 9, 10, 14, 15, 16):
            assert sum(f"Mục {day}/12 {hour}h:" in text for text in texts) == 1
    assert texts[0].index("Monday, 19 Dec 2022") < texts[0].index("Mục 19/12 8h")
    assert texts[0].index("Mục 19/12 10h") < texts[0].index("Mục 19/12 14h")  # morning before afternoon


def test_the_docx_header_stands_where_the_pdfs_does_on_the_landscape_page(busy_week, office, tmp_path):
    """The header is a portrait page's width (165 mm): the PDF centres it on the landscape page, the Word version
    left it at the left margin, the national name ending two thirds of the way across."""
    from tests.office import read_pages

    pdf, word = tmp_path / "lich.pdf", tmp_path / "lich.docx"
    week_document.write(MONDAY, pdf, OPTIONS)
    week_document.write(MONDAY, word, OPTIONS)

    def national_name(page) -> tuple[float, float]:
        line = next(line for line in page.lines if line.text.startswith("SOCIALIST REPUBLIC"))
        return line.x0, line.x1

    printed, laid_out = national_name(read_pages(pdf)[0]), national_name(office.pages(word.read_bytes())[0])
    assert abs(printed[0] - laid_out[0]) < 4 * 2.835 and abs(printed[1] - laid_out[1]) < 4 * 2.835  # within 4 mm


def test_a_cancelled_events_tasks_leave_the_schedule_with_it(demo_db):
    """The schedule leaves a cancelled event out, and its tasks chosen for the schedule with it: the leadership's
    week listed "Lắp đặt triển lãm (…)" for an exhibition that would not open."""
    cancelled = EventRecord(kind="exhibition", title="Triển lãm đã hủy", start=dt.datetime(2022, 12, 23, 9, 0),
                            end=dt.datetime(2022, 12, 30, 17, 0), venue="Sảnh tầng 1", status="cancelled")
    held = EventRecord(kind="exhibition", title="Triển lãm vẫn mở", start=dt.datetime(2023, 1, 5, 9, 0),
                       end=dt.datetime(2023, 1, 20, 17, 0), venue="Sảnh tầng 1")
    for event_id in (event_store.save(cancelled), event_store.save(held)):
        task = task_list.tasks(event_id=event_id)[0]
        task.due, task.on_schedule = dt.date(2022, 12, 21), True
        task_list.save(task)
    contents = [entry.content for entry in week_schedule.schedule(MONDAY).entries]
    assert not [content for content in contents if "Triển lãm đã hủy" in content]
    assert [content for content in contents if content.endswith("(Triển lãm vẫn mở)")]


def test_the_director_whose_position_starts_with_her_party_title_leads(demo_db):
    """The demo's director is "Bí thư Đảng ủy, Giám đốc Thư viện Quốc gia Việt Nam", as the library writes her: the
    schedule took only a position that starts with "Giám đốc" for the leadership, and left out the rows she leads
    at the year's review (26/12/2022) — her reply to the Ministry and the closing."""
    week = week_schedule.schedule(dt.date(2022, 12, 26))
    review = "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"
    director = "Bà Kiều Thúy Nga, Bí thư Đảng ủy, Giám đốc Thư viện Quốc gia Việt Nam"
    led = {entry.content: entry for entry in week.entries}
    for row in ("Phát biểu tiếp thu ý kiến chỉ đạo", "Bế mạc Hội nghị"):
        assert led[f"{row} ({review})"].leader == director
    book_day = week_schedule.schedule(dt.date(2022, 4, 21))
    opening = next(entry for entry in book_day.entries if entry.content.startswith("Phát biểu khai mạc Ngày Sách"))
    assert opening.leader == director and opening.time == dt.time(8, 25)
    assert not [entry for entry in book_day.entries if "Vũ Thu Trang" in entry.leader]  # the MC leads nothing
