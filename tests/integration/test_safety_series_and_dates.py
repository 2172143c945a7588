"""The bad-input catalogue of issue 25, series and dates: a deleted occurrence stays deleted whichever path edits
its series; a series rule repeats at most daily, with a positive interval, within bounds of count and time; a date
is written YYYY-MM-DD (with a time) and nothing else is guessed."""

import datetime as dt
import json
from pathlib import Path

import pytest

from nlv_events.core import database, when
from nlv_events.core.models import Event
from nlv_events.core.planning_models import Series
from nlv_events.services.events import event_store
from nlv_events.services.interchange import decoding, exporting, importing
from nlv_events.services.planning import series, series_rules
from nlv_events.services.reports import ics
from tests.integration.cli_runner import run
from tests.unit.services.planning.test_series_ics import story_hour

TET = dt.date(2025, 2, 1)  # the day story_hour skips


def _story_hour() -> series.SeriesSpec:
    return series.save(story_hour())  # twelve Saturdays, Tết's skipped


def _live_days(series_id: int) -> list[dt.date]:
    return [when.as_date(event.series_date) for event in series.occurrences(series_id)]


def _delete_the_second(spec: series.SeriesSpec) -> dt.date:
    second = series.occurrences(spec.id)[1]  # type: ignore[arg-type]
    event_store.delete(second.id)  # what the window's Delete does
    return when.as_date(second.series_date)  # type: ignore[return-value]


# Issue 25, 3. A deleted occurrence came back as a new event when its series was edited or its file re-imported.
@pytest.mark.both_databases
def test_a_deleted_occurrence_stays_deleted_when_the_series_is_edited(db):
    spec = _story_hour()
    deleted = _delete_the_second(spec)
    assert deleted in series.load(spec.id).skip  # an EXDATE of the series
    edited = series.load(spec.id)
    edited.title = "Giờ kể chuyện cuối tuần"
    series.update(edited)  # the series dialog's Save
    assert deleted not in _live_days(spec.id)
    assert len(_live_days(spec.id)) == 11
    following = series.load(spec.id)
    series.update(following, from_event_id=series.occurrences(spec.id)[2].id)  # "this and the following"
    assert deleted not in {day for row in Series.select() for day in _live_days(row.id)}


@pytest.mark.both_databases
def test_restoring_a_deleted_occurrence_takes_its_day_out_of_the_skipped_days(db):
    spec = _story_hour()
    second = series.occurrences(spec.id)[1]
    event_store.delete(second.id)
    event_store.restore(second.id)  # undo, or Edit → Deleted events → Restore
    assert series.load(spec.id).skip == [TET]
    series.update(series.load(spec.id))
    assert len(_live_days(spec.id)) == 12


def test_a_dialog_opened_before_the_deletion_is_told_instead_of_saving_over_the_skipped_day(db):
    from nlv_events.core.errors import ConflictError

    spec = _story_hour()
    opened = series.load(spec.id)  # a colleague has the series dialog open
    _delete_the_second(spec)
    opened.title = "Giờ kể chuyện cuối tuần"
    with pytest.raises(ConflictError):
        series.update(opened)
    assert len(_live_days(spec.id)) == 11


@pytest.mark.both_databases
def test_a_re_imported_file_does_not_bring_back_a_deleted_occurrence(db, tmp_path):
    spec = _story_hour()
    path = tmp_path / "before.json"
    exporting.write_document(exporting.export_document(), path)  # exported while all five were there
    deleted = _delete_the_second(spec)
    importing.import_document(decoding.read_document(path))
    assert deleted not in _live_days(spec.id) and len(_live_days(spec.id)) == 11
    unlinked = json.loads(path.read_text(encoding="utf-8"))
    unlinked["events"] = []  # the series alone: its occurrences are made from the rule
    path.write_text(json.dumps(unlinked), encoding="utf-8")
    importing.import_document(decoding.read_document(path))
    assert deleted not in _live_days(spec.id) and len(_live_days(spec.id)) == 11


