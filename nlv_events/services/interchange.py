"""The JSON interchange file ("nlv-events/1"): reading, checking, importing and exporting the whole store."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlv_events.core import guard, legacy_text, queries, rules, store, when
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.records import (
    CODE,
    COUNT,
    MOMENT,
    NAMES,
    PEOPLE,
    PROGRAMME,
    TEXT,
    VENUE,
    EventRecord,
    PersonEntry,
    PlanEntry,
    ProgrammeEntry,
    event_fields,
    field_names,
)
from nlv_events.core.rules import field_label
from nlv_events.i18n import _
from nlv_events.services import planning_interchange
from nlv_events.services.files import atomic_output

FORMAT = "nlv-events/1"
DOCUMENT_KEYS = {"format", "meta", "plans", "events", *planning_interchange.DOCUMENT_KEYS}
PLAN_KEYS = {"year", "kind", "target"}
# The keys of an event are the record's declared fields (core/records.py), plus its ref.
TEXT_KEYS = ("ref", *field_names(TEXT, CODE, VENUE))
CODE_KEYS = field_names(CODE)
COUNT_KEYS = field_names(COUNT)
EVENT_KEYS = {"ref", *field_names(), *planning_interchange.EVENT_KEYS}
PERSON_KEYS = {"name", "honorific", "position", "organisation", "role"}
PROGRAMME_KEYS = {"start", "end", "title", "place", "people"}


@dataclass
class Document:
    events: list[EventRecord] = field(default_factory=list)
    plans: list[PlanEntry] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    planning: planning_interchange.PlanningPart | None = None


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    plans: int = 0


class _Place:
    """Where in the file a value sits, for messages: "event 3, field “start”"."""

    def __init__(self, event: int | None = None, plan: int | None = None) -> None:
        self.event = event
        self.plan = plan

    def fail(self, key: str | None, problem: str) -> UserError:
        if self.event is not None and key:
            where = _("event {number}, field “{field}”").format(number=self.event, field=key)
        elif self.event is not None:
            where = _("event {number}").format(number=self.event)
        elif self.plan is not None:
            where = _("plan {number}, field “{field}”").format(number=self.plan, field=key)
        else:
            where = _("field “{field}”").format(field=key)
        return UserError(f"{where}: {problem}")


def _unknown_keys(data: dict, allowed: set[str], place: _Place, prefix: str = "") -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise place.fail(
            prefix + unknown[0],
            _("unknown key; the keys allowed here are: {keys}.").format(keys=", ".join(sorted(allowed))),
        )


def _text(data: dict, key: str, place: _Place, prefix: str = "", required: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise place.fail(prefix + key, _("this field is required."))
        return None
    if not isinstance(value, str):
        raise place.fail(prefix + key, _("expected text, found {value}.").format(value=json.dumps(value)))
    return value


def _count(data: dict, key: str, place: _Place) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise place.fail(key, _("expected a whole number, found {value}.").format(value=json.dumps(value)))
    return value


def _moment(data: dict, key: str, place: _Place, prefix: str = "", required: bool = False):
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


def _list(data: dict, key: str, place: _Place, prefix: str = "") -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise place.fail(prefix + key, _("expected a list."))
    return value


def _object(value: Any, place: _Place, key: str) -> dict:
    if not isinstance(value, dict):
        raise place.fail(key, _("expected an object."))
    return value


def _people(values: list, place: _Place, prefix: str) -> list[PersonEntry]:
    people = []
    for index, value in enumerate(values, start=1):
        where = f"{prefix}[{index}]."
        data = _object(value, place, f"{prefix}[{index}]")
        _unknown_keys(data, PERSON_KEYS, place, where)
        people.append(
            PersonEntry(
                name=_text(data, "name", place, where, required=True) or "",
                role=_text(data, "role", place, where) or "participant",
                honorific=_text(data, "honorific", place, where),
                position=_text(data, "position", place, where),
                organisation=_text(data, "organisation", place, where),
            )
        )
    return people


def record_from_dict(data: Any, number: int) -> EventRecord:
    """The event at position `number` (from 1) of a file, checked for shape and types."""
    place = _Place(event=number)
    data = _object(data, place, "events")
    _unknown_keys(data, EVENT_KEYS, place)
    texts = {key: _text(data, key, place) for key in TEXT_KEYS}
    for key in ("kind", "title"):
        if not texts[key]:
            raise place.fail(key, _("this field is required."))
    partners = _list(data, "partners", place)
    for index, partner in enumerate(partners, start=1):
        if not isinstance(partner, str):
            raise place.fail(f"partners[{index}]", _("expected the name of an organisation."))
    programme = []
    for index, value in enumerate(_list(data, "programme", place), start=1):
        prefix = f"programme[{index}]."
        row = _object(value, place, f"programme[{index}]")
        _unknown_keys(row, PROGRAMME_KEYS, place, prefix)
        programme.append(
            ProgrammeEntry(
                start=_moment(row, "start", place, prefix, required=True),
                end=_moment(row, "end", place, prefix),
                title=_text(row, "title", place, prefix, required=True) or "",
                place=_text(row, "place", place, prefix),
                people=_people(_list(row, "people", place, prefix), place, f"{prefix}people"),
            )
        )
    values: dict[str, Any] = {key: texts[key] for key in field_names(TEXT, VENUE)}
    values.update({key: texts[key] for key in CODE_KEYS if texts[key]})  # a missing code takes its default
    values.update({key: _count(data, key, place) for key in COUNT_KEYS})
    for key in field_names(MOMENT):
        values[key] = _moment(data, key, place, required=key == "start")
    return EventRecord(
        ref=texts["ref"],
        partners=list(partners),
        people=_people(_list(data, "people", place), place, "people"),
        programme=programme,
        **values,
    )


def _plan_from_dict(data: Any, number: int) -> PlanEntry:
    place = _Place(plan=number)
    data = _object(data, place, "plans")
    _unknown_keys(data, PLAN_KEYS, place)
    values = {}
    for key in ("year", "target"):
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise place.fail(key, _("expected a whole number, found {value}.").format(value=json.dumps(value)))
        values[key] = value
    return PlanEntry(year=values["year"], kind=_text(data, "kind", place, required=True) or "", target=values["target"])


def parse_document(data: Any) -> Document:
    """Check the shape of a decoded interchange file and turn it into records (nothing is stored)."""
    place = _Place()
    if not isinstance(data, dict):
        raise UserError(_("The file is not an NLV Events data file: it must hold one JSON object."))
    if data.get("format") != FORMAT:
        raise UserError(
            _("The file's “format” is {found}; expected “{expected}”.").format(
                found=json.dumps(data.get("format"), ensure_ascii=False), expected=FORMAT
            )
        )
    _unknown_keys(data, DOCUMENT_KEYS, place)
    meta = data.get("meta") or {}
    if not isinstance(meta, dict):
        raise place.fail("meta", _("expected an object."))
    return Document(
        events=[record_from_dict(value, number) for number, value in enumerate(_list(data, "events", place), 1)],
        plans=[_plan_from_dict(value, number) for number, value in enumerate(_list(data, "plans", place), 1)],
        meta=meta,
        planning=planning_interchange.parse(data),
    )


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read and check the interchange file at `path`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(_("The file {path} does not exist.").format(path=path)) from None
    except OSError as error:
        raise UserError(_("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UserError(_("{path} is not UTF-8 text; save it as UTF-8 and try again.").format(path=path)) from None
    except json.JSONDecodeError as error:
        raise UserError(
            _("{path} is not valid JSON (line {line}, column {column}: {reason}).").format(
                path=path, line=error.lineno, column=error.colno, reason=error.msg
            )
        ) from None
    return parse_document(data)


def _fill_from_current(record: EventRecord, current: EventRecord) -> None:
    """What a file leaves out of a person (form of address, position, organisation) is what that same event
    already says of them: a file of names only must not wipe the details an event was printed with."""
    known = {person.name: person for person in current.people}
    known_in_rows = {person.name: person for row in current.programme for person in row.people}
    for entry in record.people:
        _complete(entry, known.get(entry.name))
    for row in record.programme:
        for entry in row.people:
            _complete(entry, known_in_rows.get(entry.name))


def _complete(entry: PersonEntry, stored: PersonEntry | None) -> None:
    if stored is not None:
        entry.honorific = entry.honorific or stored.honorific
        entry.position = entry.position or stored.position
        entry.organisation = entry.organisation or stored.organisation


def _carry_row_ids(record: EventRecord, current: EventRecord) -> None:
    """Match the file's rows to the stored ones (by order) so an update keeps their ids."""
    for entry, stored in zip(record.people, current.people, strict=False):
        entry.id = stored.id
    for row, stored_row in zip(record.programme, current.programme, strict=False):
        row.id = stored_row.id
        for entry, stored in zip(row.people, stored_row.people, strict=False):
            entry.id = stored.id


