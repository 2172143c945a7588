"""One-shot commands that only read: read-only open, the schema stamp instead of the runner, no server driver."""

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import peewee
import pytest

from nlv_events import one_shot
from nlv_events.core import database, event_reading, migrations, store
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord, ProgrammeEntry

FIXTURES = Path(__file__).parents[2] / "fixtures"
ROOT = Path(__file__).parents[3]


@pytest.fixture
def current_file(db_path):
    """A database at this version's schema holding one event, closed."""
    database.open_database(str(db_path))
    store.save_event(
        EventRecord(
            title="Triển lãm sách quý",
            kind="talk",
            start=dt.datetime(2024, 3, 8, 9, 0),
            attendance=1250,  # a figure the window's detail pane writes at start
            programme=[ProgrammeEntry(start=dt.datetime(2024, 3, 8, 9, 0), title="Khai mạc")],
        )
    )
    database.close_database()
    return db_path


def _event_ids() -> list[int]:
    return [event.id for event in Event.select(Event.id)]


def test_a_current_database_opens_read_only_and_reads(current_file):
    connection = database.open_database(str(current_file), read_only=True)
    try:
        assert [record.title for record in event_reading.load_records(_event_ids())] == ["Triển lãm sách quý"]
        with pytest.raises(peewee.OperationalError, match="readonly"):
            connection.execute_sql("DELETE FROM event")
        assert database.open_file() == current_file.resolve()
    finally:
        database.close_database()
    raw = sqlite3.connect(current_file)
    assert raw.execute("SELECT count(*) FROM event").fetchone()[0] == 1
    raw.close()


def test_a_read_only_open_of_an_older_schema_upgrades_it(tmp_path):
    copy = tmp_path / "schema-0003.sqlite3"
    shutil.copy(FIXTURES / "schema-0003.sqlite3", copy)
    connection = database.open_database(str(copy), read_only=True)
    try:
        applied = [row[0] for row in connection.execute_sql("SELECT name FROM schema_migration ORDER BY id")]
        assert applied == migrations.known_names()
    finally:
        database.close_database()


def test_a_read_only_open_of_a_newer_schema_is_refused_and_left_alone(current_file):
    raw = sqlite3.connect(current_file)
    raw.execute("INSERT INTO schema_migration (name, applied) VALUES ('0999_future', '2030-01-01')")
    raw.commit()
    raw.close()
    before = current_file.read_bytes()
    with pytest.raises(UserError, match="phiên bản NLV Events mới hơn"):
        database.open_database(str(current_file), read_only=True)
    assert current_file.read_bytes() == before


def test_a_new_file_opened_read_only_is_created_with_the_schema(db_path):
    connection = database.open_database(str(db_path), read_only=True)
    try:
        assert [row[0] for row in connection.execute_sql("SELECT name FROM schema_migration ORDER BY id")] == (
            migrations.known_names()
        )
    finally:
        database.close_database()


def test_the_stamp_answers_for_a_current_database_without_the_runner(current_file, monkeypatch):
    def no_runner(_database):
        raise AssertionError("the migration runner was started for a current database")

    monkeypatch.setattr(migrations, "runner", no_runner)
    database.open_database(str(current_file))
    database.close_database()


def test_the_stamp_still_lets_the_runner_upgrade_an_older_database(tmp_path, monkeypatch):
    copy = tmp_path / "schema-0002.sqlite3"
    shutil.copy(FIXTURES / "schema-0002.sqlite3", copy)
    started = []
    real_runner = migrations.runner
    monkeypatch.setattr(migrations, "runner", lambda db: started.append(db) or real_runner(db))
    connection = database.open_database(str(copy))
    try:
        applied = [row[0] for row in connection.execute_sql("SELECT name FROM schema_migration ORDER BY id")]
    finally:
        database.close_database()
    assert started and applied == migrations.known_names()


def test_the_stamp_refuses_a_newer_database_before_the_runner(current_file, monkeypatch):
    raw = sqlite3.connect(current_file)
    raw.execute("INSERT INTO schema_migration (name, applied) VALUES ('0999_future', '2030-01-01')")
    raw.commit()
    raw.close()
    monkeypatch.setattr(migrations, "runner", lambda db: pytest.fail("runner started"))
    with pytest.raises(UserError, match="0999_future"):
        database.open_database(str(current_file))


def test_known_names_are_the_runners_own():
    from playhouse.migrations import Migration

    folder = Path(migrations.__file__).parent
    assert migrations.known_names() == [m.name for m in Migration.load_directory(str(folder))]


def test_the_variable_names_agree():
    assert one_shot.ENV_VARIABLE == database.ENV_VARIABLE


HEAVY = ("psycopg2", "playhouse.migrations", "playhouse.db_url", "nlv_events.services.interchange.reading", "segno")


def _imported_by_cli(
    arguments: list[str], environment: dict[str, str], names: tuple[str, ...] = HEAVY
) -> tuple[int, dict]:
    """Run the command in a new process; what it printed and which heavy modules it imported."""
    program = (
        "import json, sys\n"
        "from nlv_events.cli import main\n"
        "try:\n"
        f"    code = main({arguments!r})\n"
        "except SystemExit as exit_:\n"
        "    code = exit_.code\n"
        f"names = {names!r}\n"
        "print(json.dumps({'code': code, 'loaded': [n for n in names if n in sys.modules]}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=environment, cwd=ROOT, check=False
    )
    return result.returncode, json.loads(result.stdout.strip().splitlines()[-1])


