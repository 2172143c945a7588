"""An event list's import: what the file holds and what storing it would do (the preview), then storing it whole.

Each row's event gets a `ref` made from its year, kind, folded title and start, so importing the same list again
finds the events it made and changes nothing, and a list corrected in Excel updates them. A row that is an event
already entered by hand (same kind, start and title, accents and case aside) updates that event, never a second
one, and the preview says so before anything is stored. Only what the list gives is written over: a cell left
empty keeps what the event says (a list of titles and dates never wipes a description).
"""

from __future__ import annotations

import copy
import hashlib
import os
from dataclasses import dataclass, field

from nlv_events.core import event_reading, store, when
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.core.text import fold
from nlv_events.i18n import _
from nlv_events.services.interchange import features, importing
from nlv_events.services.interchange.list_import import rows, sources
from nlv_events.services.interchange.list_import.rows import ListRow, ReadTable, Unreadable
from nlv_events.services.interchange.reading import Document

REF_PREFIX = "list-"
# What each meaning of a column fills of an event (the others, "number", fill nothing).
_FILLS = {"kind": ("kind",), "title": ("title",), "dates": ("start", "end"), "start": ("start",), "end": ("end",),
          "venue": ("venue",), "role": ("role",), "partners": ("partners",), "format": ("format",),
          "attendance": ("attendance",), "online_views": ("online_views",), "items_displayed": ("items_displayed",),
          "notes": ("notes",)}
NEW, SAME, UPDATE, BY_HAND = "new", "same", "update", "by_hand"


@dataclass
class Planned:
    """A row and what storing it does: NEW, SAME (nothing), UPDATE (an event this import made), BY_HAND (an event
    entered by hand: `changes` names the fields it would change)."""

    row: ListRow
    action: str
    changes: list[str] = field(default_factory=list)


@dataclass
class Preview:
    path: str
    tables: list[ReadTable]
    planned: list[Planned] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for item in self.planned if item.action == action)


def list_ref(record: EventRecord) -> str:
    """The ref of a list's event: the same row of the same list always makes the same one."""
    key = "|".join((str(record.start.year), record.kind, fold(record.title), when.to_iso(when.day_of(record.start))))
    return REF_PREFIX + hashlib.sha1(key.encode("utf-8")).hexdigest()[:24]


def preview(
    path: str | os.PathLike[str],
    year: int | None = None,
    sheet: str | None = None,
    overrides: dict[int, str] | None = None,
    encoding: str | None = None,
) -> Preview:
    """Read the list and compare it with the store; nothing is written."""
    tables = [
        table
        for source in sources.read(path, sheet, encoding)
        if (table := rows.read_table(source, year, overrides)) is not None
    ]
    if not tables:
        raise UserError(
            _("{file} holds no table with a header row naming the events and their dates (such as “Tên sự kiện” "
              "and “Thời gian”).").format(file=os.path.basename(path))
        )
    result = Preview(str(path), tables)
    seen: dict[str, ListRow] = {}
    for table in tables:
        result.unreadable += table.unreadable
        result.notices += table.notices
        for row in table.rows:
            ref = list_ref(row.record)
            if ref in seen:
                result.unreadable.append(Unreadable(row.number, row.table, _("the same event as row {row}.").format(
                    row=seen[ref].number)))
                continue
            seen[ref] = row
            row.record.ref = ref
    stored = _stored([row.record for row in seen.values()])
    for table in tables:
        for row in table.rows:
            if seen.get(row.record.ref or "") is row:
                result.planned.append(_plan(row, table.columns.values(), stored.get(row.record.ref or "")))
    result.unreadable.sort(key=lambda item: ([table.name for table in tables].index(item.table), item.number))
    return result


def _match_keys(kind: str, day, title: str) -> tuple[str, str, str]:
    return kind, str(day), fold(title)


def _stored(records: list[EventRecord]) -> dict[str, tuple[EventRecord, bool]]:
    """The stored event each record (by its ref) is: the one with its ref, else a live one of the same kind, start
    and title; whole, with whether it is deleted. Read in a few queries whatever the list's length."""
    found = event_reading.stored_by_ref([record.ref for record in records if record.ref])
    missing = [record for record in records if record.ref not in found]
    if not missing:
        return found
    days = [when.day_of(record.start) for record in missing]
    live = Event.select(Event.id, Event.kind, Event.start_date, Event.title).where(
        Event.deleted_at.is_null() & Event.start_date.between(min(days), max(days))
    )
    by_key = {_match_keys(kind, when.as_date(day), title): event_id for event_id, kind, day, title in live.tuples()}
    wanted = {record.ref: by_key.get(_match_keys(record.kind, when.day_of(record.start), record.title))
              for record in missing}
    loaded = {record.id: record for record in event_reading.load_records([i for i in wanted.values() if i])}
    for ref, event_id in wanted.items():
        if event_id in loaded:
            found[ref] = (loaded[event_id], False)  # type: ignore[index]
    return found


def _plan(row: ListRow, meanings, stored: tuple[EventRecord, bool] | None) -> Planned:
    if stored is None:
        return Planned(row, NEW)
    current, deleted = stored
    merged = copy.deepcopy(current)
    for meaning in meanings:
        for name in _FILLS.get(meaning, ()):
            value = getattr(row.record, name)
            if value not in (None, "", []):
                setattr(merged, name, value)
    merged.ref = current.ref
    changes = store.changed_fields(current, merged)
    row.record = merged
    if not changes and not deleted:
        return Planned(row, SAME)
    return Planned(row, BY_HAND if not (current.ref or "").startswith(REF_PREFIX) else UPDATE, changes)


def apply(plan: Preview) -> importing.ImportSummary:
    """Store every event of the preview in one transaction: all of them, or none (and nothing when a row was
    unreadable)."""
    if plan.unreadable:
        shown = "; ".join(str(item) for item in plan.unreadable[:10])
        raise UserError(_("Nothing was imported; correct the file and try again: {problems}").format(problems=shown))
    records = [item.row.record for item in plan.planned]
    # The features' parts (an exhibition, guests, photos) as a file that says nothing of them: left as they are.
    raw_events: list[dict] = [{} for _record in records]
    parts = {part.name: part.parse({"events": raw_events}, raw_events) for part in features.registered()}
    return importing.import_document(Document(events=records, parts=parts), batch_size=max(len(records), 1))
