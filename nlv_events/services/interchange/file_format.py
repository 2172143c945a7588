"""The JSON interchange file ("nlv-events/1"): reading, checking, importing and exporting the whole store."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlv_events.core import guard, legacy_text, queries, rules, store, when
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.models import AnnualPlan, Event, database_proxy
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
from nlv_events.i18n import _, ngettext
from nlv_events.services.exhibits import exhibit_interchange
from nlv_events.services.guests import guest_interchange
from nlv_events.services.media import media_interchange
from nlv_events.services.planning import planning_interchange
from nlv_events.services.workspace.files import atomic_output

log = logging.getLogger(__name__)
FORMAT = "nlv-events/1"
DOCUMENT_KEYS = {"format", "meta", "plans", "events", *planning_interchange.DOCUMENT_KEYS}
PLAN_KEYS = {"year", "kind", "target"}
# The keys of an event are the record's declared fields (core/records.py), plus its ref.
TEXT_KEYS = ("ref", *field_names(TEXT, CODE, VENUE))
CODE_KEYS = field_names(CODE)
COUNT_KEYS = field_names(COUNT)
EVENT_KEYS = {"ref", *field_names(), *planning_interchange.EVENT_KEYS, exhibit_interchange.KEY, "guests"}
EVENT_KEYS |= media_interchange.EVENT_KEYS
PERSON_KEYS = {"name", "honorific", "position", "organisation", "role"}
PROGRAMME_KEYS = {"start", "end", "title", "place", "people"}


@dataclass
class Document:
    events: list[EventRecord] = field(default_factory=list)
    plans: list[PlanEntry] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    planning: planning_interchange.PlanningPart | None = None
    exhibits: dict[int, Any] = field(default_factory=dict)  # by event position (from 1); see exhibit_interchange
    guests: dict[int, list] = field(default_factory=dict)  # by event number; absent in older files
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
    document = Document(
        events=[record_from_dict(value, number) for number, value in enumerate(_list(data, "events", place), 1)],
        media=[
            media_interchange.parse(value, _Place(event=number))
            for number, value in enumerate(_list(data, "events", place), 1)
        ],
        plans=[_plan_from_dict(value, number) for number, value in enumerate(_list(data, "plans", place), 1)],
        meta=meta,
        planning=planning_interchange.parse(data),
        exhibits=exhibit_interchange.parse_events(_list(data, "events", place)),
        guests={
            number: guest_interchange.parse(value["guests"], _Place(event=number).fail)
            for number, value in enumerate(_list(data, "events", place), 1)
            if isinstance(value, dict) and value.get("guests") is not None
        },
    )
    _refuse_duplicates(document)
    return document


def _identity(record: EventRecord) -> tuple:
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


def _bad_string(value: Any, path: str) -> str | None:
    """The place of the first text (key or value) holding a lone surrogate, which no file or database can store."""
    if isinstance(value, str):
        return path if _has_surrogate(value) else None
    if isinstance(value, list):
        for index, item in enumerate(value, start=1):
            found = _bad_string(item, f"{path}[{index}]")
            if found:
                return found
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else key
            if _has_surrogate(key):
                return path or "/"
            found = _bad_string(item, inner)
            if found:
                return found
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read and check the interchange file at `path`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(_("The file {path} does not exist.").format(path=path)) from None
    except OSError as error:
        raise UserError(_("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)) from None
    return parse_text(raw, path)


def parse_text(raw: bytes, path: str | os.PathLike[str]) -> Document:
    """Decode and check the bytes of an interchange file read from `path` (named in messages)."""
    try:
        text = raw.decode("utf-8-sig")
        data = json.loads(text)
        # Strict UTF-8 cannot hold a surrogate: only a \uD800-\uDFFF escape can make one, so a file without such
        # an escape skips the walk through its half million strings (a third of reading ten thousand events).
        bad = _bad_string(data, "") if _SURROGATE_ESCAPE.search(text) else None
    except UnicodeDecodeError:
        raise UserError(_("{path} is not UTF-8 text; save it as UTF-8 and try again.").format(path=path)) from None
    except json.JSONDecodeError as error:
        raise UserError(
            _("{path} is not valid JSON (line {line}, column {column}: {reason}).").format(
                path=path, line=error.lineno, column=error.colno, reason=error.msg
            )
        ) from None
    except RecursionError:
        raise UserError(
            _("{path} nests lists or objects too deeply to be an NLV Events data file; nothing was imported.").format(
                path=path
            )
        ) from None
    except ValueError:  # Python refuses integers of more than 4 300 digits
        raise UserError(
            _("{path} holds a number with thousands of digits, which no field can take; nothing was imported.").format(
                path=path
            )
        ) from None
    if bad is not None:
        raise UserError(
            _(
                "{path}: the text at “{place}” holds a broken character (a lone UTF-16 surrogate such as \\ud800); "
                "fix or remove it. Nothing was imported."
            ).format(path=path, place=bad)
        )
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


Progress = Callable[[int, int], None]
# Events written per transaction: a large import lets other people save between batches instead of waiting for it.
BATCH_SIZE = 500


@dataclass
class _Undo:
    """What an import has committed so far, to take it back whole if a later batch fails."""

    created: list[int] = field(default_factory=list)
    replaced: list[EventRecord] = field(default_factory=list)
    plans: list[tuple[PlanEntry, int | None]] = field(default_factory=list)


def _check_all(document: Document) -> None:
    """Every rule on every plan and event, before anything is written: a bad one refuses the whole file."""
    for number, plan in enumerate(document.plans, start=1):
        try:
            rules.validate_plan(plan)
        except ValidationError as error:
            raise _Place(plan=number).fail(error.field, error.message) from None
    for number, record in enumerate(document.events, start=1):
        try:
            rules.validate(record)
            if number in document.exhibits:
                exhibit_interchange.check(document.exhibits[number], number, record.kind)
        except ValidationError as error:
            raise _Place(event=number).fail(error.field and field_label(error.field), error.message) from None


def _import_event(
    record: EventRecord,
    stored: dict[str, tuple[EventRecord, bool]],
    summary: ImportSummary,
    undo: _Undo,
    exhibit: Any = None,
    number: int = 0,
) -> None:
    """Add, update or leave one (already checked) event — with its exhibition's sections, items and loans when the
    file gives them; `stored` holds the batch's stored events by ref."""
    found = stored.get(record.ref) if record.ref else None
    if found is None and not record.ref:
        existing = store.find_existing(record)
        if existing is not None:
            found = (store.load_record(existing), existing.deleted_at is not None)
    if found is None:
        saved = store.save_event(record)
        if exhibit is not None:
            exhibit_interchange.store_exhibit(saved.id, number, exhibit)
        undo.created.append(saved.id)
        summary.created += 1
        return
    current, deleted = found
    _fill_from_current(record, current)
    record.id = current.id
    record.ref = record.ref or current.ref
    exhibit_changed = exhibit is not None and exhibit_interchange.differs(current.id, exhibit)
    if not deleted and current == record and not exhibit_changed:
        summary.unchanged += 1
        return
    _carry_row_ids(record, current)
    store.save_event(record)
    if exhibit_changed:
        exhibit_interchange.store_exhibit(current.id, number, exhibit)
    undo.replaced.append(current)
    summary.updated += 1


