"""Recurring series: the rule engine, occurrences as events, editing one or "this and the following"."""

import datetime as dt

import pytest

from nlv_events.core import event_reading, store
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.services.planning import series, series_rules
from nlv_events.services.reports import tallies

SATURDAY = 5
pytestmark = pytest.mark.both_databases


def _storytelling(**overrides) -> series.SeriesSpec:
    values = dict(
        title="Kể chuyện cho thiếu nhi",
        kind="talk",
        start=dt.date(2025, 1, 4),
        rule=series_rules.weekly_rule([SATURDAY], until=dt.date(2025, 3, 29)),
        start_time=dt.time(9, 0),
        end_time=dt.time(10, 30),
        venue="Phòng Thiếu nhi",
        skip=[dt.date(2025, 2, 1)],  # Tết week
        people=["Nguyễn Thị Hoa"],
    )
    values.update(overrides)
    return series.SeriesSpec(**values)


def test_weekly_rule_on_chosen_weekdays_with_an_end_date():
    rule = series_rules.weekly_rule([1, 3], until=dt.date(2025, 1, 16))
    assert rule == "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20250116"
    assert series.rule_days(rule, dt.date(2025, 1, 1)) == [
        dt.date(2025, 1, 2),
        dt.date(2025, 1, 7),
        dt.date(2025, 1, 9),
        dt.date(2025, 1, 14),
        dt.date(2025, 1, 16),
    ]


def test_monthly_on_the_31st_skips_the_short_months_and_the_last_day_follows_february():
    thirty_first = series_rules.monthly_rule(monthday=31, count=4)
    assert series.rule_days(thirty_first, dt.date(2024, 1, 1)) == [
        dt.date(2024, 1, 31),
        dt.date(2024, 3, 31),
        dt.date(2024, 5, 31),
        dt.date(2024, 7, 31),
    ]
    last_day = series_rules.monthly_rule(monthday=-1, until=dt.date(2025, 3, 31))
    found = series.rule_days(last_day, dt.date(2024, 1, 1))
    assert dt.date(2024, 2, 29) in found and dt.date(2025, 2, 28) in found  # leap year, then not
    assert found[-1] == dt.date(2025, 3, 31) and len(found) == 15


def test_monthly_on_the_nth_weekday():
    third_thursday = series_rules.monthly_rule(nth=3, weekday=3, count=3)
    assert series.rule_days(third_thursday, dt.date(2025, 1, 1)) == [
        dt.date(2025, 1, 16),
        dt.date(2025, 2, 20),
        dt.date(2025, 3, 20),
    ]
    last_friday = series_rules.monthly_rule(nth=-1, weekday=4, count=2)
    assert series.rule_days(last_friday, dt.date(2024, 2, 1)) == [dt.date(2024, 2, 23), dt.date(2024, 3, 29)]
    leap_day = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2"
    assert series.rule_days(leap_day, dt.date(2024, 1, 1)) == [dt.date(2024, 2, 29), dt.date(2028, 2, 29)]


def test_bad_rules_say_what_to_fix():
    with pytest.raises(UserError, match="UNTIL"):
        series.rule_days("FREQ=WEEKLY;BYDAY=SA", dt.date(2025, 1, 1))
    with pytest.raises(UserError, match="FREQ=WEEKLY;BYDAY=SA;UNTIL=20251227"):
        series.rule_days("FREQ=SOMETIMES;COUNT=2", dt.date(2025, 1, 1))
    with pytest.raises(UserError, match="500"):
        series.rule_days("FREQ=DAILY;UNTIL=20300101", dt.date(2025, 1, 1))
    with pytest.raises(UserError):
        series_rules.weekly_rule([])
    with pytest.raises(UserError):
        series_rules.monthly_rule(monthday=3, until=dt.date(2025, 1, 1), count=3)


def test_a_series_makes_one_event_per_day_without_the_skipped_ones_and_they_count_in_the_tallies(db):
    spec = series.save(_storytelling())
    events = series.occurrences(spec.id)
    assert len(events) == 12  # 13 Saturdays, less the Tết week
    assert dt.date(2025, 2, 1) not in {event.start_date for event in events}
    first = event_reading.load_record(events[0])
    assert first.title == "Kể chuyện cho thiếu nhi" and first.venue == "Phòng Thiếu nhi"
    assert (first.start, first.end) == (dt.datetime(2025, 1, 4, 9, 0), dt.datetime(2025, 1, 4, 10, 30))
    assert [person.name for person in first.people] == ["Nguyễn Thị Hoa"]
    assert tallies.compute(2025).kinds["talk"].events == 12


