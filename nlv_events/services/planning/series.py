"""Recurring series: an RFC 5545 rule (python-dateutil's rrule) whose occurrences are events linked to the series."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from nlv_events.core import event_reading, guard, row_records, store, versioned, when
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.planning_models import Series
from nlv_events.core.records import EventRecord, PersonEntry
from nlv_events.i18n import N_, _
from nlv_events.services.planning import series_exclusions

# The rules' functions, named here too: callers make and read a series' rule through this module.
from nlv_events.services.planning.series_rules import (
    join,
    parts_of,
    rule_days,
    rule_until,
    with_until,
)

# Fields "this and the following" may change, besides the rule.
CHANGEABLE = ("title", "kind", "venue", "start_time", "end_time", "description")
_KEEP_WHEN_RULE_DROPS = ("held",)  # a held occurrence is history: a new rule never removes it


@dataclass
class SeriesSpec:
    title: str
    kind: str
    start: dt.date  # the first day of the rule (its DTSTART)
    rule: str  # the RRULE value, e.g. "FREQ=WEEKLY;BYDAY=SA;UNTIL=20251227"
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: str | None = None
    skip: list[dt.date] = field(default_factory=list)  # skipped days (Tết week, closures): EXDATE
    people: list[str] = field(default_factory=list)
    description: str | None = None
    ref: str | None = None
    id: int | None = None
    version: int | None = None  # as loaded: a save checks it (None, an import: saves over anything)


def days(spec: SeriesSpec) -> list[dt.date]:
    """The days of the series' occurrences: what the rule gives, less the skipped days."""
    skipped = set(spec.skip)
    return [day for day in rule_days(spec.rule, spec.start) if day not in skipped]


def validate(spec: SeriesSpec) -> SeriesSpec:
    spec.title = " ".join((spec.title or "").split())
    if not spec.title:
        raise UserError(_("A series needs a title."))
    if spec.start_time and spec.end_time and spec.end_time < spec.start_time:
        raise UserError(_("An occurrence cannot end before it starts."))
    if not days(spec):
        raise UserError(_("The rule gives no occurrence: check its days and its end."))
    return spec


def _spec(row: Series) -> SeriesSpec:
    return row_records.record_of(
        SeriesSpec,
        row,
        start=when.as_date(row.start_date),
        start_time=when.as_time(row.start_time),
        end_time=when.as_time(row.end_time),
        skip=series_exclusions.skip_days(row.skip),
        people=[name for name in (row.people or "").splitlines() if name.strip()],
    )


def row_values(spec: SeriesSpec) -> dict:
    """The columns of the series row for `spec` (its id, ref and version are the save's to set)."""
    return row_records.column_values(
        spec,
        Series,
        leave_out=("id", "ref", "version"),
        start_date=spec.start,
        rule=join(parts_of(spec.rule)),
        skip=series_exclusions.skip_text(spec.skip),
        people="\n".join(spec.people),
    )


def to_dict(spec: SeriesSpec) -> dict[str, Any]:
    """The series as the interchange file writes it (and `nlv-events series --format json`, with its id)."""
    return {
        "ref": spec.ref,
        "title": spec.title,
        "kind": spec.kind,
        "rule": spec.rule,
        "start": when.to_iso(when.join(spec.start, spec.start_time)),
        "end": when.to_iso(when.join(spec.start, spec.end_time)) if spec.end_time else None,
        "until": when.to_iso(rule_until(spec.rule)),
        "skip": [day.isoformat() for day in spec.skip],
        "venue": spec.venue,
        "people": list(spec.people),
        "description": spec.description,
    }


def load(series_id: int) -> SeriesSpec:
    row = Series.get_or_none(Series.id == series_id)
    if row is None:
        raise UserError(_("There is no series number {id}.").format(id=series_id))
    return _spec(row)


def all_series() -> list[SeriesSpec]:
    return [_spec(row) for row in Series.select().order_by(Series.start_date, Series.id)]


def find_by_ref(ref: str) -> SeriesSpec | None:
    row = Series.get_or_none(Series.ref == ref)
    return _spec(row) if row else None


def occurrences(series_id: int) -> list[Event]:
    """The live events of the series, by the day the rule gave them."""
    return list(
        Event.select()
        .where((Event.series_id == series_id) & Event.deleted_at.is_null())
        .order_by(Event.series_date, Event.id)
    )


def occurrence_record(spec: SeriesSpec, day: dt.date) -> EventRecord:
    """The occurrence of `spec` on `day` as the rule makes it (before anyone edits it)."""
    return EventRecord(
        kind=spec.kind,
        title=spec.title,
        start=when.join(day, spec.start_time),  # type: ignore[arg-type]
        end=when.join(day, spec.end_time) if spec.end_time else None,
        venue=spec.venue,
        description=spec.description,
        people=[PersonEntry(name=name, role="organiser") for name in spec.people],
        status="planned",
    )


