"""`nlv-events history` and `nlv-events users` as a user types them."""

from __future__ import annotations

import io
import json
import os
import re

import psycopg2

from nlv_events.core import database, event_reading, store
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from tests.integration.cli_runner import run


def _saved_twice(target: str) -> int:
    import datetime as dt

    database.open_database(target)
    event = store.save_event(EventRecord(kind="talk", title="Tọa đàm sách", start=dt.datetime(2024, 4, 21, 9)))
    record, base = event_reading.load_record(event.id), event_reading.load_record(event.id)
    record.title = "Tọa đàm Ngày Sách"
    store.save_event(record, base)
    database.close_database()
    return event.id


def test_history_lists_the_versions_and_restores_one(capsys, db_path):
    event_id = _saved_twice(str(db_path))
    code, out, err = run(capsys, "history", str(event_id), "--db", str(db_path), "--format", "json")
    assert code == 0, err
    changes = json.loads(out)
    assert [(change["version"], change["action"]) for change in changes] == [(1, "created"), (2, "changed")]
    assert {"field": "title", "old": "Tọa đàm sách", "new": "Tọa đàm Ngày Sách"} in changes[1]["changes"]
    assert {"field": "title", "old": None, "new": "Tọa đàm sách"} in changes[0]["changes"]  # from its snapshot

    code, out, err = run(capsys, "history", str(event_id), "--db", str(db_path), "--restore", "1")
    assert code == 0, err
    code, out, _err = run(capsys, "history", str(event_id), "--db", str(db_path))
    assert "Tọa đàm Ngày Sách → Tọa đàm sách" in out.splitlines()[-1]

    code, out, err = run(capsys, "history", str(event_id), "--db", str(db_path), "--restore", "7")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_the_history_table_says_what_each_entry_did_in_the_users_language(capsys, db_path):
    event_id = _saved_twice(str(db_path))
    code, out, err = run(capsys, "history", str(event_id), "--db", str(db_path))
    assert code == 0, err
    created, changed = out.splitlines()[1:3]
    assert f"  {_('created')}  " in created and f"  {_('changed')}  " in changed
    assert _("created") != "created"  # in Vietnamese, as the window says it: not the stored codes ("event created")
    assert "event" not in created and "event" not in changed


def test_users_on_a_database_file_is_one_clear_line(capsys, db_path):
    code, _out, err = run(capsys, "users", "list", "--db", str(db_path))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "PostgreSQL" in err


def test_the_admin_adds_a_login_from_the_command_line_without_the_password_shown(capsys, monkeypatch,
                                                                                postgres_server):
    postgres_server.reset()
    suffix = re.sub(r"[^a-z0-9_]", "_", f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}".lower())
    login, password = f"t_cli_{suffix}", "bí mật@Phòng#2"
    try:
        assert run(capsys, "users", "init", "--db", postgres_server.url)[0] == 0
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        code, out, err = run(capsys, "users", "add", login, "--role", "viewer", "--password-stdin",
                             "--db", postgres_server.url)
        assert code == 0, err
        assert password not in out + err
        code, out, _err = run(capsys, "users", "list", "--db", postgres_server.url)
        assert f"{login}\tviewer" in out
        psycopg2.connect(host="127.0.0.1", port=postgres_server.port, dbname=postgres_server.database, user=login,
                         password=password).close()
    finally:
        owner = psycopg2.connect(postgres_server.url)
        owner.autocommit = True
        with owner.cursor() as cursor:
            cursor.execute(f'DROP ROLE IF EXISTS "{login}"')
        owner.close()


def test_restoring_the_version_an_event_or_its_guest_list_is_at_saves_nothing(capsys, db_path):
    """A restore writes a new version; one of what is already stored would add a version that changes nothing."""
    from nlv_events.services.guests import guest_list
    from nlv_events.services.team import part_history

    event_id = _saved_twice(str(db_path))
    database.open_database(str(db_path))
    guest_list.add_guest(event_id, guest_list.GuestEntry(name="Nguyễn Văn An"))
    guests_at = part_history.current_version(event_id, "guest_list")
    database.close_database()
    where = ("--db", str(db_path))
    for restore in (["--restore", "2"], ["--part", "guests", "--restore", str(guests_at)]):
        before = run(capsys, "history", str(event_id), "--format", "json", *where)[1]
        code, out, err = run(capsys, "history", str(event_id), *restore, *where)
        assert code == 1 and out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert err.startswith("nlv-events: Không có gì được lưu") and f"phiên bản {restore[-1]}." in err
        after = run(capsys, "history", str(event_id), "--format", "json", *where)[1]
        assert after == before and len(json.loads(after)) == 4  # no entry added
    code, _out, err = run(capsys, "history", str(event_id), "--restore", "1", *where)  # an earlier one still restores
    assert code == 0, err


