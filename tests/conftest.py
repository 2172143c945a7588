"""Shared fixtures: headless Qt, private user folders, a temporary database, the demo year."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

# Before anything imports Qt or platformdirs: no screen, and nothing written to the developer's real folders.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="nlv-events-tests-"))
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_HOME / _name.lower())
os.environ.pop("NLV_EVENTS_DB", None)
os.environ.pop("NLV_EVENTS_LANG", None)
# A folder the whole run shares, pytest-xdist's workers included (they inherit the variable): the one PostgreSQL
# server of the run is described there (tests/postgres.py).
RUN_FOLDER = "NLV_EVENTS_TEST_RUN"

import pytest  # noqa: E402

from nlv_events import i18n  # noqa: E402
from nlv_events.core import database  # noqa: E402

# The `office` fixture: Word and Excel files rendered by LibreOffice, as their users see them.
pytest_plugins = ("tests.office",)


@pytest.fixture(autouse=True)
def _vietnamese_by_default():
    """Each test starts in the default language and may switch; the next one starts afresh."""
    i18n.setup_i18n("vi")
    yield
    i18n.setup_i18n("vi")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.sqlite3"


def pytest_generate_tests(metafunc):
    """Tests marked `both_databases` run on SQLite and on a real PostgreSQL server."""
    if "db" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_databases"):
        metafunc.parametrize("db", ["sqlite", "postgresql"], indirect=True)


def _runs_the_tests_itself_or_hands_them_out(config: pytest.Config) -> bool:
    """pytest run serially, or pytest-xdist's controller: not one of its workers."""
    return not hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if _runs_the_tests_itself_or_hands_them_out(config):
        os.environ[RUN_FOLDER] = tempfile.mkdtemp(prefix="nlv-events-run-")


def pytest_unconfigure(config: pytest.Config) -> None:
    if _runs_the_tests_itself_or_hands_them_out(config) and RUN_FOLDER in os.environ:
        from tests.postgres import stop_shared_server

        folder = Path(os.environ.pop(RUN_FOLDER))
        stop_shared_server(folder)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server():
    """This worker's own database on the run's one PostgreSQL server (started by the first worker that asks)."""
    from tests.postgres import worker_database

    try:
        return worker_database(Path(os.environ[RUN_FOLDER]), os.environ.get("PYTEST_XDIST_WORKER", "main"))
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        if os.environ.get("CI"):
            raise  # CI installs PostgreSQL: a missing server there is a failure, not a skip
        pytest.skip(f"no PostgreSQL server here: {error}")


@pytest.fixture(scope="session")
def empty_store(tmp_path_factory) -> Path:
    """A new SQLite store at the current schema, made once a session (a worker's, under xdist) to be copied: the
    migrations take a third of a second on a new file, a copy a hundredth. Their own tests start from nothing."""
    path = tmp_path_factory.mktemp("empty-store") / "empty.sqlite3"
    database.open_database(str(path))
    database.close_database()
    assert not path.with_name(path.name + "-wal").exists()  # all of it is in the one file a copy takes
    return path


@pytest.fixture
def db(request, db_path: Path):
    """An empty store, bound for the test: a fresh SQLite file, or (parametrized) a PostgreSQL database."""
    if getattr(request, "param", "sqlite") == "postgresql":
        server = request.getfixturevalue("postgres_server")
        server.reset()
        connection = database.open_database(server.url)
    else:
        shutil.copyfile(request.getfixturevalue("empty_store"), db_path)
        connection = database.open_database(str(db_path))
    yield connection
    database.close_database()


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory, empty_store: Path) -> Path:
    """A SQLite store holding the demo year, loaded once a session (a worker's) to be copied: loading it takes about
    a second, and a hundred tests and every window test start from it. The demo's own tests load it themselves."""
    from nlv_events.services.workspace import demo

    path = tmp_path_factory.mktemp("demo-store") / "demo.sqlite3"
    shutil.copyfile(empty_store, path)
    i18n.setup_i18n("vi")  # the language every test starts in, as when each loaded the demo itself
    database.open_database(str(path))
    try:
        demo.load_demo()
    finally:
        database.close_database()
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def demo_db(request, db, db_path: Path):
    """The store of `db` holding the demo year: on SQLite a copy of the session's demo store, opened in its place."""
    if not isinstance(db, database.peewee.SqliteDatabase):
        from nlv_events.services.workspace import demo

        demo.load_demo()
        return db
    database.close_database()
    for leftover in (db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(request.getfixturevalue("demo_store"), db_path)
    return database.open_database(str(db_path))


@pytest.fixture(autouse=True, scope="session")
def _every_export_matches_the_schema():
    """Every interchange document the tests export, whatever exports it (a service, the command line, the window),
    is checked against the file's JSON Schema by jsonschema: the schema must hold for every file the app writes."""
    import json

    import jsonschema

    from nlv_events.services.interchange import exporting, schema

    original = exporting.export_document
    # One validator a schema: jsonschema.validate checks the schema itself against the metaschema on every call,
    # which took three quarters of an export's check.
    validators: dict[str, jsonschema.Draft202012Validator] = {}

    def export_checked(*args, **kwargs):
        document = original(*args, **kwargs)
        # As a reader of the file sees it; the parts registered now (a test may add its own) make the schema.
        current = schema.document_schema()
        key = json.dumps(current, sort_keys=True)
        if key not in validators:
            jsonschema.Draft202012Validator.check_schema(current)
            validators[key] = jsonschema.Draft202012Validator(current)
        error = jsonschema.exceptions.best_match(validators[key].iter_errors(json.loads(json.dumps(document))))
        if error is not None:
            raise error  # as jsonschema.validate raises it
        return document

    exporting.export_document = export_checked
    yield
    exporting.export_document = original
