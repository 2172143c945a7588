"""Venue clashes: two events, or two programme rows, in the same place at the same time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from nlv_events.core import matching, queries, when
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord, ProgrammeEntry
from nlv_events.i18n import _


@dataclass(frozen=True)
class Clash:
    message: str
    other_event_id: int | None = None


def _span(
    start: dt.date, end: dt.date | None, untimed_length: dt.timedelta = dt.timedelta(hours=1)
) -> tuple[dt.datetime, dt.datetime]:
    """The moments an event or row occupies; a whole day occupies the whole day, a start without an end
    `untimed_length`."""
    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time.min)
    if end is None:
        last = first + untimed_length if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time.max)
    elif isinstance(end, dt.datetime):
        last = end
    else:
        last = dt.datetime.combine(end, dt.time.max)
    return first, last


def _overlap(a: tuple[dt.datetime, dt.datetime], b: tuple[dt.datetime, dt.datetime]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_place(a: str | None, b: str | None) -> bool:
    return matching.same_venue(a, b)


def event_clashes(record: EventRecord) -> list[Clash]:
    """Other live, not cancelled events at the same venue whose times overlap `record`'s."""
    if not record.venue or record.status == "cancelled":
        return []
    mine = _span(record.start, record.end)
    first_day = when.day_of(record.start)
    last_day = when.day_of(record.end) if record.end is not None else first_day
    places = matching.ids_of_place(record.venue)
    if not places:
        return []
    candidates = queries.events().where(
        (Event.venue.in_(places))
        & (Event.status != "cancelled")
        & (Event.start_date <= last_day)
        & ((Event.end_date >= first_day) | (Event.end_date.is_null() & (Event.start_date >= first_day)))
    )
    clashes = []
    for other in candidates:
        if record.id is not None and other.id == record.id:
            continue
        # An exhibition holds its space for weeks while talks and openings happen around it: exhibitions
        # clash with exhibitions, other events with other events.
        if (record.kind == "exhibition") != (other.kind == "exhibition"):
            continue
        theirs = _span(when.join(other.start_date, other.start_time), when.join(other.end_date, other.end_time))
        if _overlap(mine, theirs):
            clashes.append(
                Clash(
                    _("{venue} is also booked for “{title}” at that time.").format(
                        venue=other.venue.name if other.venue_id else record.venue, title=other.title
                    ),
                    other.id,
                )
            )
    return clashes


def _booking(record: EventRecord) -> tuple:
    """What of an event a clash depends on: its times, whether it holds its place, and which events it can clash
    with (exhibitions with exhibitions); the venue is compared apart, as the same place may be spelt two ways."""
    return record.start, record.end, record.status == "cancelled", record.kind == "exhibition"


def clashes_to_confirm(record: EventRecord, opened: EventRecord | None = None) -> list[Clash]:
    """The clashes Save asks about. A stored event that keeps the venue and times it was opened with (`opened`)
    asks about none: its clashes were told when it was booked there, and the user said yes then; renaming it must
    not ask again. A new event, or one moved to another place or time, asks about all."""
    unmoved = (
        opened is not None
        and opened.id is not None
        and opened.id == record.id
        and _booking(opened) == _booking(record)
        and ((opened.venue or "") == (record.venue or "") or _same_place(opened.venue, record.venue))
    )
    return [] if unmoved else event_clashes(record)


def programme_clashes(rows: list[ProgrammeEntry], venue: str | None = None) -> list[Clash]:
    """Pairs of rows of one programme held in the same place at overlapping times."""
    clashes = []
    # A row without an end is a moment on the timetable, not a booking of the room.
    moment = dt.timedelta(minutes=1)
    timed = [(row, _span(row.start, row.end, moment)) for row in rows if when.is_timed(row.start)]
    for index, (row, span) in enumerate(timed):
        for other, other_span in timed[index + 1 :]:
            # The times first: most rows of a programme are apart, and comparing two places folds both names (the
            # editor asks at each change; 40 rows are 780 pairs).
            if _overlap(span, other_span) and _same_place(row.place or venue, other.place or venue):
                clashes.append(
                    Clash(
                        _("“{first}” and “{second}” use {place} at the same time.").format(
                            first=row.title, second=other.title, place=row.place or venue
                        )
                    )
                )
    return clashes


def all_clashes(record: EventRecord) -> list[Clash]:
    return [*event_clashes(record), *programme_clashes(record.programme, record.venue)]
