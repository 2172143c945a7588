"""A "[" in the app's folder or the data folder (Windows user names, "C:\\Apps [test]") is an ordinary path."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nlv_events
from nlv_events.core import database, migrations
from nlv_events.core.models import Event

PACKAGE = Path(nlv_events.__file__).parent


def _run_from(app_folder: Path, code: str, data_folder: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(app_folder), "NLV_EVENTS_DB": str(data_folder / "events.sqlite3")}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=environment, cwd=data_folder
    )


def test_an_app_installed_in_a_folder_with_brackets_creates_and_reopens_its_database(tmp_path):
    app_folder = tmp_path / "Apps [test]" / "NLV Events"
    shutil.copytree(PACKAGE, app_folder / "nlv_events", ignore=shutil.ignore_patterns("__pycache__"))
    data_folder = tmp_path / "Users" / "Lan [test]"
    data_folder.mkdir(parents=True)
    code = (
        "import nlv_events\n"
        "from nlv_events.core import database, migrations\n"
        "from nlv_events.core.models import AnnualPlan\n"
        "assert '[test]' in nlv_events.__file__, nlv_events.__file__\n"
        "database.open_database()\n"
        "print(AnnualPlan.select().count(), len(migrations.known_names()))\n"
        "database.close_database()\n"
    )
    created = _run_from(app_folder, code, data_folder)
    assert created.returncode == 0, created.stderr  # was "no such table: annual_plan"
    assert created.stdout.split() == ["0", str(len(migrations.known_names()))]
    reopened = _run_from(app_folder, code, data_folder)
    assert reopened.returncode == 0, reopened.stderr  # was "made by a newer version"


def test_a_data_folder_with_brackets_opens_and_reopens_read_only(tmp_path):
    path = tmp_path / "Lan [test]" / "events.sqlite3"
    database.open_database(str(path))
    database.close_database()
    reopened = database.open_database(str(path), read_only=True)
    try:
        assert reopened.database.startswith("file:")  # the read-only URI form, with "[" in its path
        assert database.open_file() == path
        assert Event.select().count() == 0
    finally:
        database.close_database()
