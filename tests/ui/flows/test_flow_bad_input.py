"""Issue 27, points 4 and 5: a refused count is never half-kept, and a message goes once its fields are put right."""

import datetime as dt

from PySide6.QtCore import Qt

from nlv_events.i18n import _
from tests.ui.flows.editing import event_id, open_editor


def type_into(qtbot, field, keys: str) -> None:
    """Tab into the field (its text, or a time's hours, selected) and type, as a person does."""
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, keys)


def test_minus_five_in_attendance_is_refused_whole_and_nothing_of_it_is_saved(qtbot, demo_db):
    """The minus alone was refused: "5" stayed beside the "cannot be negative" message, and Save stored 5."""
    talk = event_id("demo-2022-talk-1")  # 150 came
    editor = open_editor(qtbot, talk)
    type_into(qtbot, editor.attendance, "-5")
    message = editor._errors["attendance"]
    assert editor.attendance.text() == "-5" and message.isVisible()  # what was typed, and why it is refused
    assert editor.attendance.count() == 150

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.attendance.text() == "150" and not message.isHidden()  # leaving the field put back its count
    assert editor.result_record.attendance == 150  # neither 5 nor -5


def test_a_corrected_count_clears_its_message(qtbot, demo_db):
    editor = open_editor(qtbot, event_id("demo-2022-talk-1"))
    type_into(qtbot, editor.attendance, "-5")
    assert editor._errors["attendance"].isVisible()
    qtbot.keyClick(editor.attendance, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.attendance, "180")
    assert editor.attendance.count() == 180 and not editor._errors["attendance"].isVisible()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result_record.attendance == 180


def test_end_before_start_message_goes_once_the_time_is_corrected(qtbot, demo_db):
    """The message stayed beside the end after the end time had been put right."""
    editor = open_editor(qtbot, event_id("demo-2022-talk-1"))  # 25/03/2022 14:00–16:30
    type_into(qtbot, editor.end_time, "1300")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    message = editor._errors["end"]
    assert editor.result_record is None and message.isVisible()
    assert message.text() == _("The event cannot end before it starts.")

    type_into(qtbot, editor.end_time, "1700")
    assert not message.isVisible()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.result_record.end == dt.datetime(2022, 3, 25, 17, 0)
