"""Checking a decoded interchange file ("nlv-events/1") and turning it into records: nothing is stored here."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from nlv_events.core import records, when
from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.services.interchange import features
from nlv_events.services.interchange.parts import Place
from nlv_events.services.interchange.schema import FORMAT

OWN_DOCUMENT_KEYS = {"format", "meta", "plans", "events"}
PLAN_KEYS = {"year", "kind", "target"}
# The keys of an event are the record's declared fields (core/records.py), plus its ref and the parts' keys.
TEXT_KEYS = ("ref", *records.field_names(*records.TEXT_KINDS))
REQUIRED_TEXT_KEYS = tuple(item.name for item in records.event_fields(*records.TEXT_KINDS) if records.is_required(item))
CODE_KEYS = records.field_names(records.CODE)
COUNT_KEYS = records.field_names(records.COUNT)
_FREE_TEXT_KEYS = records.field_names(records.TEXT, records.VENUE)
_MOMENT_KEYS = tuple((item.name, records.is_required(item)) for item in records.event_fields(records.MOMENT))
OWN_EVENT_KEYS = {"ref", *records.field_names()}
PERSON_KEYS = {"name", "honorific", "position", "organisation", "role", "ref"}
PROGRAMME_KEYS = {"start", "end", "title", "place", "people"}


@dataclass
class Document:
    events: list[records.EventRecord] = field(default_factory=list)
    plans: list[records.PlanEntry] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    parts: dict[str, Any] = field(default_factory=dict)  # what each registered part read, by the part's name


def _unknown_keys(data: dict, allowed: set[str], place: Place, prefix: str = "") -> None:
    if allowed.issuperset(data):  # as nearly always: no set to build and sort (an import checks 700 000 objects)
        return
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise place.fail(
            prefix + unknown[0],
            _("unknown key; the keys allowed here are: {keys}.").format(keys=", ".join(sorted(allowed))),
        )


def _text(data: dict, key: str, place: Place, prefix: str = "", required: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise place.fail(prefix + key, _("this field is required."))
        return None
    if not isinstance(value, str):
        raise place.fail(prefix + key, _("expected text, found {value}.").format(value=json.dumps(value)))
    return value


def _count(data: dict, key: str, place: Place) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise place.fail(key, _("expected a whole number, found {value}.").format(value=json.dumps(value)))
    return value


def _moment(data: dict, key: str, place: Place, prefix: str = "", required: bool = False):
    text = _text(data, key, place, prefix, required)
    if text is None:
        return None
    try:
        return when.parse(text)
    except ValueError:
        raise place.fail(
            prefix + key,
            _("“{value}” is not a date such as 2023-04-21 or a date and time such as 2023-04-21T08:00.").format(
                value=text
            ),
        ) from None


def _list(data: dict, key: str, place: Place, prefix: str = "") -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise place.fail(prefix + key, _("expected a list."))
    return value


def _object(value: Any, place: Place, key: str) -> dict:
    if not isinstance(value, dict):
        raise place.fail(key, _("expected an object."))
    return value


def _people(values: list, place: Place, prefix: str) -> list[records.PersonEntry]:
    people = []
    for index, value in enumerate(values, start=1):
        where = f"{prefix}[{index}]."
        data = _object(value, place, f"{prefix}[{index}]")
        _unknown_keys(data, PERSON_KEYS, place, where)
        people.append(
            records.PersonEntry(
                name=_text(data, "name", place, where, required=True) or "",
                role=_text(data, "role", place, where) or "participant",
                honorific=_text(data, "honorific", place, where),
                position=_text(data, "position", place, where),
                organisation=_text(data, "organisation", place, where),
                person_ref=_text(data, "ref", place, where),
            )
        )
    return people


def _programme(data: dict, place: Place) -> list[records.ProgrammeEntry]:
    programme = []
    for index, value in enumerate(_list(data, "programme", place), start=1):
        prefix = f"programme[{index}]."
        row = _object(value, place, f"programme[{index}]")
        _unknown_keys(row, PROGRAMME_KEYS, place, prefix)
        programme.append(
            records.ProgrammeEntry(
                start=_moment(row, "start", place, prefix, required=True),
                end=_moment(row, "end", place, prefix),
                title=_text(row, "title", place, prefix, required=True) or "",
                place=_text(row, "place", place, prefix),
                people=_people(_list(row, "people", place, prefix), place, f"{prefix}people"),
            )
        )
    return programme


def record_from_dict(data: Any, number: int, allowed: set[str] | None = None) -> records.EventRecord:
    """The event at position `number` (from 1) of a file, checked for shape and types; `allowed` are the keys an
    event may have (its own and the registered parts')."""
    place = Place(event=number)
    data = _object(data, place, "events")
    _unknown_keys(data, allowed if allowed is not None else OWN_EVENT_KEYS | features.event_keys(), place)
    texts = {}
    for key in TEXT_KEYS:  # `_text` of each, called only for a value that is neither text nor null (it refuses it)
        value = data.get(key)
        texts[key] = value if value is None or value.__class__ is str else _text(data, key, place)
    for key in REQUIRED_TEXT_KEYS:
        if not texts[key]:
            raise place.fail(key, _("this field is required."))
    partners = _list(data, "partners", place)
    for index, partner in enumerate(partners, start=1):
        if not isinstance(partner, str):
            raise place.fail(f"partners[{index}]", _("expected the name of an organisation."))
    programme = _programme(data, place)
    values: dict[str, Any] = {key: texts[key] for key in _FREE_TEXT_KEYS}
    values.update({key: texts[key] for key in CODE_KEYS if texts[key]})  # a missing code takes its default
    values.update({key: _count(data, key, place) for key in COUNT_KEYS})
    for key, required in _MOMENT_KEYS:
        values[key] = _moment(data, key, place, required=required)
    return records.EventRecord(
        ref=texts["ref"],
        partners=list(partners),
        people=_people(_list(data, "people", place), place, "people"),
        programme=programme,
        **values,
    )


def _plan_from_dict(data: Any, number: int) -> records.PlanEntry:
    place = Place(plan=number)
    data = _object(data, place, "plans")
    _unknown_keys(data, PLAN_KEYS, place)
    values = {}
    for key in ("year", "target"):
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise place.fail(key, _("expected a whole number, found {value}.").format(value=json.dumps(value)))
        values[key] = value
    return records.PlanEntry(
        year=values["year"], kind=_text(data, "kind", place, required=True) or "", target=values["target"]
    )


def parse_document(data: Any) -> Document:
    """Check the shape of a decoded interchange file and turn it into records (nothing is stored)."""
    place = Place()
    if not isinstance(data, dict):
        raise UserError(_("The file is not an NLV Events data file: it must hold one JSON object."))
    if data.get("format") != FORMAT:
        raise UserError(
            _("The file's “format” is {found}; expected “{expected}”.").format(
                found=json.dumps(data.get("format"), ensure_ascii=False), expected=FORMAT
            )
        )
    from nlv_events.services.interchange import schema_check  # jsonschema loads only when a file is read

    schema_check.check(data)  # the shape of the whole file first, against its published schema
    registered = features.registered()
    _unknown_keys(data, OWN_DOCUMENT_KEYS | features.document_keys(), place)
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise place.fail("meta", _("expected an object."))
    raw_events = _list(data, "events", place)
    allowed = OWN_EVENT_KEYS | features.event_keys()
    document = Document(
        events=[record_from_dict(value, number, allowed) for number, value in enumerate(raw_events, 1)],
        plans=[_plan_from_dict(value, number) for number, value in enumerate(_list(data, "plans", place), 1)],
        meta=meta,
    )
    for part in registered:
        document.parts[part.name] = part.parse(data, raw_events)
    _refuse_duplicates(document)
    return document


def _identity(record: records.EventRecord) -> tuple:
    """What makes two events of one file the same stored event (see store.find_existing)."""
    if record.ref:
        return ("ref", record.ref.strip())
    return ("event", record.kind, record.title.strip(), when.to_iso(record.start))


def _refuse_duplicates(document: Document) -> None:
    """Two events of one file that stand for the same stored event would silently become one: refuse the file."""
    seen: dict[tuple, int] = {}
    for number, record in enumerate(document.events, start=1):
        identity = _identity(record)
        if identity in seen:
            if identity[0] == "ref":
                problem = _(
                    "Events {first} and {second} of the file have the same ref “{ref}”; each event needs its own ref. "
                    "Nothing was imported."
                ).format(first=seen[identity], second=number, ref=record.ref)
            else:
                problem = _(
                    "Events {first} and {second} of the file have the same kind, title and start and no ref, so they "
                    "would become one event; give each a ref or remove one. Nothing was imported."
                ).format(first=seen[identity], second=number)
            raise UserError(problem)
        seen[identity] = number
