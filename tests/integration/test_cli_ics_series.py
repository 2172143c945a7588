"""A series in a calendar program: the .ics expanded by recurring-ical-events, an implementation nobody here wrote,
gives every occurrence as `events --format json` lists it: day, time, title and status."""

import datetime as dt
import json

import pytest
import recurring_ical_events
from icalendar import Calendar

from nlv_events.core import database, event_reading, store
from nlv_events.services.planning import series, series_rules
from tests.integration.cli_runner import run
from tests.unit.services.planning.test_series_ics import story_hour

# What each of the office's statuses is in a calendar program (RFC 5545 STATUS).
ICS_STATUS = {"planned": "TENTATIVE", "confirmed": "CONFIRMED", "held": "CONFIRMED"}


@pytest.fixture(autouse=True)
def _close_after():
    yield
    database.close_database()


def _series_with_exceptions(db_path) -> None:
    database.open_database(str(db_path))
    spec = series.save(story_hour())
    events = {event.series_date: event for event in series.occurrences(spec.id)}

    def occurrence(day: int, month: int = 1) -> int:
        return next(event.id for moment, event in events.items() if moment.timetuple()[1:3] == (month, day))

    series.cancel_occurrence(occurrence(11))
    series.move_occurrence(occurrence(18), dt.datetime(2025, 1, 19, 14, 0), dt.datetime(2025, 1, 19, 15, 30))
    for event_id, status, title in (
        (occurrence(4), "held", None),
        (occurrence(25), "confirmed", None),
        (occurrence(8, 2), "confirmed", "Kể chuyện cho thiếu nhi: Tết Ất Tỵ"),
        (occurrence(18), "confirmed", None),  # the one moved to Sunday 19/01 is confirmed too
    ):
        record = event_reading.load_record(event_id)
        record.status = status
        record.title = title or record.title
        store.save_event(record)
    database.close_database()


def test_the_expanded_ics_of_a_series_matches_the_event_list(capsys, db_path, tmp_path):
    _series_with_exceptions(db_path)
    path = tmp_path / "2025.ics"
    code, _out, err = run(capsys, "ics", "--year", "2025", "-o", str(path), "--db", str(db_path))
    assert code == 0, err
    code, out, err = run(capsys, "events", "--year", "2025", "--format", "json", "--db", str(db_path))
    assert code == 0, err

    listed = sorted(
        (
            dt.datetime.fromisoformat(item["start"]),
            dt.datetime.fromisoformat(item["end"]),
            item["title"],
            ICS_STATUS[item["status"]],
        )
        for item in json.loads(out)
        if item["status"] != "cancelled"
    )
    calendar = Calendar.from_ical(path.read_bytes())
    expanded = sorted(
        (
            occurrence.decoded("DTSTART").replace(tzinfo=None),
            occurrence.decoded("DTEND").replace(tzinfo=None),
            str(occurrence["SUMMARY"]),
            str(occurrence["STATUS"]),
        )
        for occurrence in recurring_ical_events.of(calendar).between(dt.date(2025, 1, 1), dt.date(2026, 1, 1))
    )
    assert len(listed) == 11  # 13 Saturdays less the skipped 01/02 and the cancelled 11/01
    assert expanded == listed
    statuses = [status for *_rest, status in expanded]
    assert statuses.count("CONFIRMED") == 4 and statuses.count("TENTATIVE") == 7
    assert (dt.datetime(2025, 1, 19, 14, 0), dt.datetime(2025, 1, 19, 15, 30)) == expanded[1][:2]  # moved
    # The main entry says what most occurrences are; only those that differ carry an entry of their own.
    masters = [c for c in calendar.walk("VEVENT") if "RRULE" in c]
    overrides = [c for c in calendar.walk("VEVENT") if "RECURRENCE-ID" in c]
    assert [str(master["STATUS"]) for master in masters] == ["TENTATIVE"]
    assert len(overrides) == 4


def test_a_series_most_of_whose_occurrences_are_confirmed_says_so_in_its_main_entry(capsys, db_path, tmp_path):
    database.open_database(str(db_path))
    spec = series.save(
        series.SeriesSpec(
            title="Tọa đàm", kind="talk", start=dt.date(2025, 3, 1), rule=series_rules.weekly_rule([5], count=3)
        )
    )
    _planned, *others = series.occurrences(spec.id)
    for event in others:
        record = event_reading.load_record(event.id)
        record.status = "confirmed"
        store.save_event(record)
    database.close_database()
    path = tmp_path / "talks.ics"
    assert run(capsys, "ics", "-o", str(path), "--db", str(db_path))[0] == 0
    calendar = Calendar.from_ical(path.read_bytes())
    statuses = {
        occurrence.decoded("DTSTART"): str(occurrence["STATUS"])
        for occurrence in recurring_ical_events.of(calendar).between(dt.date(2025, 1, 1), dt.date(2026, 1, 1))
    }
    assert statuses == {
        dt.date(2025, 3, 1): "TENTATIVE",
        dt.date(2025, 3, 8): "CONFIRMED",
        dt.date(2025, 3, 15): "CONFIRMED",
    }
    assert [str(c["STATUS"]) for c in calendar.walk("VEVENT") if "RRULE" in c] == ["CONFIRMED"]
