"""Guest numbers (precedence): the database keeps them unique per event, and the list's version orders the savers.

Every change to who is on a list or in what order steps the event's `guest_list_version` first: on a shared
database that holds the event's row until the change is committed, so two colleagues adding guests at once take
turns; should a number still be taken, the unique index refuses it and the insert is tried again.
"""

from __future__ import annotations

from functools import partial

import peewee
from peewee import JOIN

from nlv_events.core import history, versioned
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.guest_models import Guest, GuestGroup
from nlv_events.core.models import Event, Person, database_proxy
from nlv_events.i18n import _
from nlv_events.services.guests import guest_history


def default_precedence(event_id: int, group: GuestGroup | None) -> int:
    """Where a new guest goes: after the last guest of a group of equal or higher rank (no group: at the end)."""
    rows = list(
        Guest.select(Guest.precedence, GuestGroup.rank)
        .join(GuestGroup, on=(Guest.group == GuestGroup.id), join_type=JOIN.LEFT_OUTER)
        .where(Guest.event == event_id)
        .order_by(Guest.precedence)
        .tuples()
    )
    if group is None or not rows:
        return len(rows) + 1
    place = 0
    for index, (_precedence, rank) in enumerate(rows, start=1):
        if rank is not None and rank <= group.rank:
            place = index
    return place + 1


def renumber(event_id: int, ordered_ids: list[int]) -> None:
    """Number the guests 1, 2 … in the order of `ordered_ids`. The numbers are unique in the database: each guest
    first steps aside to a number no one has (minus its id), so no statement meets a number still taken."""
    Guest.update(precedence=Guest.id * -1).where(Guest.event == event_id).execute()
    for precedence, guest_id in enumerate(ordered_ids, start=1):
        Guest.update(precedence=precedence).where(Guest.id == guest_id).execute()


def ordered_ids(event_id: int) -> list[int]:
    query = Guest.select(Guest.id).where(Guest.event == event_id).order_by(Guest.precedence, Guest.id)
    return [guest_id for (guest_id,) in query.tuples()]


def list_version(event_id: int) -> int | None:
    """The version of the event's guest list (its order and who is on it), as a window loads it to save with."""
    return Event.select(Event.guest_list_version).where(Event.id == event_id).scalar()


def list_changes(event_id: int, version: int | None, kept: bool = True) -> None:
    """Step the list's version, refusing when a colleague stepped it since `version` (None: no check). On a shared
    database this also holds the event's row until the change is committed: a colleague adding guests to the same
    list at that moment waits, then numbers after ours. The history keeps the list as it was (`kept`; an import's
    later batches keep none: the lists halfway through it are no version anyone saved)."""
    def conflict() -> ConflictError:
        title = Event.select(Event.title).where(Event.id == event_id).scalar()
        return versioned.conflict_error(
            _("the guest list of “{title}”").format(title=title),
            [_("guests added, removed or moved")],
        )

    versioned.write_or_conflict(Event, event_id, version, {}, conflict, Event.guest_list_version,
                                partial(guest_history.plain, event_id) if kept else None)


def insert_numbered(event_id: int, person: Person, group: GuestGroup | None, values: dict) -> int:
    """Insert the guest at its group's place, the guests after it one number down. The database keeps numbers
    unique: should a colleague have taken the number in between, the insert is refused and tried again. The caller
    has stepped the list's version (list_changes) in the same transaction."""
    for attempt in range(_NUMBER_ATTEMPTS):
        precedence = default_precedence(event_id, group)
        try:
            with database_proxy.atomic():  # a savepoint: a refused number takes back only this attempt
                after = (Guest.event == event_id) & (Guest.precedence >= precedence)
                Guest.update(precedence=(Guest.precedence + 1) * -1).where(after).execute()
                Guest.update(precedence=Guest.precedence * -1).where(
                    (Guest.event == event_id) & (Guest.precedence < 0)
                ).execute()
                guest_id = Guest.insert(event=event_id, person=person.id, precedence=precedence, **values).execute()
                history.rows_synced(Guest, {}, {guest_id: {"name": person.name, **values}}, set(), ("event", event_id))
                return guest_id
        except peewee.IntegrityError:
            if Guest.get_or_none((Guest.event == event_id) & (Guest.person == person.id)) is not None:
                raise UserError(_("{name} is already on this event's guest list.").format(name=person.name)) from None
            if attempt == _NUMBER_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


_NUMBER_ATTEMPTS = 5
