"""The JSON interchange file ("nlv-events/1"): reading, checking, importing and exporting the whole store."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlv_events.core import guard, legacy_text, queries, rules, store, when
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.models import Person, database_proxy
from nlv_events.core.records import EventRecord, PersonEntry, PlanEntry, ProgrammeEntry
from nlv_events.core.rules import field_label
from nlv_events.i18n import _
from nlv_events.services import media_interchange
from nlv_events.services.files import atomic_output

FORMAT = "nlv-events/1"
DOCUMENT_KEYS = {"format", "meta", "plans", "events"}
PLAN_KEYS = {"year", "kind", "target"}
TEXT_KEYS = (
    "ref",
    "kind",
    "title",
    "title_en",
    "theme",
    "occasion",
    "venue",
    "format",
    "status",
    "role",
    "audience",
    "description",
    "notes",
    "news_url",
)
COUNT_KEYS = ("attendance", "online_views", "items_displayed")
EVENT_KEYS = {*TEXT_KEYS, *COUNT_KEYS, "start", "end", "partners", "people", "programme", *media_interchange.EVENT_KEYS}
PERSON_KEYS = {"name", "honorific", "position", "organisation", "role"}
PROGRAMME_KEYS = {"start", "end", "title", "place", "people"}


@dataclass
class Document:
    events: list[EventRecord] = field(default_factory=list)
    plans: list[PlanEntry] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    media: list[media_interchange.MediaPart] = field(default_factory=list)  # per event, in the same order


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
    optional_codes = {key: texts[key] for key in ("format", "status", "role", "audience") if texts[key]}
    return EventRecord(
        ref=texts["ref"],
        kind=texts["kind"] or "",
        title=texts["title"] or "",
        title_en=texts["title_en"],
        theme=texts["theme"],
        occasion=texts["occasion"],
        start=_moment(data, "start", place, required=True),
        end=_moment(data, "end", place),
        venue=texts["venue"],
        partners=list(partners),
        attendance=_count(data, "attendance", place),
        online_views=_count(data, "online_views", place),
        items_displayed=_count(data, "items_displayed", place),
        description=texts["description"],
        notes=texts["notes"],
        news_url=texts["news_url"],
        people=_people(_list(data, "people", place), place, "people"),
        programme=programme,
        **optional_codes,
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
    events = _list(data, "events", place)
    return Document(
        events=[record_from_dict(value, number) for number, value in enumerate(events, 1)],
        media=[media_interchange.parse(value, _Place(event=number)) for number, value in enumerate(events, 1)],
        plans=[_plan_from_dict(value, number) for number, value in enumerate(_list(data, "plans", place), 1)],
        meta=meta,
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


def _comparable(record: EventRecord) -> EventRecord:
    copy = EventRecord(**{**record.__dict__})
    copy.id = None
    copy.version = None
    return copy


def _fill_known_people(record: EventRecord) -> None:
    """Complete what a file leaves out of a person with what the store knows, as saving would."""
    entries = [*record.people, *(person for row in record.programme for person in row.people)]
    for entry in entries:
        stored = Person.get_or_none(Person.name == entry.name)
        if stored is None:
            continue
        entry.honorific = entry.honorific or stored.honorific
        entry.position = entry.position or stored.position
        if not entry.organisation and stored.organisation_id:
            entry.organisation = stored.organisation.name


def import_document(document: Document) -> ImportSummary:
    """Store every plan and event of `document` in one transaction: all of it, or nothing."""
    summary = ImportSummary()
    after_saving: list[tuple[int, EventRecord, media_interchange.MediaPart]] = []
    with guard.database_errors(), database_proxy.atomic():
        for number, plan in enumerate(document.plans, start=1):
            try:
                store.save_plan(plan)
            except ValidationError as error:
                raise _Place(plan=number).fail(error.field, error.message) from None
            summary.plans += 1
        for number, record in enumerate(document.events, start=1):
            if document.media:
                after_saving.append((number, record, document.media[number - 1]))
            try:
                rules.validate(record)
                existing = store.find_existing(record)
                if existing is None:
                    store.save_event(record)
                    summary.created += 1
                    continue
                current = store.load_record(existing)
                _fill_known_people(record)
                record.id = existing.id
                record.ref = record.ref or existing.ref
                if existing.deleted_at is None and _comparable(current) == _comparable(record):
                    summary.unchanged += 1
                    continue
                store.save_event(record)
                summary.updated += 1
            except ValidationError as error:
                raise _Place(event=number).fail(error.field and field_label(error.field), error.message) from None
        for number, record, part in after_saving:
            media_interchange.apply(record.id, part, _Place(event=number))
    return summary


def person_to_dict(person: PersonEntry) -> dict[str, Any]:
    data: dict[str, Any] = {"name": person.name}
    for key in ("honorific", "position", "organisation"):
        if getattr(person, key):
            data[key] = getattr(person, key)
    data["role"] = person.role
    return data


def record_to_dict(record: EventRecord) -> dict[str, Any]:
    """The interchange form of an event: every field, `null` where empty."""
    return {
        "ref": record.ref,
        "kind": record.kind,
        "title": record.title,
        "title_en": record.title_en,
        "theme": record.theme,
        "occasion": record.occasion,
        "start": when.to_iso(record.start),
        "end": when.to_iso(record.end),
        "venue": record.venue,
        "format": record.format,
        "status": record.status,
        "role": record.role,
        "partners": list(record.partners),
        "audience": record.audience,
        "attendance": record.attendance,
        "online_views": record.online_views,
        "items_displayed": record.items_displayed,
        "description": record.description,
        "notes": record.notes,
        "news_url": record.news_url,
        "people": [person_to_dict(person) for person in record.people],
        "programme": [
            {
                "start": when.to_iso(row.start),
                "end": when.to_iso(row.end),
                "title": row.title,
                "place": row.place,
                "people": [person_to_dict(person) for person in row.people],
            }
            for row in record.programme
        ],
    }


def export_document(year: int | None = None) -> dict[str, Any]:
    """The whole store (or the events starting in `year` and that year's plan) as an interchange document."""
    media_of = media_interchange.exporter()
    return {
        "format": FORMAT,
        "plans": [plan.__dict__ for plan in store.plans(year)],
        "events": [
            {**record_to_dict(store.load_record(event)), **media_of(event.id)} for event in queries.events(year=year)
        ],
    }


def write_document(document: dict[str, Any], path: str | os.PathLike[str]) -> None:
    with atomic_output(path, "w", encoding="utf-8", newline="\n") as stream:
        json.dump(document, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


def handle_legacy_text(document: Document, convert: bool) -> int:
    """Find text typed in the old TCVN3 encoding; convert it when asked, else refuse the file saying where.
    Returns how many texts were converted."""
    converted = 0
    for number, record in enumerate(document.events, start=1):
        for name in ("title", "title_en", "theme", "occasion", "venue", "description", "notes"):
            value = getattr(record, name)
            if legacy_text.looks_like_tcvn3(value):
                if not convert:
                    raise _Place(event=number).fail(
                        name,
                        _(
                            "the text “{text}” looks like the old TCVN3 (ABC) encoding; import with --convert-legacy "
                            "to convert it to Unicode."
                        ).format(text=value[:40]),
                    )
                setattr(record, name, legacy_text.tcvn3_to_unicode(value))
                converted += 1
        record.partners = [
            legacy_text.tcvn3_to_unicode(p) if legacy_text.looks_like_tcvn3(p) else p for p in record.partners
        ]
    return converted