def import_document(document: Document, progress: Progress | None = None) -> ImportSummary:
    """Store every plan and event of `document` in one transaction: all of it, or nothing.

    The events already stored are read a few hundred at a time and compared in memory, so re-importing an
    unchanged file of ten thousand events asks the database a few dozen times, not seventy thousand.
    `progress(done, total)` is called as events are handled; it may raise to cancel (nothing is then stored).
    """
    summary = ImportSummary()
    total = len(document.events)
    with guard.database_errors(), database_proxy.atomic():
        for number, plan in enumerate(document.plans, start=1):
            try:
                store.save_plan(plan)
            except ValidationError as error:
                raise _Place(plan=number).fail(error.field, error.message) from None
            summary.plans += 1
        for start in range(0, total, _IMPORT_BATCH):
            batch = document.events[start : start + _IMPORT_BATCH]
            stored = store.stored_by_ref([record.ref for record in batch if record.ref])
            for number, record in enumerate(batch, start=start + 1):
                try:
                    _import_one(record, stored, summary)
                except ValidationError as error:
                    raise _Place(event=number).fail(error.field and field_label(error.field), error.message) from None
            if progress is not None:
                progress(min(start + _IMPORT_BATCH, total), total)
        planning_interchange.import_part(document.planning, [record.id for record in document.events])
    return summary


