"""An event's declared fields as the interchange file writes them: plain dicts of text, numbers and lists.

Apart from exporting.py, which imports every feature's part of the file: `nlv-events events --format json` writes
these dicts alone, and importing the features took about half of that command's time."""

from __future__ import annotations

import functools
import operator
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


# How each kind of declared field is written in the file: the kinds not named are written as they are.
_WRITERS: dict[str, Callable[[Any], Any]] = {
    records.MOMENT: when.to_iso,
    records.NAMES: list,
    records.PEOPLE: lambda people: [person_to_dict(person) for person in people],
    records.PROGRAMME: lambda rows: [programme_row_to_dict(row) for row in rows],
}
_AS_THEY_ARE = frozenset({records.TEXT, records.CODE, records.VENUE, records.COUNT})


def record_to_dict(record: records.EventRecord) -> dict[str, Any]:
    """The interchange form of an event: its ref and every declared field, `null` where empty."""
    names, values_of, converted = _fields()
    data: dict[str, Any] = {"ref": record.ref}
    data.update(zip(names, values_of(record), strict=True))  # every field in the declared order, in one call
    for name, write in converted:
        data[name] = write(data[name])  # in its place: a key set again keeps its order
    return data


@functools.cache
def _fields() -> tuple[tuple[str, ...], Callable[[Any], tuple], tuple[tuple[str, Callable[[Any], Any]], ...]]:
    """The declared fields' names in order, a getter of their values, and the writer of each field not written as
    it is (looked up once, not for every event: a year of 2 857 events wrote 86 000 fields one call at a time)."""
    fields = records.event_fields()
    names = tuple(item.name for item in fields)
    getter = operator.attrgetter(*names)
    values_of = getter if len(names) > 1 else lambda record: (getter(record),)
    converted = tuple(  # a kind of field neither written as it is nor named in _WRITERS is a KeyError here
        (item.name, _WRITERS[item.metadata["kind"]]) for item in fields if item.metadata["kind"] not in _AS_THEY_ARE
    )
    return names, values_of, converted
