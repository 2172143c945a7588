"""The team in the window: a colleague's save reaches an open window within two seconds (SQLite and PostgreSQL),
an open editor on that event says so at once, the History tab shows and restores a version, a viewer's window
offers no change."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from nlv_events.core import event_reading, store
from nlv_events.core.records import EventRecord, ProgrammeEntry
from nlv_events.core.settings import Settings
from nlv_events.i18n import setup_i18n
from nlv_events.services.team import history, permissions
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.shell.main_window import MainWindow
from tests.ui.conftest import visible_titles
from tests.ui.flows.acting import click, type_into

# A colleague's process saving the event under a new title.
COLLEAGUE = """
import sys
from nlv_events.core import database, event_reading, store
database.open_database(sys.argv[1])
record = event_reading.load_record(int(sys.argv[2]))
base = event_reading.load_record(int(sys.argv[2]))
record.title = sys.argv[3]
store.save_event(record, base)
"""


@pytest.fixture(autouse=True)
def _english():
    setup_i18n("en")  # the new messages are checked in English: their Vietnamese comes with the catalogue


def _colleague_saves(target: str, event_id: int, title: str) -> None:
    done = subprocess.run([sys.executable, "-c", COLLEAGUE, target, str(event_id), title], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def _talk() -> int:
    start = dt.datetime(2022, 6, 1, 9)
    record = EventRecord(kind="talk", title="Tọa đàm sách mới", start=start,
                         programme=[ProgrammeEntry(start=start, title="Khai mạc")])
    return store.save_event(record).id


@pytest.mark.both_databases
def test_a_colleagues_save_reaches_the_open_window_and_editor_within_two_seconds(qtbot, request, db, db_path,
                                                                                tmp_path):
    event_id = _talk()
    on_server = request.node.callspec.params["db"] == "postgresql"
    target = request.getfixturevalue("postgres_server").url if on_server else str(db_path)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), "test",
                        Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    assert "Tọa đàm sách mới" in visible_titles(window)
    editor = EventEditor(event_reading.load_record(event_id), window)
    qtbot.addWidget(editor)
    editor.show()

    _colleague_saves(target, event_id, "Tọa đàm sách mới 2022")

    qtbot.waitUntil(lambda: "Tọa đàm sách mới 2022" in visible_titles(window), timeout=2000)
    banner = editor.findChild(type(window.user_status), "colleagueSaved")
    assert banner is not None and banner.isVisible() and "colleague" in banner.text()
    window.live_updates.stop()


def test_the_history_tab_shows_who_saved_and_restores_a_version(qtbot, window, monkeypatch):
    from nlv_events.ui.shell import ask

    event_id = _talk()
    first = event_reading.load_record(event_id)
    changed, base = event_reading.load_record(event_id), event_reading.load_record(event_id)
    changed.title = "Tọa đàm đổi tên"
    store.save_event(changed, base)
    window.reload(select=event_id)
    editor = EventEditor(event_reading.load_record(event_id), window)
    qtbot.addWidget(editor)
    editor.show()
    tab = editor.extra_tabs["history"]
    editor.tabs.setCurrentWidget(tab)
    assert tab.table.rowCount() == 2
    assert tab.table.item(0, 2).text() == tab.table.item(1, 2).text() != ""  # who saved each version
    row_rect = tab.table.visualRect(tab.table.model().index(0, 0))
    QTest.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
    assert "Tọa đàm sách mới" in tab.details.toPlainText()
    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    QTest.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    assert event_reading.load_record(event_id).title == first.title
    assert [change.action for change in history.changes_of(event_id)] == ["created", "changed", "restored"]
    qtbot.waitUntil(lambda: "Tọa đàm sách mới" in visible_titles(window), timeout=2000)


def test_restoring_the_version_shown_says_nothing_changed_and_keeps_the_form(qtbot, window, monkeypatch):
    from nlv_events.i18n import _
    from nlv_events.ui.shell import ask

    event_id = _talk()
    editor = EventEditor(event_reading.load_record(event_id), window)
    qtbot.addWidget(editor)
    editor.show()
    tab = editor.extra_tabs["history"]
    editor.tabs.setCurrentWidget(tab)
    row_rect = tab.table.visualRect(tab.table.model().index(0, 0))
    QTest.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
    told = []
    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    monkeypatch.setattr(ask, "inform", lambda parent, title, text: told.append(text))
    QTest.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    said = _("Nothing was saved: event {id} is already as it was at version {version}.")
    assert told == [said.format(id=event_id, version=1)]
    assert editor.isVisible()  # nothing changed: the form stays as it was
    assert [change.action for change in history.changes_of(event_id)] == ["created"]


def test_the_history_tab_says_when_in_the_offices_form_and_names_a_guest_in_words(qtbot, window):
    from nlv_events.i18n import _
    from nlv_events.i18n.formats import format_moment
    from nlv_events.services.guests import guest_list

    event_id = _talk()
    guest_list.add_guest(event_id, guest_list.GuestEntry(name="Nguyễn Văn An"))
    editor = EventEditor(event_reading.load_record(event_id), window)
    qtbot.addWidget(editor)
    editor.show()
    tab = editor.extra_tabs["history"]
    bar = editor.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(editor.tabs.indexOf(tab)).center())
    assert editor.tabs.currentWidget() is tab
    saved = dt.datetime.fromisoformat(history.changes_of(event_id)[0].at)
    assert tab.table.item(0, 1).text() == format_moment(saved)  # "5:22 PM"-like time, then the day; no ISO form
    assert tab.table.columnWidth(1) >= tab.table.fontMetrics().horizontalAdvance(format_moment(saved))  # one line
    what = [tab.table.item(row, 3).text() for row in range(tab.table.rowCount())]
    assert f"{_('Guest')}: {_('added')}" in what  # the guest's row in words, not the table's name "guest"
    assert not any(text.startswith(("guest", "guest_list")) for text in what)


def test_a_viewer_sees_the_changing_actions_disabled_with_the_reason(qtbot, window, monkeypatch):
    from nlv_events.ui.team import window_team

    monkeypatch.setitem(permissions._state, "role", "viewer")
    window_team.restrict(window)
    assert not window.actions["new"].isEnabled()
    assert "viewer" in window.actions["new"].toolTip()
    editor = EventEditor(event_reading.load_record(_talk()), window)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: not editor.save_button.isEnabled(), timeout=1000)
    assert "viewer" in editor.save_button.toolTip()


def test_the_first_start_asks_the_name_the_history_records(qtbot, tmp_path):
    from nlv_events.ui.shell.first_start import FirstStartDialog

    settings = Settings(tmp_path / "settings.json")
    dialog = FirstStartDialog(settings, "events.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.user_edit.text()  # the system's user name, offered
    type_into(qtbot, dialog.user_edit, "Nguyễn Thu Hà")
    click(qtbot, dialog.empty_button)
    assert Settings(tmp_path / "settings.json").get("user.name") == "Nguyễn Thu Hà"


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_server_gone_mid_save_is_one_line_the_form_comes_back_with_the_text_and_save_works_later(
        qtbot, request, db, tmp_path, answers):
    import psycopg2

    from nlv_events.core.models import database_proxy

    server = request.getfixturevalue("postgres_server")
    event_id = _talk()
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), "test",
                        Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    window.live_updates.stop()
    shown: list[str] = []

    def open_editor(record, heading):
        """The real editor: the first time the user types a new title and, while the form is open, the server
        drops the connection; the second time (the form come back) they find their title there and press Save."""
        editor = EventEditor(record, None, heading)
        qtbot.addWidget(editor)
        editor.show()
        shown.append(editor.title_edit.text())
        if len(shown) == 1:
            type_into(qtbot, editor.title_edit, "Tọa đàm sách mới, đã sửa")
            pid = database_proxy.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
            admin = psycopg2.connect(server.url)
            admin.autocommit = True
            with admin.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", (pid,))
            admin.close()
        click(qtbot, editor.save_button)
        return editor.result_record

    window.open_editor = open_editor
    window.select_event(event_id)
    window.edit_event(event_id)
    assert shown == ["Tọa đàm sách mới", "Tọa đàm sách mới, đã sửa"]  # the form came back with what was typed
    assert len(answers) == 1 and "connection" in answers[0][1]  # one clear line
    assert event_reading.load_record(event_id).title == "Tọa đàm sách mới, đã sửa"  # saved once it could be


def test_a_viewer_sees_no_contacts_in_the_address_book(qtbot, window, monkeypatch):
    from nlv_events.services.guests import address_book
    from nlv_events.ui.events.address_book import EMAIL_COLUMN, PHONE_COLUMN, AddressBookDialog

    people = address_book.address_book(contacts=True)
    address_book.set_contacts(people[0].id, "lan@nlv.gov.vn", "0912 345 678", people[0].version)
    dialog = AddressBookDialog(window)
    qtbot.addWidget(dialog)
    assert not dialog.table.isColumnHidden(EMAIL_COLUMN)
    monkeypatch.setitem(permissions._state, "role", "viewer")
    dialog.reload()
    assert dialog.table.isColumnHidden(EMAIL_COLUMN) and dialog.table.isColumnHidden(PHONE_COLUMN)
    assert all(card.email is None and card.phone is None for card in dialog.cards)