def _event_and_environment(current_file, tmp_path) -> tuple[int, dict[str, str]]:
    """An event of the file, and a command's environment without a database named."""
    database.open_database(str(current_file))
    event_id = _event_ids()[0]
    database.close_database()
    environment = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    environment.pop(one_shot.ENV_VARIABLE, None)
    return event_id, environment


def test_a_programme_printed_from_a_file_loads_no_server_driver_nor_migrations(current_file, tmp_path):
    event_id, environment = _event_and_environment(current_file, tmp_path)
    output = tmp_path / "programme.pdf"
    _code, report = _imported_by_cli(
        ["programme", str(event_id), "--db", str(current_file), "-o", str(output)], environment
    )
    assert report["code"] == 0
    assert output.read_bytes().startswith(b"%PDF")
    assert report["loaded"] == []


def test_a_programme_and_a_year_as_json_load_no_babel(current_file, tmp_path):
    """Their days and times are digits alone, written without Babel's imports; a programme printed without a
    number of the register loads neither the records' history nor the login name's module (issue #35)."""
    event_id, environment = _event_and_environment(current_file, tmp_path)
    output = tmp_path / "programme.pdf"
    for arguments, names in (
        (["programme", str(event_id), "--db", str(current_file), "-o", str(output)],
         ("babel", "nlv_events.core.history", "getpass", "difflib")),
        (["events", "--db", str(current_file), "--year", "2022", "--format", "json"], ("babel",)),
    ):  # fmt: skip
        _code, report = _imported_by_cli(arguments, environment, names)
        assert report == {"code": 0, "loaded": []}, arguments
    assert output.read_bytes().startswith(b"%PDF")


def test_the_window_on_a_file_starts_without_the_server_driver_the_interchange_format_or_the_editor(
    current_file, tmp_path
):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        environment[variable] = str(tmp_path)
    environment.pop(one_shot.ENV_VARIABLE, None)
    later = (
        *HEAVY, "nlv_events.ui.events.event_editor", "nlv_events.ui.exhibits.exhibit_tab", "PIL.Image",
        # the editor's other tabs and the register's dialog with the printing model: when first opened
        "nlv_events.ui.attachments.attachments_tab", "nlv_events.ui.press.press_tab", "nlv_events.ui.team.history_tab",
        "nlv_events.ui.tasks.tasks_tab", "nlv_events.ui.register.register_dialog", "nlv_events.printing.model",
        "nlv_events.services.interchange.legacy",
        "babel",  # the calendar's month names, when it is shown; the list's days and figures are digits alone
        "nlv_events.services.planning.commemorations",  # the reminder's, after the window shows, and the calendar's
    )  # fmt: skip
    _code, report = _imported_by_cli(["gui", "--db", str(current_file), "--quit-when-shown"], environment, later)
    assert report["code"] == 0
    assert report["loaded"] == []  # each loads when first needed: a server, an import, an event opened, a photo…


def test_a_server_url_keeps_the_driver(tmp_path):
    environment = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    environment[one_shot.ENV_VARIABLE] = "postgresql://office@127.0.0.1:1/none"
    _code, report = _imported_by_cli(["events", "--year", "2024"], environment)
    assert report["code"] != 0  # no server there: a clear error, as before
    assert "psycopg2" in report["loaded"]


def test_a_folder_with_spaces_hashes_and_percents_opens_read_only_and_is_protected(tmp_path):
    folder = tmp_path / "Phòng #2 50% off"
    folder.mkdir()
    path = folder / "sự kiện.sqlite3"
    database.open_database(str(path))
    database.close_database()
    connection = database.open_database(str(path), read_only=True)
    try:
        with pytest.raises(peewee.OperationalError, match="readonly"):
            connection.execute_sql("DELETE FROM event")
        assert database.open_file() == path.resolve()
        from nlv_events.core.files import refuse_protected

        with pytest.raises(UserError, match=r"sự kiện\.sqlite3"):
            refuse_protected(path)
    finally:
        database.close_database()


def test_the_window_on_an_exhibition_counts_its_checklist_without_the_exhibition_s_structure(db_path, tmp_path):
    """The detail pane shows the first event's items displayed from its checklist; the structure's records, history
    and saving load when the exhibition tab is opened (issue #35)."""
    from nlv_events.core.exhibit_records import ItemEntry
    from nlv_events.services.exhibits import structure

    database.open_database(str(db_path))
    saved = store.save_event(EventRecord(title="Triển lãm ảnh Hà Nội", kind="exhibition", start=dt.date(2024, 5, 2)))
    structure.add_items(saved.id, [ItemEntry(title="Ảnh Tháp Rùa", quantity=3), ItemEntry(title="Ảnh Hàng Đào")])
    database.close_database()
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        environment[variable] = str(tmp_path)
    environment.pop(one_shot.ENV_VARIABLE, None)
    program = (
        "import json, sys\n"
        "from nlv_events.ui.shell import screenshots\n"
        "shown = []\n"
        "real = screenshots.when_loaded\n"
        "screenshots.when_loaded = lambda window, then: real(\n"
        "    window, lambda: (shown.append(window.detail.toPlainText()), then()))\n"
        "from nlv_events.cli import main\n"
        f"code = main({['gui', '--db', str(db_path), '--quit-when-shown']!r})\n"
        "names = ('nlv_events.services.exhibits.structure', 'nlv_events.core.exhibit_records')\n"
        "print(json.dumps({'code': code, 'loaded': [n for n in names if n in sys.modules], 'shown': shown}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=environment, cwd=ROOT, check=False
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0 and report["loaded"] == []
    assert "4 (theo danh mục)" in report["shown"][0]
