"""The rows a part keeps under each event (its tasks, photos, press articles …) as an import found them, to bring
them back, by id, when the import is taken back (InterchangePart.keep and take_back)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from nlv_events.core.event_reading import in_values
from nlv_events.core.models import BaseModel

# Ids per statement (SQLite allows 999 parameters in old builds).
_CHUNK = 500


@dataclass
class RowsKept:
    """Every row of `model` under each kept event, as stored (column values by field name, the id among them)."""

    model: type[BaseModel]
    rows: dict[int, list[dict[str, Any]]]


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _rows_of(model: type[BaseModel], event_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {event_id: [] for event_id in event_ids}
    event = model.event  # type: ignore[attr-defined]
    for chunk in _chunks(event_ids):
        # `in_values`: peewee's `in_` built a node for each of the 500 ids of every batch of a re-import
        for row in model.select().where(in_values(event, list(chunk))).order_by(model.id).dicts():  # type: ignore[attr-defined]
            found[row["event"]].append(row)
    return found


def keep(model: type[BaseModel], event_ids: Sequence[int]) -> RowsKept:
    """The rows of `model` (a table with an `event` column) under `event_ids`, as they are."""
    return RowsKept(model, _rows_of(model, event_ids))


def changed_events(kept: RowsKept) -> list[int]:
    """The kept events whose rows are not as kept any more (added, removed or changed, ids included)."""
    now = _rows_of(kept.model, list(kept.rows))
    return [event_id for event_id, rows in kept.rows.items() if now[event_id] != rows]


def bring_back(kept: RowsKept, event_ids: Sequence[int]) -> None:
    """Make the rows of `event_ids` the kept ones again, each with its id (ids a take-back frees are its own)."""
    model = kept.model
    for chunk in _chunks(event_ids):
        model.delete().where(model.event.in_(chunk)).execute()  # type: ignore[attr-defined]
    rows = [row for event_id in event_ids for row in kept.rows[event_id]]
    for start in range(0, len(rows), 100):  # about twenty columns a row: within SQLite's parameters
        model.insert_many(rows[start : start + 100]).execute()


def take_back(kept: RowsKept) -> list[int]:
    """Bring back the rows of every kept event that changed; returns those events."""
    changed = changed_events(kept)
    if changed:
        bring_back(kept, changed)
    return changed
