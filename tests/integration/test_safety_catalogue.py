"""The second bad-input catalogue (issue 18): paths, files that are not ours, damage, two writers, the server, modes
and the log. Each case is what a hurried user or an attacker did; each is refused or survived, nothing lost."""

import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import stat
import subprocess
import sys
import time

import psycopg2
import pytest

from nlv_events import logs
from nlv_events.core import database, event_adding, files, store
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.records import EventRecord
from nlv_events.services.interchange import exporting, importing, reading
from nlv_events.services.reports import ics
from nlv_events.services.workspace import backup
from tests.integration.cli_runner import run


def _events_in(path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM event").fetchone()[0]
    finally:
        connection.close()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# 3. A folder named "Phòng #2" (and worse): the paths go into SQLite encoded, or not through a URI at all.
@pytest.mark.parametrize("folder", ["Phòng #2", "Báo cáo ?tạm", "Giảm 50%", "a#b?c%d"])
def test_backup_restore_check_and_the_database_in_a_folder_with_uri_characters(capsys, tmp_path, folder):
    place = tmp_path / folder
    place.mkdir()
    db_file = place / "events.sqlite3"
    assert run(capsys, "demo", "--db", str(db_file))[0] == 0
    copy = place / "copy #1.sqlite3"
    code, out, err = run(capsys, "backup", "-o", str(copy), "--db", str(db_file))
    assert (code, err) == (0, "")
    assert _events_in(copy) == 32  # a real backup, not an empty 4 KB file
    backup.check_file(copy)  # and a good one is accepted
    code, out, _err = run(capsys, "check", "--db", str(db_file))
    assert code == 0 and "✗" not in out
    code, _out, err = run(capsys, "restore", str(copy), "--db", str(db_file))
    assert (code, err) == (0, "")
    assert _events_in(db_file) == 32
    strays = {path.name for path in tmp_path.iterdir()} - {folder}
    assert strays == set()  # no file cut off at the "#" or "?" appears beside the folder


# 4. An export over the live database.
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_an_export_over_the_open_database_or_its_wal_is_refused(capsys, tmp_path, suffix):
    db_file = tmp_path / "x.sqlite3"
    run(capsys, "demo", "--db", str(db_file))
    code, _out, err = run(capsys, "export", f"{db_file}{suffix}", "--db", str(db_file))
    assert code == 1 and err.count("\n") == 1 and "cơ sở dữ liệu đang dùng" in err
    code, _out, err = run(capsys, "ics", "-o", f"{db_file}{suffix}", "--db", str(db_file))
    assert code == 1
    assert _events_in(db_file) == 32
    backup.check_file(db_file)


def test_an_export_through_another_name_for_the_database_is_refused(demo_db, db_path, tmp_path):
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db_path)
    with pytest.raises(UserError, match="đang dùng"):
        ics.write_ics(link, None)
    assert Event.select().count() == 32


def test_a_backup_over_its_own_database_or_onto_a_backup_being_written_is_refused(capsys, tmp_path):
    db_file = tmp_path / "x.sqlite3"
    run(capsys, "demo", "--db", str(db_file))
    code, _out, err = run(capsys, "backup", "-o", str(db_file), "--db", str(db_file))
    assert code == 1 and "ghi đè" in err
    assert _events_in(db_file) == 32
    target = tmp_path / "backup.sqlite3"
    with files.being_written(target), pytest.raises(UserError, match="đang dùng"):
        exporting.write_document({"format": "nlv-events/1"}, target)


