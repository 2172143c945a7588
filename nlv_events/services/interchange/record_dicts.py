"""An event's declared fields as the interchange file writes them: plain dicts of text, numbers and lists.

Apart from exporting.py, which imports every feature's part of the file: `nlv-events events --format json` writes
these dicts alone, and importing the features took about half of that command's time."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from nlv_events.core import records, when


def person_to_dict(person: records.PersonEntry) -> dict[str, Any]:
    data: dict[str, Any] = {"name": person.name}
    for key in ("honorific", "position", "organisation"):
        if getattr(person, key):
            data[key] = getattr(person, key)
    data["role"] = person.role
    if person.person_ref:
        data["ref"] = person.person_ref  # who they are: another person may bear the same name
    return data


def programme_row_to_dict(row: records.ProgrammeEntry) -> dict[str, Any]:
    return {
        "start": when.to_iso(row.start),
        "end": when.to_iso(row.end),
        "title": row.title,
        "place": row.place,
        "people": [person_to_dict(person) for person in row.people],
    }


# How each kind of declared field is written in the file.
_WRITERS: dict[str, Callable[[Any], Any]] = {
    records.TEXT: lambda value: value,
    records.CODE: lambda value: value,
    records.VENUE: lambda value: value,
    records.COUNT: lambda value: value,
    records.MOMENT: when.to_iso,
    records.NAMES: list,
    records.PEOPLE: lambda people: [person_to_dict(person) for person in people],
    records.PROGRAMME: lambda rows: [programme_row_to_dict(row) for row in rows],
}


def record_to_dict(record: records.EventRecord) -> dict[str, Any]:
    """The interchange form of an event: its ref and every declared field, `null` where empty."""
    data: dict[str, Any] = {"ref": record.ref}
    for name, write in _field_writers():
        data[name] = write(getattr(record, name))
    return data


@functools.cache
def _field_writers() -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Each declared field's name and writer, in the declared order (looked up once, not for every event)."""
    return tuple((item.name, _WRITERS[item.metadata["kind"]]) for item in records.event_fields())
