"""Writing the change history: one appended row for each save, in the save's own transaction.

`core/versioned.py` calls `row_written` after each versioned write and `rows_synced` after a child-row sync, so every
record that saves through it (photos, series, guests, people, venues, plan targets, an exhibition's and a guest
list's parts) is in the history with who, when, its new version and each field's old and new value, without its
saver doing anything. A save that knows its record better (an event, with its programme and people) records one
entry of its own, with the whole record as a snapshot to restore (`event_saved`), and keeps the generic entries out
(`recorded_by_caller`).

A part saved as a whole under its event (the exhibition, the guest list: an extra version column) passes a
`snapshot` to its versioned write: the entry of its version N+1 keeps the whole part as it stood at version N,
read at the step, before the save changes a row. Every save of a part steps its version first, so this holds
whatever path saves it (a form, an import, a drag on the guest list); the newest version is the part as stored.
Contacts never enter a snapshot.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import orjson
import peewee

from nlv_events.core import who
from nlv_events.core.history_models import ChangeEntry

# Columns a save steps or derives on every save: their change says nothing a person did.
_HIDDEN_COLUMNS = frozenset({"id", "version", "exhibit_version", "guest_list_version", "updated_at", "search_text"})
# Contacts are personal data: the history says that they changed, never what they were.
_PRIVATE_COLUMNS = frozenset({"email", "phone", "invitation_sent_to"})  # the address an invitation went to

# What an added or removed row's entry leaves out (with its empty fields): where its file is kept and what the file
# measures say nothing to a reader; the row's name and what was written about it do.
_BOOKKEEPING = frozenset({"digest", "path", "size", "width", "height", "orientation", "added_at", "sort_order"})

_caller_records: contextvars.ContextVar[bool] = contextvars.ContextVar("history_caller_records", default=False)
# The record the last versioned write of this context saved: the owner of the child rows synced after it.
_owner: contextvars.ContextVar[tuple[str, int] | None] = contextvars.ContextVar("history_owner", default=None)
# The version a restore brings back: its versioned write is entered as "restored" (see `restoring`).
_restoring: contextvars.ContextVar[int | None] = contextvars.ContextVar("history_restoring", default=None)


@contextlib.contextmanager
def recorded_by_caller() -> Iterator[None]:
    """Within: versioned writes and syncs leave the history to their caller, who records a fuller entry."""
    token = _caller_records.set(True)
    try:
        yield
    finally:
        _caller_records.reset(token)


@contextlib.contextmanager
def restoring(version: int) -> Iterator[None]:
    """Within: the versioned write of a part is entered as the restore of its `version`, not a plain change."""
    token = _restoring.set(version)
    try:
        yield
    finally:
        _restoring.reset(token)


def to_json(value: Any) -> str:
    """A history text: what `json.dumps(value, ensure_ascii=False, default=_plain)` holds, written by orjson (a first
    import of 100 000 events writes 200 000 of them: the standard encoder took a tenth of it). orjson writes no
    blank after ":" and ",", which a reader of JSON never sees; a value it refuses (a whole number past 64 bits, a
    lone surrogate) is written, or refused, as the standard library does."""
    try:
        return orjson.dumps(value, default=_plain, option=_AS_THE_STANDARD_LIBRARY).decode("utf-8")
    except orjson.JSONEncodeError:
        return _ENCODER.encode(value)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.time, dt.datetime)):
        return value.isoformat()
    return str(value)


# Dates and dataclasses go to `_plain` as with the standard library (orjson would write them its own way).
_AS_THE_STANDARD_LIBRARY = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
# The standard encoder, made once (dumps makes one for each call), for what orjson refuses.
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_plain, sort_keys=False)


def row_values(model: type[peewee.Model], row_id: int) -> dict[str, Any] | None:
    """The stored columns of a row (by column name), or None when there is no such row."""
    if _caller_records.get():
        return None
    row = model.select().where(model.id == row_id).dicts().first()  # type: ignore[attr-defined]
    return dict(row) if row is not None else None


def kind_of(model: type[peewee.Model], column: peewee.Field | None = None) -> str:
    """The record kind a history row names: the table, or the part an extra version column keeps ("exhibit")."""
    if column is not None and column.name != "version":
        return column.name.removesuffix("_version")
    return model._meta.table_name  # type: ignore[attr-defined]


def field_diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The columns that differ, with their old and new values (contacts only named)."""
    changes = []
    for name in [*after, *(name for name in before if name not in after)]:
        new = after.get(name)
        if name in _HIDDEN_COLUMNS or before.get(name) == new:
            continue
        if name in _PRIVATE_COLUMNS:
            changes.append({"field": name})
        else:
            changes.append({"field": name, "old": before.get(name), "new": new})
    return changes


def row_written(model: type[peewee.Model], row_id: int, version: int, before: Mapping[str, Any] | None,
                column: peewee.Field | None = None, part: Callable[[], Mapping[str, Any]] | None = None) -> None:
    """Append the entry of a versioned write (called by versioned.write in the save's transaction). `part` reads
    the whole part an extra version column keeps: the entry holds it as the version this write replaces."""
    kind = kind_of(model, column)
    _owner.set((kind, row_id))
    if _caller_records.get():
        return
    after = row_values(model, row_id) or {}
    # A row of an event's (a guest, a photo) is listed in the event's history too.
    parent = ("event", after["event"]) if kind != "event" and isinstance(after.get("event"), int) else None
    if column is not None and column.name != "version":
        snapshot = None if part is None else {"version": version - 1, **part()}
    else:
        snapshot = _private_free(after)
    restored_from = _restoring.get()
    append(kind, row_id, version, "changed" if restored_from is None else "restored", field_diff(before or {}, after),
           parent=parent, snapshot=snapshot, restored_from=restored_from)


