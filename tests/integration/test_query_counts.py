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
