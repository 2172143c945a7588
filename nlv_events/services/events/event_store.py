"""One event at a time for the window: load, save, delete and restore it, as plain records (EventRecord)."""

from __future__ import annotations

from nlv_events.core import event_reading, queries, store
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.records import EventRecord, PlanEntry
from nlv_events.services.planning import series_exclusions
from nlv_events.services.tasks import event_tasks


def load(event_id: int) -> EventRecord:
    return event_reading.load_record(event_id)


def save(record: EventRecord, base: EventRecord | None = None, *, copied_from: int | None = None,
         move_tasks: bool = True) -> int:
    """Store `record` and return its id; with `base`, refuse (UserError) when a colleague changed it since.

    Its tasks follow it in the same transaction: a new event gets its kind's template's tasks, or, as a copy of
    event `copied_from`, that event's tasks still to do; an event whose days moved since `base` moves its open
    tasks with them unless `move_tasks` is False (the user said no)."""
    with database_proxy.atomic():
        is_new = record.id is None
        event_id = store.save_event(record, base=base).id
        if is_new and copied_from is not None:
            event_tasks.copy_open(copied_from, event_id)
        elif is_new:
            event_tasks.create_from_template(event_id)
        elif base is not None and move_tasks:
            start_shift, end_shift = event_tasks.shifts((base.start, base.end), (record.start, record.end))
            event_tasks.move_open(event_id, start_shift, end_shift)
    return event_id


def ensure_unchanged(base: EventRecord) -> None:
    """Raise UserError when the stored event is no longer `base` (a colleague saved it since)."""
    store.ensure_unchanged(base)


def delete(event_id: int) -> None:
    """Move the event to the deleted events; an occurrence's day becomes a skipped day of its series (an EXDATE), so
    that editing the series later does not make it again."""
    with database_proxy.atomic():
        store.delete_event(event_id)
        series_exclusions.exclude_occurrence(event_id)


def restore(event_id: int) -> None:
    with database_proxy.atomic():
        store.restore_event(event_id)
        series_exclusions.include_occurrence(event_id)


def start_year(event_id: int) -> int | None:
    return store.start_year(event_id)


def id_by_ref(ref: str) -> int | None:
    """The id of the live or deleted event with `ref`, or None."""
    return Event.select(Event.id).where(Event.ref == ref).scalar()


def first_id() -> int | None:
    """Some event's id (the lowest), or None in an empty record."""
    return Event.select(Event.id).order_by(Event.id).scalar()


def years_with_events() -> list[int]:
    """Every year in which some live event starts, newest first."""
    return queries.years_with_events()


def count(
    year: int | None = None, kind: str | None = None, search: str | None = None, status: str | None = None
) -> int:
    """How many live events match; each argument left None matches any."""
    return queries.count_events(year=year, kind=kind, search=search, status=status)


def save_plan(plan: PlanEntry, version: int | None = None) -> None:
    """The year's target of events of a kind (the tallies' plan column); UserError for a bad one, ConflictError when
    a colleague set it since `version` (0: the user saw none) was read."""
    store.save_plan(plan, version)


def plan_targets(year: int) -> dict[str, tuple[int, int]]:
    """Each kind's target of `year` with its version, read together."""
    return store.plan_targets(year)
