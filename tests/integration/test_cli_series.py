"""`nlv-events series`: a series made, listed, shown, skipped and moved from the command line, read back from what
the store holds, from the event list and from the calendar file."""

import datetime as dt
import json

import pytest
from icalendar import Calendar

from nlv_events.core import database
from nlv_events.services.planning import series
from tests.integration.cli_runner import run
from tests.integration.test_cli import one_line_error

STORY_HOUR = (
    "series", "add", "--title", "Kể chuyện cho thiếu nhi", "--kind", "talk", "--from", "2025-01-04",
    "--rrule", "FREQ=WEEKLY;BYDAY=SA;COUNT=12", "--time", "09:00-10:30", "--venue", "Phòng Thiếu nhi",
    "--person", "Nguyễn Thị Hoa",
)  # fmt: skip


@pytest.fixture(autouse=True)
def _close_after():
    yield
    database.close_database()


def _stored(db_path, series_id: int) -> tuple[series.SeriesSpec, list]:
    """The series as the store holds it, and its live occurrences (day the rule gave, start, end, status)."""
    database.open_database(str(db_path))
    try:
        spec = series.load(series_id)
        events = [
            (event.series_date, event.start_date, event.start_time, event.end_time, event.status)
            for event in series.occurrences(spec.id)
        ]
    finally:
        database.close_database()
    return spec, events


