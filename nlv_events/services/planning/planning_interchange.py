"""The planning part of the interchange file: "series", "commemorations", and each event's links to them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nlv_events.core import store, vocab, when
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.core.planning_models import Series
from nlv_events.i18n import _
from nlv_events.services.interchange import json_types
from nlv_events.services.interchange.parts import InterchangePart, register
from nlv_events.services.planning import commemorations, series, series_exclusions, series_rules

DOCUMENT_KEYS = {"series", "commemorations"}
EVENT_KEYS = {"series", "series_date", "commemoration"}
SERIES_KEYS = {"ref", "title", "kind", "rule", "start", "end", "until", "skip", "venue", "people", "description"}
COMMEMORATION_KEYS = {"key", "name", "name_en", "founded", "calendar", "month", "day", "style", "source"}


@dataclass
class EventLinks:
    series: str | None = None  # the series' ref
    series_date: dt.date | None = None
    commemoration: str | None = None


@dataclass
class PlanningPart:
    series: list[series.SeriesSpec] = field(default_factory=list)
    commemorations: list[dict] = field(default_factory=list)
    links: list[EventLinks | None] = field(default_factory=list)  # one per event of the file, in order


def _where(part: str, number: int, key: str | None = None) -> str:
    if key:
        return _("{part} {number}, field “{field}”").format(part=part, number=number, field=key)
    return _("{part} {number}").format(part=part, number=number)


def _fail(where: str, problem: str) -> UserError:
    return UserError(f"{where}: {problem}")


def _text(data: dict, key: str, where: str, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise _fail(where, _("this field is required."))
        return None
    if not isinstance(value, str):
        raise _fail(where, _("expected text, found {value}.").format(value=json.dumps(value, ensure_ascii=False)))
    return value


def _day(data: dict, key: str, where: str, required: bool = False) -> dt.date | None:
    return _when(data, key, where, required, when.parse_day, _("“{value}” is not a date such as 2025-04-26."))


def _moment(data: dict, key: str, where: str, required: bool = False) -> dt.date | None:
    example = _("“{value}” is not a date such as 2025-03-01 or a date and time such as 2025-03-01T09:00.")
    return _when(data, key, where, required, when.parse, example)


def _when(
    data: dict, key: str, where: str, required: bool, parse: Callable[[str], dt.date], example: str
) -> dt.date | None:
    """The day or moment under `key` as `parse` reads it; `example` (with {value}) says what it should have been."""
    text = _text(data, key, where, required)
    if text is None:
        return None
    try:
        return parse(text)
    except ValueError:
        raise _fail(where, example.format(value=text)) from None


def _object(value: Any, where: str) -> dict:
    if not isinstance(value, dict):
        raise _fail(where, _("expected an object."))
    return value


def _unknown(data: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise _fail(
            where + f" “{unknown[0]}”",
            _("unknown key; the keys allowed here are: {keys}.").format(keys=", ".join(sorted(allowed))),
        )


def _series_from(data: Any, number: int) -> series.SeriesSpec:
    label = _("series")
    data = _object(data, _where(label, number))
    _unknown(data, SERIES_KEYS, _where(label, number))
    start = _moment(data, "start", _where(label, number, "start"), required=True)
    end = _moment(data, "end", _where(label, number, "end"))
    rule = _text(data, "rule", _where(label, number, "rule"), required=True) or ""
    until = _day(data, "until", _where(label, number, "until"))
    if until is not None:
        stated = series_rules.rule_until(rule)
        if stated is not None and stated != until:
            raise _fail(_where(label, number, "until"), _("the rule ends on another day ({day}).").format(day=stated))
        rule = series.with_until(rule, until)
    skip_values = data.get("skip") or []
    if not isinstance(skip_values, list):
        raise _fail(_where(label, number, "skip"), _("expected a list."))
    skip = [_day({"skip": value}, "skip", _where(label, number, "skip"), required=True) for value in skip_values]
    people = data.get("people") or []
    if not isinstance(people, list) or not all(isinstance(name, str) for name in people):
        raise _fail(_where(label, number, "people"), _("expected a list of names."))
    spec = series.SeriesSpec(
        ref=_text(data, "ref", _where(label, number, "ref")),
        title=_text(data, "title", _where(label, number, "title"), required=True) or "",
        kind=_text(data, "kind", _where(label, number, "kind"), required=True) or "",
        start=when.day_of(start),  # type: ignore[arg-type]
        start_time=when.split(start)[1],
        end_time=when.split(end)[1],
        rule=rule,
        skip=[day for day in skip if day is not None],
        venue=_text(data, "venue", _where(label, number, "venue")),
        people=list(people),
        description=_text(data, "description", _where(label, number, "description")),
    )
    try:
        series.validate(spec)
    except UserError as error:
        raise _fail(_where(label, number), error.message) from None
    return spec


def _commemoration_from(data: Any, number: int) -> dict:
    label = _("commemoration")
    where = _where(label, number)
    data = _object(data, where)
    _unknown(data, COMMEMORATION_KEYS, where)
    values = {key: _text(data, key, _where(label, number, key)) for key in ("key", "name", "name_en", "source")}
    values["founded"] = _day(data, "founded", _where(label, number, "founded"))
    values["calendar"] = _text(data, "calendar", _where(label, number, "calendar")) or "solar"
    values["style"] = _text(data, "style", _where(label, number, "style")) or "anniversary"
    for key in ("month", "day"):
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise _fail(_where(label, number, key), _("expected a whole number, found {value}.").format(value=value))
        values[key] = value
    return values


def _links_from(data: dict, number: int) -> EventLinks | None:
    where = _where(_("event"), number)
    found = EventLinks(
        series=_text(data, "series", where + " “series”"),
        series_date=_day(data, "series_date", where + " “series_date”"),
        commemoration=_text(data, "commemoration", where + " “commemoration”"),
    )
    return found if found.series or found.commemoration else None


def _check_refs_unique(specs: list[series.SeriesSpec]) -> None:
    """Two series of one file with one ref would be stored as one, the second silently over the first."""
    first_with: dict[str, int] = {}
    for number, spec in enumerate(specs, start=1):
        if not spec.ref:
            continue
        if spec.ref in first_with:
            raise UserError(
                _("Series {first} and {second} of the file have the same ref “{ref}”; each series needs its own ref. "
                  "Nothing was imported.").format(first=first_with[spec.ref], second=number, ref=spec.ref)
            )
        first_with[spec.ref] = number


def parse(data: dict) -> PlanningPart:
    """The planning part of a decoded interchange file (absent in older files: then empty)."""
    part = PlanningPart()
    for key, reader, target in (
        ("series", _series_from, part.series),
        ("commemorations", _commemoration_from, part.commemorations),
    ):
        values = data.get(key) or []
        if not isinstance(values, list):
            raise _fail(_("field “{field}”").format(field=key), _("expected a list."))
        target.extend(reader(value, number) for number, value in enumerate(values, start=1))
    _check_refs_unique(part.series)
    events = data.get("events") or []
    if isinstance(events, list):
        part.links = [
            _links_from(value, number) if isinstance(value, dict) else None for number, value in enumerate(events, 1)
        ]
    return part


def import_part(part: PlanningPart | None, event_ids: list[int | None]) -> int:
    """Store the file's commemorations and series and link its events (inside the import's transaction); returns
    how many occurrences the series made of their own (those of a series the file brings no events for)."""
    if part is None:
        return 0
    for number, values in enumerate(part.commemorations, start=1):
        try:
            commemorations.add_custom(**values)
        except UserError as error:
            raise _fail(_where(_("commemoration"), number), error.message) from None
    by_ref: dict[str, int] = {}
    added = 0
    linked_series: set[str] = set()
    for links in part.links:
        if links and links.series:
            linked_series.add(links.series)
    for spec in part.series:
        existing = Series.get_or_none(Series.ref == spec.ref) if spec.ref else None
        if existing is not None:
            spec.id = existing.id
            spec.skip = series_exclusions.merged(series_exclusions.skip_days(existing.skip), spec.skip)
        if spec.ref in linked_series:
            # The file brings the occurrences as events: store the series as it is, without making new ones.
            values = series.row_values(spec)
            if spec.id is None:
                spec.id = Series.create(ref=spec.ref, **values).id
            else:
                Series.update(**values, version=Series.version + 1).where(Series.id == spec.id).execute()
        else:
            before = {event.id for event in series.occurrences(spec.id)} if spec.id is not None else set()
            series.save(spec)
            added += len({event.id for event in series.occurrences(spec.id)} - before)  # type: ignore[arg-type]
        by_ref[spec.ref or ""] = spec.id  # type: ignore[assignment]
    for number, (links, event_id) in enumerate(zip(part.links, event_ids, strict=False), start=1):
        if links is None or event_id is None:
            continue
        values: dict[str, Any] = {}
        if links.commemoration:
            try:
                commemorations.find(links.commemoration)
            except UserError as error:
                raise _fail(_where(_("event"), number, "commemoration"), error.message) from None
            values["commemoration"] = links.commemoration
        if links.series:
            series_id = by_ref.get(links.series)
            if series_id is None:
                row = Series.get_or_none(Series.ref == links.series)
                if row is None:
                    raise _fail(
                        _where(_("event"), number, "series"),
                        _("there is no series “{ref}” in the file or the record.").format(ref=links.series),
                    )
                series_id = row.id
            values["series_id"] = series_id
            values["series_date"] = links.series_date
        Event.update(**values).where(Event.id == event_id).execute()
    _delete_skipped(part.series)
    return added


def _delete_skipped(specs: list[series.SeriesSpec]) -> None:
    """An occurrence the file brings back on a day its series skips (deleted here since the file was written) goes
    back to the deleted events; a held one stays, as the series' own edits keep it."""
    for spec in specs:
        skipped = set(spec.skip)
        for event in series.occurrences(spec.id):  # type: ignore[arg-type]
            if when.as_date(event.series_date) in skipped and event.status != "held":
                store.delete_event(event.id)


