"""The printed pages as a reader sees them: where tables break, what each page holds, sums and margins."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pdfplumber
import pytest

from nlv_events.core import event_reading, store
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.printing.decree import DecreeOptions
from nlv_events.services.reports import programme, year_report
from tests.unit.printing.pages import MM, Page, check_table_pages, number, read_pages

OPTIONS = DecreeOptions(number="125", date=dt.date(2022, 12, 20), signer="Nguyễn Xuân Dũng")
FIGURE_COLUMNS = (7, 8, 9)  # attendance, online views, items displayed


def demo_programme(ref: str) -> bytes:
    return programme.render(event_reading.load_record(Event.get(Event.ref == ref)), "a4", OPTIONS)


def body_bands(page):
    """The row bands of the page's table under its header row."""
    return page.table.row_bands()[1:]


def check_programme_pages(pdf: bytes) -> list:
    pages = read_pages(pdf)
    check_table_pages(pages, "Thời")
    for page in pages:
        if page.table is None:
            continue
        first = body_bands(page)[0]
        time = page.band_text(first, 0)
        assert time, f"page {page.number} starts with a row whose time is empty"
    return pages


@pytest.mark.parametrize("ref", ["demo-2022-review", "demo-2022-bookday"])
def test_demo_programmes_fit_two_pages_of_at_least_three_rows(demo_db, ref):
    pages = check_programme_pages(demo_programme(ref))
    assert len(pages) <= 2
    for page in pages:
        assert page.table is not None
        assert len(body_bands(page)) >= 3, f"page {page.number} holds fewer than three rows"


def test_the_decree_blocks_of_a_programme(demo_db):
    pdf = demo_programme("demo-2022-review")
    pages = read_pages(pdf)
    first, last = pages[0].text(), pages[-1].text()
    assert "Số: 125/CTr-TVQG" in first
    assert "Hà Nội, ngày 20 tháng 12 năm 2022" in first
    assert "Nơi nhận:" in last and "- Như trên;" in last and "Lưu: VT, VP." in last
    assert "KT. GIÁM ĐỐC" in last and "PHÓ GIÁM ĐỐC" in last and "Nguyễn Xuân Dũng" in last
    # the event's own people, its partners and occasion are printed above the table
    assert "Thành phần tham dự:" in first


def test_motto_rule_is_as_wide_as_the_motto(demo_db):
    with pdfplumber.open(io.BytesIO(demo_programme("demo-2022-review"))) as document:
        page = document.pages[0]
        words = page.extract_words()
        motto = [word for word in words if word["text"] in ("Độc", "phúc") and word["top"] < 120]
        left, right = min(word["x0"] for word in motto), max(word["x1"] for word in motto)
        below = max(word["bottom"] for word in motto)
        rules = [line for line in page.lines if below < line["top"] < below + 12]
        assert len(rules) == 1
        assert rules[0]["x0"] == pytest.approx(left, abs=1.5)
        assert rules[0]["x1"] == pytest.approx(right, abs=1.5)


def test_running_text_is_13_pt_and_tables_12_pt(demo_db):
    with pdfplumber.open(io.BytesIO(demo_programme("demo-2022-review"))) as document:
        page = document.pages[0]
        lines = {}
        for char in page.chars:
            lines.setdefault(round(char["top"]), []).append(char)
        text_of = {top: "".join(char["text"] for char in chars) for top, chars in lines.items()}
        venue = next(top for top, text in text_of.items() if text.startswith("Địa điểm:"))
        assert {round(char["size"]) for char in lines[venue]} == {13}
        table_top = min(line["top"] for line in page.lines if line["x1"] - line["x0"] > 300)
        assert {round(char["size"]) for char in page.chars if char["top"] > table_top} == {12}


