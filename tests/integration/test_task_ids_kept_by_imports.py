"""A task keeps its number when a file brings its event again: the number is how the command line names it
(`tasks --set-state ID`), and a dialog open on it saves by it."""

from __future__ import annotations

import json

import pytest

from nlv_events.core import database
from nlv_events.core.errors import ConflictError
from nlv_events.services.tasks import task_list
from tests.integration.cli_runner import run


def _tasks(capsys, db_path) -> list[tuple[int, str, str]]:
    code, out, err = run(capsys, "tasks", "--db", str(db_path), "--format", "json")
    assert code == 0, err
    return [(task["id"], task["title"], task["state"]) for task in json.loads(out)]


def test_importing_an_unchanged_export_keeps_every_task_and_its_number(capsys, demo_db, db_path, tmp_path):
    database.close_database()
    for event_id in ("3", "4"):
        assert run(capsys, "tasks", "--from-template", event_id, "--db", str(db_path))[0] == 0
    assert run(capsys, "tasks", "--set-state", "2", "done", "--db", str(db_path))[0] == 0
    before = _tasks(capsys, db_path)
    exported = tmp_path / "nam-2022.json"
    assert run(capsys, "export", str(exported), "--db", str(db_path))[0] == 0

    code, _out, err = run(capsys, "import", str(exported), "--db", str(db_path), "--lang", "en")

    assert code == 0, err
    assert _tasks(capsys, db_path) == before
    code, _out, err = run(capsys, "tasks", "--set-state", "3", "done", "--db", str(db_path), "--lang", "en")
    assert code == 0, err
    assert next(task for task in _tasks(capsys, db_path) if task[0] == 3)[1] == before[2][1]


def test_a_task_the_file_changes_keeps_its_number_and_an_open_dialog_is_told(capsys, demo_db, db_path, tmp_path):
    database.close_database()
    assert run(capsys, "tasks", "--from-template", "3", "--db", str(db_path))[0] == 0
    exported = tmp_path / "nam-2022.json"
    assert run(capsys, "export", str(exported), "--db", str(db_path))[0] == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    event = next(event for event in document["events"] if event.get("tasks"))
    event["tasks"][0]["state"] = "done"
    event["tasks"][0]["done_on"] = "2022-02-19"
    exported.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    database.open_database(str(db_path))
    opened = task_list.load(1)  # a colleague's dialog, open on the first task
    database.close_database()

    code, _out, err = run(capsys, "import", str(exported), "--db", str(db_path), "--lang", "en")

    assert code == 0, err
    database.open_database(str(db_path))
    assert task_list.load(1).state == "done"
    opened.note = "Gọi điện nhắc"
    with pytest.raises(ConflictError):
        task_list.save(opened)
