"""Reading the change history of an event and bringing back an earlier version as a new change.

The entries are those core/history.py appended: the event's own (with the whole event as a snapshot) and those of
the parts saved under it (its exhibition's rows, its guests, its photos), newest last.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from nlv_events.core import event_history, event_reading, guard, store
from nlv_events.core import history as core_history
from nlv_events.core.errors import NothingToRestore, UserError
from nlv_events.core.history_models import ChangeEntry
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.services.team import history_words


@dataclass
class Change:
    """One entry of the history, as the window and the command line show it."""

    id: int
    kind: str
    record_id: int
    version: int | None
    action: str
    by: str
    at: str
    changes: list[dict[str, Any]]
    restored_from: int | None
    has_snapshot: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version, "kind": self.kind, "id": self.record_id, "action": self.action, "by": self.by,
            "at": self.at, "changes": self.changes, "restored_from": self.restored_from,
        }


# The rows each part of an event is made of, as their entries name them (a guest's own save is under the event).
_PART_ROWS = {"exhibit": ("exhibit_section", "exhibit_item", "exhibit_loan"), "guest_list": ("guest",)}


def changes_of(event_id: int, part: str | None = None) -> list[Change]:
    """Every entry of the event and of what is saved under it, oldest first; `part` ("exhibit", "guest_list") only
    that part's entries and its rows'. UserError for an unknown event."""
    _existing(event_id)
    if part is None:
        where = (
            ((ChangeEntry.record_kind == "event") & (ChangeEntry.record_id == event_id))
            | (ChangeEntry.parent_kind.in_(("event", "exhibit", "guest_list")) & (ChangeEntry.parent_id == event_id))
            | (ChangeEntry.record_kind.in_(("exhibit", "guest_list")) & (ChangeEntry.record_id == event_id))
        )
    else:
        where = ((ChangeEntry.record_kind == part) & (ChangeEntry.record_id == event_id)) | (
            ChangeEntry.record_kind.in_(_PART_ROWS.get(part, ()))
            & ChangeEntry.parent_kind.in_(("event", part))
            & (ChangeEntry.parent_id == event_id)
        )
    query = ChangeEntry.select().where(where).order_by(ChangeEntry.id)
    return [
        Change(
            id=row.id,
            kind=row.record_kind,
            record_id=row.record_id,
            version=row.version,
            action=row.action,
            by=row.changed_by,
            at=row.changed_at.isoformat(sep=" ") if hasattr(row.changed_at, "isoformat") else str(row.changed_at),
            changes=core_history.entry_changes(row.record_kind, row.action, row.changes, row.snapshot),
            restored_from=row.restored_from,
            has_snapshot=row.snapshot is not None,
        )
        for row in query
    ]


def _existing(event_id: int) -> None:
    if not Event.select().where(Event.id == event_id).exists():
        raise UserError(_("There is no event number {id}.").format(id=event_id))


def version_of(event_id: int, version: int) -> EventRecord:
    """The event as it was saved at `version`; UserError when the history holds no such version."""
    _existing(event_id)
    snapshot = (
        ChangeEntry.select(ChangeEntry.snapshot)
        .where(
            (ChangeEntry.record_kind == "event")
            & (ChangeEntry.record_id == event_id)
            & (ChangeEntry.version == version)
            & ChangeEntry.snapshot.is_null(False)
        )
        .order_by(ChangeEntry.id.desc())
        .scalar()
    )
    if snapshot is None:
        raise UserError(
            _("The history of event {id} holds no version {version}: see nlv-events history {id}.").format(
                id=event_id, version=version
            )
        )
    return event_history.from_snapshot(json.loads(snapshot))


def restore(event_id: int, version: int, base: EventRecord | None = None) -> EventRecord:
    """Save the event as it was at `version`, as a new change on top of the current one (the restore is in the
    history, nothing is overwritten). `base` is the event as the user sees it now: a colleague's save since is a
    conflict, as for any save; None restores over whatever is stored."""
    with guard.database_errors(), database_proxy.atomic():
        earlier = version_of(event_id, version)
        if Event.select().where((Event.id == event_id) & Event.deleted_at.is_null(False)).exists():
            # A save makes an event live: the restore would take it out of the deleted events unsaid.
            raise UserError(
                _("Event {id} is among the deleted events: bring it back first (Edit → Deleted events), then restore "
                  "a version of it.").format(id=event_id)
            )
        current = event_reading.load_record(event_id)
        earlier.id, earlier.ref = event_id, current.ref
        earlier.version = current.version
        if earlier == current:
            raise NothingToRestore(
                _("Nothing was saved: event {id} is already as it was at version {version}.").format(
                    id=event_id, version=version
                )
            )
        store.save_event(earlier, base or current, restored_from=version)
    return event_reading.load_record(event_id)


def describe(change: Change) -> str:
    """One line of what an entry changed, for the table of the command line and the window."""
    parts = []
    for item in change.changes:
        if "row" in item:
            parts.append(_row_words(item))
        elif item["field"] == "event" and change.kind != "event":
            continue  # a row's event: the one whose history lists it
        elif "old" in item or "new" in item:
            field = item["field"]
            old, new = (history_words.value_words(change.kind, field, item.get(side)) for side in ("old", "new"))
            label = history_words.field_label(field, change.kind)
            parts.append(_("{field}: {old} → {new}").format(field=label, old=old, new=new))
        else:
            parts.append(_("{field} changed").format(field=history_words.field_label(item["field"], change.kind)))
    if change.restored_from is not None:
        parts.insert(0, _("restored version {version}").format(version=change.restored_from))
    return "; ".join(parts)


def _row_words(item: dict[str, Any]) -> str:
    words = {"added": _("added"), "removed": _("removed"), "changed": _("changed")}[item["change"]]
    fields = ", ".join(history_words.field_label(field["field"]) for field in item.get("fields", []))
    label = f"{history_words.field_label(item['row'])} #{item['id']} “{item.get('name') or ''}” {words}"
    return f"{label} ({fields})" if fields else label

