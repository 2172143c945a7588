"""Storing a checked interchange document: every plan and event, and each registered part's data, or nothing."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nlv_events.core import (
    bulk,
    event_adding,
    event_reading,
    guard,
    matching,
    people_added,
    rules,
    store,
    write_ahead,
    write_batches,
)
from nlv_events.core.errors import ValidationError
from nlv_events.core.models import AnnualPlan, Event, database_proxy
from nlv_events.core.records import EventRecord, PersonEntry, PlanEntry
from nlv_events.core.rules import field_label
from nlv_events.services.interchange import features
from nlv_events.services.interchange.parts import InterchangePart, Place, keep_ids
from nlv_events.services.interchange.reading import Document

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


@dataclass
class ImportSummary:
    """What an import did, as its closing message says it: events new to the record, events the file changed,
    events it left as they were, and annual plans stored."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    plans: int = 0


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
        entry.person_ref = entry.person_ref or stored.person_ref  # a name without a ref: the one this event has


def _people_of(record: EventRecord) -> list[PersonEntry]:
    return [*record.people, *(person for row in record.programme for person in row.people)]


def _other_people(record: EventRecord, current: EventRecord) -> bool:
    """Whether the file names, by ref, someone other than the stored event's person in the same place (a namesake:
    the names alone compare equal)."""
    return any(
        new.person_ref != old.person_ref
        for new, old in zip(_people_of(record), _people_of(current), strict=False)
        if new.person_ref
    )


def _carry_row_ids(record: EventRecord, current: EventRecord) -> None:
    """Match the file's rows to the stored ones so an update keeps their ids: programme rows by order, people by
    who they are (see `_keep_people_ids`)."""
    _keep_people_ids(record.people, current.people)
    keep_ids(record.programme, current.programme)
    for row, stored_row in zip(record.programme, current.programme, strict=False):
        _keep_people_ids(row.people, stored_row.people)


def _keep_people_ids(people: list[PersonEntry], stored: list[PersonEntry]) -> None:
    """Give each person of the file the id of the stored appearance of the same person: by ref, else by name as
    `matching.name_key` compares names (case and spacing, never the accents that tell Vietnamese names apart; a
    ref naming someone else is never the same person). A person of the file found
    nowhere is a new row; a stored one the file leaves out is removed. Matched by order, a file leaving out the
    first person wrote the second into the first's row, and the photos that showed the first then named the
    second."""
    unused = list(stored)
    for entry in people:
        same = next((old for old in unused if entry.person_ref and old.person_ref == entry.person_ref), None)
        name = matching.name_key(entry.name)
        same = same or next(
            (old for old in unused if matching.name_key(old.name) == name and not _others(entry, old)), None
        )
        entry.id = same.id if same is not None else None
        if same is not None:
            unused.remove(same)


def _others(entry: PersonEntry, stored: PersonEntry) -> bool:
    """Whether the two name different people by their refs (namesakes are not the same person)."""
    return bool(entry.person_ref and stored.person_ref and entry.person_ref != stored.person_ref)


@dataclass
class _Undo:
    """What an import has committed so far, to take it back whole if a later batch fails."""

    created: list[int] = field(default_factory=list)
    replaced: list[EventRecord] = field(default_factory=list)
    # The events of `replaced` the file brought back from the deleted events, with when they had been deleted.
    deleted: dict[int, dt.datetime] = field(default_factory=dict)
    plans: list[tuple[PlanEntry, int | None]] = field(default_factory=list)
    # Each part's hold on the stored events of a batch, as the batch found them (InterchangePart.keep).
    parts: list[tuple[InterchangePart, Any]] = field(default_factory=list)
    # The people the batches added to the address book and the contacts they changed (of guests, as the file gave).
    people: people_added.PeopleWritten = field(default_factory=people_added.PeopleWritten)

    def add(self, batch: _Undo) -> None:
        self.created += batch.created
        self.replaced += batch.replaced
        self.deleted |= batch.deleted
        self.plans += batch.plans
        self.parts += batch.parts
        self.people.add(batch.people)


def _check_all(document: Document, registered: list[InterchangePart]) -> None:
    """Every rule on every plan and event (and on each part of it), before anything is written: a bad one refuses
    the whole file."""
    for number, plan in enumerate(document.plans, start=1):
        try:
            rules.validate_plan(plan)
        except ValidationError as error:
            raise Place(plan=number).fail(error.field, error.message) from None
    for number, record in enumerate(document.events, start=1):
        try:
            rules.validate(record)
            for part in registered:
                part.check(document.parts.get(part.name), number, record)
        except ValidationError as error:
            raise Place(event=number).fail(error.field and field_label(error.field), error.message) from None


def _import_event(
    record: EventRecord,
    stored: dict[str, tuple[EventRecord, bool]],
    summary: ImportSummary,
    undo: _Undo,
    parts_differ: Callable[[int], bool],
) -> None:
    """Add, update or leave one (already checked) event; `stored` holds the batch's stored events by ref, and
    `parts_differ(event_id)` says whether the file changes a part of the stored event (its exhibition…)."""
    found = stored.get(record.ref) if record.ref else None
    if found is None and not record.ref:
        existing = store.find_existing(record)
        if existing is not None:
            found = (event_reading.load_record(existing), existing.deleted_at is not None)
    if found is None:
        saved = store.save_event(record)
        undo.created.append(saved.id)
        summary.created += 1
        return
    current, deleted = found
    _fill_from_current(record, current)
    record.id = current.id
    record.ref = record.ref or current.ref
    unchanged = current == record and not _other_people(record, current)
    if not deleted and unchanged and not parts_differ(current.id):  # type: ignore[arg-type]
        summary.unchanged += 1
        return
    _carry_row_ids(record, current)
    if deleted:  # the save brings it back: a take-back puts it among the deleted events again
        undo.deleted[current.id] = Event.select(Event.deleted_at).where(Event.id == current.id).scalar()  # type: ignore[index]
    store.save_event(record)
    undo.replaced.append(current)
    summary.updated += 1


