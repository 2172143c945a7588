"""One day of a series, named by its date: skipping it for good, or moving its occurrence to another day or time.

The command line names an occurrence by its day, not by the id of its event; this module finds the event and hands
it to series.py, which the window's series dialog uses too.
"""

from __future__ import annotations

import datetime as dt

from nlv_events.core import event_reading, when
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_day
from nlv_events.services.planning import series


def occurrence_on(spec: series.SeriesSpec, day: dt.date) -> Event:
    """The live occurrence of `spec` the rule gave on `day` (or, failing that, the one that now starts on `day`)."""
    found = series.occurrences(spec.id)  # type: ignore[arg-type]
    for matches in (
        lambda event: when.as_date(event.series_date) == day,
        lambda event: when.as_date(event.start_date) == day,
    ):
        for event in found:
            if matches(event):
                return event
    if day in spec.skip:
        raise UserError(
            _("{day} is a skipped day of the series “{title}”.").format(day=format_day(day), title=spec.title)
        )
    raise UserError(
        _("The series “{title}” has no occurrence on {day}.").format(title=spec.title, day=format_day(day))
    )


def skip_day(series_id: int, day: dt.date) -> series.SeriesSpec:
    """Skip `day` of the series for good (an EXDATE in calendars): its occurrence goes to the deleted events, and
    no later change of the series brings it back. A day already held cannot be skipped."""
    spec = series.load(series_id)
    if day in spec.skip:
        raise UserError(
            _("{day} is already a skipped day of the series “{title}”.").format(day=format_day(day), title=spec.title)
        )
    if day not in series.rule_days(spec.rule, spec.start):
        raise UserError(
            _("The series “{title}” has no occurrence on {day}.").format(title=spec.title, day=format_day(day))
        )
    held = [event for event in series.occurrences(series_id) if when.as_date(event.series_date) == day]
    if any(event.status == "held" for event in held):
        raise UserError(
            _("The occurrence of {day} has been held: it stays in the record and cannot be skipped.").format(
                day=format_day(day)
            )
        )
    spec.skip = sorted([*spec.skip, day])
    return series.update(spec)


def move_day(
    series_id: int,
    day: dt.date,
    to_day: dt.date | None = None,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
) -> int:
    """Move the occurrence of `day` to `to_day` and/or to start at `start_time` (and end at `end_time`); it stays
    in the series (an exception with its RECURRENCE-ID in calendars). Unless an end time is given, it lasts as
    long as before. Returns the id of its event."""
    if to_day is None and start_time is None:
        raise UserError(_("Give the day or the time the occurrence moves to."))
    spec = series.load(series_id)
    event = occurrence_on(spec, day)
    record = event_reading.load_record(event.id)
    old_day, old_time = when.split(record.start)
    new_day = to_day or old_day
    start = when.join(new_day, start_time or old_time)
    if end_time is not None:
        end = when.join(new_day, end_time)
    elif record.end is None:
        end = None
    elif when.is_timed(record.end) and when.is_timed(record.start) and when.is_timed(start):
        end = start + (record.end - record.start)  # type: ignore[operator]
    else:
        end = record.end + (new_day - old_day)  # type: ignore[operator]
    series.move_occurrence(event.id, start, end)  # type: ignore[arg-type]
    return event.id
