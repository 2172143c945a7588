"""Shared fixtures: headless Qt, private user folders, a temporary database, the demo year."""

from __future__ import annotations

import os
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


@pytest.fixture(scope="session")
def postgres_server():
    from tests.postgres import PostgresServer

    try:
        server = PostgresServer()
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        if os.environ.get("CI"):
            raise  # CI installs PostgreSQL: a missing server there is a failure, not a skip
        pytest.skip(f"no PostgreSQL server here: {error}")
    yield server
    server.close()


@pytest.fixture
def db(request, db_path: Path):
    """An empty store, bound for the test: a fresh SQLite file, or (parametrized) a PostgreSQL database."""
    if getattr(request, "param", "sqlite") == "postgresql":
        server = request.getfixturevalue("postgres_server")
        server.reset()
        connection = database.open_database(server.url)
    else:
        connection = database.open_database(str(db_path))
    yield connection
    database.close_database()


@pytest.fixture
def demo_db(db):
    from nlv_events.services.workspace import demo

    demo.load_demo()
    return db


@pytest.fixture(autouse=True, scope="session")
def _every_export_matches_the_schema():
    """Every interchange document the tests export, whatever exports it (a service, the command line, the window),
    is checked against the file's JSON Schema by jsonschema: the schema must hold for every file the app writes."""
    import json

    import jsonschema

    from nlv_events.services.interchange import exporting, schema

    original = exporting.export_document

    def export_checked(*args, **kwargs):
        document = original(*args, **kwargs)
        # As a reader of the file sees it; the parts registered now (a test may add its own) make the schema.
        jsonschema.validate(json.loads(json.dumps(document)), schema.document_schema(), jsonschema.Draft202012Validator)
        return document

    exporting.export_document = export_checked
    yield
    exporting.export_document = original
