"""Each event's tasks as plain records: listing with filters, saving one task (versioned), changing its state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, ModelSelect

from nlv_events.core import guard, history, versioned, when
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.task_models import OPEN_STATES, TASK_STATES, Staff, Task
from nlv_events.i18n import N_, _

STATE_LABELS: dict[str, str] = {
    "todo": N_("To do"),
    "doing": N_("Doing"),
    "done": N_("Done"),
    "not_needed": N_("Not needed"),
}


def state_label(state: str) -> str:
    return _(STATE_LABELS[state]) if state in STATE_LABELS else state


@dataclass
class TaskRecord:
    """One task as the board, the editor tab and the command line show it."""

    title: str
    event_id: int
    due: dt.date | None = None
    state: str = "todo"
    owner_id: int | None = None
    owner: str = ""
    note: str = ""
    done_on: dt.date | None = None
    anchor: str = "start"
    on_schedule: bool = False
    event_title: str = ""
    event_kind: str = ""
    event_start: dt.date | None = None
    id: int | None = None
    version: int | None = None
    event_cancelled: bool = False

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


# What a TaskRecord is read from, in the order of `_from_row`: the task's own columns, its owner's name and its
# event's title, kind, first day and status. Model objects for twenty thousand tasks took seconds (peewee converts
# and sets every column of three models per row).
_COLUMNS = (Task.id, Task.version, Task.title, Task.event, Task.due, Task.state, Task.owner, Staff.name, Task.note,
            Task.done_on, Task.anchor, Task.on_schedule, Event.title, Event.kind, Event.start_date, Event.status)


def _query() -> ModelSelect:
    return Task.select(*_COLUMNS).join(Event).switch(Task).join(Staff, JOIN.LEFT_OUTER)


def _records(query: ModelSelect) -> list[TaskRecord]:
    """The tasks of `query` (made from `_query`), straight from the cursor."""
    sql, parameters = query.sql()
    as_date = when.as_date
    return [
        TaskRecord(
            id=task_id, version=version, title=title, event_id=event_id, due=as_date(due), state=state,
            owner_id=owner_id, owner=owner if owner_id else "", note=note or "", done_on=as_date(done_on),
            anchor=anchor, on_schedule=bool(on_schedule), event_title=event_title, event_kind=event_kind,
            event_start=as_date(event_start), event_cancelled=status == "cancelled",
        )
        for (task_id, version, title, event_id, due, state, owner_id, owner, note, done_on, anchor, on_schedule,
             event_title, event_kind, event_start, status) in database_proxy.execute_sql(sql, parameters).fetchall()
    ]


def tasks(event_id: int | None = None, owner: str | None = None, due_before: dt.date | None = None,
          open_only: bool = False, owner_id: int | None = None, due_from: dt.date | None = None,
          on_schedule_only: bool = False, held_only: bool = False) -> list[TaskRecord]:
    """The tasks of live events, by due date (undated last), then event and order; each argument narrows: `owner`
    is a staff member's name, matched whole and ignoring case; `due_from` and `due_before` bound the due date (on
    or after, before); `on_schedule_only` keeps the tasks put in the week's schedule; `held_only` leaves out the
    tasks of cancelled events."""
    query = _query().where(Event.deleted_at.is_null())
    if event_id is not None:
        query = query.where(Task.event == event_id)
    if owner_id is not None:
        query = query.where(Task.owner == owner_id)
    if due_from is not None:
        query = query.where(Task.due >= due_from)
    if due_before is not None:
        query = query.where(Task.due < due_before)
    if open_only:
        query = query.where(Task.state.in_(OPEN_STATES))
    if on_schedule_only:
        query = query.where(Task.on_schedule == True)  # noqa: E712 (peewee's SQL, not Python's test)
    if held_only:
        query = query.where(Event.status != "cancelled")
    rows = _records(query.order_by(Task.due.is_null(), Task.due, Task.event, Task.sort_order))
    if owner:
        wanted = owner.strip().casefold()
        rows = [row for row in rows if row.owner.casefold() == wanted]
    return rows


def load(task_id: int) -> TaskRecord:
    found = _records(_query().where(Task.id == task_id))
    if not found:
        raise UserError(_("There is no task {id}.").format(id=task_id))
    return found[0]


def _check(record: TaskRecord) -> None:
    if not record.title.strip():
        raise UserError(_("A task needs a title."))
    if record.state not in TASK_STATES:
        raise UserError(_("Unknown task state “{state}”: use one of {states}.").format(
            state=record.state, states=", ".join(TASK_STATES)))


def _columns(record: TaskRecord, today: dt.date) -> dict:
    done_on = record.done_on
    if record.state == "done" and done_on is None:
        done_on = today
    elif record.state != "done":
        done_on = None
    return {"title": record.title.strip(), "owner": record.owner_id, "due": record.due, "state": record.state,
            "note": record.note.strip() or None, "done_on": done_on, "anchor": record.anchor,
            "on_schedule": record.on_schedule}


def save(record: TaskRecord, today: dt.date | None = None) -> TaskRecord:
    """Store `record` (new when it has no id) and return it as stored; ConflictError when a colleague saved the
    task since `record.version` was read. A task marked done is dated `today` unless it has its day."""
    _check(record)
    today = today or dt.date.today()
    columns = _columns(record, today)
    with guard.database_errors(), database_proxy.atomic():
        if record.id is None:
            order = Task.select(Task.sort_order).where(Task.event == record.event_id).order_by(
                Task.sort_order.desc()).scalar()
            task_id = Task.insert(event=record.event_id, sort_order=(order or 0) + 1, **columns).execute()
            history.rows_added(Task, [task_id])
        else:
            task_id = record.id
            versioned.write_or_conflict(Task, task_id, record.version, columns, lambda: _conflict(record))
    return load(task_id)


def _conflict(record: TaskRecord) -> UserError:
    stored = Task.get_or_none(Task.id == record.id)
    what = _("the task “{title}”").format(title=record.title)
    if stored is None:
        return versioned.gone_error(what)
    labels = {"title": _("title"), "owner_id": _("owner"), "due": _("due date"), "state": _("state"),
              "note": _("note")}
    return versioned.conflict_error(what, versioned.field_changes(labels, vars(record), vars(load(stored.id))))


def set_state(task_id: int, state: str, today: dt.date | None = None) -> TaskRecord:
    """Move one task to `state` (done is dated today); whatever version is stored (the command line's one step)."""
    record = load(task_id)
    record.state = state
    record.done_on = None
    record.version = None
    return save(record, today)


def delete(task_id: int) -> None:
    with guard.database_errors(), database_proxy.atomic():
        history.rows_removing(Task, [task_id])
        Task.delete().where(Task.id == task_id).execute()


def overdue_count(today: dt.date, owner_id: int | None = None) -> int:
    """How many open tasks of live events still to be held were due before `today` (the reminder at start): a
    cancelled event's tasks will not be done, as the board leaves them out."""
    query = Task.select().join(Event).where(
        Event.deleted_at.is_null() & (Event.status != "cancelled") & Task.state.in_(OPEN_STATES) & (Task.due < today))
    if owner_id is not None:
        query = query.where(Task.owner == owner_id)
    return query.count()