def _take_back(undo: _Undo) -> None:
    """Undo the batches already committed, newest first, so a failed import leaves the store as it found it."""
    with database_proxy.atomic():
        for start in range(0, len(undo.created), 500):
            Event.delete().where(Event.id.in_(undo.created[start : start + 500])).execute()
        for previous in reversed(undo.replaced):
            previous.version = None
            store.save_event(previous)
        for plan, target in reversed(undo.plans):
            if target is None:
                AnnualPlan.delete().where((AnnualPlan.year == plan.year) & (AnnualPlan.kind == plan.kind)).execute()
            else:
                AnnualPlan.update(target=target).where(
                    (AnnualPlan.year == plan.year) & (AnnualPlan.kind == plan.kind)
                ).execute()


def import_document(
    document: Document, progress: Progress | None = None, batch_size: int = BATCH_SIZE
) -> ImportSummary:
    """Store every plan and event of `document`: all of it, or nothing.

    Everything is checked first. A file of up to `batch_size` events is written in one transaction; a larger one in
    transactions of `batch_size` events, so others can save in between, and if a batch fails (or `progress` raises,
    which is how the window cancels) the batches already written are taken back. The stored events of a batch are
    read together and compared in memory, so re-importing an unchanged file of ten thousand events asks the
    database a few dozen times, not seventy thousand. `progress(done, total)` is called after each batch.
    """
    summary = ImportSummary()
    _check_all(document)
    committed = _Undo()
    total = len(document.events)
    with guard.database_errors():
        try:
            for start in range(0, max(total, 1), batch_size):
                batch = _Undo()
                events = document.events[start : start + batch_size]
                with database_proxy.atomic():
                    if start == 0:
                        for plan in document.plans:
                            previous = AnnualPlan.get_or_none(
                                (AnnualPlan.year == plan.year) & (AnnualPlan.kind == plan.kind)
                            )
                            store.save_plan(plan)
                            batch.plans.append((plan, previous.target if previous else None))
                            summary.plans += 1
                    stored = store.stored_by_ref([record.ref for record in events if record.ref])
                    for number, record in enumerate(events, start=start + 1):
                        _import_event(record, stored, summary, batch, document.exhibits.get(number), number)
                        guest_interchange.store(record.id, document.guests.get(number))
                    for number, record in enumerate(events, start=start + 1):
                        if document.media:
                            media_interchange.apply(record.id, document.media[number - 1], _Place(event=number))
                    if start + batch_size >= total:
                        planning_interchange.import_part(
                            document.planning, [record.id for record in document.events]
                        )
                committed.created += batch.created
                committed.replaced += batch.replaced
                committed.plans += batch.plans
                if progress:
                    progress(min(start + batch_size, total), total)
        except BaseException:
            if committed.created or committed.replaced or committed.plans:
                _take_back_quietly(committed)
            raise
    return summary


