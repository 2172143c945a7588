"""A new talk with its programme, typed in through the menu's New event, the form and the programme table."""

import datetime as dt

from PySide6.QtWidgets import QApplication

from nlv_events.core import event_reading
from nlv_events.i18n import _
from nlv_events.ui.events.event_editor import EventEditor
from tests.ui.conftest import visible_titles
from tests.ui.flows.acting import choose, click, field, tab_named, trigger, type_cell, type_into, while_open


def test_a_new_talk_with_its_programme_is_listed_and_stored(window, qtbot):
    def fill(editor):
        choose(qtbot, field(editor, _("Kind")), "talk")
        type_into(qtbot, field(editor, _("Title") + " *"), "Tọa đàm “Sách và người đọc trẻ”")
        start = editor.start_date
        type_into(qtbot, start, "15/10/2022")
        editor.tabs.setCurrentIndex(tab_named(editor.tabs, _("Programme")))
        for _row in range(2):
            click(qtbot, editor.add_row_button)
        type_cell(qtbot, editor.programme_view, 0, 3, "Khai mạc")
        type_cell(qtbot, editor.programme_view, 1, 3, "Trao đổi cùng tác giả")
        assert editor.programme_model.rowCount() == 2
        click(qtbot, editor.save_button)

    opened = while_open(fill, EventEditor)
    trigger(window, _("&Edit"), _("&New event"))
    opened.done()
    assert "Tọa đàm “Sách và người đọc trẻ”" in visible_titles(window)
    stored = event_reading.load_record(window.current_event_id())
    assert stored.kind == "talk" and stored.start == dt.date(2022, 10, 15)
    assert [row.title for row in stored.programme] == ["Khai mạc", "Trao đổi cùng tác giả"]
    assert stored.programme[0].start.date() == dt.date(2022, 10, 15)  # the rows start on the event's day
    assert QApplication.activeModalWidget() is None  # the form closed on Save
