"""Writing and reading whole events: the one place that turns records into rows and back."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from typing import Any

import peewee

from nlv_events.core import (
    event_history,
    event_reading,
    guard,
    history,
    matching,
    people,
    photo_links,
    rules,
    versioned,
    vocab,
    when,
)
from nlv_events.core.errors import ConflictError, UserError

# Callers read events through the store too: these are its reading half's functions, named here on purpose.
from nlv_events.core.event_reading import load_record
from nlv_events.core.models import (
    AnnualPlan,
    Event,
    EventPartner,
    EventPerson,
    Organisation,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Venue,
    database_proxy,
)
from nlv_events.core.records import (
    EventRecord,
    PersonEntry,
    PlanEntry,
    ProgrammeEntry,
    field_names,
    searched_fields,
)
from nlv_events.core.text import fold
from nlv_events.i18n import _


def new_ref() -> str:
    return uuid.uuid4().hex


def _found_or_created(model, name: str, find):
    """The stored row `find(name)` matches, else a new one. Two savers may create the same name at once (on a
    shared database): the second one's insert fails on the unique name, and it takes the first one's row."""
    found = find(name)
    if found is not None:
        return found
    try:
        with database_proxy.atomic():  # a savepoint: the failed insert leaves the save going
            return model.create(name=name)
    except peewee.IntegrityError:
        return find(name) or model.get(model.name == name)


def venue_for(name: str | None) -> Venue | None:
    if not name:
        return None
    # One hall typed twice ("thư viện" for "Thư viện") is one venue, not a near-duplicate.
    return _found_or_created(Venue, name, matching.existing)


def organisation_for(name: str | None) -> Organisation | None:
    if not name:
        return None
    return _found_or_created(Organisation, name, lambda text: matching.existing_named(Organisation, text))


def _person(entry: PersonEntry) -> Person:
    """The stored person the entry means: by its ref, else the one person of that name (case and spacing aside),
    else a new one; UserError when several people bear the name and the entry does not say which."""
    return people.person_for(entry.name, entry.person_ref)


def search_text(record: EventRecord) -> str:
    """The folded text that search looks in: titles, theme, occasion, venue, partners and people."""
    people = [p.name for p in record.people]
    for entry in record.programme:
        people.extend(p.name for p in entry.people)
    parts: Iterable[str | None] = (
        *(getattr(record, name) for name in searched_fields()),
        *record.partners,
        *people,
    )
    return fold(" | ".join(part for part in parts if part))


def changed_fields(old: EventRecord, new: EventRecord) -> list[str]:
    """The declared fields in which `new` differs from `old`, in the order a user reads them."""
    return [name for name in field_names() if getattr(old, name) != getattr(new, name)]


_PLAIN_FIELDS = event_reading.PLAIN_FIELDS
_MOMENT_FIELDS = event_reading.MOMENT_FIELDS


def _event_columns(record: EventRecord) -> dict[str, Any]:
    venue = venue_for(record.venue)
    return event_columns(record, venue.id if venue else None)


def event_columns(record: EventRecord, venue_id: int | None) -> dict[str, Any]:
    """The event's row as a save writes it (but its ref, version and creation time), its venue already found."""
    columns: dict[str, Any] = {name: getattr(record, name) for name in _PLAIN_FIELDS}
    for name in _MOMENT_FIELDS:
        columns[f"{name}_date"], columns[f"{name}_time"] = when.split(getattr(record, name))
    columns["venue"] = venue_id
    columns["search_text"] = search_text(record)
    columns["deleted_at"] = None
    columns["updated_at"] = _now()
    return columns


def _conflict(base: EventRecord | None, event_id: int) -> UserError:
    current = Event.get_or_none(Event.id == event_id)
    if current is None or current.deleted_at is not None:
        return UserError(_("The event no longer exists: someone may have deleted it."))
    changed = changed_fields(base, load_record(current)) if base is not None else []
    return ConflictError(
        _("Someone else saved this event while you were editing it. They changed: {fields}.").format(
            fields=", ".join(rules.field_label(name) for name in changed) or _("nothing visible")
        ),
        changed,
    )


