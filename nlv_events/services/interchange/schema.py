"""The JSON Schema (draft 2020-12) of the interchange file `nlv-events/1`, made from the declarations.

An event's keys are EventRecord's declared fields (core/records.py: what each holds, which are required, the codes
of its vocabulary), its people and programme rows PersonEntry and ProgrammeEntry, a plan line PlanEntry; each
feature's part adds the schema of its own keys (InterchangePart.document_schema and event_schema). The published
copy, docs/nlv-events-1.schema.json, is written by `python -m nlv_events.services.interchange.schema FILE`, and a
test checks that it is what this module makes.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from nlv_events.core import vocab
from nlv_events.core.records import (
    CODE,
    COUNT,
    MOMENT,
    NAMES,
    PEOPLE,
    PROGRAMME,
    TEXT,
    VENUE,
    PersonEntry,
    PlanEntry,
    ProgrammeEntry,
    event_fields,
    is_required,
)
from nlv_events.services.interchange import features, json_types

FORMAT = "nlv-events/1"  # the file's "format": the name of this schema
DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:nlv-events:interchange:1"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


# What each kind of declared field of an event is in the file (a code: one of its vocabulary's).
_BY_KIND: dict[str, dict[str, Any]] = {
    TEXT: json_types.TEXT,
    VENUE: json_types.TEXT,
    COUNT: json_types.COUNT,
    MOMENT: json_types.MOMENT,
    NAMES: json_types.list_of(json_types.TEXT),
    PEOPLE: json_types.list_of(_ref("person")),
    PROGRAMME: json_types.list_of(_ref("programme_row")),
}


def _declared_field(item) -> dict[str, Any]:
    kind = item.metadata["kind"]
    if kind == CODE:
        schema = json_types.codes(vocab.VOCABULARIES[item.metadata["vocabulary"]])
    else:
        schema = _BY_KIND[kind]
    if not is_required(item):
        return json_types.optional(schema)
    return json_types.REQUIRED_TEXT if schema == json_types.TEXT else schema


def event_schema() -> dict[str, Any]:
    """An event: its ref, its declared fields, then the keys of each feature's part."""
    properties: dict[str, dict[str, Any]] = {"ref": json_types.optional(json_types.TEXT)}
    properties.update({item.name: _declared_field(item) for item in event_fields()})
    for part in features.registered():
        properties.update(part.event_schema())
    return json_types.obj(properties, [item.name for item in event_fields() if is_required(item)])


def definitions() -> dict[str, dict[str, Any]]:
    return {
        "event": event_schema(),
        "person": json_types.dataclass_object(PersonEntry),
        "programme_row": json_types.dataclass_object(
            ProgrammeEntry,
            {"start": json_types.MOMENT, "end": json_types.MOMENT, "people": json_types.list_of(_ref("person"))},
        ),
        "plan": json_types.dataclass_object(PlanEntry, {"kind": json_types.codes(vocab.KINDS)}),
    }


def document_schema() -> dict[str, Any]:
    """The schema of the whole file, with the parts registered now."""
    properties: dict[str, dict[str, Any]] = {
        "format": {"const": FORMAT},
        "meta": {"type": ["object", "null"]},
        "plans": json_types.optional(json_types.list_of(_ref("plan"))),
        "events": json_types.optional(json_types.list_of(_ref("event"))),
    }
    for part in features.registered():
        properties.update(part.document_schema())
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        "title": f"NLV Events interchange file ({FORMAT})",
        "description": "Events, plans, exhibitions, guests, series, photos and news items of the National Library "
        "of Vietnam's events record; described key by key in docs/data-format.md.",
        **json_types.obj(properties, ["format"]),
        "$defs": definitions(),
    }


def schema_text() -> str:
    return json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    """Write the schema to the file named in `argv` (docs/nlv-events-1.schema.json)."""
    from nlv_events.core.files import atomic_output

    (path,) = argv
    with atomic_output(os.fspath(path), "w", encoding="utf-8", newline="\n") as stream:
        stream.write(schema_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
