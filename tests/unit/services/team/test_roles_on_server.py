"""The roles a real PostgreSQL server enforces with three logins: a viewer changes nothing even through psycopg, an
editor saves but cannot rewrite the history, an admin adds a person who can then connect."""

from __future__ import annotations

import os
import re

import psycopg2
import psycopg2.errors
import pytest

from nlv_events.core import database, event_reading, store
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord, ProgrammeEntry
from nlv_events.i18n import _
from nlv_events.services.team import history, roles

PASSWORD = "mật-khẩu đủ dài #1"


def _url(server, login: str) -> str:
    return f"postgresql://{login}:{PASSWORD}@127.0.0.1:{server.port}/{server.database}"


@pytest.fixture
def team(postgres_server):
    """The worker's database set up by its owner, with a viewer, an editor and an admin: logins are the whole
    server's, so their names are this worker's and process's, and they are dropped afterwards."""
    postgres_server.reset()
    database.open_database(postgres_server.url)
    roles.set_up()
    suffix = re.sub(r"[^a-z0-9_]", "_", f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}".lower())
    logins = {role: f"t_{role}_{suffix}" for role in roles.ROLE_NAMES}
    logins["added"] = f"t_added_{suffix}"
    for role in roles.ROLE_NAMES:
        roles.add_login(logins[role], PASSWORD, role)
    database.close_database()
    yield postgres_server, logins
    database.close_database()
    owner = psycopg2.connect(postgres_server.url)
    owner.autocommit = True
    with owner.cursor() as cursor:
        for login in logins.values():
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
            if cursor.fetchone():
                cursor.execute(f'DROP OWNED BY "{login}"')
                cursor.execute(f'DROP ROLE "{login}"')
    owner.close()


def _refused(connection, statement: str) -> bool:
    with connection.cursor() as cursor:
        try:
            cursor.execute(statement)
        except psycopg2.errors.InsufficientPrivilege:
            connection.rollback()
            return True
    connection.rollback()
    return False


def _tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        return [name for (name,) in cursor.fetchall()]


def talk() -> EventRecord:
    import datetime as dt

    start = dt.datetime(2024, 3, 8, 9)
    return EventRecord(kind="talk", title="Tọa đàm Ngày Quốc tế Phụ nữ", start=start,
                       programme=[ProgrammeEntry(start=start, title="Khai mạc")])


def test_a_viewer_changes_no_table_even_through_psycopg_and_reads_no_contacts(team):
    server, logins = team
    database.open_database(server.url)
    store.save_event(talk())
    from nlv_events.services.guests import guest_list

    guest_list.add_guest(1, guest_list.GuestEntry(name="Nguyễn Văn An"))
    database.close_database()
    viewer = psycopg2.connect(_url(server, logins["viewer"]))
    tables = _tables(viewer)
    assert {"event", "programme_item", "person", "guest", "change_history", "annual_plan"} <= set(tables)
    for table in tables:
        assert _refused(viewer, f'INSERT INTO "{table}" DEFAULT VALUES'), table
        assert _refused(viewer, f'UPDATE "{table}" SET id = id'), table
        assert _refused(viewer, f'DELETE FROM "{table}"'), table
    assert _refused(viewer, "SELECT email, phone FROM person")
    assert not _refused(viewer, "SELECT title FROM event")
    viewer.close()

    database.open_database(_url(server, logins["viewer"]))  # the app opens the database as the viewer
    assert roles.current_role() == "viewer"
    from nlv_events.services.guests import address_book

    assert address_book.address_book(contacts=False)  # the address book reads, without the contacts' columns
    record = event_reading.load_record(1)
    base = event_reading.load_record(1)
    record.title = "Đổi tên"
    refused = _("Your role on the database server does not allow this; nothing was changed. Ask the team's admin.")
    with pytest.raises(UserError, match=re.escape(refused)):
        store.save_event(record, base)


def test_an_editor_saves_with_the_history_but_cannot_rewrite_it(team):
    server, logins = team
    database.open_database(_url(server, logins["editor"]))
    assert roles.current_role() == "editor"
    event = store.save_event(talk())
    database.close_database()
    database.open_database(_url(server, logins["admin"]))
    record, base = event_reading.load_record(event.id), event_reading.load_record(event.id)
    record.title = "Tọa đàm 8/3"
    store.save_event(record, base)
    assert [(change.by, change.action) for change in history.changes_of(event.id)] == [
        (logins["editor"], "created"), (logins["admin"], "changed")
    ]
    database.close_database()
    from nlv_events.services.team import permissions

    database.open_database(_url(server, logins["editor"]))
    permissions.refresh()
    try:
        assert permissions.may("edit")[0] and not permissions.may("restore")[0]  # restoring is the admin's
    finally:
        permissions._state.update(role=None, user="")  # the next test's window asks again
    database.close_database()
    editor = psycopg2.connect(_url(server, logins["editor"]))
    assert _refused(editor, "UPDATE change_history SET changed_by = 'ai đó'")
    assert _refused(editor, "DELETE FROM change_history")
    assert _refused(editor, "TRUNCATE change_history")
    assert _refused(editor, "UPDATE annual_plan SET target = 0")  # the year's targets are the admin's
    editor.close()


