"""Undo and restore: a title changed in the form and undone from the Edit menu, an event deleted and brought back
from Deleted events."""

from PySide6.QtCore import Qt

from nlv_events.core import event_reading, queries
from nlv_events.i18n import _
from nlv_events.ui.events.deleted_dialog import DeletedEventsDialog
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.shell import ask
from tests.ui.conftest import visible_titles
from tests.ui.flows.acting import button, click, click_row, trigger, type_into, while_open

REVIEW = "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"

TALK = "Tọa đàm “Gìn giữ và phát huy di sản Hán Nôm trong thư viện”"


def test_an_edit_is_undone_and_redone_from_the_edit_menu(window, qtbot):
    def rename(editor):
        type_into(qtbot, editor.title_edit, "Hội nghị đã đổi tên")
        click(qtbot, editor.save_button)

    click_row(qtbot, window.table, REVIEW)
    event_id = window.current_event_id()
    opened = while_open(rename, EventEditor)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # Enter opens the selected event
    opened.done()
    assert "Hội nghị đã đổi tên" in visible_titles(window)
    trigger(window, _("&Edit"), _("&Undo"))
    assert REVIEW in visible_titles(window)
    assert event_reading.load_record(event_id).title == REVIEW
    trigger(window, _("&Edit"), _("&Redo"))
    assert event_reading.load_record(event_id).title == "Hội nghị đã đổi tên"


def test_a_deleted_event_comes_back_from_deleted_events(window, qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or True)
    click_row(qtbot, window.table, TALK)
    trigger(window, _("&Edit"), _("&Delete"))
    assert len(asked) == 1 and TALK not in visible_titles(window)
    assert [event.title for event in queries.deleted_events()] == [TALK]

    def restore(dialog):
        assert dialog.list.item(0).text().startswith(TALK)
        click(qtbot, dialog.restore_button)
        click(qtbot, button(dialog, _("Close")))

    opened = while_open(restore, DeletedEventsDialog)
    trigger(window, _("&Edit"), _("Deleted &events…"))
    opened.done()
    assert TALK in visible_titles(window) and queries.deleted_events() == []
    trigger(window, _("&Edit"), _("&Undo"))  # the restore itself can be undone
    assert TALK not in visible_titles(window)
