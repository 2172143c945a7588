"""TLS to a shared server from the settings: added to the address, refused in one clear line when wrong."""

from __future__ import annotations

import pytest

from nlv_events.core import database
from nlv_events.core.errors import UserError
from nlv_events.core.settings import Settings
from nlv_events.services.workspace import connection, record


def test_the_settings_mode_and_ca_file_go_into_a_server_address_not_a_files(tmp_path):
    ca = tmp_path / "office-ca.crt"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    url = "postgresql://lan:pw@db.nlv.local/events"
    settings = Settings(tmp_path / "settings.json")
    settings.set("database", url)
    settings.set("database.sslmode", "verify-full")
    settings.set("database.ca_file", str(ca))
    expected = f"{url}?sslmode=verify-full&sslrootcert={str(ca).replace('/', '%2F')}"
    assert record.database_target(None, settings) == expected
    assert connection.with_tls(url + "?sslmode=disable", "verify-full", "") == url + "?sslmode=disable"  # its own
    a_file = str(tmp_path / "events.sqlite3")
    assert connection.with_tls(a_file, "verify-full", str(ca)) == a_file
    with pytest.raises(UserError, match="verify-everything"):
        connection.with_tls(url, "verify-everything", "")
    with pytest.raises(UserError, match=r"missing\.crt"):
        connection.with_tls(url, "require", str(tmp_path / "missing.crt"))


def test_a_server_without_tls_refuses_required_tls_in_one_line(postgres_server):
    postgres_server.reset()
    database.open_database(connection.with_tls(postgres_server.url, "disable", ""))
    database.close_database()
    with pytest.raises(UserError) as refused:
        database.open_database(connection.with_tls(postgres_server.url, "require", ""))
    assert "SSL" in str(refused.value) and "nlv-test-secret" not in str(refused.value)