def _add(capsys, db_path, *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--format", "json", "--db", str(db_path))
    assert code == 0, err
    return json.loads(out)


def _events(capsys, db_path) -> list[dict]:
    code, out, err = run(capsys, "events", "--year", "2025", "--format", "json", "--db", str(db_path))
    assert code == 0, err
    return json.loads(out)


def test_add_with_an_rrule_stores_the_series_and_an_event_for_each_saturday(capsys, db_path):
    shown = _add(capsys, db_path, *STORY_HOUR)
    saturdays = [dt.date(2025, 1, 4) + dt.timedelta(weeks=week) for week in range(12)]
    assert shown["rule"] == "FREQ=WEEKLY;BYDAY=SA;COUNT=12" and shown["people"] == ["Nguyễn Thị Hoa"]
    assert [item["series_date"] for item in shown["occurrences"]] == [day.isoformat() for day in saturdays]
    spec, events = _stored(db_path, shown["id"])
    assert (spec.title, spec.venue, spec.start_time, spec.end_time) == (
        "Kể chuyện cho thiếu nhi", "Phòng Thiếu nhi", dt.time(9, 0), dt.time(10, 30)
    )  # fmt: skip
    assert [day for day, *_rest in events] == saturdays
    listed = _events(capsys, db_path)
    assert [item["start"] for item in listed] == [f"{day.isoformat()}T09:00" for day in saturdays]
    assert {(item["title"], item["end"][11:], item["venue"], item["status"]) for item in listed} == {
        ("Kể chuyện cho thiếu nhi", "10:30", "Phòng Thiếu nhi", "planned")
    }
    # one person, the same in every occurrence (people are their ref: a namesake would have another)
    assert {(person["name"], person["role"], person["ref"]) for item in listed for person in item["people"]} == {
        ("Nguyễn Thị Hoa", "organiser", listed[0]["people"][0]["ref"])
    }
    assert all(len(item["people"]) == 1 for item in listed)


def test_add_with_the_windows_simple_form(capsys, db_path):
    fortnightly = _add(
        capsys, db_path, "series", "add", "--title", "Câu lạc bộ đọc sách", "--kind", "book_day",
        "--from", "2025-03-03", "--weekly", "tu,TH", "--every", "2", "--until", "2025-03-31",
    )  # fmt: skip
    assert fortnightly["rule"] == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20250331"
    assert fortnightly["until"] == "2025-03-31" and fortnightly["start"] == "2025-03-03"  # a whole day, no time
    assert [item["series_date"] for item in fortnightly["occurrences"]] == [
        "2025-03-04", "2025-03-06", "2025-03-18", "2025-03-20"
    ]  # fmt: skip
    last_friday = _add(
        capsys, db_path, "series", "add", "--title", "Tọa đàm cuối tháng", "--kind", "talk", "--from", "2025-01-01",
        "--monthly-weekday=-1FR", "--count", "3", "--time", "14:00",
    )  # fmt: skip
    assert last_friday["rule"] == "FREQ=MONTHLY;BYDAY=-1FR;COUNT=3"
    assert [item["start"] for item in last_friday["occurrences"]] == [
        "2025-01-31T14:00", "2025-02-28T14:00", "2025-03-28T14:00"
    ]  # fmt: skip
    fifteenth = _add(
        capsys, db_path, "series", "add", "--title", "Giới thiệu sách mới", "--kind", "other", "--from", "2025-01-01",
        "--monthly-day", "15", "--until", "2025-04-30",
    )  # fmt: skip
    assert fifteenth["rule"] == "FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20250430"
    assert len(fifteenth["occurrences"]) == 4
    code, out, err = run(capsys, "series", "--db", str(db_path), "--lang", "en")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["ID", "Title"] and lines[-1] == "3 series"
    assert "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20250331" in out and "3 Mar 2025  20 Mar 2025  4" in out
    code, out, err = run(capsys, "series", "list", "--format", "json", "--db", str(db_path))
    assert code == 0, err
    assert [(item["title"], item["occurrence_count"]) for item in json.loads(out)] == [
        ("Tọa đàm cuối tháng", 3), ("Giới thiệu sách mới", 4), ("Câu lạc bộ đọc sách", 4)
    ]  # fmt: skip


def test_a_skipped_day_stays_skipped_and_is_an_exdate(capsys, db_path, tmp_path):
    series_id = _add(capsys, db_path, *STORY_HOUR)["id"]
    code, out, err = run(capsys, "series", "skip", str(series_id), "2025-02-01", "--db", str(db_path), "--lang", "en")
    assert code == 0, err
    assert out.startswith("Skipped 2025-02-01 in the series “Kể chuyện cho thiếu nhi”.")
    assert "Skipped days: 1 Feb 2025" in out and " 1 Feb 2025  09:00" not in out
    spec, events = _stored(db_path, series_id)
    assert spec.skip == [dt.date(2025, 2, 1)] and len(events) == 11
    assert dt.date(2025, 2, 1) not in [day for day, *_rest in events]
    # A later change of the series, as the window saves it, does not bring the day back.
    database.open_database(str(db_path))
    spec.title = "Giờ kể chuyện cho thiếu nhi"
    series.update(spec)
    database.close_database()
    spec, events = _stored(db_path, series_id)
    assert spec.skip == [dt.date(2025, 2, 1)] and len(events) == 11
    assert "2025-02-01" not in [item["start"][:10] for item in _events(capsys, db_path)]
    path = tmp_path / "series.ics"
    assert run(capsys, "ics", "-o", str(path), "--db", str(db_path))[0] == 0
    master = next(c for c in Calendar.from_ical(path.read_bytes()).walk("VEVENT") if "RRULE" in c)
    assert [moment.dt.date() for moment in master["EXDATE"].dts] == [dt.date(2025, 2, 1)]
    code, _out, err = run(capsys, "series", "skip", str(series_id), "2025-02-01", "--db", str(db_path), "--lang", "en")
    assert code == 1 and one_line_error(err) == (
        "nlv-events: 1 Feb 2025 is already a skipped day of the series “Giờ kể chuyện cho thiếu nhi”."
    )


def test_move_one_occurrence_to_another_day_and_time(capsys, db_path):
    series_id = _add(capsys, db_path, *STORY_HOUR)["id"]
    code, out, err = run(
        capsys, "series", "--db", str(db_path), "move", str(series_id), "2025-01-18", "--to", "2025-01-19",
        "--time", "14:00", "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    moved = [item for item in json.loads(out)["occurrences"] if item["moved"]]
    assert [(item["series_date"], item["start"], item["end"]) for item in moved] == [
        ("2025-01-18", "2025-01-19T14:00", "2025-01-19T15:30")  # it lasts as long as before
    ]
    _spec, events = _stored(db_path, series_id)
    assert len(events) == 12  # still in the series
    assert (dt.date(2025, 1, 18), dt.date(2025, 1, 19), dt.time(14, 0), dt.time(15, 30), "planned") in events
    code, out, err = run(
        capsys, "series", "move", str(series_id), "2025-01-25", "--time", "08:00-11:00", "--db", str(db_path),
        "--lang", "en",
    )  # fmt: skip
    assert code == 0, err
    assert out.splitlines()[0].startswith("Moved the occurrence of 2025-01-25 (event ")
    assert "08:00–11:00 25 Jan 2025" in out and "(moved from 18 Jan 2025)" in out
    starts = {item["start"]: item["end"] for item in _events(capsys, db_path)}
    assert starts["2025-01-25T08:00"] == "2025-01-25T11:00" and "2025-01-18T09:00" not in starts


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("show", "9"), "There is no series number 9."),
        (("skip", "{id}", "2025-01-05"), "has no occurrence on 5 Jan 2025."),
        (("move", "{id}", "2025-01-04"), "Give the day or the time the occurrence moves to."),
        (("move", "{id}", "2025-01-04", "--time", "10:00-09:00"), "cannot end before it starts"),
        (("add", "--title", "X", "--kind", "lecture", "--from", "2025-01-01", "--weekly", "SA", "--count", "2"),
         "Unknown kind “lecture”"),
        (("add", "--title", "X", "--kind", "talk", "--from", "2025-01-01", "--weekly", "SAT", "--count", "2"),
         "“SAT” is not a day of the week"),
        (("add", "--title", "X", "--kind", "talk", "--from", "2025-01-01", "--rrule", "FREQ=WEEKLY;BYDAY=SA"),
         "never ends"),
        (("add", "--title", "X", "--kind", "talk", "--from", "2025-01-01", "--rrule", "FREQ=WEEKLY;COUNT=2",
          "--until", "2025-03-01"), "has its own end"),
        (("add", "--title", "X", "--kind", "talk", "--from", "2025-01-01", "--rrule", "FREQ=SOMETIMES;COUNT=2"),
         "is not a recurrence rule"),
        (("add", "--title", "X", "--kind", "talk", "--from", "2025-01-01", "--monthly-weekday", "6TH",
          "--count", "2"), "“6TH” is not a weekday of the month"),
        (("add", "--title", "X", "--kind", "talk", "--from", "2025-01-01", "--monthly-day", "3", "--every", "2",
          "--count", "2"), "Only a weekly series repeats every N weeks."),
        (("add", "--title", "X", "--kind", "talk", "--from", "2025-01-01", "--weekly", "SA", "--time", "9h"),
         "“9h” không phải giờ"),
        (("add", "--title", "X", "--kind", "talk", "--from", "2025-01-01"), "--rrule --weekly"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_and_stores_nothing(capsys, db_path, argv, expected):
    series_id = _add(capsys, db_path, *STORY_HOUR)["id"]
    argv = tuple(value.format(id=series_id) for value in argv)
    code, _out, err = run(capsys, "series", *argv, "--db", str(db_path), "--lang", "en")
    assert code in (1, 2) and expected in one_line_error(err)
    code, out, _err = run(capsys, "series", "--format", "json", "--db", str(db_path))
    assert [item["occurrence_count"] for item in json.loads(out)] == [12]
    assert len(_events(capsys, db_path)) == 12
