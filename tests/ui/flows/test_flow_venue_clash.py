"""A venue clash: a talk typed into the hall the year-end review holds; the form warns, Save asks, a later hour
clears it."""

import datetime as dt

from nlv_events.core import event_reading
from nlv_events.i18n import _
from nlv_events.ui.events.event_editor import EventEditor
from nlv_events.ui.shell import ask
from tests.ui.conftest import visible_titles
from tests.ui.flows.acting import choose, click, field, trigger, type_into, while_open

REVIEW = "Hội nghị Tổng kết công tác năm 2022 và triển khai nhiệm vụ năm 2023"

HALL = "Hội trường tầng 2, Thư viện Quốc gia Việt Nam"


def test_a_talk_in_a_taken_hall_is_warned_asked_and_saved_at_a_free_hour(window, qtbot, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or False)
    seen: dict = {}

    def fill(editor):
        choose(qtbot, field(editor, _("Kind")), "talk")
        type_into(qtbot, editor.title_edit, "Tọa đàm chen giờ")
        type_into(qtbot, editor.start_date, "26/12/2022")
        if not editor.start_timed.isChecked():
            click(qtbot, editor.start_timed)
        type_into(qtbot, editor.start_time, "09:00")
        if not editor.has_end.isChecked():
            click(qtbot, editor.has_end)
        type_into(qtbot, editor.end_date, "26/12/2022")
        type_into(qtbot, editor.end_time, "10:00")
        type_into(qtbot, editor.venue_box.lineEdit(), HALL)
        qtbot.waitUntil(editor.clash_label.isVisible)
        seen["warning"] = editor.clash_label.text()
        click(qtbot, editor.save_button)  # asked, and the user says no: the form stays open
        seen["open after no"] = editor.isVisible()
        type_into(qtbot, editor.start_time, "14:00")
        type_into(qtbot, editor.end_time, "15:00")
        qtbot.waitUntil(lambda: not editor.clash_label.isVisible())
        click(qtbot, editor.save_button)

    opened = while_open(fill, EventEditor)
    trigger(window, _("&Edit"), _("&New event"))
    opened.done()
    assert REVIEW in seen["warning"]
    assert len(asked) == 1 and REVIEW in asked[0]
    assert seen["open after no"]
    assert "Tọa đàm chen giờ" in visible_titles(window)
    stored = event_reading.load_record(window.current_event_id())
    assert (stored.start, stored.end) == (dt.datetime(2022, 12, 26, 14), dt.datetime(2022, 12, 26, 15))
    assert stored.venue == HALL
