"""Opening the event editor on a stored event as the window does, for the flows that work inside it."""

from __future__ import annotations

from nlv_events.core import event_reading
from nlv_events.core.models import Event
from nlv_events.ui.events.event_editor import EventEditor


def event_id(ref: str) -> int:
    return Event.get(Event.ref == ref).id


def open_editor(qtbot, event: int) -> EventEditor:
    """The editor on stored event `event`, shown and active, as a double click in the list opens it."""
    editor = EventEditor(event_reading.load_record(event))
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    return editor
