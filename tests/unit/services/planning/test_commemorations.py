"""Commemorations: the catalogue, lunar dates, ordinals as the office writes them, round years, links."""

import datetime as dt

import pytest

from nlv_events import i18n
from nlv_events.core import event_reading, store
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.services.planning import commemorations, lunar

pytestmark = pytest.mark.both_databases


def test_the_catalogue_holds_forty_commemorations_each_with_date_calendar_name_and_source():
    catalogue = commemorations.bundled()
    assert len(catalogue) >= 40
    assert len({item.key for item in catalogue}) == len(catalogue)
    for item in catalogue:
        assert item.name and item.source and item.calendar in ("solar", "lunar")
        assert item.founded is not None or item.style == "festival"
    keys = {item.key for item in catalogue}
    for key in (
        "party",
        "liberation-south",
        "ho-chi-minh-birthday",
        "dien-bien-phu",
        "national-day",
        "army",
        "capital-liberation",
        "book-day",
        "library-founding",
        "women-union",
        "teachers-day",
        "hung-kings",
        "tet",
    ):
        assert key in keys


@pytest.mark.parametrize(
    ("year", "tet", "hung_kings", "mid_autumn"),
    [
        (2020, dt.date(2020, 1, 25), dt.date(2020, 4, 2), dt.date(2020, 10, 1)),  # leap 4th month
        (2023, dt.date(2023, 1, 22), dt.date(2023, 4, 29), dt.date(2023, 9, 29)),  # leap 2nd month, before 10/3
        (2024, dt.date(2024, 2, 10), dt.date(2024, 4, 18), dt.date(2024, 9, 17)),
        (2025, dt.date(2025, 1, 29), dt.date(2025, 4, 7), dt.date(2025, 10, 6)),  # leap 6th month, before 15/8
        (2026, dt.date(2026, 2, 17), dt.date(2026, 4, 26), dt.date(2026, 9, 25)),
    ],
)
def test_lunar_days_give_the_published_solar_dates(year, tet, hung_kings, mid_autumn):
    assert lunar.to_solar(year, 1, 1) == tet
    assert lunar.to_solar(year, 3, 10) == hung_kings
    assert lunar.to_solar(year, 8, 15) == mid_autumn


def test_the_vietnamese_calendar_not_the_chinese_one():
    # Tết 1985 and 2007 fell a day (1985: a month) apart in Vietnam and China.
    assert lunar.to_solar(1985, 1, 1) == dt.date(1985, 1, 21)
    assert lunar.to_solar(2007, 1, 1) == dt.date(2007, 2, 17)


def test_a_day_of_a_lunar_month_counts_from_its_anchor():
    assert lunar.to_solar(2025, 1, 15) == dt.date(2025, 2, 12)  # Rằm tháng Giêng, Ngày Thơ Việt Nam
    assert lunar.year_name(2025) == "Ất Tỵ" and lunar.year_name(2024) == "Giáp Thìn"


def test_any_lunar_month_converts_and_a_year_outside_the_calendar_says_so():
    assert lunar.to_solar(2025, 7, 15) == dt.date(2025, 9, 6)  # Vu Lan, after the leap 6th month
    assert lunar.in_solar_year(2025, 12, 23) == dt.date(2025, 1, 22)  # Ông Công Ông Táo of the lunar year before
    with pytest.raises(UserError, match="2150"):
        lunar.to_solar(2150, 1, 1)
    with pytest.raises(UserError, match="từ 1 đến 12"):
        lunar.to_solar(2025, 13, 1)


def test_the_bundled_lunar_festivals_fall_on_their_published_days(db):
    days = {item.commemoration.key: item.day for item in commemorations.anniversaries(2025)}
    assert days["vesak"] == dt.date(2025, 5, 12)  # Phật đản, 15/4 âm lịch
    assert days["vu-lan"] == dt.date(2025, 9, 6)  # Vu Lan, 15/7 âm lịch
    assert days["kitchen-gods"] == dt.date(2025, 1, 22)  # Ông Công Ông Táo, 23/12 of Giáp Thìn
    assert days["mid-autumn"] == dt.date(2025, 10, 6)


@pytest.mark.parametrize(
    ("key", "year", "number", "round_"),
    [
        ("party", 2025, 95, True),
        ("party", 2030, 100, True),
        ("party", 2026, 96, False),
        ("ho-chi-minh-birthday", 2025, 135, True),
        ("liberation-south", 2025, 50, True),
        ("national-day", 2024, 79, False),
        ("library-founding", 2027, 110, True),
        ("book-day", 2025, 4, False),  # an edition: the 4th Book Day since it was renamed in 2022
        ("book-day", 2026, 5, True),
        ("tet", 2025, None, False),
    ],
)
def test_ordinals_and_round_years(key, year, number, round_):
    item = commemorations.find(key)
    assert commemorations.ordinal(item, year) == number
    assert commemorations.is_round(commemorations.ordinal(item, year)) is round_


