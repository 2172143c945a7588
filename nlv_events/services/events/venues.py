"""The venue list: rename a venue, set its capacity, merge duplicates into one (every event repointed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

import peewee

from nlv_events.core import event_reading, guard, store, versioned
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.models import Event, Venue, database_proxy
from nlv_events.core.text import clean
from nlv_events.i18n import _


@dataclass
class VenueLine:
    id: int
    name: str
    capacity: int | None
    events: int
    version: int | None = None  # as loaded: a rename or a new capacity checks it


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
        Venue.select(Venue.id, Venue.name, Venue.capacity, Venue.version, live.alias("events"))
        .join(Event, peewee.JOIN.LEFT_OUTER, on=(Event.venue == Venue.id))
        .group_by(Venue.id, Venue.name, Venue.capacity, Venue.version)
        .order_by(Venue.name)
    )
    return [VenueLine(v.id, v.name, v.capacity, int(v.events or 0), v.version) for v in query]


def _refresh_search(event_ids: list[int]) -> None:
    """The venue's name is searched: the events that use it get their search text anew."""
    for event_id in event_ids:
        text = store.search_text(event_reading.load_record(event_id))
        Event.update(search_text=text).where(Event.id == event_id).execute()


def _events_of(venue_id: int) -> list[int]:
    return [event_id for (event_id,) in Event.select(Event.id).where(Event.venue == venue_id).tuples()]


def _conflict(venue_id: int) -> ConflictError:
    """The message for a change to a venue a colleague changed or merged away first: what it is now."""
    venue = Venue.get_or_none(Venue.id == venue_id)
    if venue is None:
        return versioned.gone_error(_("this venue"))
    now = [_("name “{name}”").format(name=venue.name)]
    if venue.capacity is not None:
        now.append(_("capacity {capacity}").format(capacity=venue.capacity))
    return versioned.conflict_error(_("the venue “{name}”").format(name=venue.name), now)


def rename(venue_id: int, name: str, version: int | None = None) -> int:
    """Rename the venue; returns its new version. `version` is the one the user saw: a colleague's change since
    is a ConflictError, and nothing is renamed."""
    name = clean(name)
    if not name:
        raise UserError(_("A venue needs a name."))
    other = Venue.get_or_none((Venue.name == name) & (Venue.id != venue_id))
    if other is not None:
        raise UserError(_("There is already a venue named “{name}”: merge the two instead.").format(name=name))
    with guard.database_errors(), database_proxy.atomic():
        conflict = partial(_conflict, venue_id)
        new_version = versioned.write_or_conflict(Venue, venue_id, version, {"name": name}, conflict)
        _refresh_search(_events_of(venue_id))
    return new_version


def set_capacity(venue_id: int, capacity: int | None, version: int | None = None) -> int:
    """Set the venue's capacity; returns its new version (`version`: as for rename)."""
    if capacity is not None and capacity < 0:
        raise UserError(_("A capacity cannot be negative."))
    with guard.database_errors(), database_proxy.atomic():
        conflict = partial(_conflict, venue_id)
        return versioned.write_or_conflict(Venue, venue_id, version, {"capacity": capacity}, conflict)


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
