"""The yearly tallies against a hand-counted fixture, with every edge case of the counting rule."""

import datetime as dt

import pytest

from nlv_events import i18n
from nlv_events.core import store
from nlv_events.core.records import EventRecord, PlanEntry
from nlv_events.services.reports import narrative, tallies

pytestmark = pytest.mark.both_databases

D = dt.date


def add(kind, title, start, **fields):
    store.save_event(EventRecord(kind=kind, title=title, start=start, status=fields.pop("status", "held"), **fields))


@pytest.fixture
def counted_years(db):
    # 2022, the year before
    add("exhibition", "A: qua năm mới", D(2022, 12, 15), end=D(2023, 1, 20), attendance=100)
    add("exhibition", "B", D(2022, 5, 1))
    add("talk", "Tọa đàm 2022", D(2022, 3, 1))
    # 2023
    add("exhibition", "C", D(2023, 2, 1), attendance=200, items_displayed=50)
    add(
        "exhibition",
        "D",
        D(2023, 4, 18),
        role="co_organiser",
        format="hybrid",
        online_views=1000,
        items_displayed=80,
        audience="children",
    )
    add("exhibition", "E: hủy", D(2023, 5, 1), status="cancelled", attendance=999)
    add(
        "talk",
        "F: trực tuyến",
        dt.datetime(2023, 4, 21, 9),
        role="co_organiser",
        format="online",
        attendance=0,
        online_views=500,
        audience="youth",
    )
    add("talk", "G: chưa ghi số liệu", D(2023, 11, 5), audience="adults")
    add("training", "H", D(2023, 8, 10), end=D(2023, 8, 12), attendance=40)
    store.save_plan(PlanEntry(2023, "exhibition", 4))
    store.save_plan(PlanEntry(2023, "talk", 1))
    return tallies.compute(2023)


def test_per_kind_figures(counted_years):
    exhibition = counted_years.kinds["exhibition"]
    assert (exhibition.events, exhibition.organised, exhibition.co_organised) == (2, 1, 1)
    assert (exhibition.onsite, exhibition.online, exhibition.hybrid) == (1, 0, 1)
    assert exhibition.attendance == 200  # D recorded none; the cancelled E's 999 does not count
    assert exhibition.items_displayed == 130
    assert (exhibition.plan, exhibition.previous_year) == (4, 2)
    assert exhibition.plan_share == 0.5
    assert exhibition.change == 0


def test_zero_attendance_is_a_figure_but_missing_attendance_is_not(counted_years):
    talk = counted_years.kinds["talk"]
    assert talk.attendance == 0  # F recorded zero; G recorded nothing
    assert counted_years.kinds["book_day"].attendance is None
    assert talk.plan_share == 2.0
    assert talk.change == 1.0


def test_kind_without_events_or_plan(counted_years):
    training = counted_years.kinds["training"]
    assert (training.events, training.plan, training.plan_share, training.change) == (1, None, None, None)
    assert training.previous_year == 0  # 2022 was recorded and held no training: a real zero
    conference = counted_years.kinds["conference"]
    assert (conference.events, conference.plan, conference.attendance) == (0, None, None)


def test_totals_cancelled_and_continuing(counted_years):
    total = counted_years.total
    assert (total.events, total.organised, total.co_organised) == (5, 3, 2)
    assert (total.onsite, total.online, total.hybrid) == (3, 1, 1)
    assert (total.attendance, total.online_views, total.items_displayed) == (240, 1500, 130)
    assert (total.plan, total.previous_year) == (5, 3)
    assert counted_years.cancelled == 1
    assert counted_years.continuing == 1  # exhibition A started in 2022: listed in 2023, counted in 2022


def test_exhibition_across_new_year_counts_only_in_its_first_year(counted_years):
    assert tallies.compute(2022).kinds["exhibition"].events == 2
    assert counted_years.kinds["exhibition"].events == 2  # C and D, not A


def test_months_quarters_and_audiences(counted_years):
    months = counted_years.months
    assert months[2]["exhibition"] == 1
    assert (months[4]["exhibition"], months[4]["talk"]) == (1, 1)
    assert months[5]["exhibition"] == 0  # the cancelled one
    assert months[8]["training"] == 1 and months[11]["talk"] == 1
    assert sum(sum(m.values()) for m in months.values()) == 5
    quarters = counted_years.quarters
    assert sum(quarters[1].values()) == 1 and sum(quarters[2].values()) == 2
    assert counted_years.audiences == {"all": 2, "children": 1, "youth": 1, "adults": 1}


def test_a_year_with_no_plan_and_no_events(db):
    empty = tallies.compute(1999)
    assert empty.total.events == 0 and empty.total.plan is None and empty.total.plan_share is None
    assert set(empty.to_json()["kinds"]) == {"exhibition", "book_day", "talk", "conference", "training", "other"}