def test_headings_as_the_office_writes_them():
    party = commemorations.find("party")
    assert (
        commemorations.heading(party, 2025)
        == "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)"
    )
    assert commemorations.heading(commemorations.find("book-day"), 2025) == (
        "Ngày Sách và Văn hóa đọc Việt Nam lần thứ tư năm 2025"
    )
    assert commemorations.heading(commemorations.find("tet"), 2025) == "Tết Nguyên đán Ất Tỵ 2025"
    i18n.setup_i18n("en")
    assert commemorations.heading(party, 2025) == (
        "95th anniversary of the Founding of the Communist Party of Vietnam (03/02/1930 – 03/02/2025)"
    )
    assert commemorations.heading(commemorations.find("army"), 2031) == (
        "87th anniversary of the Founding of the Vietnam People's Army (22/12/1944 – 22/12/2031)"
    )


def test_the_first_editions_are_counted_in_words_as_vietnamese_writes_them():
    book_day = commemorations.find("book-day")  # first held in 2022
    headings = [commemorations.heading(book_day, year) for year in (2022, 2023, 2024, 2025, 2026)]
    assert [heading.split("lần thứ ")[1] for heading in headings] == [
        "nhất năm 2022", "hai năm 2023", "ba năm 2024", "tư năm 2025", "5 năm 2026",
    ]  # fmt: skip
    i18n.setup_i18n("en")
    assert "1st" in commemorations.heading(book_day, 2022)


def test_the_years_anniversaries_are_in_date_order_with_lunar_ones_converted(db):
    items = commemorations.anniversaries(2025)
    assert [item.day for item in items] == sorted(item.day for item in items)
    by_key = {item.commemoration.key: item for item in items}
    assert by_key["hung-kings"].day == dt.date(2025, 4, 7)
    assert by_key["tet"].day == dt.date(2025, 1, 29)
    round_keys = {item.commemoration.key for item in commemorations.anniversaries(2025, round_only=True)}
    assert {"party", "liberation-south", "ho-chi-minh-birthday", "national-day", "press-day"} <= round_keys
    assert "tet" not in round_keys and "book-day" not in round_keys
    # A day founded after the year asked for is not listed for it.
    assert "science-day" not in {item.commemoration.key for item in commemorations.anniversaries(2010)}


def test_planning_an_exhibition_links_it_and_takes_it_off_the_unplanned_list(db):
    today = dt.date(2024, 12, 1)
    unplanned = {item.commemoration.key for item in commemorations.round_unplanned(today)}
    assert {"party", "liberation-south"} <= unplanned
    record = commemorations.plan_exhibition("party", 2025)
    saved = event_reading.load_record(record.id)
    assert saved.kind == "exhibition" and saved.status == "planned" and saved.start == dt.date(2025, 2, 3)
    assert saved.title == (
        "Trưng bày tài liệu chào mừng kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)"
    )
    assert saved.occasion == "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)"
    assert Event.get_by_id(record.id).commemoration == "party"
    party = next(item for item in commemorations.anniversaries(2025) if item.commemoration.key == "party")
    assert party.event_ids == [record.id]
    assert "party" not in {item.commemoration.key for item in commemorations.round_unplanned(today)}
    # Saving the event again keeps its link.
    store.save_event(saved)
    assert commemorations.linked_events("party", 2025) == [record.id]


def test_the_office_adds_its_own_commemoration(db):
    added = commemorations.add_custom("Ngày thành lập Phòng Thông tin", 3, 15, founded=dt.date(2000, 3, 15))
    assert added.custom and added.key.startswith("office-")
    item = next(item for item in commemorations.anniversaries(2025) if item.commemoration.key == added.key)
    assert item.ordinal == 25 and item.round
    assert item.heading == "Kỷ niệm 25 năm Ngày thành lập Phòng Thông tin (15/03/2000 – 15/03/2025)"
    with pytest.raises(UserError, match="31/2"):
        commemorations.add_custom("Ngày sai", 2, 31, founded=dt.date(2000, 1, 1))
    with pytest.raises(UserError, match="từ 1 đến 12"):
        commemorations.add_custom("Tháng mười ba", 13, 15, calendar="lunar", style="festival")
    with pytest.raises(UserError, match="từ 1 đến 30"):
        commemorations.add_custom("Ngày ba mốt", 7, 31, calendar="lunar", style="festival")
    new_years_eve = commemorations.add_custom("Tất niên của phòng", 12, 30, calendar="lunar", style="festival")
    # The year before Tết Ất Tỵ had no 30th of the 12th month: the 30th is kept on the 29th, as custom does.
    assert commemorations.solar_date(new_years_eve, 2025) == dt.date(2025, 1, 28)
    commemorations.remove_custom(added.key)
    assert added.key not in {item.key for item in commemorations.catalogue()}
