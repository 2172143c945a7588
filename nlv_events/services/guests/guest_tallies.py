"""Guests in the yearly tallies: how many were invited and how many came (or said they would), per kind."""

from __future__ import annotations

from peewee import fn

from nlv_events.core.guest_models import Guest
from nlv_events.core.models import Event
from nlv_events.services.guests.guest_replies import COMING
from nlv_events.services.reports import counting


def per_kind(year: int) -> dict[str, tuple[int, int]]:
    """(invited, attending) per kind over the events the year counts; attending is accepted, deputy or attended:
    before the event the replies, after it (once marked) the guests who came."""
    query = (
        Guest.select(Event.kind, Guest.state, fn.COUNT(Guest.id))
        .join(Event)
        .where(counting.counts(year))
        .group_by(Event.kind, Guest.state)
        .tuples()
    )
    result: dict[str, tuple[int, int]] = {}
    for kind, state, count in query:
        invited, attending = result.get(kind, (0, 0))
        if state != "to_invite":
            invited += count
        if state in COMING:
            attending += count
        result[kind] = (invited, attending)
    return result