def three_day_programme(rows: int = 60) -> EventRecord:
    entries = []
    for index in range(rows):
        day = dt.datetime(2023, 4, 21 + index * 3 // rows, 7, 30) + dt.timedelta(minutes=20 * (index % (rows // 3)))
        people = [
            PersonEntry(name=f"Người thực hiện {index}-{n}", honorific="Bà", position="Phó Trưởng phòng Tuyên truyền")
            for n in range(index % 4)
        ]
        entries.append(
            ProgrammeEntry(
                start=day,
                end=day + dt.timedelta(minutes=20),
                title=f"Hoạt động {index + 1}: giao lưu, đọc sách và trải nghiệm văn hóa đọc cùng thiếu nhi",
                people=people,
            )
        )
    return EventRecord(
        kind="book_day", title="Ngày hội đọc sách ba ngày", start=dt.date(2023, 4, 21), programme=entries
    )


def test_a_long_three_day_programme_breaks_between_rows_on_every_page(db):
    pdf = programme.render(three_day_programme(), "a4", OPTIONS)
    pages = check_programme_pages(pdf)
    assert len(pages) >= 5
    for page in pages:
        assert len(body_bands(page)) >= 3, f"page {page.number} holds fewer than three rows"
    text = " ".join(page.text() for page in pages)
    assert text.count("Hoạt động 60:") == 1
    # a day heading never stands alone at the foot of a page: the row under it is on the same page
    for page in pages:
        last = body_bands(page)[-1]
        assert not page.band_text(last).startswith("Thứ"), f"page {page.number} ends with a day heading"


def test_a_row_taller_than_a_page_continues_under_its_time_marked_continued(db):
    crowd = [PersonEntry(name=f"Đại biểu số {n:02d}", honorific="Ông", position="Giám đốc Thư viện tỉnh")
             for n in range(1, 41)]  # fmt: skip
    record = EventRecord(
        kind="conference",
        title="Hội nghị toàn quốc",
        start=dt.date(2023, 5, 5),
        programme=[
            ProgrammeEntry(start=dt.datetime(2023, 5, 5, 8), end=dt.datetime(2023, 5, 5, 8, 30), title="Đón tiếp"),
            ProgrammeEntry(
                start=dt.datetime(2023, 5, 5, 8, 30),
                end=dt.datetime(2023, 5, 5, 11),
                title="Tham luận của các thư viện tỉnh",
                people=crowd,
            ),
            ProgrammeEntry(start=dt.datetime(2023, 5, 5, 11), title="Bế mạc"),
        ],
    )
    pages = check_programme_pages(programme.render(record, "a4", OPTIONS))
    assert len(pages) >= 2
    text = " ".join(page.text() for page in pages)
    for person in crowd:
        assert text.count(f"{person.name} –") == 1, person.name
    continued = [page for page in pages[1:] if "(tiếp)" in page.band_text(body_bands(page)[0], 0)]
    assert continued, "no row continued with (tiếp)"
    assert all("08:30 – 11:00" in page.band_text(body_bands(page)[0], 0) for page in continued)
    for page in continued:  # the content is said again, so the reader knows whose people go on
        content = page.band_text(body_bands(page)[0], 1)
        assert "Tham luận của các thư viện tỉnh" in content and "(tiếp)" in content


def rows_of(pages):
    """Every body row of the list across the pages, as the text of each column."""
    for page in pages:
        if page.table is None:
            continue  # a page of notes after the table
        for band in body_bands(page):
            columns = len(page.table.borders) - 1
            yield [page.band_text(band, column) for column in range(columns)], page.band_text(band)


def check_totals(pages) -> int:
    """Every subtotal equals the sum of its group's rows, the year's total the sum of the counted groups;
    returns how many totals were checked."""
    group: list[list[int]] = []
    counted: list[list[int]] = []
    checked = 0
    for cells, text in rows_of(pages):
        figures = [number(cells[column]) for column in FIGURE_COLUMNS]
        if text.startswith("Tổng cộng"):
            assert figures == [sum(column) for column in zip(*counted, strict=True)] if counted else [0, 0, 0]
            checked += 1
        elif text.startswith("Cộng"):
            assert figures == [sum(column) for column in zip(*group, strict=True)], text
            if "không tính" not in text:
                counted.append(figures)
            checked += 1
            group = []
        elif cells[0].strip().isdigit():
            group.append(figures)
    return checked


@pytest.fixture
def list_2022(demo_db) -> bytes:
    return year_report.render(2022, OPTIONS)


def test_the_2022_list_fits_four_landscape_pages(list_2022):
    pages = read_pages(list_2022)
    assert len(pages) <= 4
    assert all(page.width > page.height for page in pages)
    check_table_pages(pages, "STT")


def test_every_total_of_the_list_is_the_sum_of_its_column(list_2022):
    pages = read_pages(list_2022)
    assert check_totals(pages) == 6  # five groups and the year
    last = pages[-1].text()
    assert "Tổng cộng: 31 sự kiện 66.270" in last
    assert "NGƯỜI LẬP BIỂU" in last and "KT. GIÁM ĐỐC" in last  # the signatures close the table's last page


def test_no_page_of_the_list_starts_with_a_tail(list_2022):
    for page in read_pages(list_2022):
        first_cells = page.band_text(body_bands(page)[0])
        assert not first_cells.startswith(("Cộng", "Tổng cộng")), f"page {page.number} starts with a total"


def test_a_small_year_is_one_page_with_its_totals(db):
    for day in (3, 4, 5):
        store.save_event(EventRecord(kind="talk", title=f"Tọa đàm {day}", start=dt.date(2024, 3, day), attendance=10))
    pages = read_pages(year_report.render(2024, OPTIONS))
    assert len(pages) == 1
    assert check_totals(pages) == 2


def test_long_words_and_urls_wrap_inside_their_cell_and_symbols_print(db):
    url = "https://nlv.gov.vn/tin-tuc/trien-lam-sach-quy-hiem-ve-chu-tich-ho-chi-minh-nam-2024-va-cac-hoat-dong.html"
    store.save_event(
        EventRecord(
            kind="exhibition",
            title="Triển lãm ★ “Sách quý” 🎉 Thông tin và Truyền thông",
            start=dt.date(2024, 5, 19),
            notes=f"Tin bài: {url}",
            attendance=1200,
        )
    )
    printout = year_report.render(2024, OPTIONS)
    pages = read_pages(printout)
    check_table_pages(pages, "STT")
    text = "".join(word["text"] for page in pages for word in page.words)
    assert "★" in text  # drawn with the fallback font
    assert "🎉" not in text and printout.dropped == {"🎉"}  # left out, and said so
    assert "".join(url.split()) in text.replace("\n", "")  # every piece of the URL is printed, in order
    page = pages[0]
    notes_left, notes_right = page.table.borders[-2], page.table.borders[-1]
    for word in page.words_in(page.table.rules[1], page.table.rules[-1], notes_left, notes_right):
        assert word["x1"] <= notes_right, word["text"]


def test_right_margin_is_15_mm_on_every_printout(list_2022, demo_db):
    for pdf in (list_2022, demo_programme("demo-2022-bookday")):
        for page in read_pages(pdf):
            assert page.right_ink <= page.width - 15 * MM + 0.5


# The thousand events' list runs to some ninety pages, and reading a page's words takes a tenth of a second: one
# test reading them all took 36 s on a loaded machine. The list is printed once for the module, each test reads every
# twelfth page, and the pages read are kept: the test of the totals, which reads them all, finds them read. Building
# the database and printing the list are two fixtures, so no one test's set-up carries both.
SLICES = 12
class PrintedOnce:
    """A printout made once for a module, its pages read once each, when a test first asks for them."""

    def __init__(self, pdf: bytes, events: int) -> None:
        self.pdf, self.events = pdf, events
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            self.count = len(document.pages)
        self._read: dict[int, Page] = {}

    def pages(self, numbers: range) -> list[Page]:
        unread = [number for number in numbers if number not in self._read]
        if unread:
            self._read.update((page.number, page) for page in read_pages(self.pdf, unread))
        return [self._read[number] for number in numbers]


@pytest.fixture(scope="module")
def thousand_events_store(tmp_path_factory) -> Path:
    """A thousand events in the year printed, and the year before it for the exhibitions that continue into it (the
    group outside the year's total): the other eight years of the bench's database are never read."""
    from bench import synthetic

    return synthetic.build(tmp_path_factory.mktemp("thousand") / "two-thousand.sqlite3", 2_000, years=2)


@pytest.fixture(scope="module")
def thousand_events(thousand_events_store) -> PrintedOnce:
    from bench import synthetic
    from nlv_events import i18n
    from nlv_events.core import database
    from nlv_events.services.reports import counting

    i18n.setup_i18n("vi")
    database.open_database(str(thousand_events_store))
    try:
        year = synthetic.FIRST_YEAR + 1
        return PrintedOnce(bytes(year_report.render(year, OPTIONS)), counting.counted(year).count())
    finally:
        database.close_database()


@pytest.mark.slow
def test_the_year_printed_holds_over_800_events(thousand_events_store):
    """Run first, it carries the database's build, and the first page test the printing."""
    from bench import synthetic
    from nlv_events.core import database
    from nlv_events.services.reports import counting

    database.open_database(str(thousand_events_store))
    try:
        assert counting.counted(synthetic.FIRST_YEAR + 1).count() > 800
    finally:
        database.close_database()


@pytest.mark.slow
@pytest.mark.parametrize("first", range(1, SLICES + 1), ids=lambda first: f"pages {first}, {first + SLICES}...")
def test_a_list_of_a_thousand_events_breaks_right_on_every_page(thousand_events, first):
    pages = thousand_events.pages(range(first, thousand_events.count + 1, SLICES))
    check_table_pages(pages, "STT")
    for page in pages:
        if page.table is not None:
            first_band = page.band_text(body_bands(page)[0])
            assert not first_band.startswith(("Cộng", "Tổng cộng")), f"page {page.number} starts with a total"
            assert len(body_bands(page)) >= 3


@pytest.mark.slow
def test_a_list_of_a_thousand_events_sums_up_across_its_pages(thousand_events):
    pages = thousand_events.pages(range(1, thousand_events.count + 1))
    assert check_totals(pages) >= 6
    text = " ".join(page.text() for page in pages)
    assert f"Tổng cộng: {thousand_events.events:,} sự kiện".replace(",", ".") in text
    assert "không tính" in text  # the exhibitions continuing from the year before are printed and summed


def test_the_year_list_can_show_the_news_links_inside_the_page(demo_db):
    review = Event.get(Event.ref == "demo-2022-review")
    record = event_reading.load_record(review.id)
    record.news_url = "https://nlv.gov.vn/tin-tuc/hoi-nghi-tong-ket-cong-tac-nam-2022-va-trien-khai-nhiem-vu-2023.html"
    store.save_event(record)
    plain = read_pages(year_report.render(2022, OPTIONS))
    assert "nlv.gov.vn" not in " ".join(page.text() for page in plain)

    options = DecreeOptions(**{**OPTIONS.__dict__, "news_links": True})
    pages = read_pages(year_report.render(2022, options))
    assert "nlv.gov.vn" in " ".join(page.text() for page in pages)
    for page in pages:
        assert page.right_ink <= page.width - 15 * MM + 0.5  # the long address wraps inside its cell
    check_table_pages(pages, "STT")


def test_the_signatures_never_close_a_page_of_one_event_and_its_totals(demo_db):
    """With the news links the 2022 list runs onto a fifth page: it carries the last group, its two trainings,
    under the totals and the signatures; it used to carry one event, its group's other rows left behind."""
    options = DecreeOptions(**{**OPTIONS.__dict__, "news_links": True})
    pages = read_pages(year_report.render(2022, options))
    assert len(pages) >= 4
    for page in pages:
        events = [cells for cells, _text in rows_of([page]) if cells[0].strip().isdigit()]
        assert len(events) >= 2, f"page {page.number} of {len(pages)} holds {len(events)} events"
        assert len(body_bands(page)) >= 3, f"page {page.number} holds fewer than three rows"
    last = pages[-1].text()
    assert "V. TẬP HUẤN" in last and "Tổng cộng: 31 sự kiện" in last and "KT. GIÁM ĐỐC" in last
    assert check_totals(pages) == 6


def test_an_exhibition_with_a_checklist_prints_the_checklist_sum_as_the_tallies_count_it(demo_db):
    from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, SectionEntry
    from nlv_events.services.exhibits import structure
    from nlv_events.services.reports import tallies

    exhibition = Event.get(Event.title == "Chủ tịch Hồ Chí Minh – Tư tưởng sáng ngời, sự nghiệp vĩ đại")
    own_figure = exhibition.items_displayed
    items = [ItemEntry(title=f"Tài liệu {number}", quantity=3) for number in range(27)]  # 81, not its own figure
    structure.save(exhibition.id, ExhibitData(sections=[SectionEntry(title="Phần I", items=items)]))
    assert own_figure not in (None, 81)

    pages = read_pages(year_report.render(2022, OPTIONS))
    (row,) = [cells for cells, _text in rows_of(pages) if cells[1].startswith("Chủ tịch Hồ Chí Minh – Tư tưởng")]
    assert number(row[FIGURE_COLUMNS[2]]) == 81
    assert check_totals(pages) == 6
    year = tallies.compute(2022)
    last_total = [cells for cells, text in rows_of(pages) if text.startswith("Tổng cộng")][-1]
    assert number(last_total[FIGURE_COLUMNS[2]]) == year.total.items_displayed  # the list and the tallies agree


@pytest.mark.parametrize("printout", ["programme", "year list"])
def test_a_document_without_a_number_leaves_room_to_write_it_by_hand(demo_db, printout):
    unnumbered = DecreeOptions(date=dt.date(2022, 12, 20), signer="Nguyễn Xuân Dũng")
    if printout == "programme":
        pdf = programme.render(event_reading.load_record(Event.get(Event.ref == "demo-2022-review")), "a4", unnumbered)
        label, symbol = "Số:", "/CTr-TVQG"
    else:
        pdf = year_report.render(2022, unnumbered)
        label, symbol = "số", "/BC-TVQG"
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[0].extract_words()
    after = next(index for index, word in enumerate(words) if word["text"].startswith(symbol))
    before = words[after - 1]
    assert before["text"] == label
    assert words[after]["x0"] - before["x1"] >= 10 * MM  # the clerk writes the number in this gap


def test_tall_rows_continue_rather_than_leave_pages_two_thirds_empty(db):
    """Sessions of a dozen speakers each: moved whole, each left most of the page before it blank."""
    day = dt.datetime(2023, 11, 9, 8)
    entries = [
        ProgrammeEntry(
            start=day + dt.timedelta(minutes=30 * index),
            title=f"Phiên tham luận {index + 1}",
            people=[
                PersonEntry(name=f"Diễn giả {index}-{n:02d}", honorific="TS.",
                            position="Phó Giám đốc Thư viện tỉnh, Trưởng ban Văn hóa đọc của Hội Thư viện Việt Nam")
                for n in range(14)
            ],
        )
        for index in range(8)
    ]  # fmt: skip
    record = EventRecord(kind="conference", title="Hội thảo toàn quốc", start=day.date(), programme=entries)
    pages = check_programme_pages(programme.render(record, "a4", OPTIONS))
    for page in pages[1:-1]:
        bottom = page.table.rules[-1]
        assert page.height - 20 * MM - bottom < page.height / 3, f"page {page.number} is more than a third empty"
    text = " ".join(page.text() for page in pages)
    assert all(text.count(f"Diễn giả {index}-13 –") == 1 for index in range(8))


def test_a_one_day_programme_names_its_weekday(demo_db):
    first = read_pages(demo_programme("demo-2022-review"))[0].text()
    assert "Thời gian: 08:00–11:30, thứ Hai, ngày 26/12/2022" in first


def test_with_the_news_links_the_notes_column_is_wider(demo_db):
    options = DecreeOptions(**{**OPTIONS.__dict__, "news_links": True})
    plain, linked = (read_pages(year_report.render(2022, chosen))[0].table.borders for chosen in (OPTIONS, options))
    assert linked[-1] - linked[-2] > 1.5 * (plain[-1] - plain[-2])  # an address wraps into fewer lines