def test_the_calendar_file_keeps_the_deleted_occurrence_excluded_after_an_edit(db, tmp_path):
    spec = _story_hour()
    deleted = _delete_the_second(spec)
    series.update(series.load(spec.id))
    output = tmp_path / "lich.ics"
    ics.write_ics(output, None)
    from icalendar import Calendar

    (master,) = [item for item in Calendar.from_ical(output.read_bytes()).walk("VEVENT") if "RRULE" in item]
    assert sorted(moment.dt.date() for moment in master["EXDATE"].dts) == [deleted, TET]
    assert Event.select().where(Event.series_id == spec.id, Event.deleted_at.is_null()).count() == 11


# Issue 25, 7. Series rules: more often than daily, a zero interval, a week no month has, a sparse rule.
def _file_with_series(tmp_path, *rules: str, refs: tuple[str, ...] = ()) -> str:
    document = {
        "format": "nlv-events/1",
        "events": [],
        "series": [
            {
                "ref": refs[number] if refs else f"series-{number}",
                "title": "Giờ kể chuyện",
                "kind": "talk",
                "rule": rule,
                "start": "2025-03-01T09:00",
            }
            for number, rule in enumerate(rules)
        ],
    }
    path = tmp_path / "series.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("rule", "told"),
    [
        ("FREQ=HOURLY;COUNT=24", "repeats more often than once a day"),
        ("FREQ=SECONDLY;COUNT=400", "repeats more often than once a day"),
        ("FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30;COUNT=2", "repeats more often than once a day"),
        ("FREQ=WEEKLY;INTERVAL=0;COUNT=5", "has an interval of 0; the interval must be 1 or more"),
        ("FREQ=MONTHLY;BYDAY=9MO;COUNT=3", "names week 9 of the month; use 1 to 5 or -1 to -5"),
        ("FREQ=YEARLY;BYDAY=60MO;COUNT=3", "names week 60 of the year"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=2", "The rule gives no occurrence"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;COUNT=5", "runs more than 10 years from its start"),
        ("FREQ=YEARLY;COUNT=40", "runs more than 10 years from its start"),
        ("FREQ=MONTHLY;UNTIL=20500101", "runs more than 10 years from its start"),
        ("FREQ=SOMETIMES;COUNT=2", "is not a recurrence rule"),
    ],
)
def test_a_series_rule_a_library_activity_cannot_have_is_refused_in_one_line(capsys, tmp_path, rule, told):
    db_file = tmp_path / "events.sqlite3"
    code, _out, err = run(capsys, "import", _file_with_series(tmp_path, rule), "--db", str(db_file), "--lang", "en")
    assert code == 1 and err.count("\n") == 1 and told in err, err
    assert "Unexpected" not in err
    database.open_database(str(db_file))
    try:
        assert Event.select().count() == 0 and Series.select().count() == 0
    finally:
        database.close_database()


def test_a_sparse_rule_is_bounded_by_its_years_not_only_by_its_count():
    # Leap days: two in ten years. Unbounded, the rule ran to 2044 and made five events twenty years apart.
    with pytest.raises(Exception, match="10"):
        series_rules.rule_days("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=5", dt.date(2025, 3, 1))
    assert len(series_rules.rule_days("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2", dt.date(2025, 3, 1))) == 2


@pytest.mark.parametrize(
    ("rule", "count"),
    [("FREQ=DAILY;INTERVAL=2;COUNT=3", 3), ("FREQ=WEEKLY;BYDAY=SA;COUNT=4", 4), ("FREQ=YEARLY;COUNT=3", 3)],
)
def test_daily_and_coarser_rules_with_a_positive_interval_are_accepted(capsys, tmp_path, rule, count):
    db_file = tmp_path / "events.sqlite3"
    code, _out, err = run(capsys, "import", _file_with_series(tmp_path, rule), "--db", str(db_file))
    assert (code, err) == (0, "")
    database.open_database(str(db_file))
    try:
        assert len({event.start_date for event in Event.select()}) == count
    finally:
        database.close_database()


def test_two_series_with_one_ref_in_one_file_are_refused(capsys, tmp_path):
    db_file = tmp_path / "events.sqlite3"
    path = _file_with_series(tmp_path, "FREQ=WEEKLY;COUNT=2", "FREQ=MONTHLY;COUNT=2", refs=("gio-ke", "gio-ke"))
    code, _out, err = run(capsys, "import", path, "--db", str(db_file), "--lang", "en")
    assert code == 1 and err.count("\n") == 1
    assert "Series 1 and 2 of the file have the same ref “gio-ke”" in err
    database.open_database(str(db_file))
    try:
        assert Series.select().count() == 0
    finally:
        database.close_database()


