"""The editor binds every declared field: a record shown in the form comes back from it unchanged."""

from nlv_events.ui.events import field_binding
from nlv_events.ui.events.event_editor import EventEditor
from tests.unit.test_declared_fields import every_field_set


def test_every_declared_field_goes_through_the_form_unchanged(qtbot, db):
    record = every_field_set()
    record.kind = "exhibition"  # the one kind whose form shows every field (items displayed included)
    editor = EventEditor(record)
    qtbot.addWidget(editor)
    assert set(field_binding.bound_fields()) <= set(editor._field_widgets)
    assert editor.record() == record
