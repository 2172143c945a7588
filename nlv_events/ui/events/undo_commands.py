"""Undoable changes: every save, delete and restore of an event, and every change to the form's tables, is a
QUndoCommand."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _, ngettext
from nlv_events.services.events import event_store

if TYPE_CHECKING:  # the sample's removal and its demo module load when the command runs
    from nlv_events.services.workspace.sample_removal import SampleRemoval

Changed = Callable[[int | None], None]  # told which event to show after a change
Failed = Callable[[UserError], None]  # told why a change could not be made


class Snapshot(QUndoCommand):
    """A change to a table of the form (people, programme rows), kept as the rows before and after: `apply` puts
    a copy of either back in the table."""

    def __init__(self, apply: Callable[[list], None], before: list, after: list, text: str) -> None:
        super().__init__(text)
        self._apply, self._before, self._after = apply, copy.deepcopy(before), copy.deepcopy(after)

    def redo(self) -> None:
        self._apply(copy.deepcopy(self._after))

    def undo(self) -> None:
        self._apply(copy.deepcopy(self._before))


class SaveEventCommand(QUndoCommand):
    """Create (when `before` is None) or edit an event; undo deletes the new one or puts the old one back.

    Undo and redo each expect the event as this command last left it: if a colleague has saved it since, the
    store raises ConflictError naming what they changed, and nothing of theirs is overwritten.
    """

    def __init__(
        self, before: EventRecord | None, after: EventRecord, changed: Changed, failed: Failed | None = None,
        *, copied_from: int | None = None, move_tasks: bool = True,
    ) -> None:
        """`copied_from`: the event a new one copies (its tasks are copied open, not made from the template);
        `move_tasks`: whether the event's open tasks follow its days (the user was asked), undo and redo alike."""
        super().__init__()
        self._copied_from, self._move_tasks = copied_from, move_tasks
        self._before = copy.deepcopy(before)
        self._after = copy.deepcopy(after)
        self._changed = changed
        self._failed = failed
        self.event_id: int | None = before.id if before else None
        # What the store holds when this command is about to redo: the event as the user opened it.
        self._expected: EventRecord | None = copy.deepcopy(before)
        title = after.title if len(after.title) <= 40 else after.title[:39] + "…"
        self.setText(_("edit “{title}”").format(title=title) if before else _("add “{title}”").format(title=title))

    def redo(self) -> None:
        record = copy.deepcopy(self._after)
        if self.event_id is not None:
            record.id = self.event_id
            if self._before is None:
                event_store.restore(self.event_id)
                self._expected = None
        if not self._save(record):
            return
        self.event_id = record.id
        self._changed(self.event_id)

    def undo(self) -> None:
        assert self.event_id is not None
        if self._before is None:
            event_store.delete(self.event_id)
            self._changed(None)
            return
        record = copy.deepcopy(self._before)
        record.id = self.event_id
        _keep_row_ids(record, self._expected)
        if self._save(record):
            self._changed(self.event_id)

    def _save(self, record: EventRecord) -> bool:
        try:
            event_store.save(record, base=self._expected, copied_from=self._copied_from, move_tasks=self._move_tasks)
        except UserError as error:
            # Someone else changed (or deleted) the event since: this step can no longer be undone or redone
            # without overwriting them, so it leaves the stack and `failed` tells the user why. (An exception
            # must not cross QUndoStack: Qt would go on to emit its signals with the error pending.)
            self.setObsolete(True)
            if self._failed is None:
                raise
            self._failed(error)
            return False
        self._expected = copy.deepcopy(record)
        return True


def _keep_row_ids(record: EventRecord, stored: EventRecord | None) -> None:
    """Programme rows deleted by the edit come back as new rows; rows it kept keep their ids (they are the same
    rows). The event's people keep theirs: the save brings a person the edit removed back under their row's id,
    with the photos that showed them (core/photo_links)."""
    if stored is None:
        return
    stored_rows = {row.id for row in stored.programme}
    for row in record.programme:
        if row.id not in stored_rows:
            row.id = None
            for entry in row.people:
                entry.id = None


class DeleteEventCommand(QUndoCommand):
    def __init__(self, event_id: int, title: str, changed: Changed) -> None:
        super().__init__()
        self._event_id = event_id
        self._changed = changed
        self.setText(_("delete “{title}”").format(title=title if len(title) <= 40 else title[:39] + "…"))

    def redo(self) -> None:
        event_store.delete(self._event_id)
        self._changed(None)

    def undo(self) -> None:
        event_store.restore(self._event_id)
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
    """Take the sample events out of the record (to the deleted events), with the plan targets and names only the
    sample brought; undo puts every one back."""

    def __init__(self, event_ids: list[int], changed: Changed) -> None:
        super().__init__()
        self._event_ids = list(event_ids)
        self._changed = changed
        self._removal: SampleRemoval | None = None
        count = len(event_ids)
        self.setText(ngettext("remove {count} sample event", "remove {count} sample events", count).format(count=count))

    def redo(self) -> None:
        # Here, not at the top: the demo module loads the interchange format of every feature, a tenth of the
        # window's start, for a command few ever give.
        from nlv_events.services.workspace import demo

        self._removal = demo.take_out_sample(self._event_ids)
        self._changed(None)

    def undo(self) -> None:
        if self._removal is not None:
            from nlv_events.services.workspace import sample_removal

            sample_removal.put_back(self._removal)
        self._changed(None)
