"""Binding the store: default location, SQLite settings, URLs, migrations, refusing newer databases."""

from pathlib import Path

import peewee
import pytest

from nlv_events.core import database, migrations
from nlv_events.core.errors import UserError


def test_default_database_lives_in_the_user_data_folder(monkeypatch):
    monkeypatch.delenv("NLV_EVENTS_DB", raising=False)
    target = Path(database.resolve_target())
    assert target.name == "nlv-events.sqlite3"
    assert target.parent == database.user_data_dir()


def test_environment_variable_and_explicit_target_override_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("NLV_EVENTS_DB", str(tmp_path / "env.sqlite3"))
    assert database.resolve_target() == str(tmp_path / "env.sqlite3")
    assert database.resolve_target(str(tmp_path / "cli.sqlite3")) == str(tmp_path / "cli.sqlite3")


def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(db):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_every_migration_is_recorded(db):
    applied = [row[0] for row in db.execute_sql("SELECT name FROM schema_migration ORDER BY id")]
    assert applied == migrations.known_names()
    assert applied[0] == "0001_initial"


def test_sqlite_url_is_accepted(tmp_path):
    connection = database.open_database(f"sqlite:///{tmp_path / 'url.sqlite3'}")
    try:
        assert (tmp_path / "url.sqlite3").exists()
        assert connection.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        database.close_database()


def test_database_from_a_newer_version_is_refused_and_left_alone(db_path):
    database.open_database(str(db_path))
    database.close_database()
    raw = peewee.SqliteDatabase(str(db_path))
    raw.execute_sql("INSERT INTO schema_migration (name, applied) VALUES ('0999_future', '2030-01-01')")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(UserError, match="phiên bản NLV Events mới hơn"):
        database.open_database(str(db_path))
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("đây không phải cơ sở dữ liệu\n" * 200, encoding="utf-8")
    with pytest.raises(UserError, match=r"notes\.sqlite3"):
        database.open_database(str(bogus))


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(UserError, match="thư mục"):
        database.open_database(str(tmp_path))


def test_password_is_masked_when_a_url_is_shown():
    shown = database.describe_target("postgresql://nlv:s3cret@db.local/events")
    assert "s3cret" not in shown
    assert shown == "postgresql://nlv:***@db.local/events"


def test_unknown_url_scheme_is_a_user_error():
    with pytest.raises(UserError):
        database.open_database("mongodb://localhost/events")
