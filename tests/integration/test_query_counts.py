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