# 5. Someone else's SQLite file.
def test_someone_elses_sqlite_file_is_refused_and_left_unchanged(capsys, tmp_path):
    invoices = tmp_path / "invoices.db"
    connection = sqlite3.connect(invoices)
    connection.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, amount REAL)")
    connection.execute("INSERT INTO invoice (amount) VALUES (120.5)")
    connection.commit()
    connection.close()
    before = _digest(invoices)
    good = tmp_path / "good.sqlite3"
    run(capsys, "demo", "--db", str(good))
    for command in (["events"], ["demo"], ["check"], ["restore", str(good)], ["backup", "-o", str(invoices)]):
        code, _out, err = run(capsys, *command, "--db", str(invoices) if command[0] != "backup" else str(good))
        assert code == 1 and err.count("\n") == 1
        assert ("chương trình khác" in err and "invoice" in err) or "không phải bản sao lưu" in err
    assert _digest(invoices) == before
    assert not (tmp_path / "invoices.db-wal").exists()
    assert not any(".damaged-" in path.name for path in tmp_path.iterdir())  # not even set aside
    connection = sqlite3.connect(invoices)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert {row[0] for row in connection.execute("SELECT name FROM sqlite_master")} == {"invoice"}
    connection.close()


def test_an_empty_file_and_our_own_older_schemas_still_open(tmp_path):
    empty = tmp_path / "new.sqlite3"
    empty.write_bytes(b"")
    database.open_database(str(empty))
    database.close_database()
    assert _events_in(empty) == 0


# 6. A 0-byte or damaged database in `check`.
def test_check_reports_an_empty_database_file_and_points_to_the_newest_backup(capsys, tmp_path):
    db_file = tmp_path / "events.sqlite3"
    run(capsys, "demo", "--db", str(db_file))
    made = backup.backup_to(str(db_file), tmp_path / "backups" / backup.backup_name())
    db_file.write_bytes(b"")
    code, out, _err = run(capsys, "check", "--db", str(db_file))
    assert code == 1
    assert out.count("\n") == 1 and "0 byte" in out and made.name in out
    assert db_file.stat().st_size == 0  # check changed nothing


def test_check_reports_a_zeroed_page_in_one_line(capsys, tmp_path):
    db_file = tmp_path / "events.sqlite3"
    run(capsys, "demo", "--db", str(db_file))
    connection = sqlite3.connect(db_file)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'event'").fetchone()[0]
    connection.close()
    with open(db_file, "r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\0" * page_size)
    code, out, err = run(capsys, "check", "--db", str(db_file))
    assert code == 1 and err == ""
    assert out.count("\n") == 1 and out.startswith("✗") and "bị hỏng" in out
    assert "Unexpected" not in out and "không mong đợi" not in out
    assert "Không có bản sao lưu tốt" in out


def test_reading_a_damaged_page_is_one_line_pointing_to_check(capsys, tmp_path):
    db_file = tmp_path / "events.sqlite3"
    run(capsys, "demo", "--db", str(db_file))
    connection = sqlite3.connect(db_file)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'event'").fetchone()[0]
    connection.close()
    with open(db_file, "r+b") as raw:
        raw.seek((root - 1) * page_size)
        raw.write(b"\0" * page_size)
    code, _out, err = run(capsys, "events", "--db", str(db_file))
    assert code == 1 and err.count("\n") == 1
    assert "bị hỏng" in err and "nlv-events check" in err and "không mong đợi" not in err


def test_check_on_a_missing_file_creates_nothing(capsys, tmp_path):
    code, out, _err = run(capsys, "check", "--db", str(tmp_path / "missing.sqlite3"))
    assert code == 1 and "không có cơ sở dữ liệu" in out.lower()
    assert not (tmp_path / "missing.sqlite3").exists()


# 12. Two writers at once, on SQLite and on PostgreSQL. Each waits at a barrier (its `ready` file, then the test's
# `go`), so that their saves are asked for at the same time however slowly either process starts: 200 saves each,
# started unsynchronised, took 5 s, and nothing showed that they had overlapped at all.
SAVES = 100
WRITER = r"""
import datetime as dt, sys, time
from pathlib import Path
from nlv_events.core import database, store
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
database.open_database(sys.argv[1])
folder, name, saves = Path(sys.argv[3]), sys.argv[2], int(sys.argv[4])
(folder / f"ready-{name}").touch()
deadline = time.monotonic() + 60
while not (folder / "go").exists() and time.monotonic() < deadline:
    time.sleep(0.002)
refused, started = 0, time.time()
for number in range(saves):
    record = EventRecord(kind="talk", title=f"{name} {number}", start=dt.date(2023, 1, 1), venue="Hội trường")
    try:
        store.save_event(record)
    except UserError as error:
        refused += 1
        print(error, file=sys.stderr)
print(refused, started, time.time())
"""


