"""The suite's PostgreSQL server under pytest-xdist: one server for the run, a database of its own for each worker."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

from tests.conftest import RUN_FOLDER
from tests.postgres import STATE_FILE, worker_database

ROOT = Path(__file__).parents[2]
ANOTHER_WORKER = """
import json, sys
from pathlib import Path
from tests.postgres import worker_database
joined = worker_database(Path(sys.argv[1]), sys.argv[2])
print(json.dumps({"port": joined.port, "url": joined.url}))
"""


def test_another_worker_joins_the_runs_server_with_a_database_of_its_own(postgres_server):
    run_folder = os.environ[RUN_FOLDER]
    joined = subprocess.run(
        [sys.executable, "-c", ANOTHER_WORKER, run_folder, "gw99"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert joined.returncode == 0, joined.stderr
    other = json.loads(joined.stdout)
    assert other["port"] == postgres_server.port  # the same server, not a second one
    assert other["url"] != postgres_server.url
    postgres_server.reset()
    with psycopg2.connect(postgres_server.url) as mine, mine.cursor() as cursor:
        cursor.execute("CREATE TABLE written_here (n integer)")
    with psycopg2.connect(other["url"]) as theirs, theirs.cursor() as cursor:
        cursor.execute("SELECT to_regclass('public.written_here')")
        assert cursor.fetchone() == (None,)  # the other worker's tests never see this worker's rows
    postgres_server.reset()


def test_a_server_that_could_not_start_is_not_started_again_by_each_worker(tmp_path):
    (tmp_path / STATE_FILE).write_text(json.dumps({"error": "initdb: could not create directory"}))
    with pytest.raises(RuntimeError, match="initdb: could not create directory"):
        worker_database(tmp_path, "gw1")