def _commemoration_to_dict(item: commemorations.Commemoration) -> dict[str, Any]:
    return {
        "key": item.key,
        "name": item.name,
        "name_en": item.name_en,
        "founded": item.founded.isoformat() if item.founded else None,
        "calendar": item.calendar,
        "month": item.month,
        "day": item.day,
        "style": item.style,
        "source": item.source,
    }


def add_to_export(document: dict[str, Any], ids: list[int]) -> None:
    """Add the series and commemorations, and the links of the exported events (`ids`, in the document's order),
    to an interchange document (only what there is, so a file without planning data keeps the older shape)."""
    links = {
        row.id: row
        for row in Event.select(Event.id, Event.series_id, Event.series_date, Event.commemoration).where(
            (Event.series_id.is_null(False) | Event.commemoration.is_null(False)) & Event.deleted_at.is_null()
        )
    }
    refs = {row.id: row.ref for row in Series.select(Series.id, Series.ref)}
    used_series: list[int] = []
    for event_id, data in zip(ids, document["events"], strict=True):
        row = links.get(event_id)
        if row is None:
            continue
        if row.commemoration:
            data["commemoration"] = row.commemoration
        if row.series_id is not None:
            data["series"] = refs.get(row.series_id)
            data["series_date"] = when.to_iso(when.as_date(row.series_date))
            if row.series_id not in used_series:
                used_series.append(row.series_id)
    if used_series:
        document["series"] = [series.to_dict(series.load(series_id)) for series_id in used_series]
    custom = commemorations.custom()
    if custom:
        document["commemorations"] = [_commemoration_to_dict(item) for item in custom]


