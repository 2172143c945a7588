"""The .ics export writes a series as one VEVENT with RRULE and EXDATE, and its changed occurrences apart."""

import datetime as dt
import zoneinfo

import pytest
from dateutil import rrule
from icalendar import Calendar

from nlv_events.core import store
from nlv_events.core.records import EventRecord
from nlv_events.services.planning import series, series_rules
from nlv_events.services.reports import ics

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")

pytestmark = pytest.mark.both_databases


def story_hour() -> series.SeriesSpec:
    """Saturday story hours from 04/01 to 29/03/2025, 01/02 (Tết) skipped: the series these tests print."""
    return series.SeriesSpec(
        title="Kể chuyện cho thiếu nhi",
        kind="talk",
        start=dt.date(2025, 1, 4),
        rule=series_rules.weekly_rule([5], until=dt.date(2025, 3, 29)),
        start_time=dt.time(9, 0),
        end_time=dt.time(10, 30),
        venue="Phòng Thiếu nhi",
        skip=[dt.date(2025, 2, 1)],
    )


def _components(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return [component for component in calendar.walk("VEVENT")]


def test_a_series_is_one_vevent_with_its_rule_skipped_and_cancelled_days_and_exceptions(db, tmp_path):
    spec = series.save(story_hour())
    events = series.occurrences(spec.id)
    series.cancel_occurrence(events[1].id)  # 11/01
    series.move_occurrence(events[2].id, dt.datetime(2025, 1, 19, 9, 0), dt.datetime(2025, 1, 19, 10, 30))
    store.save_event(EventRecord(kind="exhibition", title="Trưng bày sách Tết", start=dt.date(2025, 1, 20)))
    path = tmp_path / "year.ics"
    assert ics.write_ics(path, 2025) == 13  # as the list counts: the 12 occurrences and the exhibition
    components = _components(path)
    masters = [c for c in components if "RRULE" in c]
    assert len(masters) == 1
    master = masters[0]
    assert str(master["SUMMARY"]) == "Kể chuyện cho thiếu nhi"
    assert master.decoded("DTSTART") == dt.datetime(2025, 1, 4, 9, 0, tzinfo=HANOI)
    rule = master["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["SA"]
    assert rule["UNTIL"][0] == dt.datetime(2025, 3, 29, 2, 0, tzinfo=dt.UTC)  # 09:00 in Hà Nội
    exdates = {moment.dt for moment in master["EXDATE"].dts}
    assert exdates == {dt.datetime(2025, 2, 1, 9, 0, tzinfo=HANOI), dt.datetime(2025, 1, 11, 9, 0, tzinfo=HANOI)}
    exceptions = [c for c in components if "RECURRENCE-ID" in c]
    assert len(exceptions) == 1
    moved = exceptions[0]
    assert moved["UID"] == master["UID"]
    assert moved.decoded("RECURRENCE-ID") == dt.datetime(2025, 1, 18, 9, 0, tzinfo=HANOI)
    assert moved.decoded("DTSTART") == dt.datetime(2025, 1, 19, 9, 0, tzinfo=HANOI)
    # What a calendar program expands from the master: the rule less the EXDATEs, the moved day under its old date.
    expanded = rrule.rrulestr("RRULE:" + rule.to_ical().decode(), dtstart=master.decoded("DTSTART"), forceset=True)
    for moment in exdates:
        expanded.exdate(moment)
    days = [moment.date() for moment in expanded]
    assert len(days) == 11 and dt.date(2025, 1, 18) in days and dt.date(2025, 2, 1) not in days
    assert len([c for c in components if "RRULE" not in c and "RECURRENCE-ID" not in c]) == 1


def test_a_whole_day_series_keeps_a_date_until(db, tmp_path):
    series.save(
        series.SeriesSpec(
            title="Tọa đàm hằng tháng",
            kind="talk",
            start=dt.date(2025, 1, 1),
            rule=series_rules.monthly_rule(nth=-1, weekday=4, count=3),
        )
    )
    path = tmp_path / "talks.ics"
    ics.write_ics(path)
    (master,) = _components(path)
    assert master.decoded("DTSTART") == dt.date(2025, 1, 31)
    assert master["RRULE"]["COUNT"] == [3] and "EXDATE" not in master


def test_the_time_zone_made_once_writes_the_calendar_icalendar_writes(db):
    """A calendar's VTIMEZONE is made once a process (icalendar takes 38 ms a zone); the calendar is the one
    icalendar's own `add_missing_timezones` writes, for a series and a lone event alike."""
    saved = series.save(story_hour())
    store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.datetime(2025, 4, 21, 8, 30)))
    records = ics.event_reading.listing_records(ics.queries.events(year=2025))
    series_of = {record.id: saved.id for record in records if record.title == "Kể chuyện cho thiếu nhi"}
    assert len(records) == len(series_of) + 1
    stamp = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    ours = ics.build_calendar(records, series_of, stamp)
    twice = ics.build_calendar(records, series_of, stamp)  # the second from the kept zone
    theirs = ics.build_calendar(records, series_of, stamp)
    del theirs.subcomponents[: len(theirs.timezones)]
    theirs.add_missing_timezones()
    assert [zone["TZID"] for zone in ours.timezones] == ["Asia/Ho_Chi_Minh"]
    assert ours.to_ical() == twice.to_ical() == theirs.to_ical()
