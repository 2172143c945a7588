"""An event's tasks following the event: made from its kind's template, copied open with the event, moved with its
days. The event's save (services/events/event_store.py) calls these inside its transaction."""

from __future__ import annotations

import datetime as dt

from peewee import fn

from nlv_events.core import guard, history, when
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.task_models import OPEN_STATES, Staff, Task, TaskTemplate, TemplateStep


def _event_days(event_id: int) -> tuple[dt.date, dt.date]:
    event = Event.get_by_id(event_id)
    start = when.as_date(event.start_date)
    return start, when.as_date(event.end_date) or start


def _owners_by_role() -> dict[str, int]:
    """The first member of staff (by name) holding each role: the owner a template's step proposes."""
    owners: dict[str, int] = {}
    for member in Staff.select().where(Staff.role.is_null(False)).order_by(Staff.name, Staff.id):
        owners.setdefault(member.role.strip().casefold(), member.id)
    return owners


def has_tasks(event_id: int) -> bool:
    return Task.select().where(Task.event == event_id).exists()


def create_from_template(event_id: int) -> int:
    """Add the steps of the event's kind's template as its tasks, due at their offsets from its first or last day;
    returns how many were added (none when the kind has no template). A step the event already has a task of the
    same title for is left out, so asking twice adds nothing."""
    kind = Event.select(Event.kind).where(Event.id == event_id).scalar()
    template = TaskTemplate.get_or_none(TaskTemplate.kind == kind)
    if template is None:
        return 0
    start, end = _event_days(event_id)
    owners = _owners_by_role()
    order = Task.select(Task.sort_order).where(Task.event == event_id).order_by(Task.sort_order.desc()).scalar() or 0
    present = {title for (title,) in Task.select(Task.title).where(Task.event == event_id).tuples()}
    rows = []
    for step in template.steps.order_by(TemplateStep.sort_order, TemplateStep.id):
        if step.title in present:
            continue
        order += 1
        anchor_day = end if step.anchor == "end" else start
        rows.append({
            "event": event_id, "sort_order": order, "title": step.title, "anchor": step.anchor,
            "due": anchor_day + dt.timedelta(days=step.offset_days),
            "owner": owners.get((step.owner_role or "").strip().casefold()),
        })
    _insert_recorded(event_id, rows)
    return len(rows)


def _insert_recorded(event_id: int, rows: list[dict]) -> None:
    """Add `rows` to the event's tasks, each named as added in the event's history."""
    if not rows:
        return
    before = Task.select(fn.MAX(Task.id)).where(Task.event == event_id).scalar() or 0
    Task.insert_many(rows).execute()
    history.rows_added(Task, [task_id for (task_id,) in Task.select(Task.id).where(
        (Task.event == event_id) & (Task.id > before)).tuples()])


def add_from_template(event_id: int) -> int:
    """`create_from_template` as one step of its own (the editor's "Create from template", the command line)."""
    with guard.database_errors(), database_proxy.atomic():
        return create_from_template(event_id)


def must_ask_to_move(event_id: int | None, before: tuple[dt.date, dt.date | None],
                     after: tuple[dt.date, dt.date | None]) -> int:
    """How many open tasks an edit that moves the event's days from `before` to `after` would move (0: nothing to
    ask: a new event, days unchanged, or no open task)."""
    if event_id is None or shifts(before, after) == (dt.timedelta(0), dt.timedelta(0)):
        return 0
    return open_count(event_id)


def copy_open(source_id: int, target_id: int) -> int:
    """Copy the tasks of event `source_id` to `target_id` as tasks still to do, each due as far from the copy's
    first or last day as it was from the original's; returns how many."""
    source_start, source_end = _event_days(source_id)
    target_start, target_end = _event_days(target_id)
    shifts = {"start": target_start - source_start, "end": target_end - source_end}
    rows = [
        {"event": target_id, "sort_order": task.sort_order, "title": task.title, "owner": task.owner_id,
         "anchor": task.anchor, "note": task.note, "on_schedule": task.on_schedule,
         "due": when.as_date(task.due) + shifts.get(task.anchor, shifts["start"]) if task.due else None}
        for task in Task.select().where(Task.event == source_id).order_by(Task.sort_order, Task.id)
    ]
    _insert_recorded(target_id, rows)
    return len(rows)


def open_count(event_id: int) -> int:
    return Task.select().where((Task.event == event_id) & Task.state.in_(OPEN_STATES)).count()


def move_open(event_id: int, start_shift: dt.timedelta, end_shift: dt.timedelta) -> int:
    """Move the due dates of the event's open tasks by the shift of the day each follows (its first or last);
    done and not-needed tasks keep theirs. Returns how many moved."""
    moved = 0
    for anchor, shift in (("start", start_shift), ("end", end_shift)):
        if shift:
            moved += _shift(event_id, anchor, shift)
    return moved


def _shift(event_id: int, anchor: str, shift: dt.timedelta) -> int:
    # Date arithmetic differs between SQLite and PostgreSQL; the handful of an event's tasks are moved one by one.
    moved = 0
    for task in Task.select().where((Task.event == event_id) & (Task.anchor == anchor)
                                    & Task.state.in_(OPEN_STATES) & Task.due.is_null(False)):
        Task.update(due=when.as_date(task.due) + shift, version=Task.version + 1).where(Task.id == task.id).execute()
        moved += 1
    return moved


def shifts(before: tuple[dt.date, dt.date | None], after: tuple[dt.date, dt.date | None]) -> tuple[dt.timedelta,
                                                                                                    dt.timedelta]:
    """How far an event's first and last days moved between two of its (start, end) moments."""
    start_before, start_after = when.day_of(before[0]), when.day_of(after[0])
    end_before = when.day_of(before[1]) if before[1] else start_before
    end_after = when.day_of(after[1]) if after[1] else start_after
    return start_after - start_before, end_after - end_before
