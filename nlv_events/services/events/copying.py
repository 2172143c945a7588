"""Planning helpers: copying an event (to the same dates, or to next year as Book Day is planned)."""

from __future__ import annotations

import copy
import datetime as dt

from nlv_events.core.records import EventRecord
from nlv_events.i18n import _


def _shift_year(moment: dt.date | None, years: int) -> dt.date | None:
    if moment is None:
        return None
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February in a year without one
        return moment.replace(year=moment.year + years, day=28)


def duplicate(record: EventRecord) -> EventRecord:
    """A new, unsaved copy of `record` with the same dates, marked as a copy."""
    twin = copy.deepcopy(record)
    twin.id = None
    twin.ref = None
    twin.version = None
    twin.title = _("{title} (copy)").format(title=record.title)
    return twin


def duplicate_to_next_year(record: EventRecord, years: int = 1, rename: bool = True) -> EventRecord:
    """A new, planned copy of `record` a year later, with its programme moved too and last year's figures
    cleared (they belong to the event that was held); `rename` replaces the year in the titles (the window
    proposes every text change instead, through services.duplicate_year)."""
    twin = copy.deepcopy(record)
    twin.id = None
    twin.ref = None
    twin.version = None
    twin.status = "planned"
    twin.attendance = None
    twin.online_views = None
    twin.news_url = None
    twin.start = _shift_year(record.start, years)  # type: ignore[assignment]
    twin.end = _shift_year(record.end, years)
    old_year, new_year = str(record.start.year), str(twin.start.year)
    if rename and old_year in twin.title:
        twin.title = twin.title.replace(old_year, new_year)
    if rename and twin.title_en and old_year in twin.title_en:
        twin.title_en = twin.title_en.replace(old_year, new_year)
    for row in twin.programme:
        row.start = _shift_year(row.start, years)  # type: ignore[assignment]
        row.end = _shift_year(row.end, years)
    return twin