@pytest.mark.both_databases
def test_two_processes_saving_at_once_are_neither_refused_nor_lost(db, db_path, request, tmp_path):
    target = (
        str(db_path)
        if isinstance(db, database.peewee.SqliteDatabase)
        else request.getfixturevalue("postgres_server").url
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, target, name, str(tmp_path), str(SAVES)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for name in ("A", "B")
    ]  # fmt: skip
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{name}").exists() for name in "AB") and time.monotonic() < deadline:
        if any(writer.poll() is not None for writer in writers):
            break  # one failed before the barrier: its error is reported below
        time.sleep(0.005)
    (tmp_path / "go").touch()
    results = [writer.communicate(timeout=600) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], [err[-500:] for _out, err in results]
    refused, started, ended = zip(*(map(float, out.split()) for out, _err in results), strict=True)
    assert refused == (0, 0)
    assert max(started) < min(ended), "the two processes saved one after the other, not at once"
    titles = {title for (title,) in Event.select(Event.title).tuples()}
    assert titles == {f"{name} {number}" for name in ("A", "B") for number in range(SAVES)}


def test_a_large_import_lets_others_save_between_batches(db, db_path):
    events = [{"kind": "talk", "title": f"Tọa đàm {n}", "start": "2023-04-21", "ref": f"r{n}"} for n in range(25)]
    document = reading.parse_document({"format": "nlv-events/1", "events": events})
    saved_between = []

    def someone_else_saves(done, total):
        other = sqlite3.connect(db_path, timeout=0)  # no waiting: the import must not hold the lock now
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE event SET notes = 'x' WHERE 0")
        other.commit()
        other.close()
        saved_between.append(done)

    summary = importing.import_document(document, progress=someone_else_saves, batch_size=10)
    assert summary.created == 25 and saved_between == [10, 20, 25]


def test_a_failing_batch_takes_back_the_batches_already_written(db, monkeypatch):
    store.save_event(EventRecord(kind="talk", title="Cũ", start=dt.date(2023, 4, 21), ref="r3", attendance=5))
    events = [{"kind": "talk", "title": f"Tọa đàm {n}", "start": "2023-04-21", "ref": f"r{n}"} for n in range(25)]
    document = reading.parse_document({"format": "nlv-events/1", "events": events})
    real_add = event_adding.add_events

    def fail_on_the_batch_of_the_twentieth(records, *args, **kwargs):
        """New events are written a batch at a time (core/event_adding): the disk fills up on the third batch."""
        if any(record.ref == "r20" for record in records):
            raise database.peewee.OperationalError("database or disk is full")
        return real_add(records, *args, **kwargs)

    monkeypatch.setattr(event_adding, "add_events", fail_on_the_batch_of_the_twentieth)
    with pytest.raises(UserError, match="đầy"):
        importing.import_document(document, batch_size=10)
    assert [(e.ref, e.title, e.attendance) for e in Event.select()] == [("r3", "Cũ", 5)]


def test_sqlite_writes_begin_immediately_and_wait_for_the_busy_timeout(db, db_path):
    assert db._lock_type == "IMMEDIATE"
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


# 13. PostgreSQL: the URL decoded, the whole password masked, a lost connection in one line.
def test_the_whole_password_is_masked_even_when_typed_raw():
    raw = "postgresql://postgres:p@ss:w/rd#1@db.tvqg.vn:5432/nlv_events"
    assert database.describe_target(raw) == "postgresql://postgres:***@db.tvqg.vn:5432/nlv_events"
    encoded = "postgresql://postgres:p%40ss%3Aw%2Frd%231@db.tvqg.vn/nlv_events"
    assert database.describe_target(encoded) == "postgresql://postgres:***@db.tvqg.vn/nlv_events"
    assert database.describe_target("postgresql://db.tvqg.vn/nlv") == "postgresql://db.tvqg.vn/nlv"