# Issue 25, 8. "2023-W16-5" (an ISO week date) was stored as 2023-04-21 without a word.
@pytest.mark.parametrize("written", ["2023-W16-5", "20230421", "2023-04-21T08", "2023-4-21", "2023-04-21T08:00+07:00"])
def test_a_date_in_another_form_is_refused_in_a_file(capsys, tmp_path, written):
    db_file = tmp_path / "events.sqlite3"
    path = tmp_path / "events.json"
    event = {"ref": "x", "kind": "talk", "title": "Tọa đàm", "start": written}
    path.write_text(json.dumps({"format": "nlv-events/1", "events": [event]}), encoding="utf-8")
    code, _out, err = run(capsys, "import", str(path), "--db", str(db_file), "--lang", "en")
    assert code == 1 and err.count("\n") == 1 and f"“{written}” is not a date such as" in err, err
    database.open_database(str(db_file))
    try:
        assert Event.select().count() == 0
    finally:
        database.close_database()


@pytest.mark.parametrize("written", ["2023-W16-5", "20230421", "2023-04-21T00:00"])
def test_a_date_in_another_form_is_refused_on_the_command_line(capsys, tmp_path, written):
    db_file = tmp_path / "events.sqlite3"
    run(capsys, "demo", "--db", str(db_file))
    output = tmp_path / "chuong-trinh.pdf"
    code, _out, err = run(
        capsys, "programme", "1", "-o", str(output), "--date", written, "--db", str(db_file)
    )
    assert code == 2 and err.count("\n") == 1 and f"“{written}” không phải là ngày dạng 2023-01-05" in err
    assert not output.exists()
    code, _out, err = run(capsys, "plan", "2022", "-o", str(output), "--as-of", written, "--db", str(db_file))
    assert code == 2 and err.count("\n") == 1 and written in err


@pytest.mark.parametrize(
    ("key", "value"), [("skip", ["2025-W11-6"]), ("until", "20250329"), ("start", "2025-W09-6T09:00")]
)
def test_a_series_day_in_another_form_is_refused(capsys, tmp_path, key, value):
    document = json.loads(Path(_file_with_series(tmp_path, "FREQ=WEEKLY;COUNT=3")).read_text(encoding="utf-8"))
    document["series"][0][key] = value
    path = tmp_path / "series.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, _out, err = run(capsys, "import", str(path), "--db", str(tmp_path / "e.sqlite3"), "--lang", "en")
    assert code == 1 and err.count("\n") == 1 and "is not a date such as" in err, err


def test_the_one_parser_takes_the_written_form_and_nothing_else():
    assert when.parse_day("2023-04-21") == dt.date(2023, 4, 21)
    assert when.parse("2023-04-21T08:00") == dt.datetime(2023, 4, 21, 8, 0)
    assert when.parse("2023-04-21 08:00:05") == dt.datetime(2023, 4, 21, 8, 0, 5)
    for written in ("2023-W16-5", "2023-W16", "20230421", "2023-111", "2023-04-21T08:00", "٢٠٢٣-٠٤-٢١"):
        with pytest.raises(ValueError):
            when.parse_day(written)
    for written in ("2023-W16-5T08:00", "20230421T0800", "2023-04-21T08", "2023-04-21T08:00Z"):
        with pytest.raises(ValueError):
            when.parse(written)


def test_an_occurrence_deleted_before_the_upgrade_becomes_a_skipped_day(db_path):
    import sqlite3

    database.open_database(str(db_path))
    try:
        spec = _story_hour()
        second = series.occurrences(spec.id)[1]
        Event.update(deleted_at=dt.datetime(2025, 2, 1, 8, 0)).where(Event.id == second.id).execute()  # as before
    finally:
        database.close_database()
    with sqlite3.connect(db_path) as raw:  # the record as the version before saved it
        raw.execute("DELETE FROM schema_migration WHERE name = '0012_skipped_occurrences'")
    raw.close()
    database.open_database(str(db_path))
    try:
        assert series.load(spec.id).skip == [when.as_date(second.series_date), TET]
        series.update(series.load(spec.id))
        assert len(_live_days(spec.id)) == 11
    finally:
        database.close_database()