def _take_back_quietly(undo: _Undo) -> None:
    try:
        _take_back(undo)
        return
    except Exception:
        log.warning("taking back a failed import: reconnecting to the database", exc_info=True)
    # The failure may have been the connection itself (a server restarted): once more on a fresh one.
    try:
        database = database_proxy.obj
        with contextlib.suppress(Exception):
            database.close()
        database.connect(reuse_if_open=True)
        _take_back(undo)
    except Exception:  # the original failure is what the user must see; this one goes to the log
        log.exception("could not take back a failed import")


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


def export_document(
    year: int | None = None, progress: Progress | None = None, contacts: bool = False
) -> dict[str, Any]:
    """The whole store (or the events starting in `year` and that year's plan) as an interchange document; the
    guests' e-mail and phone only when `contacts` is asked for."""
    ids = [event_id for (event_id,) in queries.events(year=year).select(Event.id).tuples()]
    # Each part asks only about the events that have one: most events have no exhibition, guests or photos.
    media_of, exhibit_of = media_interchange.exporter(), exhibit_interchange.exporter()
    add_guests = guest_interchange.exporter(contacts)
    events: list[dict[str, Any]] = []
    for start in range(0, len(ids), BATCH_SIZE):
        events.extend(
            add_guests({**record_to_dict(record), **exhibit_of(record.id), **media_of(record.id)}, record.id)
            for record in store.load_records(ids[start : start + BATCH_SIZE])
        )
        if progress is not None:
            progress(len(events), len(ids))
    document = {"format": FORMAT, "plans": [plan.__dict__ for plan in store.plans(year)], "events": events}
    planning_interchange.add_to_export(document, ids)
    return document


def write_document(document: dict[str, Any], path: str | os.PathLike[str]) -> None:
    with atomic_output(path, "w", encoding="utf-8", newline="\n") as stream:
        json.dump(document, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


@dataclass
class LegacyText:
    """One text of a file that reads as an old 8-bit encoding, with where it is and what it would become."""

    where: str
    text: str
    encoding: str
    converted: str
    apply: Callable[[str], None]


def _text_slots(record: EventRecord) -> Iterator[tuple[str, str, Callable[[str], None]]]:
    """(place, text, setter) of every text of `record` a user typed."""

    def attribute(owner: object, name: str) -> Callable[[str], None]:
        return lambda value: setattr(owner, name, value)

    def item(values: list[str], index: int) -> Callable[[str], None]:
        return lambda value: values.__setitem__(index, value)

    for name in ("title", "title_en", "theme", "occasion", "venue", "description", "notes"):
        yield name, getattr(record, name), attribute(record, name)
    for index, partner in enumerate(record.partners):
        yield f"partners[{index + 1}]", partner, item(record.partners, index)
    groups = [("people", record.people)]
    for number, row in enumerate(record.programme, start=1):
        yield f"programme[{number}].title", row.title, attribute(row, "title")
        yield f"programme[{number}].place", row.place, attribute(row, "place")
        groups.append((f"programme[{number}].people", row.people))
    for prefix, people in groups:
        for number, person in enumerate(people, start=1):
            for name in ("name", "honorific", "position", "organisation"):
                yield f"{prefix}[{number}].{name}", getattr(person, name), attribute(person, name)


def find_legacy_text(document: Document) -> list[LegacyText]:
    """Every text of `document` typed in TCVN3 or VNI; nothing is changed."""
    found = []
    for number, record in enumerate(document.events, start=1):
        for key, value, setter in _text_slots(record):
            encoding = legacy_text.detect(value)
            if encoding is not None:
                where = _("event {number}, field “{field}”").format(number=number, field=key)
                found.append(LegacyText(where, value, encoding, legacy_text.to_unicode(value, encoding), setter))
    return found


def describe_legacy_text(found: list[LegacyText]) -> str:
    """What the user is asked about, the same in the window and on the command line."""
    first = found[0]
    return ngettext(
        "{count} text looks typed in an old Vietnamese encoding ({encodings}), e.g. {where}: “{text}” would become "
        "“{converted}”.",
        "{count} texts look typed in an old Vietnamese encoding ({encodings}), e.g. {where}: “{text}” would become "
        "“{converted}”.",
        len(found),
    ).format(
        count=len(found),
        encodings=", ".join(sorted({legacy_text.ENCODING_NAMES[item.encoding] for item in found})),
        where=first.where,
        text=first.text[:40],
        converted=first.converted[:40],
    )


def convert_legacy_text(found: list[LegacyText]) -> int:
    """Convert what `find_legacy_text` found, once the user has said yes; returns how many texts changed."""
    for item in found:
        item.apply(item.converted)
    return len(found)


class LegacyTextError(UserError):
    """The file holds text in an old encoding and the user has not (yet) said to convert it."""


def handle_legacy_text(document: Document, convert: bool) -> int:
    """The command line's answer to the question: convert with --convert-legacy, else refuse the file saying where.
    Returns how many texts were converted."""
    found = find_legacy_text(document)
    if not found:
        return 0
    if not convert:
        raise LegacyTextError(describe_legacy_text(found))
    return convert_legacy_text(found)