def test_a_percent_encoded_password_authenticates(postgres_server):
    admin = psycopg2.connect(postgres_server.url)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("DROP ROLE IF EXISTS thuvien")
        cursor.execute("CREATE ROLE thuvien LOGIN PASSWORD 'p@ss:w/rd#1%'")
        cursor.execute("GRANT ALL ON SCHEMA public TO thuvien")
    admin.close()
    url = f"postgresql://thuvien:p%40ss%3Aw%2Frd%231%25@127.0.0.1:{postgres_server.port}/{postgres_server.database}"
    try:
        connection = database.connect(url)
        assert connection.execute_sql("SELECT current_user").fetchone()[0] == "thuvien"
        connection.close()
        wrong = url.replace("%25@", "x@")
        with pytest.raises(UserError) as caught:
            database.connect(wrong)
        assert "p%40ss" not in str(caught.value) and "p@ss" not in str(caught.value) and "***" in str(caught.value)
    finally:
        postgres_server.reset()


def test_losing_the_server_in_the_middle_of_an_import_is_one_clear_line(postgres_server):
    postgres_server.reset()
    database.open_database(postgres_server.url)
    try:
        events = [{"kind": "talk", "title": f"Tọa đàm {n}", "start": "2023-04-21", "ref": f"r{n}"} for n in range(6)]
        document = reading.parse_document({"format": "nlv-events/1", "events": events})
        pid = database_proxy.execute_sql("SELECT pg_backend_pid()").fetchone()[0]

        def server_goes_away(done, total):
            admin = psycopg2.connect(postgres_server.url)
            admin.autocommit = True
            with admin.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", (pid,))
            admin.close()

        with pytest.raises(UserError, match="mất kết nối"):
            importing.import_document(document, progress=server_goes_away, batch_size=2)
    finally:
        database.close_database()
    database.open_database(postgres_server.url)
    try:
        assert Event.select().count() == 0  # the batch written before the loss was taken back
    finally:
        database.close_database()


def test_the_cli_turns_a_lost_connection_into_one_line(capsys, postgres_server, monkeypatch):
    def lost(*args, **kwargs):
        raise database.peewee.InterfaceError("connection already closed")

    monkeypatch.setattr(importing, "import_document", lost)
    path = postgres_server.root / "one.json"
    path.write_text(json.dumps({"format": "nlv-events/1", "events": []}))
    code, _out, err = run(capsys, "import", str(path), "--db", postgres_server.url)
    assert code == 1 and err.count("\n") == 1 and "mất kết nối" in err and "InterfaceError" not in err


# 14. Written files keep their mode; a stale .part never blocks a name.
def test_an_export_keeps_the_mode_of_the_file_it_replaces_and_the_umask_for_a_new_one(demo_db, tmp_path):
    shared = tmp_path / "shared.json"
    shared.write_text("{}")
    shared.chmod(0o664)
    exporting.write_document(exporting.export_document(2022), shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o664
    old_umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.json"
        exporting.write_document(exporting.export_document(2022), fresh)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644


def test_a_stale_part_file_from_a_killed_backup_does_not_block_that_name(demo_db, db_path, tmp_path):
    destination = tmp_path / "backups" / "nightly.sqlite3"
    destination.parent.mkdir()
    destination.with_name("nightly.sqlite3.part").write_bytes(b"garbage left by kill -9 " * 100)
    backup.backup_to(str(db_path), destination)
    assert _events_in(destination) == 32
    assert not destination.with_name("nightly.sqlite3.part").exists()


# 15. Personal data out of the log.
def test_the_log_keeps_names_out_of_tracebacks_and_is_private(tmp_path):
    path = logs.setup_logging()
    assert path is not None
    logger = logging.getLogger("nlv_events.test")
    guest, phone = "Nguyễn Văn An", "0912 345 678"
    try:
        raise ValueError(f"Tọa đàm với ông {guest}, {phone}")
    except ValueError:
        logger.exception("unexpected error in import")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "unexpected error in import" in text and "ValueError" in text and "test_safety_catalogue.py" in text
    assert "Nguyễn" not in text and "0912" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
