"""Undo and redo never overwrite a colleague's later save: they report the conflict like any save."""

from PySide6.QtCore import Qt

from nlv_events.core import event_reading, store
from tests.ui.conftest import visible_titles
from tests.ui.test_editing import through_editor


def test_ctrl_z_after_a_colleagues_save_keeps_their_version(window, qtbot, answers):
    event_id = window.current_event_id()
    original = event_reading.load_record(event_id).title
    window.open_editor = through_editor(qtbot, lambda editor: editor.title_edit.setText("Tên do tôi sửa"))
    window.edit_event(event_id)
    assert "Tên do tôi sửa" in visible_titles(window)

    theirs = event_reading.load_record(event_id)  # a colleague, on the shared database, saves after me
    theirs.notes = "Đồng nghiệp bổ sung ghi chú"
    store.save_event(theirs, base=event_reading.load_record(event_id))

    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    stored = event_reading.load_record(event_id)
    assert stored.title == "Tên do tôi sửa" and stored.notes == "Đồng nghiệp bổ sung ghi chú"
    assert original not in visible_titles(window)
    kind, message = answers[-1]
    assert kind == "warn" and "ghi chú" in message.lower()  # the message names what they changed
    assert not window.undo_stack.canRedo()  # the step that could not be undone is gone, not half-done