def _add_new(records: list[EventRecord], summary: ImportSummary, undo: _Undo) -> None:
    """Store the (checked) events the file adds, and empty `records`."""
    event_adding.add_events(records)
    undo.created += [record.id for record in records]  # type: ignore[misc]
    summary.created += len(records)
    records.clear()


def _save_plans(plans: list[PlanEntry], summary: ImportSummary, undo: _Undo) -> None:
    for plan in plans:
        previous = AnnualPlan.get_or_none((AnnualPlan.year == plan.year) & (AnnualPlan.kind == plan.kind))
        store.save_plan(plan)
        undo.plans.append((plan, previous.target if previous else None))
        summary.plans += 1


def _import_batch(
    document: Document, registered: list[InterchangePart], start: int, batch_size: int, summary: ImportSummary
) -> _Undo:
    """The events `start` … `start + batch_size` of `document` with their parts, in one transaction (the first
    batch brings the plans); returns what to take back if a later one fails."""
    batch = _Undo()
    events = document.events[start : start + batch_size]
    numbered = list(enumerate(events, start=start + 1))
    with database_proxy.atomic(), people_added.noting() as batch.people:
        if start == 0:
            _save_plans(document.plans, summary, batch)
        stored = event_reading.stored_by_ref([record.ref for record in events if record.ref])
        found = [current.id for current, _deleted in stored.values()]
        if found:  # their parts as they are, before the batch changes the events or stores the parts
            batch.parts += [(part, part.keep(found)) for part in registered]  # type: ignore[misc]
        new: list[EventRecord] = []
        for number, record in numbered:
            if record.ref and record.ref not in stored:
                new.append(record)  # added together, a few statements for the lot
                continue
            _add_new(new, summary, batch)  # first, so the events keep the file's order and a lookup sees them

            def parts_differ(event_id: int, number: int = number) -> bool:
                return any(part.differs(document.parts.get(part.name), number, event_id) for part in registered)

            _import_event(record, stored, summary, batch, parts_differ)
        _add_new(new, summary, batch)
        for part in registered:
            for number, record in numbered:
                part.store_event(document.parts.get(part.name), number, record.id)  # type: ignore[arg-type]
    return batch


def _store_document(document: Document, registered: list[InterchangePart], summary: ImportSummary) -> None:
    """What the file stores once for the whole document (its series, commemorations, staff, task templates, the
    week's items: each part's `store_document`), in a transaction of its own after the last batch's progress. A
    cancel lands at a progress call, so never after this: a cancelled import has not written these, which the
    take-back of the events could not bring back (a series' occurrences, a template's steps…); a failure here rolls
    them back and takes back the batches."""
    event_ids = [record.id for record in document.events]
    with database_proxy.atomic():
        for part in registered:
            summary.created += part.store_document(document.parts.get(part.name), event_ids) or 0


@bulk.many_objects()
def import_document(
    document: Document, progress: Progress | None = None, batch_size: int | None = None
) -> ImportSummary:
    """Store every plan and event of `document`: all of it, or nothing.

    Everything is checked first. A file of up to write_batches.BATCH_SIZE events is written in one transaction; a
    larger one in several (see `write_batches`; each of `batch_size` events when given), so others can save between,
    and if a batch fails (or `progress` raises, which is how the window cancels) the batches already written are
    taken back. The stored events of a batch are read together and compared in memory, so re-importing an unchanged
    file of ten thousand events asks the database a few dozen times, not seventy thousand. `progress(done, total)`
    is called after each batch.
    """
    summary = ImportSummary()
    registered = features.registered()
    _check_all(document, registered)
    committed = _Undo()
    total = len(document.events)
    with guard.database_errors(), write_ahead.fewer_checkpoints(), write_ahead.larger_page_cache():
        try:
            for start, end in write_batches.batches(total, batch_size):
                committed.add(_import_batch(document, registered, start, end - start, summary))
                if progress:
                    progress(end, total)
            _store_document(document, registered, summary)
        except BaseException:
            if committed.created or committed.replaced or committed.plans or committed.parts or committed.people:
                _take_back_quietly(committed)
            raise
    return summary


def _take_back(undo: _Undo) -> None:
    """Undo the batches already committed, newest first, so a failed import leaves the store as it found it: the
    events it added removed, those it changed saved as they were, each part of the events it found brought back
    (their exhibition, guest list, tasks, photos …), and the people it added to the address book removed (unless a
    record uses them now), the contacts it changed as they were."""
    with database_proxy.atomic():
        for start in range(0, len(undo.created), 500):
            Event.delete().where(Event.id.in_(undo.created[start : start + 500])).execute()
        for previous in reversed(undo.replaced):
            previous.version = None
            store.save_event(previous)
            if previous.id in undo.deleted:  # back among the deleted events, deleted when it was
                store.delete_event(previous.id)  # type: ignore[arg-type]
                Event.update(deleted_at=undo.deleted[previous.id]).where(Event.id == previous.id).execute()
        for part, kept in reversed(undo.parts):
            if kept is not None:
                part.take_back(kept)
        people_added.take_back(undo.people)  # once no event or guest list of the import names them
        for plan, target in reversed(undo.plans):
            if target is None:
                AnnualPlan.delete().where((AnnualPlan.year == plan.year) & (AnnualPlan.kind == plan.kind)).execute()
            else:
                AnnualPlan.update(target=target).where(
                    (AnnualPlan.year == plan.year) & (AnnualPlan.kind == plan.kind)
                ).execute()


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