Progress = Callable[[int, int], None]
_IMPORT_BATCH = 500


def _import_one(record: EventRecord, stored: dict[str, tuple[EventRecord, bool]], summary: ImportSummary) -> None:
    rules.validate(record)
    found = stored.get(record.ref) if record.ref else None
    if found is None and not record.ref:
        existing = store.find_existing(record)
        if existing is not None:
            found = (store.load_record(existing), existing.deleted_at is not None)
    if found is None:
        store.save_event(record)
        summary.created += 1
        return
    current, deleted = found
    _fill_from_current(record, current)
    record.id = current.id
    record.ref = record.ref or current.ref
    if not deleted and current == record:
        summary.unchanged += 1
        return
    _carry_row_ids(record, current)
    store.save_event(record)
    summary.updated += 1


def person_to_dict(person: PersonEntry) -> dict[str, Any]:
    data: dict[str, Any] = {"name": person.name}
    for key in ("honorific", "position", "organisation"):
        if getattr(person, key):
            data[key] = getattr(person, key)
    data["role"] = person.role
    return data


def programme_row_to_dict(row: ProgrammeEntry) -> dict[str, Any]:
    return {
        "start": when.to_iso(row.start),
        "end": when.to_iso(row.end),
        "title": row.title,
        "place": row.place,
        "people": [person_to_dict(person) for person in row.people],
    }


# How each kind of declared field is written in the file.
_WRITERS = {
    TEXT: lambda value: value,
    CODE: lambda value: value,
    VENUE: lambda value: value,
    COUNT: lambda value: value,
    MOMENT: when.to_iso,
    NAMES: list,
    PEOPLE: lambda people: [person_to_dict(person) for person in people],
    PROGRAMME: lambda rows: [programme_row_to_dict(row) for row in rows],
}


def record_to_dict(record: EventRecord) -> dict[str, Any]:
    """The interchange form of an event: its ref and every declared field, `null` where empty."""
    data: dict[str, Any] = {"ref": record.ref}
    for item in event_fields():
        data[item.name] = _WRITERS[item.metadata["kind"]](getattr(record, item.name))
    return data


def export_document(year: int | None = None, progress: Progress | None = None) -> dict[str, Any]:
    """The whole store (or the events starting in `year` and that year's plan) as an interchange document."""
    ids = [event_id for (event_id,) in queries.events(year=year).select(Event.id).tuples()]
    events: list[dict[str, Any]] = []
    for start in range(0, len(ids), _IMPORT_BATCH):
        events.extend(record_to_dict(record) for record in store.load_records(ids[start : start + _IMPORT_BATCH]))
        if progress is not None:
            progress(len(events), len(ids))
    document = {"format": FORMAT, "plans": [plan.__dict__ for plan in store.plans(year)], "events": events}
    planning_interchange.add_to_export(document, ids)
    return document


def write_document(document: dict[str, Any], path: str | os.PathLike[str]) -> None:
    with atomic_output(path, "w", encoding="utf-8", newline="\n") as stream:
        json.dump(document, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


class LegacyTextError(UserError):
    """The file holds text typed in the old TCVN3 encoding and the user has not (yet) said to convert it."""


def handle_legacy_text(document: Document, convert: bool) -> int:
    """Find text typed in the old TCVN3 encoding; convert it when asked, else refuse the file saying where.
    Returns how many texts were converted."""
    converted = 0
    for number, record in enumerate(document.events, start=1):
        for name in ("title", "title_en", "theme", "occasion", "venue", "description", "notes"):
            value = getattr(record, name)
            if legacy_text.looks_like_tcvn3(value):
                if not convert:
                    found = _Place(event=number).fail(
                        name, _("the text “{text}” looks like the old TCVN3 (ABC) encoding.").format(text=value[:40])
                    )
                    raise LegacyTextError(found.message)
                setattr(record, name, legacy_text.tcvn3_to_unicode(value))
                converted += 1
        record.partners = [
            legacy_text.tcvn3_to_unicode(p) if legacy_text.looks_like_tcvn3(p) else p for p in record.partners
        ]
    return converted