def ensure_unchanged(base: EventRecord) -> None:
    """Raise ConflictError if the stored event has moved on from `base` (the version the user opened)."""
    with guard.database_errors():
        event = Event.get_or_none(Event.id == base.id)
    if event is None or event.deleted_at is not None:
        raise UserError(_("The event no longer exists: someone may have deleted it."))
    if base.version is not None and event.version != base.version:
        raise _conflict(base, event.id)


def save_event(record: EventRecord, base: EventRecord | None = None, restored_from: int | None = None) -> Event:
    """Validate and store `record` (new when it has no id) with its partners, people and programme.

    `base` is the event as the user opened it (its `version` is the one they expect to replace): if someone else
    has saved it since, nothing is written and ConflictError says what they changed. The check and the write are
    one statement (UPDATE … WHERE version = ?), so two savers can never both pass it. The change history gets one
    entry in the same transaction (`restored_from`: the version a restore brings back).
    """
    rules.validate(record)
    with guard.database_errors(), database_proxy.atomic(), history.recorded_by_caller():
        columns = _event_columns(record)
        before = None
        if record.id is None:
            event_id = Event.insert(ref=record.ref or new_ref(), created_at=_now(), version=1, **columns).execute()
        else:
            event_id = record.id
            before = _stored(event_id)
            if record.ref:
                columns["ref"] = record.ref
            expected = base.version if base is not None else None
            versioned.write_or_conflict(Event, event_id, expected, columns, lambda: _conflict(base, event_id))
        shown = _sync_children(event_id, record)
        event = Event.get_by_id(event_id)
        record.id, record.ref, record.version = event.id, event.ref, event.version
        _record_history(record, before, restored_from, shown)
    return event


def _stored(event_id: int) -> EventRecord | None:
    """The event as stored before this save (read in the save's transaction, for its history entry)."""
    found = event_reading.load_records([event_id], include_deleted=True)
    return found[0] if found else None


def _record_history(record: EventRecord, before: EventRecord | None, restored_from: int | None,
                    shown: dict[int, list[int]]) -> None:  # fmt: skip
    """The save's history entry: the fields and rows it changed (with the photos that showed each person it
    removed, `shown`), and the whole event as saved (to restore)."""
    action = "restored" if restored_from is not None else "created" if before is None else "changed"
    saved = _stored(record.id) or record  # type: ignore[arg-type]  # as stored: people with their refs, the venue's name
    changes = None if before is None and restored_from is None else event_history.changes(before, saved)
    photo_links.note_removed(changes, shown)
    history.append("event", saved.id, saved.version, action, changes,  # type: ignore[arg-type]
                   snapshot=event_history.snapshot(saved), restored_from=restored_from)


def _sync_children(event_id: int, record: EventRecord) -> dict[int, list[int]]:
    """Bring the event's partners, people and programme to `record`, row by row: a row that stays keeps its id, and
    a person removed earlier who comes back (a restore, an import taken back) gets their row's id and photos back.
    Returns the photos that showed each person this save removes."""
    _sync_partners(event_id, record.partners)
    shown: dict[int, list[int]] = {}
    returning: dict[int, list[int]] = {}

    def back(missing: dict[int, str]) -> set[int]:
        returning.update(photo_links.returning(event_id, missing))
        return set(returning)

    _sync_appearances(EventPerson, EventPerson.event, event_id, record.people,
                      lambda removed: shown.update(photo_links.shown_in(removed)), back)  # fmt: skip
    if returning:
        photo_links.give_back(event_id, returning)
    rows = [
        {"id": entry.id, **programme_columns(event_id, order, entry)} for order, entry in enumerate(record.programme)
    ]
    # The event's version was checked by the save's UPDATE: every programme row the saver did not list goes (with
    # its people, by cascade).
    ids = versioned.sync_rows(ProgrammeItem, ProgrammeItem.event == event_id, rows, None, lambda: _conflict(None, 0))
    for entry, item_id in zip(record.programme, ids, strict=True):
        entry.id = item_id
        _sync_appearances(ProgrammePerson, ProgrammePerson.item, item_id, entry.people)
    return shown


