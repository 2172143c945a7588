"""A deleted occurrence stays deleted: its day becomes an EXDATE (a skipped day) of its series, so that no later edit
of the series — the series dialog, a re-imported file, the calendar file — makes it again. Restoring the occurrence
takes the day back out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from nlv_events.core import guard, when
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.planning_models import Series
from nlv_events.i18n import _

_ATTEMPTS = 5  # a colleague's save of the series in between: read it again and add the day to theirs


def skip_days(text: str | None) -> list[dt.date]:
    """The skipped days as the series row keeps them (ISO days separated by spaces)."""
    return [when.parse_day(day) for day in (text or "").split()]


def skip_text(days: Iterable[dt.date]) -> str:
    return " ".join(day.isoformat() for day in sorted(set(days)))


def _occurrence_day(event_id: int) -> tuple[int, dt.date] | None:
    row = Event.select(Event.series_id, Event.series_date).where(Event.id == event_id).first()
    if row is None or row.series_id is None or row.series_date is None:
        return None
    return row.series_id, when.as_date(row.series_date)  # type: ignore[return-value]


def _change(series_id: int, day: dt.date, skipped: bool) -> None:
    """Add `day` to the series' skipped days (or take it out), stepping the series' version: a colleague who has the
    series open is told that the skipped days changed instead of saving over them."""
    for _attempt in range(_ATTEMPTS):
        row = Series.get_or_none(Series.id == series_id)
        if row is None:
            return
        days = set(skip_days(row.skip))
        wanted = days | {day} if skipped else days - {day}
        if wanted == days:
            return
        written = (
            Series.update(skip=skip_text(wanted), version=Series.version + 1)
            .where((Series.id == series_id) & (Series.version == row.version))
            .execute()
        )
        if written:
            return
    raise UserError(_("The series was being saved by colleagues all this time; try again."))


def exclude_occurrence(event_id: int) -> None:
    """The user deleted event `event_id`: when it is an occurrence of a series, its day is skipped from now on."""
    found = _occurrence_day(event_id)
    if found is not None:
        with guard.database_errors(), database_proxy.atomic():
            _change(*found, skipped=True)


def include_occurrence(event_id: int) -> None:
    """The user restored event `event_id`: its day is no longer skipped."""
    found = _occurrence_day(event_id)
    if found is not None:
        with guard.database_errors(), database_proxy.atomic():
            _change(*found, skipped=False)


def merged(stored: Iterable[dt.date], brought: Iterable[dt.date]) -> list[dt.date]:
    """The skipped days of a series a file brings again: the file's and the record's, so that a day deleted since
    the file was written stays deleted."""
    return sorted(set(stored) | set(brought))
