"""Tasks in the yearly tallies, as a planning aid: per kind, how many tasks were done after their due date and by
how many days in all (the average tells how much earlier to start next year)."""

from __future__ import annotations

from nlv_events.core import when
from nlv_events.core.models import Event
from nlv_events.core.task_models import Task
from nlv_events.services.reports import counting


def late_per_kind(year: int) -> dict[str, tuple[int, int]]:
    """(tasks done late, days late in all) per kind over the events the year counts."""
    query = (Task.select(Event.kind, Task.due, Task.done_on).join(Event)
             .where(counting.counts(year) & (Task.state == "done") & Task.due.is_null(False)
                    & Task.done_on.is_null(False)).tuples())
    result: dict[str, tuple[int, int]] = {}
    for kind, due, done_on in query:
        days = (when.as_date(done_on) - when.as_date(due)).days
        if days > 0:
            count, total = result.get(kind, (0, 0))
            result[kind] = (count + 1, total + days)
    return result

