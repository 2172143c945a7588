"""The commands that read many events ask the database a number of times that does not grow with the events: a
query per event is what made `events --format json` take seconds in a record of 100 000 events."""

import json
from pathlib import Path

import pytest

from bench import synthetic
from nlv_events.core import database
from tests.integration.cli_runner import run
from tests.query_count import statements_run


@pytest.fixture(autouse=True)
def _close_after():
    yield
    database.close_database()


def _record_of(tmp_path: Path, events: int) -> Path:
    return synthetic.build(tmp_path / f"events-{events}.sqlite3", events, years=1)


def _events_as_json(capsys, path: Path) -> tuple[list[dict], int]:
    with statements_run() as ran:
        code, out, err = run(
            capsys, "events", "--db", str(path), "--year", str(synthetic.FIRST_YEAR), "--format", "json"
        )
    assert code == 0, err
    return json.loads(out), len(ran)


def test_events_as_json_ask_as_many_queries_for_thirty_events_as_for_two_hundred(capsys, tmp_path):
    few, few_queries = _events_as_json(capsys, _record_of(tmp_path, 30))
    many, many_queries = _events_as_json(capsys, _record_of(tmp_path, 200))
    assert (len(few), len(many)) == (30, 200)
    assert any(item["programme"] for item in few) and any(item["programme"] for item in many)
    assert any(item["people"] for item in many) and any(item["partners"] for item in many)
    assert many_queries == few_queries


def _exported(capsys, tmp_path: Path, events: int) -> Path:
    exported = tmp_path / f"events-{events}.json"
    code, _out, err = run(capsys, "export", "--db", str(_record_of(tmp_path, events)), str(exported))
    assert code == 0, err
    return exported


def _first_import(capsys, tmp_path: Path, exported: Path) -> tuple[int, int]:
    fresh = tmp_path / f"fresh-{exported.stem}.sqlite3"
    with statements_run() as ran:
        code, out, err = run(capsys, "import", "--db", str(fresh), str(exported), "--lang", "en")
    assert code == 0, err
    database.open_database(str(fresh))
    try:
        from nlv_events.core.models import Event, ProgrammePerson

        stored = Event.select().count(), ProgrammePerson.select().count()
    finally:
        database.close_database()
    assert f"{stored[0]} events added" in out
    return len(ran), stored[1]


def test_a_first_import_asks_as_many_queries_for_thirty_events_as_for_two_hundred(capsys, tmp_path):
    few = _exported(capsys, tmp_path, 30)
    many = _exported(capsys, tmp_path, 200)
    few_queries, few_chairs = _first_import(capsys, tmp_path, few)
    many_queries, many_chairs = _first_import(capsys, tmp_path, many)
    assert few_chairs and many_chairs  # the programmes' people came in too
    assert many_queries == few_queries


def _events_with_photos_news_and_tasks(count: int) -> None:
    import datetime as dt

    from nlv_events.core import store
    from nlv_events.core.media_models import NewsItem, Photo, PhotoPerson
    from nlv_events.core.models import EventPerson
    from nlv_events.core.records import EventRecord, PersonEntry
    from nlv_events.core.task_models import Task

    for n in range(count):
        people = [PersonEntry(f"Diễn giả {n}", role="speaker"), PersonEntry(f"Khách {n}", role="guest")]
        event = store.save_event(EventRecord(kind="talk", title=f"Tọa đàm {n}", start=dt.date(2024, 3, 1),
                                             people=people))  # fmt: skip
        shown = [row.id for row in EventPerson.select().where(EventPerson.event == event.id)]
        for k, appearance in enumerate(shown):
            photo = Photo.create(event=event.id, path=f"events/{n}/{k}.jpg", original_name=f"{k}.jpg",
                                 digest=f"{n:032d}{k:032d}", caption=f"Ảnh {k}")  # fmt: skip
            PhotoPerson.create(photo=photo, event_person=appearance)
        NewsItem.create(event=event.id, title=f"Tin {n}")
        for k in range(2):
            Task.insert(event=event.id, title=f"Việc {k}", sort_order=k + 1).execute()


def _reimport_queries(tmp_path: Path, count: int) -> int:
    from nlv_events.services.interchange import exporting, importing, reading

    database.open_database(str(tmp_path / f"parts-{count}.sqlite3"))
    _events_with_photos_news_and_tasks(count)
    document = exporting.export_document()
    with statements_run() as ran:
        summary = importing.import_document(reading.parse_document(document))
    database.close_database()
    assert (summary.updated, summary.unchanged) == (0, count)
    return len(ran)


def test_reimporting_unchanged_events_with_photos_a_news_item_and_tasks_asks_a_few_queries_each(tmp_path):
    """Each such event is compared with what it holds, asked once (its people, photos, the people shown, its news
    item; its tasks): the import used to write its photos, their people, its news item again and read its tasks
    and the staff to compare them, twelve statements an event."""
    few, many = _reimport_queries(tmp_path, 10), _reimport_queries(tmp_path, 20)
    assert (many - few) / 10 <= 5