def programme_columns(event_id: int, order: int, entry: ProgrammeEntry) -> dict[str, Any]:
    """A programme row as a save writes it (but its id)."""
    start_date, start_time = when.split(entry.start)
    end_date, end_time = when.split(entry.end)
    return {
        "event": event_id,
        "sort_order": order,
        "start_date": start_date,
        "start_time": start_time,
        "end_date": end_date,
        "end_time": end_time,
        "title": entry.title,
        "place": entry.place,
    }


def _sync_partners(event_id: int, names: list[str]) -> None:
    stored = {
        link.organisation_id: link for link in EventPartner.select().where(EventPartner.event == event_id)
    }
    wanted: list[int] = [organisation.id for organisation in map(organisation_for, names) if organisation]
    removed = set(stored) - set(wanted)
    if removed:
        EventPartner.delete().where(
            (EventPartner.event == event_id) & EventPartner.organisation.in_(removed)
        ).execute()
    for order, organisation_id in enumerate(wanted):
        link = stored.get(organisation_id)
        if link is None:
            EventPartner.insert(event=event_id, organisation=organisation_id, sort_order=order).execute()
        elif link.sort_order != order:
            EventPartner.update(sort_order=order).where(EventPartner.id == link.id).execute()


_APPEARANCE_DETAILS = event_reading.APPEARANCE_DETAILS


def _sync_appearances(model, owner_column, owner_id: int, entries: list[PersonEntry],
                      removing: Callable[[set[int]], object] | None = None,
                      returning: Callable[[dict[int, str]], set[int]] | None = None) -> None:  # fmt: skip
    """The people of an event or of a programme row: updated in place by id, new ones added, others removed
    (`removing` told their ids first). `returning` is asked which of the ids given but not stored (with the names
    given for them) may be used again: a row removed earlier, coming back under its id."""
    stored = {row.id: row for row in model.select().where(owner_column == owner_id)}
    reusable: set[int] = set()
    if returning is not None:  # the event's people: a programme row's are never looked up
        missing = {entry.id: entry.name for entry in entries if entry.id is not None and entry.id not in stored}
        reusable = returning(missing) if missing else reusable
    kept: set[int] = set()
    for order, entry in enumerate(entries):
        values = {name: getattr(entry, name) for name in _APPEARANCE_DETAILS}
        values["sort_order"] = order
        row = stored.get(entry.id) if entry.id is not None else None
        if row is None or row.id in kept:
            values["person"] = _person(entry).id
            same_id = {"id": entry.id} if row is None and entry.id in reusable else {}
            reusable.discard(entry.id)  # an id given twice is used once
            entry.id = model.insert(**same_id, **{owner_column.name: owner_id}, **values).execute()
        else:
            person = row.person
            if (person.ref != entry.person_ref) if entry.person_ref else (person.name != entry.name):
                values["person"] = _person(entry).id
            if any(getattr(row, key) != value for key, value in values.items() if key != "person") or (
                "person" in values
            ):
                model.update(**values).where(model.id == row.id).execute()
        kept.add(entry.id)
    removed = set(stored) - kept
    if removed:
        if removing is not None:
            removing(removed)
        model.delete().where(model.id.in_(removed)).execute()


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def delete_event(event_id: int) -> None:
    """Move the event to the deleted events; `restore_event` brings it back whole."""
    with guard.database_errors(), database_proxy.atomic():
        Event.update(deleted_at=_now(), version=Event.version + 1).where(Event.id == event_id).execute()
        _record_bin(event_id, "deleted")


