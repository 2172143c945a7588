"""A removal the database refuses — a viewer's role on the shared server, a read-only or busy file — is told as a
warning, as a refused save beside it is, and nothing goes: Remove member (Edit → Staff), Remove item (File →
Weekly work schedule), the editor's Remove task and Remove attachment raised the refusal out of the button, which
the window took for a bug ("Sorry, something went wrong")."""

import datetime as dt

from PySide6.QtCore import Qt

from nlv_events.core.models import database_proxy
from nlv_events.i18n import _
from nlv_events.services.attachments import attachment_files
from nlv_events.services.tasks import event_tasks, staff, task_list, week_schedule
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.shell import ask
from nlv_events.ui.tasks.staff_dialog import StaffDialog
from tests.ui.flows.acting import button, click, click_row, tab_named, trigger, while_open

TALK = "Giao lưu “Ký ức Hà Nội – 12 ngày đêm”"  # the demo's talk of 20/12/2022
MEMBER = "Trần Thu Hà"
MEETING = "Họp giao ban quý IV"
READ_ONLY = _("The database is read-only: ask for write access to the file, or open a copy.")


def test_removals_the_database_refuses_are_warnings_and_nothing_goes(window, qtbot, monkeypatch, tmp_path):
    staff.save(staff.StaffRecord(MEMBER, "Chuyên viên", "Phòng Thông tin tuyên truyền", "lễ tân"))
    week_schedule.save_item(week_schedule.WeekEntry(dt.date(2022, 12, 22), "morning", MEETING))
    click_row(qtbot, window.table, TALK)
    event_id = window.current_event_id()
    event_tasks.add_from_template(event_id)
    task_count = len(task_list.tasks(event_id=event_id))
    poster = tmp_path / "Áp phích.pdf"
    poster.write_bytes(b"%PDF-1.4 poster")
    attachment_files.add(event_id, poster, "poster")
    warnings: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda *args: True)
    monkeypatch.setattr(ask, "warn", lambda parent, title, message: warnings.append(message))
    database_proxy.execute_sql("PRAGMA query_only = 1")  # the file refuses every write from here on

    def remove_member(dialog):
        click_row(qtbot, dialog.table, MEMBER, column=0)
        click(qtbot, dialog.remove_button)
        assert dialog.table.item(0, 0).text() == MEMBER
        click(qtbot, button(dialog, _("Close")))

    opened = while_open(remove_member, StaffDialog)
    trigger(window, _("&Edit"), _("S&taff…"))
    opened.done()

    def remove_item(dialog):
        dialog.week_edit.setDate(dialog.week_edit.date().fromString("22/12/2022", "dd/MM/yyyy"))
        click_row(qtbot, dialog.table, MEETING, column=2)
        click(qtbot, dialog.remove_button)
        assert dialog.table.item(0, 2).text() == MEETING
        click(qtbot, button(dialog, _("Close")))

    opened = while_open(remove_item, name="WeekSchedule")
    trigger(window, _("&File"), _("&Weekly work schedule…"))
    opened.done()

    def remove_task(editor):
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Tasks")))
        tab = editor.extra_tabs["tasks"]
        tab.table.selectRow(0)
        click(qtbot, tab.remove_button)
        assert tab.table.rowCount() == task_count
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Attachments")))
        attached = editor.extra_tabs["attachments"]
        attached.list.setCurrentRow(0)
        click(qtbot, attached.remove_button)
        assert attached.list.count() == 1
        click(qtbot, editor.cancel_button)

    opened = while_open(remove_task, EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened.done()

    database_proxy.execute_sql("PRAGMA query_only = 0")
    assert warnings == [READ_ONLY] * 4
    assert [member.name for member in staff.members()] == [MEMBER]
    assert [item.content for item in week_schedule.typed_items(dt.date(2022, 12, 19))] == [MEETING]
    assert len(task_list.tasks(event_id=event_id)) == task_count
    assert [attached.original_name for attached in attachment_files.attachments(event_id)] == ["Áp phích.pdf"]


def test_articles_and_files_the_database_refuses_are_warnings(window, qtbot, monkeypatch, tmp_path):
    """Add article (Press coverage) and Attach files… warned only of the rules' refusals: the database's own
    (a read-only file, a viewer's role) came out of the button as a bug."""
    from tests.ui.flows.acting import answer_file_dialog, type_into

    warnings: list[str] = []
    monkeypatch.setattr(ask, "warn", lambda parent, title, message: warnings.append(message))
    poster = tmp_path / "Áp phích.pdf"
    poster.write_bytes(b"%PDF-1.4 poster")
    answer_file_dialog(monkeypatch, [poster], "getOpenFileNames")
    click_row(qtbot, window.table, TALK)
    event_id = window.current_event_id()

    def add_both(editor):
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Press coverage")))
        press = editor.extra_tabs["press"]
        type_into(qtbot, press.outlet_edit, "Nhân Dân")
        type_into(qtbot, press.title_edit, "Ký ức Hà Nội – 12 ngày đêm")
        database_proxy.execute_sql("PRAGMA query_only = 1")
        click(qtbot, press.add_button)
        assert press.table.rowCount() == 0
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Attachments")))
        attached = editor.extra_tabs["attachments"]
        click(qtbot, attached.add_button)
        assert attached.list.count() == 0
        database_proxy.execute_sql("PRAGMA query_only = 0")
        click(qtbot, editor.cancel_button)

    opened = while_open(add_both, EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened.done()
    database_proxy.execute_sql("PRAGMA query_only = 0")
    assert warnings == [READ_ONLY] * 2
    assert not attachment_files.attachments(event_id)
