"""A recurring series' events as the series dialog lists them: plain data, never the stored rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nlv_events.services.planning import series


@dataclass(frozen=True)
class Occurrence:
    id: int
    start_date: dt.date
    series_date: dt.date | None  # the day the series' rule gives; another start_date means it was moved
    status: str


def of_series(series_id: int) -> list[Occurrence]:
    """The live events of the series, by the day the rule gave them."""
    return [
        Occurrence(event.id, event.start_date, event.series_date, event.status)
        for event in series.occurrences(series_id)
    ]