def test_editing_one_occurrence_leaves_the_others(db):
    spec = series.save(_storytelling())
    events = series.occurrences(spec.id)
    third = event_reading.load_record(events[2])
    third.title = "Kể chuyện: Dế Mèn phiêu lưu ký"
    store.save_event(third)
    series.move_occurrence(events[3].id, dt.datetime(2025, 1, 26, 9, 0))
    series.cancel_occurrence(events[4].id)
    titles = [event_reading.load_record(event).title for event in series.occurrences(spec.id)]
    assert titles.count("Kể chuyện cho thiếu nhi") == 11
    moved = Event.get_by_id(events[3].id)
    assert moved.start_date == dt.date(2025, 1, 26) and moved.series_date == dt.date(2025, 1, 25)
    assert Event.get_by_id(events[4].id).status == "cancelled"
    assert len(series.occurrences(spec.id)) == 12  # still in the series


def test_this_and_the_following_splits_the_series(db):
    spec = series.save(_storytelling())
    events = series.occurrences(spec.id)
    pivot = events[6]  # 22/02/2025
    assert pivot.series_date == dt.date(2025, 2, 22)
    following = series.change_following(
        pivot.id, venue="Sân Thư viện", start_time=dt.time(15, 0), end_time=dt.time(16, 30)
    )
    assert following.id != spec.id and following.start == dt.date(2025, 2, 22)
    earlier = series.load(spec.id)
    assert series_rules.rule_until(earlier.rule) == dt.date(2025, 2, 15)
    assert earlier.skip == [dt.date(2025, 2, 1)] and following.skip == []
    before = [event_reading.load_record(event) for event in series.occurrences(spec.id)]
    after = [event_reading.load_record(event) for event in series.occurrences(following.id)]
    assert len(before) == 6 and len(after) == 6
    assert {record.venue for record in before} == {"Phòng Thiếu nhi"}
    assert {record.venue for record in after} == {"Sân Thư viện"}
    assert (after[0].start, after[0].end) == (dt.datetime(2025, 2, 22, 15, 0), dt.datetime(2025, 2, 22, 16, 30))
    assert before[-1].start == dt.datetime(2025, 2, 15, 9, 0)


def test_a_new_rule_for_the_following_occurrences_regenerates_them_but_keeps_held_ones(db):
    spec = series.save(_storytelling(rule=series_rules.weekly_rule([SATURDAY], count=13)))
    events = series.occurrences(spec.id)
    held = event_reading.load_record(events[9])  # 15/03/2025
    held.status, held.attendance = "held", 40
    store.save_event(held)
    sunday_rule = series_rules.weekly_rule([6], until=dt.date(2025, 3, 30))
    following = series.change_following(events[8].id, rule=sunday_rule)  # from 08/03/2025
    assert series_rules.rule_until(series.load(spec.id).rule) == dt.date(2025, 3, 1)
    days = [event.start_date for event in series.occurrences(following.id)]
    assert dt.date(2025, 3, 9) in days and dt.date(2025, 3, 30) in days
    assert dt.date(2025, 3, 15) in days  # the held Saturday stays: it is history
    assert dt.date(2025, 3, 22) not in days
    assert Event.get_by_id(events[10].id).deleted_at is not None


def test_changing_from_the_first_occurrence_changes_the_whole_series(db):
    spec = series.save(_storytelling())
    first = series.occurrences(spec.id)[0]
    same = series.change_following(first.id, title="Giờ kể chuyện")
    assert same.id == spec.id
    assert {event_reading.load_record(event).title for event in series.occurrences(spec.id)} == {"Giờ kể chuyện"}


def test_the_count_carries_over_when_a_counted_series_is_split(db):
    spec = series.save(_storytelling(rule=series_rules.weekly_rule([SATURDAY], count=5), skip=[]))
    events = series.occurrences(spec.id)
    following = series.change_following(events[2].id, title="Kể chuyện (phần 2)")
    assert "COUNT=3" in following.rule
    assert len(series.occurrences(following.id)) == 3 and len(series.occurrences(spec.id)) == 2


