"""The board of what is due (Việc cần làm): open tasks grouped as overdue, this week and next week at a given day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from nlv_events.i18n import N_, _
from nlv_events.services.tasks.task_list import TaskRecord, tasks

GROUPS: dict[str, str] = {
    "overdue": N_("Overdue"),
    "this_week": N_("This week"),
    "next_week": N_("Next week"),
}


def group_label(key: str) -> str:
    return _(GROUPS[key])


@dataclass
class Board:
    """The open tasks in each group, by due date; `today` is the day the groups are counted from; `left_out` counts
    the tasks of cancelled events that would have been in a group (the event will not happen: the week's schedule
    leaves them out too; the event's own Tasks tab still lists them)."""

    today: dt.date
    groups: dict[str, list[TaskRecord]] = field(default_factory=lambda: {key: [] for key in GROUPS})
    left_out: int = 0

    def count(self) -> int:
        return sum(len(rows) for rows in self.groups.values())


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


def group_of(due: dt.date | None, today: dt.date) -> str | None:
    """Which group a task due on `due` falls in at `today`: overdue (before today), this week (today to Sunday),
    next week (the Monday after to its Sunday); None for later or undated tasks."""
    if due is None:
        return None
    if due < today:
        return "overdue"
    monday = week_start(today)
    if due < monday + dt.timedelta(days=7):
        return "this_week"
    if due < monday + dt.timedelta(days=14):
        return "next_week"
    return None


def board(today: dt.date, event_id: int | None = None, owner_id: int | None = None) -> Board:
    """The open tasks of live events that are overdue or due this week or next, filtered by event and owner; those
    of cancelled events counted apart."""
    result = Board(today)
    limit = week_start(today) + dt.timedelta(days=14)
    for row in tasks(event_id=event_id, owner_id=owner_id, due_before=limit, open_only=True):
        key = group_of(row.due, today)
        if key is None:
            continue
        if row.event_cancelled:
            result.left_out += 1
        else:
            result.groups[key].append(row)
    return result
