"""Issue 25, "Clean messages" (points 11, 12 and 14): what was printed whole or crashed, and now is said plainly or
not at all — a password, a brand-new database opened by several processes at once, a closed pipe, photos added
again after a crash, a file name's spaces."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import pytest

from nlv_events import logs
from nlv_events.core import database, migrations
from nlv_events.core.media_models import Photo
from tests.integration.cli_runner import run
from tests.photo_files import camera_jpeg


def _program(home: Path, *argv: str, **options) -> subprocess.Popen:
    environment = {**os.environ, "XDG_STATE_HOME": str(home / "state"), "XDG_CONFIG_HOME": str(home / "config")}
    return subprocess.Popen([sys.executable, "-m", "nlv_events", *argv], env=environment, **options)


# 11. A password typed raw with "@" and "#": it was quoted whole in "… has no database name".
RAW_PASSWORD = "p@ss#w0/rd"


@pytest.fixture
def raw_password_role(postgres_server):
    postgres_server.reset()  # no tables of another test: the role creates its own
    admin = psycopg2.connect(postgres_server.url)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("DROP ROLE IF EXISTS thuvien")
        cursor.execute(f"CREATE ROLE thuvien LOGIN PASSWORD '{RAW_PASSWORD}'")
        cursor.execute("GRANT ALL ON SCHEMA public TO thuvien")
    admin.close()
    yield f"postgresql://thuvien:{RAW_PASSWORD}@127.0.0.1:{postgres_server.port}"
    postgres_server.reset()


def test_a_raw_password_with_at_and_hash_is_never_shown(capsys, raw_password_role, postgres_server):
    database = postgres_server.database  # the worker's own, where the role was granted its schema
    code, _out, err = run(capsys, "events", "--db", f"{raw_password_role}/{database}", "--lang", "en")
    assert (code, err) == (0, "")  # typed raw, it is sent as typed
    for address, says in (
        (f"{raw_password_role}/nodb", "nodb"),
        (raw_password_role.replace("w0", "x0") + f"/{database}", "password authentication failed"),
    ):
        code, _out, err = run(capsys, "events", "--db", address, "--lang", "en")
        assert code == 1 and err.count("\n") == 1 and says in err
        assert "thuvien:***@127.0.0.1" in err
        assert not any(piece in err for piece in ("p@ss", "w0/rd", "x0/rd", "ss#", "p%40"))
    log = logs.log_dir() / logs.LOG_FILENAME
    assert not log.exists() or "w0/rd" not in log.read_text(encoding="utf-8")


def test_no_log_line_shows_a_database_password(tmp_path):
    path = logs.setup_logging()
    assert path is not None
    logging.getLogger("nlv_events.test").warning(
        "cannot open %s", "“postgresql://thuvien:p@ss#w0/rd@db.tvqg.vn/nlv_events”"
    )
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "cannot open “postgresql://thuvien:***@db.tvqg.vn/nlv_events”" in text and "w0/rd" not in text


# 12. Four processes opening one brand-new database at once: each waits at the start line, then opens.
OPENER = r"""
import pathlib, sys, time
from nlv_events.core import database
from nlv_events.core.errors import UserError
start = pathlib.Path(sys.argv[2])
while not start.exists():
    time.sleep(0.001)
try:
    database.open_database(sys.argv[1])
    from nlv_events.core.models import Event
    print(Event.select().count())
except UserError as error:
    print(error)