def test_json_shape_is_the_documented_one(counted_years):
    data = counted_years.to_json()
    assert set(data) == {"year", "kinds", "total", "cancelled", "months", "press_outlets"}
    keys = {
        "events",
        "organised",
        "co_organised",
        "onsite",
        "online",
        "hybrid",
        "attendance",
        "online_views",
        "items_displayed",
        "plan",
        "previous_year",
        "guests_invited",
        "guests_attending",
        "news_items",
        "photos",
        "tasks_late",
        "task_days_late",
        "press_articles",
    }
    assert all(set(tally) == keys for tally in data["kinds"].values())
    assert set(data["total"]) == keys
    assert list(data["months"]) == [str(m) for m in range(1, 13)]
    assert data["months"]["4"]["talk"] == 1


def test_narrative_in_the_library_style(counted_years):
    text = narrative.write(counted_years)
    assert text.startswith(
        "Trong năm 2023, Thư viện đã tổ chức và phối hợp tổ chức 05 sự kiện, gồm: "
        "02 cuộc triển lãm, trưng bày; 02 buổi tọa đàm, giao lưu; 01 khóa tập huấn"
    )
    # the plan covers exhibitions (4) and talks (1): 4 such events of 5 planned, the training left out
    assert "triển lãm, tọa đàm – giao lưu (các loại sự kiện có kế hoạch) đạt 80% kế hoạch" in text
    assert "tăng 67% so với cùng kỳ" in text
    assert "240 lượt người tham dự" in text
    assert "01 sự kiện theo kế hoạch đã hủy." in text


def test_percent_of_plan_counts_only_the_kinds_with_a_plan(db):
    for day in range(1, 21):
        store.save_event(EventRecord(kind="exhibition", title=f"Triển lãm {day}", start=D(2023, 1, day)))
    for day in range(1, 30):
        store.save_event(EventRecord(kind="talk", title=f"Tọa đàm {day}", start=D(2023, 3, day)))
    store.save_plan(PlanEntry(2023, "exhibition", 20))
    text = narrative.write(tallies.compute(2023))
    assert "triển lãm (các loại sự kiện có kế hoạch) đạt 100% kế hoạch" in text
    assert "245%" not in text


def test_narrative_in_english_with_big_numbers(db):
    add("exhibition", "Lớn", D(2024, 1, 10), attendance=2450314)
    i18n.setup_i18n("en")
    text = narrative.write(tallies.compute(2024))
    assert text.startswith("In 2024 the library organised and co-organised 1 event: 1 exhibition or display")
    assert "2,450,314 attendances" in text
    i18n.setup_i18n("vi")
    assert "2.450.314 lượt người tham dự" in narrative.write(tallies.compute(2024))


def test_demo_year_counts_twenty_exhibitions(demo_db):
    figures = tallies.compute(2022)
    assert figures.kinds["exhibition"].events == 20
    assert figures.kinds["training"].events == 2
    assert figures.cancelled == 1
    assert "20 cuộc triển lãm, trưng bày" in narrative.write(figures)


def test_multi_year_view(counted_years):
    view = tallies.events_per_year(2023, years=3)
    assert list(view) == [2021, 2022, 2023]
    assert view[2022]["exhibition"] == 2 and view[2023]["talk"] == 2 and view[2021]["exhibition"] == 0


def test_the_book_day_keeps_its_capitals_inside_the_narrative(db):
    store.save_event(EventRecord(kind="book_day", title="Ngày Sách 2023", start=D(2023, 4, 21)))
    store.save_event(EventRecord(kind="exhibition", title="Triển lãm sách", start=D(2023, 4, 22)))
    store.save_plan(PlanEntry(2023, "book_day", 1))
    store.save_plan(PlanEntry(2023, "exhibition", 1))
    text = narrative.write(tallies.compute(2023))
    assert "triển lãm, Ngày Sách và Văn hóa đọc (các loại sự kiện có kế hoạch)" in text


def test_a_year_before_anything_was_recorded_is_blank_not_zero(counted_years):
    first_year = tallies.compute(2022)  # 2021 holds no event: the office started recording in 2022
    assert first_year.total.previous_year is None
    assert {tally.previous_year for tally in first_year.kinds.values()} == {None}
    assert first_year.kinds["exhibition"].change is None
    from nlv_events.services.reports.export_tallies import to_csv_text

    header, exhibitions = to_csv_text(first_year).removeprefix("\ufeff").splitlines()[:2]
    column = header.split(",").index("Cùng kỳ năm trước")
    assert exhibitions.split(",")[column] == ""  # blank in the sheet, as "not recorded"