def test_a_series_carries_over_to_next_year(db):
    spec = series.save(_storytelling(title="Kể chuyện cho thiếu nhi 2025"))
    twin = series.duplicate_to_next_year(spec.id)
    assert twin.title == "Kể chuyện cho thiếu nhi 2026" and twin.start == dt.date(2026, 1, 4)
    assert series_rules.rule_until(twin.rule) == dt.date(2026, 3, 29) and twin.skip == [dt.date(2026, 2, 1)]
    days = [event.start_date for event in series.occurrences(twin.id)]
    assert days[0] == dt.date(2026, 1, 10)  # 04/01/2026 is a Sunday: the rule keeps Saturdays
    assert all(day.weekday() == SATURDAY for day in days)


def test_deleting_a_series_keeps_held_occurrences(db):
    spec = series.save(_storytelling())
    events = series.occurrences(spec.id)
    held = event_reading.load_record(events[0])
    held.status = "held"
    store.save_event(held)
    assert series.delete_series(spec.id) == 11
    assert Event.get_by_id(events[0].id).deleted_at is None and Event.get_by_id(events[0].id).series_id is None


def test_an_edited_series_saved_whole_or_from_an_occurrence_on(db):
    spec = series.save(_storytelling())
    edited = series.load(spec.id)
    edited.venue = "Hội trường"
    edited.skip = [dt.date(2025, 2, 1), dt.date(2025, 3, 8)]
    series.update(edited)
    records = [event_reading.load_record(event) for event in series.occurrences(spec.id)]
    assert len(records) == 11 and {record.venue for record in records} == {"Hội trường"}
    later = series.load(spec.id)
    later.title = "Giờ kể chuyện mùa xuân"
    pivot = series.occurrences(spec.id)[8]  # 15/03/2025
    following = series.update(later, from_event_id=pivot.id)
    assert following.id != spec.id
    assert [event_reading.load_record(event).title for event in series.occurrences(following.id)] == [
        "Giờ kể chuyện mùa xuân"
    ] * 3
    assert series.load(spec.id).skip == [dt.date(2025, 2, 1), dt.date(2025, 3, 8)] and following.skip == []


def test_the_simple_form_and_a_written_rule_with_its_end_given_apart():
    assert series_rules.form_rule(weekdays=[3, 1], interval=2, count=4) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=4"
    assert series_rules.form_rule(nth=series_rules.nth_weekday("-1fr"), until=dt.date(2025, 6, 30)) == (
        "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20250630"
    )
    assert series_rules.nth_weekday("TH") == (1, 3) and series_rules.weekday_number(" su ") == 6
    assert series_rules.rule_ending("RRULE:FREQ=WEEKLY;BYDAY=SA;", count=3) == "FREQ=WEEKLY;BYDAY=SA;COUNT=3"
    assert series_rules.rule_ending("FREQ=DAILY;COUNT=2") == "FREQ=DAILY;COUNT=2"
    for bad in (
        lambda: series_rules.rule_ending("FREQ=DAILY;UNTIL=20250101", count=3),
        lambda: series_rules.rule_ending("FREQ=DAILY", until=dt.date(2025, 1, 1), count=3),
        lambda: series_rules.nth_weekday("0SA"),
        lambda: series_rules.weekday_number("Sat"),
        lambda: series_rules.form_rule(monthday=1, interval=2, count=2),
        lambda: series_rules.form_rule(count=2),
    ):
        with pytest.raises(UserError):
            bad()


def test_a_day_no_month_of_the_rule_has_gives_no_day_and_a_day_one_month_has_still_does():
    # dateutil ends a rule only at a day it found: these were searched until the year 9999
    assert series.rule_days("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=2", dt.date(2024, 1, 1)) == []
    assert series.rule_days("FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31;COUNT=2", dt.date(2024, 1, 1)) == []
    assert series.rule_days("FREQ=MONTHLY;BYMONTH=4,5;BYMONTHDAY=31;COUNT=2", dt.date(2024, 1, 1)) == [
        dt.date(2024, 5, 31),
        dt.date(2025, 5, 31),
    ]
    assert series.rule_days("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=-29;COUNT=1", dt.date(2024, 1, 1)) == [
        dt.date(2024, 2, 1)
    ]