def restore_event(event_id: int) -> None:
    with guard.database_errors(), database_proxy.atomic():
        Event.update(deleted_at=None, version=Event.version + 1).where(Event.id == event_id).execute()
        _record_bin(event_id, "undeleted")


def _record_bin(event_id: int, action: str) -> None:
    version = Event.select(Event.version).where(Event.id == event_id).scalar()
    if version is not None:
        history.append("event", event_id, version, action, [])


def purge_event(event_id: int) -> None:
    """Remove a deleted event for good, with its programme and links."""
    with database_proxy.atomic():
        Event.delete().where((Event.id == event_id) & Event.deleted_at.is_null(False)).execute()


def start_year(event_id: int) -> int | None:
    day = Event.select(Event.start_date).where(Event.id == event_id).scalar()
    return day.year if day is not None else None


def find_existing(record: EventRecord) -> Event | None:
    """The stored event `record` stands for: the one with its ref, or (for a record without one) the one with the
    same kind, title and start."""
    if record.ref:
        # A ref is an identity: two events may share a title and a day, and still be two events.
        return Event.get_or_none(Event.ref == record.ref)
    start_date, start_time = when.split(record.start)
    query = Event.select().where(
        (Event.kind == record.kind) & (Event.title == record.title) & (Event.start_date == start_date)
    )
    query = query.where(Event.start_time.is_null() if start_time is None else Event.start_time == start_time)
    return query.first()


def save_plan(plan: PlanEntry, version: int | None = None) -> AnnualPlan:
    """Store the year's target for a kind. `version` is the target's version as the user saw it (0: they saw none):
    when a colleague has set it since, nothing is written and ConflictError says what it is now. None (an import)
    writes whatever is stored."""
    rules.validate_plan(plan)
    with guard.database_errors(), database_proxy.atomic():
        row = AnnualPlan.get_or_none((AnnualPlan.year == plan.year) & (AnnualPlan.kind == plan.kind))
        if row is None and not version:
            try:
                with database_proxy.atomic():  # a colleague inserting the same target at once: theirs is first
                    return AnnualPlan.create(year=plan.year, kind=plan.kind, target=plan.target)
            except peewee.IntegrityError:
                if version is None:
                    row = AnnualPlan.get((AnnualPlan.year == plan.year) & (AnnualPlan.kind == plan.kind))
                else:
                    raise _plan_conflict(plan) from None
        if row is None:
            raise _plan_conflict(plan)
        versioned.write_or_conflict(AnnualPlan, row.id, version, {"target": plan.target}, lambda: _plan_conflict(plan))
        return AnnualPlan.get_by_id(row.id)


def _plan_conflict(plan: PlanEntry) -> ConflictError:
    what = _("the {year} target for {kind}").format(year=plan.year, kind=vocab.label("kind", plan.kind))
    target = AnnualPlan.select(AnnualPlan.target).where(
        (AnnualPlan.year == plan.year) & (AnnualPlan.kind == plan.kind)
    ).scalar()
    if target is None:
        return versioned.gone_error(what)
    return versioned.conflict_error(what, [_("the target is now {target}").format(target=target)])


def plan_targets(year: int) -> dict[str, tuple[int, int]]:
    """Each kind's target of the year with its version, read together (one statement): a window saves a target
    with the version of the very target it shows."""
    query = AnnualPlan.select(AnnualPlan.kind, AnnualPlan.target, AnnualPlan.version).where(AnnualPlan.year == year)
    return {kind: (target, version) for kind, target, version in query.tuples()}


def plans(year: int | None = None) -> list[PlanEntry]:
    query = AnnualPlan.select().order_by(AnnualPlan.year, AnnualPlan.kind)
    if year is not None:
        query = query.where(AnnualPlan.year == year)
    return [PlanEntry(year=row.year, kind=row.kind, target=row.target) for row in query]
