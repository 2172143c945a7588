"""Data safety: backups and restore, integrity checks, two people at once, crashes, a locked or read-only file."""

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import peewee
import pytest

from nlv_events.core import database, event_reading, store
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.services.workspace import backup, checks
from tests.integration.cli_runner import run


def test_automatic_backup_once_a_day_keeping_thirty(demo_db, db_path, tmp_path):
    folder = tmp_path / "backups"
    first = backup.automatic_backup(str(db_path), folder, today=dt.date(2023, 1, 1))
    assert first is not None and first.exists()
    assert backup.automatic_backup(str(db_path), folder, today=dt.date(2023, 1, 1)) is None  # once a day
    for day in range(1, 39):
        backup.automatic_backup(str(db_path), folder, today=dt.date(2023, 1, 1) + dt.timedelta(days=day))
    kept = backup.list_backups(folder)
    assert len(kept) == 30
    assert kept[0].taken.date() == dt.date(2023, 2, 8) and kept[-1].taken.date() == dt.date(2023, 1, 10)
    backup.check_file(kept[0].path)  # a backup is itself a sound database


def test_backup_while_in_use_and_restore(demo_db, db_path, tmp_path):
    folder = tmp_path / "backups"
    saved = backup.backup_to(str(db_path), folder / backup.backup_name())
    store.delete_event(Event.get(Event.ref == "demo-2022-review").id)
    Event.delete().execute()  # a disaster
    safety = backup.restore(str(db_path), saved, folder)
    assert Event.select().count() == 32  # the window's database is reopened on the restored file
    assert "before-restore" in safety.name
    connection = sqlite3.connect(safety)
    assert connection.execute("SELECT count(*) FROM event").fetchone()[0] == 0  # what was replaced is kept
    connection.close()


@pytest.mark.parametrize("content", [b"", b"not a database at all " * 100, b"SQLite format 3\x00" + b"\xff" * 4000])
def test_restore_refuses_a_bad_file_and_changes_nothing(demo_db, db_path, tmp_path, content):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(UserError):
        backup.restore(str(db_path), bad, tmp_path / "backups")
    assert Event.select().count() == 32
    assert not (tmp_path / "backups").exists()


def test_restore_onto_a_damaged_database_sets_it_aside(tmp_path):
    good = tmp_path / "good.sqlite3"
    database.open_database(str(good))
    store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 3, 3)))
    database.close_database()
    damaged = tmp_path / "events.sqlite3"
    damaged.write_bytes(b"garbage" * 1000)
    backup.restore(str(damaged), good, tmp_path / "backups")
    assert any(path.name.startswith("events.sqlite3.damaged-") for path in tmp_path.iterdir())
    database.open_database(str(damaged))
    assert [e.title for e in Event.select()] == ["Tọa đàm"]
    database.close_database()


def test_newest_good_backup_skips_broken_ones(demo_db, db_path, tmp_path):
    folder = tmp_path / "backups"
    good = backup.backup_to(str(db_path), folder / backup.backup_name(dt.datetime(2023, 1, 1, 8)))
    (folder / backup.backup_name(dt.datetime(2023, 1, 2, 8))).write_bytes(b"broken")
    assert backup.newest_good_backup(folder).path == good


def test_cli_backup_restore_and_check(capsys, tmp_path):
    db_file = tmp_path / "events.sqlite3"
    run(capsys, "demo", "--db", str(db_file))
    target = tmp_path / "copy.sqlite3"
    code, out, _ = run(capsys, "backup", "-o", str(target), "--db", str(db_file))
    assert code == 0 and target.exists()
    code, out, _ = run(capsys, "check", "--db", str(db_file))
    assert code == 0 and "✓" in out and "✗" not in out
    code, out, _ = run(capsys, "restore", str(target), "--db", str(db_file))
    assert code == 0
    code, _, err = run(capsys, "restore", str(tmp_path / "missing.sqlite3"), "--db", str(db_file))
    assert code == 1 and err.count("\n") == 1 and "không tồn tại" in err


def test_check_reports_a_broken_rule_in_plain_words(capsys, tmp_path):
    db_file = tmp_path / "events.sqlite3"
    run(capsys, "demo", "--db", str(db_file))
    raw = sqlite3.connect(db_file)
    raw.execute("UPDATE event SET attendance = -5 WHERE ref = 'demo-2022-review'")
    raw.execute("UPDATE event SET search_text = '' WHERE ref = 'demo-2022-exh-01'")
    raw.commit()
    raw.close()
    code, out, _ = run(capsys, "check", "--db", str(db_file))
    assert code == 1
    assert "✗ Sự kiện" in out and "không được là số âm" in out
    assert "--repair" in out
    code, out, _ = run(capsys, "check", "--repair", "--db", str(db_file))
    assert "Đã sửa dữ liệu tìm kiếm của 1 sự kiện." in out