def test_the_admin_adds_a_person_who_can_then_connect_and_changes_and_removes_them(team):
    server, logins = team
    database.open_database(_url(server, logins["admin"]))
    assert roles.current_role() == "admin"
    roles.add_login(logins["added"], PASSWORD, "viewer")
    assert (logins["added"], "viewer") in [(login.name, login.role) for login in roles.logins()]
    connection = psycopg2.connect(_url(server, logins["added"]))
    connection.close()
    roles.set_role(logins["added"], "editor")
    assert (logins["added"], "editor") in [(login.name, login.role) for login in roles.logins()]
    with pytest.raises(UserError, match=re.escape(_("You cannot remove your own login: ask another admin."))):
        roles.remove_login(logins["admin"])
    roles.remove_login(logins["added"])
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(_url(server, logins["added"]))


def test_only_the_admin_restores_an_exhibition_or_a_guest_list_from_the_command_line(team, capsys):
    import datetime as dt

    from nlv_events.services.guests import guest_list
    from nlv_events.services.team import permissions
    from tests.integration.cli_runner import run

    server, logins = team
    database.open_database(_url(server, logins["editor"]))
    event = store.save_event(EventRecord(kind="conference", title="Hội thảo", start=dt.date(2024, 3, 8)))
    guest_list.add_guest(event.id, guest_list.GuestEntry(name="Nguyễn Văn An"))
    guest_list.add_guest(event.id, guest_list.GuestEntry(name="Trần Thị Bình"))
    database.close_database()
    try:
        for part in ("guests", "exhibition"):
            code, _out, err = run(capsys, "history", str(event.id), "--part", part, "--restore", "2",
                                  "--db", _url(server, logins["editor"]))
            assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
        code, _out, err = run(capsys, "history", str(event.id), "--part", "guests", "--restore", "2",
                             "--db", _url(server, logins["admin"]))
        assert code == 0, err
    finally:
        permissions._state.update(role=None, user="")  # the next test's window asks again
    database.open_database(_url(server, logins["admin"]))
    assert [entry.name for entry in guest_list.guest_list(event.id)] == ["Nguyễn Văn An"]
    restored = [change for change in history.changes_of(event.id, "guest_list") if change.action == "restored"]
    assert [(change.by, change.restored_from) for change in restored] == [(logins["admin"], 2)]
    database.close_database()


def test_a_viewer_reads_the_guests_but_not_the_address_an_invitation_was_mailed_to(team):
    """The address a guest's invitation was e-mailed to is their e-mail: a viewer's login read it with psql
    (`SELECT invitation_sent_to FROM guest`) while the person's own e-mail was refused. The viewer still reads the
    guest list, the address book, a person's appearances and the interchange file."""
    import datetime as dt

    from nlv_events.core.guest_models import Guest
    from nlv_events.services.guests import address_book, guest_interchange, guest_list

    server, logins = team
    database.open_database(server.url)
    store.save_event(talk())
    guest_list.add_guest(1, guest_list.GuestEntry(name="Nguyễn Văn An"))
    Guest.update(invitation_sent_at=dt.datetime(2024, 3, 1, 9), invitation_sent_to="an.nguyen@example.vn").execute()
    database.close_database()
    viewer = psycopg2.connect(_url(server, logins["viewer"]))
    assert _refused(viewer, "SELECT invitation_sent_to FROM guest")
    assert not _refused(viewer, "SELECT state, invitation_sent_at FROM guest")
    viewer.close()

    database.open_database(_url(server, logins["viewer"]))
    assert [entry.name for entry in guest_list.guest_list(1)] == ["Nguyễn Văn An"]
    person_id = guest_list.guest_list(1)[0].person_id
    assert [card.name for card in address_book.address_book()] == ["Nguyễn Văn An"]
    assert [appearance.title for appearance in address_book.appearances(person_id)] == [talk().title]
    assert [guest["name"] for guest in guest_interchange.export(1)] == ["Nguyễn Văn An"]