def _sync(spec: SeriesSpec) -> None:
    """Make the occurrences match the rule: an event for each day it gives; planned ones it no longer gives are
    moved to the deleted events (held ones stay: they are history)."""
    wanted = days(spec)
    existing = {when.as_date(event.series_date): event for event in occurrences(spec.id)}  # type: ignore[arg-type]
    for day in wanted:
        if day in existing:
            continue
        record = occurrence_record(spec, day)
        event = store.save_event(record)
        Event.update(series_id=spec.id, series_date=day).where(Event.id == event.id).execute()
    keep = set(wanted)
    for day, event in existing.items():
        if day not in keep and event.status not in _KEEP_WHEN_RULE_DROPS:
            store.delete_event(event.id)


def save(spec: SeriesSpec) -> SeriesSpec:
    """Store `spec` (new when it has no id) and bring its occurrences in line with its rule. When a colleague has
    saved the series since `spec.version`, nothing is written and ConflictError names what they changed."""
    validate(spec)
    with guard.database_errors(), database_proxy.atomic():
        if spec.id is None:
            row = Series.create(ref=spec.ref or store.new_ref(), **row_values(spec))
            spec.id, spec.ref, spec.version = row.id, row.ref, row.version
        else:
            spec.version = _write(spec, spec.version, spec)
        _sync(spec)
    return spec


# The fields of a series as a conflict message names them.
_LABELS = {
    "title": N_("title"),
    "kind": N_("kind"),
    "venue": N_("venue"),
    "start": N_("start"),
    "start_time": N_("start time"),
    "end_time": N_("end time"),
    "rule": N_("repeat rule"),
    "skip": N_("skipped days"),
    "people": N_("people"),
    "description": N_("description"),
}


def _conflict(series_id: int, base: SeriesSpec) -> ConflictError:
    """What a colleague changed in the series since `base` (what the saver loaded, or else what they meant to
    store)."""
    current = Series.get_or_none(Series.id == series_id)
    if current is None:
        return versioned.gone_error(_("the series “{title}”").format(title=base.title))
    labels = {name: _(label) for name, label in _LABELS.items()}
    changes = versioned.field_changes(labels, vars(base), vars(_spec(current)))
    return versioned.conflict_error(_("the series “{title}”").format(title=current.title), changes)


def _write(spec: SeriesSpec, version: int | None, base: SeriesSpec) -> int:
    """Write the series row of `spec` if it is still at `version` (one statement); its new version."""
    conflict = partial(_conflict, spec.id, base)
    return versioned.write_or_conflict(Series, spec.id, version, row_values(spec), conflict)  # type: ignore[arg-type]


def _occurrence_of(event_id: int) -> tuple[Event, SeriesSpec]:
    event = Event.get_or_none(Event.id == event_id)
    if event is None or event.series_id is None:
        raise UserError(_("Event number {id} is not an occurrence of a series.").format(id=event_id))
    return event, load(event.series_id)


def _apply(event: Event, changes: dict) -> None:
    record = event_reading.load_record(event)
    day = when.day_of(record.start)
    start_time = changes.get("start_time", when.split(record.start)[1])
    end_time = changes.get("end_time", when.split(record.end)[1] if record.end else None)
    for name in ("title", "kind", "venue", "description"):
        if name in changes:
            setattr(record, name, changes[name])
    record.start = when.join(day, start_time)  # type: ignore[assignment]
    record.end = when.join(day, end_time) if end_time else None
    store.save_event(record)


