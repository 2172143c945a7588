"""The venue list: rename a venue, set its capacity, merge duplicates into one (every event repointed)."""

from __future__ import annotations

from dataclasses import dataclass, field

import peewee

from nlv_events.core import store
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event, Venue, database_proxy
from nlv_events.core.text import clean
from nlv_events.i18n import _


@dataclass
class VenueLine:
    id: int
    name: str
    capacity: int | None
    events: int


@dataclass
class MergeRecord:
    """What a merge changed, so that undo can put it back: the venues removed and their events."""

    kept: int
    removed: list[tuple[int, str, int | None]] = field(default_factory=list)
    events: dict[int, list[int]] = field(default_factory=dict)


def venue_lines() -> list[VenueLine]:
    """Every venue with how many live events use it, by name."""
    live = peewee.fn.SUM(peewee.Case(None, [(Event.deleted_at.is_null(), 1)], 0))
    query = (
        Venue.select(Venue.id, Venue.name, Venue.capacity, live.alias("events"))
        .join(Event, peewee.JOIN.LEFT_OUTER, on=(Event.venue == Venue.id))
        .group_by(Venue.id, Venue.name, Venue.capacity)
        .order_by(Venue.name)
    )
    return [VenueLine(v.id, v.name, v.capacity, int(v.events or 0)) for v in query]


def _refresh_search(event_ids: list[int]) -> None:
    """The venue's name is searched: the events that use it get their search text anew."""
    for event_id in event_ids:
        Event.update(search_text=store.search_text(store.load_record(event_id))).where(Event.id == event_id).execute()


def _events_of(venue_id: int) -> list[int]:
    return [event_id for (event_id,) in Event.select(Event.id).where(Event.venue == venue_id).tuples()]


def rename(venue_id: int, name: str) -> None:
    name = clean(name)
    if not name:
        raise UserError(_("A venue needs a name."))
    other = Venue.get_or_none((Venue.name == name) & (Venue.id != venue_id))
    if other is not None:
        raise UserError(_("There is already a venue named “{name}”: merge the two instead.").format(name=name))
    with database_proxy.atomic():
        Venue.update(name=name).where(Venue.id == venue_id).execute()
        _refresh_search(_events_of(venue_id))


def set_capacity(venue_id: int, capacity: int | None) -> None:
    if capacity is not None and capacity < 0:
        raise UserError(_("A capacity cannot be negative."))
    Venue.update(capacity=capacity).where(Venue.id == venue_id).execute()


def merge(keep_id: int, other_ids: list[int]) -> MergeRecord:
    """Point every event of `other_ids` at `keep_id` and remove those venues, in one transaction."""
    done = MergeRecord(keep_id)
    with database_proxy.atomic():
        for venue in Venue.select().where(Venue.id.in_([i for i in other_ids if i != keep_id])):
            done.removed.append((venue.id, venue.name, venue.capacity))
            done.events[venue.id] = _events_of(venue.id)
            Event.update(venue=keep_id).where(Event.venue == venue.id).execute()
            venue.delete_instance()
        _refresh_search([event_id for ids in done.events.values() for event_id in ids])
    return done


def unmerge(done: MergeRecord) -> None:
    """Undo `merge`: the venues come back with their ids, names and capacities, and their events with them."""
    with database_proxy.atomic():
        for venue_id, name, capacity in done.removed:
            Venue.insert(id=venue_id, name=name, capacity=capacity).execute()
            Event.update(venue=venue_id).where(Event.id.in_(done.events[venue_id])).execute()
        _refresh_search([event_id for ids in done.events.values() for event_id in ids])
