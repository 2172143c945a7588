"""The deleted events, as plain lines the window lists so that any of them can be restored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nlv_events.core import queries, when


@dataclass(frozen=True)
class DeletedEvent:
    id: int
    title: str
    start: dt.date
    end: dt.date | None


def deleted_events() -> list[DeletedEvent]:
    """The deleted events, most recently deleted first."""
    return [
        DeletedEvent(
            event.id,
            event.title,
            when.join(event.start_date, event.start_time),
            when.join(event.end_date, event.end_time),
        )
        for event in queries.deleted_events()
    ]
