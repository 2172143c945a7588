"""The counting rule of the annual report, in one place: which events a year counts and lists.

An event belongs to the year in which it starts. Cancelled events are not counted (they are listed apart).
An exhibition that runs on into the next year is listed there too, marked as continuing, but counted only in
its first year.
"""

from __future__ import annotations

import datetime as dt

import peewee

from nlv_events.core import event_reading, queries
from nlv_events.core.models import Event, Venue
from nlv_events.core.records import CHECKLIST, EventRecord, Figure, figures
from nlv_events.services.exhibits import structure


def counts(year: int) -> peewee.Expression:
    """The rule as a condition on Event: live, started in `year`, not cancelled. A query that joins Event to what
    it tallies per event (guests, photos) filters with it, so SQLite walks the year's events once rather than
    testing every guest against a list of ten thousand ids."""
    first, last = queries.year_bounds(year)
    return Event.deleted_at.is_null() & Event.start_date.between(first, last) & (Event.status != "cancelled")


def figure_column(figure: Figure) -> peewee.Node:
    """What is summed of `figure` (declared on EventRecord), for a query over Event: the event's own column, or
    for a CHECKLIST figure the exhibition's checklist quantities unless the office keeps its own figure."""
    return structure.items_displayed_expression() if figure.summed == CHECKLIST else getattr(Event, figure.name)


def as_tallied(query: peewee.ModelSelect) -> list[EventRecord]:
    """The events of `query` as listing records (event_reading.listing_records), each figure as the tallies count it
    (`figure_column`: an exhibition's checklist sum unless the office keeps its own figure), read in the same
    statement. The year-end list and the tallies' workbook go into the same annual report as the tallies, and must
    agree with them."""
    computed = {figure.name: figure_column(figure) for figure in figures() if figure.summed == CHECKLIST}
    return event_reading.listing_records(query, computed)


def counted(year: int) -> peewee.ModelSelect:
    """The events that count for `year`: started in it and not cancelled, in date order."""
    return queries.events().where(counts(year))


def starting_in(year: int) -> peewee.ModelSelect:
    """Every live event that starts in `year`, counted or cancelled (`counted` and `cancelled` together: the status
    is never empty), as ids: a count of it is read from the index on deletion and start date alone."""
    first, last = queries.year_bounds(year)
    return Event.select(Event.id).where(Event.deleted_at.is_null() & Event.start_date.between(first, last))


def cancelled(year: int) -> peewee.ModelSelect:
    return queries.events(year=year, status="cancelled")


def continuing(year: int) -> peewee.ModelSelect:
    """Exhibitions started in an earlier year that are still running in `year` (listed, not counted)."""
    first_day = dt.date(year, 1, 1)
    # Found through the exhibitions by end date (the index on kind and end date), joined as a subquery: asked
    # with the other conditions alone, SQLite walked every earlier event in date order (the order asked for),
    # 0.3 s in a record of 100 000 events against 15 ms, and more with each year the record keeps.
    running = Event.select(Event.id).where((Event.kind == "exhibition") & (Event.end_date >= first_day))
    running = running.alias("running")
    return (
        Event.select(Event, Venue)
        .join(Venue, peewee.JOIN.LEFT_OUTER)
        .switch(Event)
        .join(running, on=(Event.id == running.c.id))
        .where(
            (Event.kind == "exhibition")
            & Event.deleted_at.is_null()
            & (Event.status != "cancelled")
            & (Event.start_date < first_day)
            & (Event.end_date >= first_day)
        )
        .order_by(Event.start_date, Event.id)
    )