def change_following(event_id: int, version: int | None = None, base: SeriesSpec | None = None,
                     **changes) -> SeriesSpec:
    """Change this occurrence and the following ones together ("this and the following").

    From the second occurrence on, the series is split as calendar programs do it: the old series ends the day
    before, a new series (same title unless changed) takes this occurrence and the following ones. `changes` holds
    fields of CHANGEABLE and/or a new `rule` for the following occurrences. Returns the series they now belong to.
    `version` is the series' version as the user loaded it (`base`): a colleague's save since is a conflict.
    """
    unknown = set(changes) - {*CHANGEABLE, "rule", "skip"}
    if unknown:
        raise UserError(_("A series has no field {name}.").format(name=", ".join(sorted(unknown))))
    event, spec = _occurrence_of(event_id)
    pivot: dt.date = when.as_date(event.series_date)  # type: ignore[assignment]
    with guard.database_errors(), database_proxy.atomic():
        all_days = rule_days(spec.rule, spec.start)
        earlier = [day for day in all_days if day < pivot]
        if earlier:
            following = copy.deepcopy(spec)
            following.id, following.ref, following.start = None, None, pivot
            following.skip = [day for day in spec.skip if day >= pivot]
            count = parts_of(spec.rule).get("COUNT")
            if count:
                parts = parts_of(spec.rule)
                parts["COUNT"] = str(int(count) - len(earlier))
                following.rule = join(parts)
            spec.rule = with_until(spec.rule, earlier[-1])
            spec.skip = [day for day in spec.skip if day < pivot]
            spec.version = _write(spec, version, base or spec)
            row = Series.create(ref=store.new_ref(), **row_values(following))
            following.id, following.ref, following.version = row.id, row.ref, row.version
            version = row.version
            Event.update(series_id=row.id).where((Event.series_id == spec.id) & (Event.series_date >= pivot)).execute()
        else:
            following = spec
        for name, value in changes.items():
            setattr(following, name, value)
        if "skip" in changes:
            following.skip = [day for day in changes["skip"] if day >= pivot]
        validate(following)
        following.version = _write(following, version, base or following)
        fields = {name: value for name, value in changes.items() if name not in ("rule", "skip")}
        if fields:
            for occurrence in occurrences(following.id):  # type: ignore[arg-type]
                _apply(occurrence, fields)
        if "rule" in changes or "skip" in changes:
            _sync(following)
    return following


def changes_between(old: SeriesSpec, new: SeriesSpec) -> dict:
    """What an edited series changes, in the form change_following takes."""
    changes = {name: getattr(new, name) for name in CHANGEABLE if getattr(new, name) != getattr(old, name)}
    if parts_of(new.rule) != parts_of(old.rule):
        changes["rule"] = new.rule
    if sorted(new.skip) != sorted(old.skip):
        changes["skip"] = sorted(new.skip)
    return changes


def update(spec: SeriesSpec, from_event_id: int | None = None, base: SeriesSpec | None = None) -> SeriesSpec:
    """Save an edited series: for every occurrence, or (from_event_id) for that one and the following ones.
    `spec.version` is the version the user loaded (`base`): a colleague's save since is a ConflictError."""
    validate(spec)
    with guard.database_errors(), database_proxy.atomic():
        old = load(spec.id)  # type: ignore[arg-type]
        if spec.version is not None and old.version != spec.version:
            raise _conflict(spec.id, base or spec)  # type: ignore[arg-type]
        if from_event_id is not None:
            return change_following(from_event_id, spec.version, base, **changes_between(old, spec))
        spec.version = _write(spec, spec.version, base or spec)
        fields = {name: value for name, value in changes_between(old, spec).items() if name in CHANGEABLE}
        if fields:
            for occurrence in occurrences(spec.id):  # type: ignore[arg-type]
                _apply(occurrence, fields)
        _sync(spec)
    return spec


def move_occurrence(event_id: int, start: dt.date, end: dt.date | None = None) -> None:
    """Move one occurrence; it stays in the series (an exception with its RECURRENCE-ID in calendars)."""
    _occurrence_of(event_id)
    record = event_reading.load_record(event_id)
    record.start, record.end = start, end
    store.save_event(record)


def cancel_occurrence(event_id: int) -> None:
    """Cancel one occurrence: it stays in the record as cancelled (an EXDATE in calendars)."""
    _occurrence_of(event_id)
    record = event_reading.load_record(event_id)
    record.status = "cancelled"
    store.save_event(record)


def delete_series(series_id: int) -> int:
    """Remove a series: its occurrences not yet held go to the deleted events; held ones stay, unlinked.
    Returns how many were deleted."""
    load(series_id)
    deleted = 0
    with guard.database_errors(), database_proxy.atomic():
        for event in occurrences(series_id):
            if event.status not in _KEEP_WHEN_RULE_DROPS:
                store.delete_event(event.id)
                deleted += 1
        Event.update(series_id=None).where(Event.series_id == series_id).execute()
        Series.delete().where(Series.id == series_id).execute()
    return deleted


def _next_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def duplicate_to_next_year(series_id: int, years: int = 1) -> SeriesSpec:
    """The series carried over a year later (its rule's end and skipped days too), with its occurrences."""
    spec = load(series_id)
    twin = copy.deepcopy(spec)
    twin.id, twin.ref = None, None
    twin.start = _next_year(spec.start, years)
    until = rule_until(spec.rule)
    if until is not None:
        twin.rule = with_until(spec.rule, _next_year(until, years))
    twin.skip = [_next_year(day, years) for day in spec.skip]
    old_year, new_year = str(spec.start.year), str(twin.start.year)
    twin.title = spec.title.replace(old_year, new_year)
    return save(twin)