def _series_schema() -> dict[str, Any]:
    text = json_types.optional(json_types.TEXT)
    properties = {
        "ref": text,
        "title": json_types.REQUIRED_TEXT,
        "kind": json_types.codes(vocab.KINDS),
        "rule": json_types.REQUIRED_TEXT,
        "start": json_types.MOMENT,
        "end": json_types.optional(json_types.MOMENT),
        "until": json_types.optional(json_types.DAY),
        "skip": json_types.optional(json_types.list_of(json_types.DAY)),
        "venue": text,
        "people": json_types.optional(json_types.list_of(json_types.TEXT)),
        "description": text,
    }
    return json_types.obj(properties, ["title", "kind", "rule", "start"])


def _commemoration_schema() -> dict[str, Any]:
    text = json_types.optional(json_types.TEXT)
    properties = {
        "key": text,
        "name": text,
        "name_en": text,
        "founded": json_types.optional(json_types.DAY),
        "calendar": json_types.optional(json_types.codes(commemorations.CALENDARS)),
        "month": json_types.COUNT,
        "day": json_types.COUNT,
        "style": json_types.optional(json_types.codes(commemorations.STYLES)),
        "source": text,
    }
    return json_types.obj(properties, ["month", "day"])


class PlanningInterchangePart(InterchangePart):
    """The file's "series" and "commemorations", and each event's links to them: stored once the file's events
    are, since a link names an event by its position."""

    name = "planning"
    order = 40
    document_keys = frozenset(DOCUMENT_KEYS)
    event_keys = frozenset(EVENT_KEYS)

    def parse(self, data: dict[str, Any], events: list[Any]) -> PlanningPart:
        return parse(data)

    def store_document(self, parsed: PlanningPart | None, event_ids: list[int | None]) -> int:
        return import_part(parsed, event_ids)

    def export_document(self, document: dict[str, Any], event_ids: list[int]) -> None:
        add_to_export(document, event_ids)

    def document_schema(self) -> dict[str, dict[str, Any]]:
        return {
            "series": json_types.optional(json_types.list_of(_series_schema())),
            "commemorations": json_types.optional(json_types.list_of(_commemoration_schema())),
        }

    def event_schema(self) -> dict[str, dict[str, Any]]:
        text = json_types.optional(json_types.TEXT)
        return {"series": text, "series_date": json_types.optional(json_types.DAY), "commemoration": text}


register(PlanningInterchangePart())