@pytest.mark.both_databases
def test_second_saver_is_told_what_changed(db):
    saved = store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 3, 3)))
    opened = event_reading.load_record(saved.id)  # both of us open version 1
    mine = event_reading.load_record(saved.id)
    theirs = event_reading.load_record(saved.id)
    theirs.attendance = 80
    theirs.venue = "Hội trường"
    store.save_event(theirs, base=event_reading.load_record(saved.id))
    mine.title = "Tọa đàm (sửa)"
    with pytest.raises(ConflictError) as caught:
        store.save_event(mine, base=opened)  # I opened version 1; their save made it 2
    assert caught.value.changed == ["venue", "attendance"]
    assert "địa điểm, số lượt tham dự" in str(caught.value)
    assert event_reading.load_record(saved.id).title == "Tọa đàm"  # nothing of mine was written


def test_a_busy_database_is_reported_not_frozen(db, db_path):
    blocker = sqlite3.connect(db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    db.execute_sql("PRAGMA busy_timeout = 200")
    started = time.monotonic()
    with pytest.raises(UserError, match="đang bận"):
        store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 3, 3)))
    assert time.monotonic() - started < 5
    blocker.rollback()
    blocker.close()
    store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 3, 3)))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_read_only_database_is_explained(tmp_path):
    path = tmp_path / "events.sqlite3"
    database.open_database(str(path))
    database.close_database()
    path.chmod(0o444)
    with pytest.raises(UserError, match="chỉ cho phép đọc"):
        database.open_database(str(path))


def test_read_only_database_message_when_writes_fail(db):
    error = peewee.OperationalError("attempt to write a readonly database")
    from nlv_events.core import guard

    assert "chỉ cho phép đọc" in str(guard.explain(error))
    assert guard.explain(peewee.OperationalError("no such column: x")) is None  # a bug stays a bug


WRITER = r"""
import datetime as dt, sys
from nlv_events.core import database, store
from nlv_events.core.records import EventRecord
database.open_database(sys.argv[1])
for number in range(100000):
    store.save_event(EventRecord(kind="talk", title=f"Tọa đàm số {number}", start=dt.date(2023, 1, 1)))
    print(number, flush=True)
"""


def test_kill_9_in_the_middle_of_edits_loses_nothing_saved(tmp_path):
    path = tmp_path / "events.sqlite3"
    database.open_database(str(path))
    database.close_database()
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    confirmed = -1
    for line in child.stdout:
        confirmed = int(line)
        if confirmed >= 150:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    copy = tmp_path / "after-crash.sqlite3"
    for suffix in ("", "-wal", "-shm"):  # what a restarted PC finds on disk
        if (tmp_path / f"events.sqlite3{suffix}").exists():
            shutil.copy(tmp_path / f"events.sqlite3{suffix}", tmp_path / f"after-crash.sqlite3{suffix}")
    backup.check_file(copy)
    database.open_database(str(copy))
    try:
        titles = {e.title for e in Event.select()}
        assert all(f"Tọa đàm số {n}" in titles for n in range(confirmed + 1))
        assert all(not finding.problem for finding in checks.run_checks())
    finally:
        database.close_database()


def test_postgres_password_is_never_shown(postgres_server):
    wrong = postgres_server.url.replace("nlv-test-secret", "wrong-password-123")
    with pytest.raises(UserError) as caught:
        database.open_database(wrong)
    assert "wrong-password-123" not in str(caught.value)
    assert "***" in str(caught.value)


def test_written_files_take_the_umask_and_an_existing_file_keeps_its_mode(tmp_path):
    import os
    import stat

    from nlv_events.core.files import atomic_output

    previous = os.umask(0o022)
    try:
        fresh = tmp_path / "list.pdf"
        with atomic_output(fresh) as stream:
            stream.write(b"%PDF")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # colleagues on the shared folder can read it
        kept = tmp_path / "kept.pdf"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        with atomic_output(kept) as stream:
            stream.write(b"%PDF")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_bytes() == b"%PDF"
    finally:
        os.umask(previous)
