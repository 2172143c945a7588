"""An event in the change history: the whole record as a snapshot (to view and restore a version exactly) and what
changed between two versions, field by field and row by row (a programme row and a person by their ids)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry, field_names

_MOMENTS = ("start", "end")
_ROW_FIELDS = ("start", "end", "title", "place")


# The fields of each kind of record, in their declared order (the order of a snapshot's keys).
_EVENT_FIELDS = tuple(item.name for item in dataclasses.fields(EventRecord))
_PERSON_FIELDS = tuple(item.name for item in dataclasses.fields(PersonEntry))
_PROGRAMME_FIELDS = tuple(item.name for item in dataclasses.fields(ProgrammeEntry))
# The declared fields compared one by one (the people and programme are compared row by row), in the form's order.
_PLAIN_FIELDS = tuple(name for name in field_names() if name not in ("people", "programme"))


def snapshot(record: EventRecord) -> dict[str, Any]:
    """The record as plain JSON values: moments in ISO form, people and programme rows with their ids.

    What `dataclasses.asdict` gives, key for key, built knowing the record's shape: asdict deep-copies each of
    some seventy values an event through generic recursion, 1.7 ms an event, the most of a first import's time
    (its "created" entries hold one snapshot an event)."""
    data = {name: getattr(record, name) for name in _EVENT_FIELDS}
    data["partners"] = list(record.partners)
    data["people"] = [_person(person) for person in record.people]
    data["programme"] = [_programme_row(row) for row in record.programme]
    _moments_to_text(data)
    return data


def stored_snapshot(
    record: EventRecord, venue: str | None, partners: list[str], people: list[PersonEntry],
    rows_people: list[list[PersonEntry]],
) -> dict[str, Any]:
    """`snapshot` of `record` as it reads back once stored: its `venue`, `partners` and `people` under their stored
    names, and each programme row's people (`rows_people`, in the rows' order) likewise. What `snapshot` gives of
    the record so copied, without the copies (an import makes one a new event)."""
    data = {name: getattr(record, name) for name in _EVENT_FIELDS}
    data["venue"], data["partners"] = venue, partners
    data["people"] = [_person(person) for person in people]
    data["programme"] = [_programme_row(row, row_people) for row, row_people in zip(record.programme, rows_people,
                                                                                     strict=True)]
    _moments_to_text(data)
    return data


def _person(person: PersonEntry) -> dict[str, Any]:
    return {name: getattr(person, name) for name in _PERSON_FIELDS}


def _programme_row(row: ProgrammeEntry, people: list[PersonEntry] | None = None) -> dict[str, Any]:
    data = {name: getattr(row, name) for name in _PROGRAMME_FIELDS}
    data["people"] = [_person(person) for person in (row.people if people is None else people)]
    _moments_to_text(data)
    return data


def from_snapshot(data: dict[str, Any]) -> EventRecord:
    """The record a snapshot holds (the inverse of `snapshot`)."""
    values = dict(data)
    _moments_from_text(values)
    values["people"] = [PersonEntry(**person) for person in values.get("people", [])]
    rows = []
    for row in values.get("programme", []):
        row = dict(row)
        _moments_from_text(row)
        row["people"] = [PersonEntry(**person) for person in row.get("people", [])]
        rows.append(ProgrammeEntry(**row))
    values["programme"] = rows
    known = {item.name for item in dataclasses.fields(EventRecord)}
    return EventRecord(**{name: value for name, value in values.items() if name in known})


def _moments_to_text(values: dict[str, Any]) -> None:
    for name in _MOMENTS:
        if values.get(name) is not None:
            values[name] = values[name].isoformat()


def _moments_from_text(values: dict[str, Any]) -> None:
    for name in _MOMENTS:
        text = values.get(name)
        if isinstance(text, str):
            values[name] = dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


def changes(before: EventRecord | None, after: EventRecord) -> list[dict[str, Any]]:
    """What `after` changed of `before` (None: a new event, every filled field): each field with its old and new
    value, then each person and programme row added, removed or changed, by id."""
    return snapshot_changes(snapshot(before) if before is not None else None, snapshot(after))


def snapshot_changes(old_snapshot: dict[str, Any] | None, new: dict[str, Any]) -> list[dict[str, Any]]:
    """`changes` between two snapshots (None: a new event), for a caller that has made them already."""
    is_new, old = old_snapshot is None, old_snapshot or {}
    found: list[dict[str, Any]] = []
    for name in _PLAIN_FIELDS:
        if old.get(name) != new.get(name) and (not is_new or new.get(name) not in (None, "", [])):
            found.append({"field": name, "old": old.get(name), "new": new.get(name)})
    found += _row_changes("people", old.get("people", []), new["people"], ("name", "role", "honorific", "position",
                                                                           "organisation"))
    found += _row_changes("programme", old.get("programme", []), new["programme"], (*_ROW_FIELDS, "people"))
    return found


def _row_changes(noun: str, before: list[dict], after: list[dict], compared: tuple[str, ...]) -> list[dict[str, Any]]:
    old_rows = {row["id"]: row for row in before if row.get("id") is not None}
    found: list[dict[str, Any]] = []
    for row in after:
        previous = old_rows.pop(row.get("id"), None)
        label = row.get("title") or row.get("name")
        if previous is None:
            found.append({"row": noun, "id": row.get("id"), "change": "added", "name": label})
            continue
        fields = [
            {"field": name, "old": _shown(previous.get(name)), "new": _shown(row.get(name))}
            for name in compared
            if previous.get(name) != row.get(name)
        ]
        if fields:
            found.append({"row": noun, "id": row["id"], "change": "changed", "name": label, "fields": fields})
    for row_id, row in old_rows.items():
        found.append({"row": noun, "id": row_id, "change": "removed", "name": row.get("title") or row.get("name")})
    return found


def _shown(value: Any) -> Any:
    """A row's people as their names; any other value as it is."""
    if isinstance(value, list):
        return [person.get("name") for person in value]
    return value
