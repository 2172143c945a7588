"""Undoable changes to the store: every save, delete and restore of an event is a QUndoCommand."""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from nlv_events.core import store
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _, ngettext
from nlv_events.services import sample_data

Changed = Callable[[int | None], None]  # told which event to show after a change


class SaveEventCommand(QUndoCommand):
    """Create (when `before` is None) or edit an event; undo deletes the new one or puts the old one back."""

    def __init__(self, before: EventRecord | None, after: EventRecord, changed: Changed) -> None:
        super().__init__()
        self._before = copy.deepcopy(before)
        self._after = copy.deepcopy(after)
        self._changed = changed
        self.event_id: int | None = before.id if before else None
        title = after.title if len(after.title) <= 40 else after.title[:39] + "…"
        self.setText(_("edit “{title}”").format(title=title) if before else _("add “{title}”").format(title=title))

    def redo(self) -> None:
        record = copy.deepcopy(self._after)
        if self.event_id is not None:
            record.id = self.event_id
            if self._before is None:
                store.restore_event(self.event_id)
        store.save_event(record)
        self.event_id = record.id
        self._changed(self.event_id)

    def undo(self) -> None:
        assert self.event_id is not None
        if self._before is None:
            store.delete_event(self.event_id)
            self._changed(None)
            return
        record = copy.deepcopy(self._before)
        record.id = self.event_id
        store.save_event(record)
        self._changed(self.event_id)


class DeleteEventCommand(QUndoCommand):
    def __init__(self, event_id: int, title: str, changed: Changed) -> None:
        super().__init__()
        self._event_id = event_id
        self._changed = changed
        self.setText(_("delete “{title}”").format(title=title if len(title) <= 40 else title[:39] + "…"))

    def redo(self) -> None:
        store.delete_event(self._event_id)
        self._changed(None)

    def undo(self) -> None:
        store.restore_event(self._event_id)
        self._changed(self._event_id)


class RestoreEventCommand(DeleteEventCommand):
    def __init__(self, event_id: int, title: str, changed: Changed) -> None:
        super().__init__(event_id, title, changed)
        self.setText(_("restore “{title}”").format(title=title if len(title) <= 40 else title[:39] + "…"))

    def redo(self) -> None:
        super().undo()

    def undo(self) -> None:
        super().redo()


class RemoveSampleCommand(QUndoCommand):
    """Take the sample events out of the record (to the deleted events); undo puts every one back."""

    def __init__(self, event_ids: list[int], changed: Changed) -> None:
        super().__init__()
        self._event_ids = list(event_ids)
        self._changed = changed
        count = len(event_ids)
        self.setText(ngettext("remove {count} sample event", "remove {count} sample events", count).format(count=count))

    def redo(self) -> None:
        sample_data.remove(self._event_ids)
        self._changed(None)

    def undo(self) -> None:
        sample_data.put_back(self._event_ids)
        self._changed(None)
