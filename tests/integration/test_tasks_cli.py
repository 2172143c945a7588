"""The tasks' commands: an event's tasks from its template, the list filtered and in three formats, a task's
state, the week's work schedule as PDF and DOCX; a mistake is one line on stderr."""

import csv
import io
import json

import docx
import pytest
from pypdf import PdfReader

from nlv_events.core import database, event_reading, store
from nlv_events.core.models import Event
from tests.integration.cli_runner import run


@pytest.fixture
def talk(capsys, demo_db, db_path):
    event_id = Event.get(Event.ref == "demo-2022-talk-6").id  # 20/12/2022: loaded as data, so without tasks
    database.close_database()
    return event_id


def test_tasks_from_the_template_listed_and_done(capsys, talk, db_path):
    db = ("--db", str(db_path))
    code, out, err = run(capsys, "tasks", str(talk), "--from-template", *db, "--format", "json")
    assert code == 0, err
    tasks = json.loads(out)
    assert [task["title"] for task in tasks][:2] == ["Mời diễn giả, thống nhất nội dung", "Gửi giấy mời"]
    assert tasks[0]["due"] == "2022-11-29" and tasks[1]["due"] == "2022-12-13"  # T−21, T−7 of 20/12
    code, out, _err = run(capsys, "tasks", str(talk), "--from-template", *db, "--format", "json")
    assert len(json.loads(out)) == len(tasks)  # asked twice, nothing is added twice
    code, out, err = run(capsys, "tasks", "--set-state", str(tasks[0]["id"]), "done", *db, "--format", "json")
    assert code == 0, err
    done = next(task for task in json.loads(out) if task["id"] == tasks[0]["id"])
    assert done["state"] == "done" and done["done_on"]
    code, out, _err = run(capsys, "tasks", "--event", str(talk), "--due-before", "2022-12-14", *db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["title"] for row in rows] == ["Mời diễn giả, thống nhất nội dung", "Gửi giấy mời"]
    code, out, _err = run(capsys, "tasks", "--owner", "Không Ai", *db, "--format", "json")
    assert code == 0 and json.loads(out) == []


def _cancel(event_id: int, db_path) -> None:
    database.open_database(str(db_path))
    record = event_reading.load_record(event_id)
    record.status = "cancelled"
    store.save_event(record)
    database.close_database()


def test_the_open_tasks_leave_out_a_cancelled_events_and_say_how_many(capsys, talk, db_path):
    """The board's list on the command line (`tasks --open`) leaves out the tasks of an event that will not happen
    (cancelled or deleted), and says how many; `--event ID` still lists that event's own, as its Tasks tab does."""
    db = ("--db", str(db_path))
    database.open_database(str(db_path))
    review = Event.get(Event.ref == "demo-2022-review").id
    database.close_database()
    for event_id in (talk, review):
        assert run(capsys, "tasks", str(event_id), "--from-template", *db)[0] == 0
    _code, out, _err = run(capsys, "tasks", "--event", str(talk), *db, "--format", "json")
    talks = len(json.loads(out))
    _cancel(talk, db_path)
    code, out, err = run(capsys, "tasks", "--open", *db, "--format", "json")
    assert code == 0, err
    listed = json.loads(out)
    assert listed and {task["event_id"] for task in listed} == {review}
    code, out, err = run(capsys, "tasks", "--open", *db, "--lang", "en")
    assert code == 0 and f"{talks} tasks of cancelled events left out" in out, err
    _code, out, _err = run(capsys, "tasks", "--event", str(talk), "--open", *db, "--format", "json")
    assert len(json.loads(out)) == talks  # the event's own list keeps them
    database.open_database(str(db_path))
    store.delete_event(review)
    database.close_database()
    _code, out, _err = run(capsys, "tasks", "--open", *db, "--format", "json")
    assert json.loads(out) == []  # nor a deleted event's


@pytest.mark.parametrize("argv", [
    ("tasks", "--set-state", "999", "done"),
    ("tasks", "--set-state", "x", "done"),
    ("tasks", "424242", "--from-template"),
    ("tasks", "--from-template"),
])
def test_mistakes_are_one_line(capsys, talk, db_path, argv):
    code, _out, err = run(capsys, *argv, "--db", str(db_path))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_wrong_state_is_one_line(capsys, talk, db_path):
    db = ("--db", str(db_path))
    run(capsys, "tasks", str(talk), "--from-template", *db)
    code, _out, err = run(capsys, "tasks", "--set-state", "1", "finished", *db)
    assert code == 1 and "finished" in err and len(err.strip().splitlines()) == 1


def test_the_weeks_schedule_as_pdf_and_docx(capsys, talk, db_path, tmp_path):
    for name in ("lich.pdf", "lich.docx"):
        path = tmp_path / name
        code, _out, err = run(capsys, "week", "2022-12-21", "-o", str(path), "--db", str(db_path), "--number", "7",
                             "--date", "2022-12-16", "--signer", "Nguyễn Xuân Dũng", "--lang", "en")
        assert code == 0, err
        if name.endswith(".pdf"):
            text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
        else:
            document = docx.Document(str(path))
            cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
            text = " ".join(" ".join([p.text for p in document.paragraphs] + cells).split())
        assert "7/LCT-TVQG" in text and "Nguyễn Xuân Dũng" in text
        assert "Giao lưu “Ký ức Hà Nội – 12 ngày đêm”" in text
    code, _out, err = run(capsys, "week", "2022-13-01", "-o", str(tmp_path / "x.pdf"), "--db", str(db_path))
    assert code == 2 and "Traceback" not in err


def test_the_weeks_schedule_takes_the_registers_next_number_of_its_kind(capsys, talk, db_path, tmp_path):
    """`--number next` on the week's schedule, as on every signed document: the register's next number of its
    kind, LCT, which every database starts with (migration 0019; it was refused until someone added the kind),
    kept in the register with the schedule's title."""
    db = ("--db", str(db_path))
    for name in ("a.pdf", "b.docx"):
        code, _out, err = run(capsys, "week", "2022-12-21", "-o", str(tmp_path / name), *db, "--number", "next",
                              "--date", "2022-12-16")  # fmt: skip
        assert code == 0, err
    code, out, err = run(capsys, "register", "2022", "--kind", "LCT", *db, "--format", "json")
    assert code == 0, err
    entries = json.loads(out)["entries"]
    assert [entry["number"] for entry in entries] == [1, 2]
    assert all(entry["title"].startswith("LỊCH CÔNG TÁC TUẦN") and entry["sha256"] for entry in entries)
    code, out, err = run(capsys, "register", "2022", "--kind", "LCT", *db)
    assert code == 0 and "01/LCT-TVQG" in out and "02/LCT-TVQG" in out, err
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "a.pdf").pages)
    assert "01/LCT-TVQG" in text
    document = docx.Document(str(tmp_path / "b.docx"))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "02/LCT-TVQG" in " ".join([p.text for p in document.paragraphs] + cells)
