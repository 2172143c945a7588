"""The interchange file carries series, the office's commemorations and each event's links to them."""

import datetime as dt

import pytest

from nlv_events.core import database, event_reading
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.services.interchange import decoding, exporting, importing, reading
from nlv_events.services.planning import commemorations, series, series_rules


def _fill():
    spec = series.save(
        series.SeriesSpec(
            title="Giờ kể chuyện",
            kind="talk",
            start=dt.date(2025, 3, 1),
            rule=series_rules.weekly_rule([5], until=dt.date(2025, 3, 29)),
            start_time=dt.time(9, 0),
            end_time=dt.time(10, 30),
            skip=[dt.date(2025, 3, 15)],
            people=["Nguyễn Thị Hoa"],
        )
    )
    moved = series.occurrences(spec.id)[1]
    series.move_occurrence(moved.id, dt.datetime(2025, 3, 9, 9, 0), dt.datetime(2025, 3, 9, 10, 30))
    own = commemorations.add_custom("Ngày truyền thống Phòng Thông tin", 3, 15, founded=dt.date(2000, 3, 15))
    commemorations.plan_exhibition(own.key, 2025)
    commemorations.plan_exhibition("party", 2025)
    return spec


def test_a_round_trip_keeps_series_links_and_commemorations(tmp_path, db_path):
    database.open_database(str(db_path))
    try:
        _fill()
        exported = exporting.export_document()
    finally:
        database.close_database()
    assert exported["series"][0]["rule"] == "FREQ=WEEKLY;BYDAY=SA;UNTIL=20250329"
    assert exported["series"][0]["start"] == "2025-03-01T09:00" and exported["series"][0]["skip"] == ["2025-03-15"]
    assert exported["commemorations"][0]["name"] == "Ngày truyền thống Phòng Thông tin"
    linked = [event for event in exported["events"] if event.get("series")]
    assert len(linked) == 4 and {event["series_date"] for event in linked} == {
        "2025-03-01",
        "2025-03-08",
        "2025-03-22",
        "2025-03-29",
    }
    path = tmp_path / "planning.json"
    exporting.write_document(exported, path)

    database.open_database(str(tmp_path / "other.sqlite3"))
    try:
        summary = importing.import_document(decoding.read_document(path))
        assert summary.created == 6
        (spec,) = series.all_series()
        occurrences = series.occurrences(spec.id)
        assert len(occurrences) == 4  # the file's events, not a second set made from the rule
        moved = next(event for event in occurrences if event.series_date == dt.date(2025, 3, 8))
        assert moved.start_date == dt.date(2025, 3, 9)
        assert [item.name for item in commemorations.custom()] == ["Ngày truyền thống Phòng Thông tin"]
        assert len(commemorations.linked_events("party", 2025)) == 1
        again = importing.import_document(decoding.read_document(path))
        assert again.unchanged == 6 and len(series.all_series()) == 1
        assert exporting.export_document() == exported
    finally:
        database.close_database()


def test_a_series_written_by_hand_makes_its_occurrences(db, tmp_path):
    document = reading.parse_document(
        {
            "format": "nlv-events/1",
            "series": [
                {
                    "title": "Tọa đàm hằng tháng",
                    "kind": "talk",
                    "rule": "FREQ=MONTHLY;BYDAY=3TH",
                    "start": "2025-01-01T14:00",
                    "end": "2025-01-01T16:00",
                    "until": "2025-06-30",
                    "skip": ["2025-02-20"],
                    "venue": "Hội trường tầng 3",
                }
            ],
        }
    )
    importing.import_document(document)
    (spec,) = series.all_series()
    days = [event.start_date for event in series.occurrences(spec.id)]
    assert days == [
        dt.date(2025, 1, 16),
        dt.date(2025, 3, 20),
        dt.date(2025, 4, 17),
        dt.date(2025, 5, 15),
        dt.date(2025, 6, 19),
    ]
    first = event_reading.load_record(series.occurrences(spec.id)[0])
    assert first.start == dt.datetime(2025, 1, 16, 14, 0) and first.end == dt.datetime(2025, 1, 16, 16, 0)


def test_bad_planning_data_is_refused_whole_saying_where(db):
    with pytest.raises(UserError, match="chuỗi hoạt động 1"):
        reading.parse_document(
            {
                "format": "nlv-events/1",
                "series": [{"title": "X", "kind": "talk", "rule": "FREQ=WEEKLY", "start": "2025-01-01"}],
            }
        )
    document = reading.parse_document(
        {
            "format": "nlv-events/1",
            "events": [
                {"kind": "talk", "title": "Một", "start": "2025-01-02"},
                {"kind": "talk", "title": "Hai", "start": "2025-01-03", "series": "no-such-series"},
            ],
        }
    )
    with pytest.raises(UserError, match="no-such-series"):
        importing.import_document(document)
    assert Event.select().count() == 0  # all or nothing
