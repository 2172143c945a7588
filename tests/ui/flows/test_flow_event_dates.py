"""Issue 27, point 3: the end follows the start, and a talk or conference ending weeks later is asked about."""

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDateTimeEdit

from nlv_events.core import event_reading, store
from nlv_events.core.models import Event
from nlv_events.ui.shell import ask
from tests.ui.flows.editing import event_id, open_editor
from tests.ui.keyboard import type_text
from tests.ui.test_editing import through_editor


def type_digits(qtbot, field: QDateTimeEdit, digits: str) -> None:
    """Tab into the date or time (its first part selected) and type its digits (ddmmyyyy, hhmm): each part moves on
    to the next when full."""
    if not field.window().isActiveWindow():
        with qtbot.waitActive(field.window()):
            field.window().activateWindow()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, digits)


def tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)


def test_ticking_end_after_typing_the_start_starts_the_end_on_the_new_start(window, qtbot, answers, monkeypatch):
    """A new conference started on today's date; typing an earlier start and ticking End gave the end today's
    date, and it was saved as a conference of months without a word."""
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or False)

    def fill(editor):
        editor.kind_box.setCurrentIndex(editor.kind_box.findData("conference"))
        editor.title_edit.setFocus()
        type_text(editor.title_edit, "Hội thảo Thư viện số 2022")
        type_digits(qtbot, editor.start_date, "02012022")
        tick(qtbot, editor.start_timed)
        type_digits(qtbot, editor.start_time, "1400")
        tick(qtbot, editor.has_end)
        assert editor.has_end.isChecked() and editor.end_date.date() == QDate(2022, 1, 2)
        assert editor.end_time.time() == QTime(14, 0)  # not before the start
        type_digits(qtbot, editor.end_time, "1630")

    window.open_editor = through_editor(qtbot, fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    stored = event_reading.load_record(Event.get(Event.title == "Hội thảo Thư viện số 2022").id)
    assert (stored.start, stored.end) == (dt.datetime(2022, 1, 2, 14, 0), dt.datetime(2022, 1, 2, 16, 30))
    assert asked == []


def test_an_end_weeks_after_a_talk_asks_and_no_keeps_the_form_open(qtbot, demo_db, monkeypatch):
    talk = event_id("demo-2022-talk-1")  # 25/03/2022 14:00–16:30
    answers_given = [False, True]
    asked = []

    def confirm(parent, title, question):
        asked.append(question)
        return answers_given.pop(0)

    monkeypatch.setattr(ask, "confirm", confirm)
    editor = open_editor(qtbot, talk)
    type_digits(qtbot, editor.end_date, "25042022")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "32" in asked[0] and "25/03/2022" in asked[0] and "25/04/2022" in asked[0]
    assert editor.isVisible() and editor.result_record is None and editor.end_date.hasFocus()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # yes: it does last a month
    assert len(asked) == 2 and editor.result_record.end.date() == dt.date(2022, 4, 25)


def test_moving_the_start_moves_the_end_and_a_long_event_is_not_asked_again(qtbot, demo_db, answers, monkeypatch):
    asked = []
    monkeypatch.setattr(ask, "confirm", lambda parent, title, question: asked.append(question) or False)
    exhibition = open_editor(qtbot, event_id("demo-2022-exh-01"))  # 20/01–28/02/2022
    type_digits(qtbot, exhibition.start_date, "25012022")
    assert exhibition.end_date.date() == QDate(2022, 3, 5)  # the same length, five days later

    long_talk = event_reading.load_record(event_id("demo-2022-talk-1"))
    long_talk.end = dt.datetime(2022, 4, 25, 16, 30)  # stored so already (the user said yes once)
    store.save_event(long_talk)
    talk = open_editor(qtbot, long_talk.id)
    talk.title_edit.setFocus()
    type_text(talk.title_edit, " (mở rộng)")
    qtbot.mouseClick(talk.save_button, Qt.MouseButton.LeftButton)
    assert asked == [] and talk.result_record is not None
