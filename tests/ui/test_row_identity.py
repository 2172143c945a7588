"""Editing an event in the window keeps the identity of its programme rows and people."""

from nlv_events.core import event_reading
from nlv_events.core.models import Event
from tests.ui.test_editing import through_editor


def _ids(record):
    return (
        [row.id for row in record.programme],
        [person.id for row in record.programme for person in row.people],
        [person.id for person in record.people],
    )


def test_a_title_edit_in_the_window_keeps_every_row_id(window, qtbot):
    review = Event.get(Event.ref == "demo-2022-review")
    before = event_reading.load_record(review.id)
    assert before.programme and any(row.people for row in before.programme)

    window.open_editor = through_editor(qtbot, lambda editor: editor.title_edit.setText(before.title + " (bản sửa)"))
    window.edit_event(review.id)

    after = event_reading.load_record(review.id)
    assert after.title.endswith("(bản sửa)")
    assert _ids(after) == _ids(before)