def rows_synced(model: type[peewee.Model], stored: Mapping[int, Mapping[str, Any]],
                rows: Mapping[int, Mapping[str, Any]], removed: set[int],
                parent: tuple[str, int] | None = None) -> None:
    """Append an entry for each child row a sync added, changed or removed, under `parent` (by default the owner
    of the last versioned write: an exhibition's rows under it)."""
    if _caller_records.get():
        return
    kind = model._meta.table_name  # type: ignore[attr-defined]
    parent = parent or _owner.get()
    for row_id in sorted(removed):
        append(kind, row_id, None, "removed", field_diff(stored[row_id], {}), parent=parent,
               snapshot=_private_free(stored[row_id]))
    for row_id, values in rows.items():
        if row_id not in stored:
            append(kind, row_id, None, "added", field_diff({}, values), parent=parent, snapshot=_private_free(values))
        else:
            changes = field_diff(stored[row_id], {**stored[row_id], **values})
            if changes:
                append(kind, row_id, None, "changed", changes, parent=parent)


def rows_added(model: type[peewee.Model], row_ids: Iterable[int]) -> None:
    """Append an "added" entry for each of `row_ids`, rows just inserted under an event (its tasks, photos, press
    articles, attached files), listed in the event's history as a sync lists the rows it adds."""
    _rows_entries(model, list(row_ids), added=True)


def rows_removing(model: type[peewee.Model], row_ids: Iterable[int]) -> None:
    """Append a "removed" entry for each of `row_ids`, rows of an event's about to be deleted (in the same
    transaction), with what they held."""
    _rows_entries(model, list(row_ids), added=False)


def _rows_entries(model: type[peewee.Model], row_ids: list[int], added: bool) -> None:
    if not row_ids or _caller_records.get():
        return
    rows = model.select().where(model.id.in_(row_ids)).order_by(model.id).dicts()  # type: ignore[attr-defined]
    for row in rows:
        values = {name: value for name, value in row.items()
                  if value not in (None, "", False) and name not in _BOOKKEEPING}  # fmt: skip
        parent = ("event", values["event"]) if isinstance(values.get("event"), int) else None
        stored, written = ({}, {values["id"]: values}) if added else ({values["id"]: values}, {})
        rows_synced(model, stored, written, set() if added else {values["id"]}, parent)


def _private_free(values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if name not in _PRIVATE_COLUMNS}


def created_events(saved: list[tuple[int, dict[str, Any]]]) -> None:
    """The "created" entries of many events stored at once (an import's new events, each as its id and snapshot),
    each as `store.save_event` writes it, in a few statements: one `append` per event would cost what the batched
    insert saved."""
    from nlv_events.core.row_inserts import insert_rows

    if not saved:
        return
    by, at = who.current_user(), dt.datetime.now().replace(microsecond=0)
    rows = [
        {"record_kind": "event", "record_id": event_id, "parent_kind": None, "parent_id": None, "version": 1,
         "action": "created", "changed_by": by, "changed_at": at, "changes": CHANGES_IN_SNAPSHOT,
         "snapshot": to_json(whole), "restored_from": None}
        for event_id, whole in saved
    ]  # fmt: skip
    insert_rows(ChangeEntry, rows)


# The changes of an event's "created" entry are every field and row its snapshot fills: the entry keeps the
# snapshot alone and they are derived when read (`entry_changes`). Kept twice, they were half of an imported
# record's history, which was two thirds of its database.
CHANGES_IN_SNAPSHOT = ""


def entry_changes(kind: str, action: str, changes: str | None, snapshot: str | None) -> list[dict[str, Any]]:
    """An entry's changes as the history shows them: as stored, or for an event's "created" entry whose changes
    its snapshot holds (every entry written since), derived from that snapshot."""
    if changes or kind != "event" or action != "created" or not snapshot:
        return json.loads(changes or "[]")
    from nlv_events.core.event_history import snapshot_changes

    return snapshot_changes(None, json.loads(snapshot))


def append(kind: str, record_id: int, version: int | None, action: str, changes: list[dict[str, Any]] | None,
           snapshot: Any = None, parent: tuple[str, int] | None = None, restored_from: int | None = None) -> int:
    """Insert one history row; the caller's transaction makes it part of the save. `changes` None: those its
    snapshot holds (an event's "created" entry, see CHANGES_IN_SNAPSHOT)."""
    return ChangeEntry.insert(
        record_kind=kind,
        record_id=record_id,
        parent_kind=parent[0] if parent else None,
        parent_id=parent[1] if parent else None,
        version=version,
        action=action,
        changed_by=who.current_user(),
        changed_at=dt.datetime.now().replace(microsecond=0),
        changes=CHANGES_IN_SNAPSHOT if changes is None else to_json(changes),
        snapshot=None if snapshot is None else to_json(snapshot),
        restored_from=restored_from,
    ).execute()