"""


@pytest.mark.both_databases
def test_four_processes_opening_a_new_database_at_once_all_open_it(db, db_path, request, tmp_path):
    if isinstance(db, database.peewee.SqliteDatabase):
        target = str(tmp_path / "new.sqlite3")
    else:
        database.close_database()
        request.getfixturevalue("postgres_server").reset()  # the schema the fixture made is gone: a new database
        target = request.getfixturevalue("postgres_server").url
    start = tmp_path / "start"
    openers = [
        subprocess.Popen([sys.executable, "-c", OPENER, target, str(start)], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    time.sleep(2)  # each has imported what it needs and waits at the start line
    start.touch()
    said = [opener.communicate(timeout=300)[0].strip() for opener in openers]
    assert said == ["0"] * 4  # not "… is not an NLV Events database or is damaged"
    opened = database.open_database(target)
    assert migrations.is_current(migrations.applied_names(opened))


# 14. `nlv-events events | head`: the reader closes the pipe before the list is written.
def test_a_listing_into_a_closed_pipe_ends_quietly(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    for command in (["events"], ["events", "--format", "json"], ["tallies", "2022"]):
        listing = _program(
            tmp_path, *command, "--db", str(db_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        listing.stdout.close()  # as `head` does once it has its lines: nothing more can be written
        with listing.stderr:
            err = listing.stderr.read()
        listing.wait(timeout=120)
        assert err == "", command  # not "Unexpected error (BrokenPipeError)", nor Python's "Exception ignored"
        assert listing.returncode == 141  # what a shell reports for a Unix tool stopped by the closed pipe
    log = tmp_path / "state" / "NLV Events" / "log" / "nlv-events.log"
    assert not log.exists() or "BrokenPipeError" not in log.read_text(encoding="utf-8")


def _event_id(capsys, db: str) -> int:
    _code, out, _err = run(capsys, "events", "--db", db, "--search", "tong ket", "--format", "json")
    return json.loads(out)[0]["id"]


# 14. Adding a folder of photos again after the adding was stopped halfway (a crash, a power cut).
def test_adding_photos_again_after_a_crash_adds_the_rest_and_says_so(capsys, tmp_path):
    db = str(tmp_path / "events.sqlite3")
    run(capsys, "demo", "--db", db)
    event_id = _event_id(capsys, db)
    folder = tmp_path / "the"
    for number in range(3):
        camera_jpeg(folder / f"IMG_{number}.jpg", colour=(number * 40, 9, 9))
    assert run(capsys, "photos", str(event_id), "add", str(folder), "--db", db)[0] == 0
    # The crash came after the third picture was copied into the photos folder but before the record took it.
    run(capsys, "photos", str(event_id), "--db", db)
    Photo.delete().where(Photo.original_name == "IMG_2.jpg").execute()
    media = tmp_path / "events-media"
    copies_before = sorted(path.name for path in media.rglob("*.jpg"))

    code, out, err = run(capsys, "photos", str(event_id), "add", str(folder), "--db", db, "--lang", "en")

    assert (code, err) == (0, "")
    assert out == "Added 1 photo.\n2 files were already among the event's photos and were left out.\n"
    assert sorted(path.name for path in media.rglob("*.jpg")) == copies_before  # the copy left behind is used
    _code, out, _err = run(capsys, "photos", str(event_id), "--format", "json", "--db", db)
    rows = json.loads(out)
    assert sorted(row["original_name"] for row in rows) == ["IMG_0.jpg", "IMG_1.jpg", "IMG_2.jpg"]
    assert not any(row["missing"] for row in rows)


# 14. A photo's file name keeps its spaces through an export and an import.
def test_a_photo_name_with_two_spaces_comes_back_as_it_was(capsys, tmp_path):
    db = str(tmp_path / "events.sqlite3")
    run(capsys, "demo", "--db", db)
    event_id = _event_id(capsys, db)
    camera_jpeg(tmp_path / "a b  c.jpeg")
    assert run(capsys, "photos", str(event_id), "add", str(tmp_path / "a b  c.jpeg"), "--db", db)[0] == 0
    exported = tmp_path / "all.json"
    assert run(capsys, "export", str(exported), "--db", db)[0] == 0
    other = str(tmp_path / "other.sqlite3")
    code, _out, err = run(capsys, "import", str(exported), "--db", other)
    assert code == 0, err
    _code, out, _err = run(capsys, "events", "--db", other, "--search", "tong ket", "--format", "json")
    _code, out, _err = run(capsys, "photos", str(json.loads(out)[0]["id"]), "--format", "json", "--db", other)
    assert [row["original_name"] for row in json.loads(out)] == ["a b  c.jpeg"]