def test_history_of_a_guest_list_lists_shows_and_restores_a_version(capsys, db_path):
    import datetime as dt

    from nlv_events.services.guests import guest_list

    database.open_database(str(db_path))
    event = store.save_event(EventRecord(kind="conference", title="Hội thảo", start=dt.date(2024, 4, 21)))
    an = guest_list.add_guest(event.id, guest_list.GuestEntry(name="Nguyễn Văn An", seat="A1"))
    guest_list.add_guest(event.id, guest_list.GuestEntry(name="Trần Thị Bình"))
    guest_list.remove_guests([an])
    database.close_database()
    where = ("--db", str(db_path))

    code, out, err = run(capsys, "history", str(event.id), "--part", "guests", "--format", "json", *where)
    assert code == 0, err
    assert {(change["kind"], change["action"]) for change in json.loads(out)} == {
        ("guest_list", "changed"), ("guest", "added"), ("guest", "removed")}
    code, out, err = run(capsys, "history", str(event.id), "--part", "guests", "--show", "2", *where)
    assert code == 0, err
    assert len(out.splitlines()) == 1 and out.startswith(f"1. #{an} Nguyễn Văn An — ") and "A1" in out

    code, out, err = run(capsys, "history", str(event.id), "--part", "guests", "--restore", "2", *where)
    assert code == 0, err
    restored = _("Restored {part} of event {id} as it was at version {old}, saved as version {new}.")
    assert out.strip() == restored.format(part=_("the guest list"), id=event.id, old=2, new=5)
    database.open_database(str(db_path))
    assert [(entry.id, entry.name) for entry in guest_list.guest_list(event.id)] == [(an, "Nguyễn Văn An")]
    database.close_database()

    code, out, err = run(capsys, "history", str(event.id), "--part", "exhibition", "--restore", "9", *where)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_an_exhibitions_history_names_each_rows_fields_as_its_form_does(capsys, db_path):
    """An item's title is not the event's title (“tên sự kiện”), and no column is shown as the database names it."""
    import datetime as dt

    from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, LoanEntry, SectionEntry
    from nlv_events.services.exhibits import structure

    database.open_database(str(db_path))
    event = store.save_event(EventRecord(kind="exhibition", title="Triển lãm", start=dt.date(2024, 3, 1)))
    structure.save(event.id, ExhibitData(sections=[SectionEntry("Phần một", [ItemEntry("Châu bản", quantity=2)])],
                                         loans=[LoanEntry("Bảo tàng", date_out=dt.date(2024, 2, 20))]))
    database.close_database()

    code, out, err = run(capsys, "history", str(event.id), "--part", "exhibition", "--db", str(db_path), "--lang",
                         "en")

    assert code == 0, err
    item = next(line for line in out.splitlines() if "Châu bản" in line)
    assert "item title: — → Châu bản" in item and "item type: — → Book" in item and "quantity: — → 2" in item
    loan = next(line for line in out.splitlines() if "Bảo tàng" in line)
    assert "direction: — → Lent to the library" in loan and "date out: — → 20 Feb 2024" in loan
    for column in ("item_type", "date_out", "event:", "Phần một"):
        assert column not in item + loan


def test_the_history_names_the_tasks_articles_and_files_added_and_removed(capsys, demo_db, db_path, tmp_path):
    """Their changes were in the event's history, but not who added or removed one, nor what it was."""
    from nlv_events.services.tasks import task_list

    database.close_database()
    where = ("--db", str(db_path), "--lang", "en")
    note = tmp_path / "to-trinh.txt"
    note.write_text("Tờ trình", encoding="utf-8")
    for argv in (("press", "5", "add", "--outlet", "Nhân Dân", "--date", "2022-04-06", "--title", "Khai mạc"),
                 ("press", "5", "remove", "1"), ("attach", "5", "add", str(note)), ("attach", "5", "remove", "1"),
                 ("tasks", "--from-template", "5")):  # fmt: skip
        code, _out, err = run(capsys, *argv, *where)
        assert code == 0, err
    database.open_database(str(db_path))
    task_list.delete(2)  # the Tasks tab's Remove
    database.close_database()

    code, out, err = run(capsys, "history", "5", "--format", "json", *where)

    assert code == 0, err
    entries = [(entry["kind"], entry["action"]) for entry in json.loads(out)]
    assert ("press_article", "added") in entries and ("press_article", "removed") in entries
    assert ("attachment", "added") in entries and ("attachment", "removed") in entries
    assert entries.count(("task", "added")) == 11 and entries.count(("task", "removed")) == 1
    code, out, err = run(capsys, "history", "5", *where)
    assert "Press coverage: removed" in out and "outlet: Nhân Dân → —" in out
    assert "Attachments: added" in out and "file name: — → to-trinh.txt" in out
    assert "Task: removed" in out and "task: Chọn tài liệu trưng bày → —" in out


def test_restoring_a_version_of_a_deleted_event_is_refused_and_leaves_it_deleted(capsys, db_path):
    from nlv_events.core.models import Event

    event_id = _saved_twice(str(db_path))
    database.open_database(str(db_path))
    store.delete_event(event_id)
    database.close_database()

    code, _out, err = run(capsys, "history", str(event_id), "--restore", "1", "--db", str(db_path), "--lang", "en")

    assert code == 1 and len(err.strip().splitlines()) == 1 and "among the deleted events" in err
    database.open_database(str(db_path))
    try:
        stored = Event.get_by_id(event_id)
        assert stored.deleted_at is not None and stored.title == "Tọa đàm Ngày Sách"
    finally:
        database.close_database()
