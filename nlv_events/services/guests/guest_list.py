"""The guest list of an event: who is invited, in what order (precedence), seating and counts.

The replies are in guest_replies.py and the groups in guest_groups.py; their functions are named here too, for the
callers that see one guest list. Each guest row has a version (a change checks it), and the list's order has one on
its event (`guest_list_version`): adding, moving and removing guests step it, which also makes colleagues adding
guests at once wait for each other, so that no two guests ever get one number (the database refuses it too).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from peewee import JOIN

from nlv_events.core import guard, history, row_records, rules, versioned
from nlv_events.core.errors import UserError
from nlv_events.core.guest_models import READABLE_COLUMNS, Guest, GuestGroup
from nlv_events.core.models import Event, Person, database_proxy
from nlv_events.core.people import person_for
from nlv_events.core.records import PersonEntry
from nlv_events.core.text import clean, clean_or_none
from nlv_events.i18n import _
from nlv_events.services.guests import titles
from nlv_events.services.guests.guest_groups import find_group
from nlv_events.services.guests.guest_numbers import insert_numbered, list_changes, ordered_ids, renumber
from nlv_events.services.guests.guest_replies import (
    COMING,
    STATES,
    guest_conflict,
    split_addressed,
)

# Ids and states only: a guest's contacts must never reach the log.
log = logging.getLogger(__name__)


@dataclass
class GuestEntry:
    """A guest as the lists and printouts see it (never with contacts)."""

    name: str
    honorific: str | None = None
    position: str | None = None
    organisation: str | None = None
    group: str | None = None
    state: str = "to_invite"
    invited_on: dt.date | None = None
    invited_by: str | None = None
    deputy_name: str | None = None
    deputy_position: str | None = None
    seat: str | None = None
    notes: str | None = None
    precedence: int = 0
    invitation_sent_at: dt.datetime | None = None  # when the invitation went by e-mail (invitation_mail.py)
    id: int | None = None
    person_id: int | None = None
    version: int | None = None  # as loaded: a change checks it

    @property
    def addressed_name(self) -> str:
        """ "Bà Trịnh Thị Thủy": form of address and name."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    @property
    def is_unit(self) -> bool:
        """A body invited as such ("Vụ Thư viện"): addressed by its name, never seated at the head table."""
        return titles.is_unit(self.name, self.honorific)

    @property
    def title_line(self) -> str:
        """ "Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch": position and organisation, the organisation's words once."""
        return titles.title_line(self.position, self.organisation)

    @property
    def addressee(self) -> str:
        """What follows "Kính gửi:" — "Bà Trịnh Thị Thủy – Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch"; a unit
        with its organisation after a comma: "Vụ Thư viện, Bộ Văn hóa, Thể thao và Du lịch"."""
        if self.is_unit and not self.position:
            return titles.unit_line(self.name, self.organisation)
        return f"{self.addressed_name} – {self.title_line}" if self.title_line else self.addressed_name

    @property
    def sends_deputy(self) -> bool:
        return bool(self.deputy_name) and self.state in ("deputy", "attended")

    @property
    def card_name(self) -> str:
        """Who sits at the table: the deputy (as addressed: "Ông Phạm Văn Thành") when one is sent."""
        return self.deputy_name if self.sends_deputy else self.addressed_name  # type: ignore[return-value]

    @property
    def card_position(self) -> str:
        return (self.deputy_position or "") if self.sends_deputy else self.title_line


@dataclass
class GuestCounts:
    total: int = 0
    by_state: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))

    @property
    def invited(self) -> int:
        """Everyone an invitation went to, whatever the reply."""
        return self.total - self.by_state["to_invite"]

    @property
    def coming(self) -> int:
        return sum(self.by_state[state] for state in COMING)


# ---- reading ------------------------------------------------------------------------------------------------


def entry_of(row: Guest, person_name: str, group_name: str | None) -> GuestEntry:
    return row_records.record_of(GuestEntry, row, name=person_name, group=group_name)


def _event(event_id: int) -> Event:
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    return event


def guest_list(event_id: int, states: Iterable[str] | None = None) -> list[GuestEntry]:
    """The guests of the event in order of precedence, optionally only those in `states`."""
    _event(event_id)
    query = (
        Guest.select(*READABLE_COLUMNS, Person.id, Person.name, GuestGroup.id, GuestGroup.name)
        .join(Person)
        .switch(Guest)
        .join(GuestGroup, on=(Guest.group == GuestGroup.id), join_type=JOIN.LEFT_OUTER)
        .where(Guest.event == event_id)
        .order_by(Guest.precedence, Guest.id)
    )
    wanted = set(states) if states is not None else None
    entries = []
    for row in query:
        if wanted is not None and row.state not in wanted:
            continue
        group = row.group.name if row.group_id else None
        entries.append(entry_of(row, row.person.name, group))
    return entries


def counts(event_id: int) -> GuestCounts:
    result = GuestCounts()
    for (state,) in Guest.select(Guest.state).where(Guest.event == event_id).tuples():
        result.total += 1
        result.by_state[state] = result.by_state.get(state, 0) + 1
    return result


# ---- adding, changing, removing -----------------------------------------------------------------------------


def last_appearance(person_id: int) -> Guest | None:
    """The person's newest guest row: how they were addressed last time, the default for the next."""
    return Guest.select(*READABLE_COLUMNS).where(Guest.person == person_id).order_by(Guest.id.desc()).first()


EDITABLE = ("honorific", "position", "organisation", "seat", "notes", "deputy_name", "deputy_position")
PRINTED = ("honorific", "position", "organisation", "seat", "notes")


def check_texts(values: dict[str, str | None]) -> None:
    """The store's text rules on a guest's texts (core/rules.py, lengths in core/limits.py): the same whether the
    guest is typed, imported from a spreadsheet or from an interchange file, on SQLite and PostgreSQL alike."""
    for key, value in values.items():
        rules.check_text(key, value)


def add_guest(event_id: int, entry: GuestEntry, person: Person | None = None, person_ref: str | None = None) -> int:
    """Put `entry` on the event's guest list (at the default place of its group); returns the guest's id.

    The person is `person`, else the one `person_ref` names (a new one for a ref not stored), else the address
    book's one person of that name (UserError when several people bear it), else a new one. Form of address,
    position and organisation left empty are taken from the person's last appearance as a guest."""
    name = clean(entry.name)
    if not name:
        raise UserError(_("A guest needs a name."))
    check_texts({"name": name, **{key: clean_or_none(getattr(entry, key)) for key in (*PRINTED, "group")}})
    with guard.database_errors(), database_proxy.atomic():
        _event(event_id)
        list_changes(event_id, None)  # first: a colleague adding to this list now waits until this one is in
        group = find_group(entry.group)
        if person is None:
            person = person_for(name, person_ref)
        if Guest.get_or_none((Guest.event == event_id) & (Guest.person == person.id)) is not None:
            raise UserError(_("{name} is already on this event's guest list.").format(name=person.name))
        previous = last_appearance(person.id)
        values = {
            key: clean_or_none(getattr(entry, key)) or (getattr(previous, key) if previous else None)
            for key in ("honorific", "position", "organisation")
        }
        if group is None and previous is not None and previous.group_id and not clean(entry.group):
            group = GuestGroup.get_or_none(GuestGroup.id == previous.group_id)
        values.update(group=group, state="to_invite", seat=clean_or_none(entry.seat), notes=clean_or_none(entry.notes))
        guest_id = insert_numbered(event_id, person, group, values)
    log.info("guest %s added to event %s", guest_id, event_id)
    return guest_id



def update_guest(guest_id: int, version: int | None = None, **values: str | None) -> int:
    """Change what is printed of a guest at this event (form of address, position, seat…) or their group; returns
    the guest's new version. `version` is the one the user loaded: a colleague's change since is a ConflictError."""
    guest = _guest(guest_id)
    changes: dict = {}
    for key, value in values.items():
        if key == "group":
            changes["group"] = find_group(value)
        elif key in EDITABLE:
            changes[key] = clean_or_none(value)
        else:
            raise KeyError(key)
    check_texts({key: value for key, value in changes.items() if key != "group"})
    with guard.database_errors(), database_proxy.atomic():
        return versioned.write_or_conflict(Guest, guest.id, version, changes, partial(guest_conflict, guest.id))


def _guest(guest_id: int) -> Guest:
    guest = Guest.get_or_none(Guest.id == guest_id)
    if guest is None:
        raise UserError(_("There is no guest number {id}.").format(id=guest_id))
    return guest


def remove_guests(guest_ids: Iterable[int]) -> None:
    ids = list(guest_ids)
    events = {guest.event_id for guest in Guest.select(Guest.event).where(Guest.id.in_(ids))}
    with guard.database_errors(), database_proxy.atomic():
        for event_id in sorted(events):
            list_changes(event_id, None)
        record_removal(ids)
        Guest.delete().where(Guest.id.in_(ids)).execute()
        for event_id in events:
            renumber(event_id, ordered_ids(event_id))


def record_removal(ids: list[int]) -> None:
    """The change history names each guest taken off a list (who it was), under the list's event."""
    rows = Guest.select(Guest, Person.name).join(Person).where(Guest.id.in_(ids))
    for row in rows:
        stored = {row.id: {"name": row.person.name, "event": row.event_id, "precedence": row.precedence}}
        history.rows_synced(Guest, stored, {}, {row.id}, ("event", row.event_id))


def move_guests(event_id: int, guest_ids: Sequence[int], row: int, version: int | None = None) -> None:
    """Drag: put the guests `guest_ids` (keeping their order) before the guest now at `row` (0-based) of the full
    list; a row past the end puts them last. `version` is the list's as the user saw it: when a colleague added,
    removed or moved guests since, the row means another place, and nothing moves (ConflictError)."""
    with guard.database_errors(), database_proxy.atomic():
        list_changes(event_id, version)
        ordered = ordered_ids(event_id)
        moving = [guest_id for guest_id in ordered if guest_id in set(guest_ids)]
        anchor = ordered[row] if 0 <= row < len(ordered) else None
        while anchor in moving:  # dropped onto one of the moved rows: keep them before the next row that stays
            following = ordered.index(anchor) + 1
            anchor = ordered[following] if following < len(ordered) else None
        rest = [guest_id for guest_id in ordered if guest_id not in moving]
        at = rest.index(anchor) if anchor is not None else len(rest)
        renumber(event_id, [*rest[:at], *moving, *rest[at:]])


def sort_by_group(event_id: int) -> None:
    """Put the list back in the default order: by group rank, keeping the order within each group."""
    rows = (
        Guest.select(Guest.id, GuestGroup.rank)
        .join(GuestGroup, on=(Guest.group == GuestGroup.id), join_type=JOIN.LEFT_OUTER)
        .where(Guest.event == event_id)
        .order_by(Guest.precedence, Guest.id)
        .tuples()
    )
    ordered = sorted(rows, key=lambda row: row[1] if row[1] is not None else 10**6)
    with guard.database_errors(), database_proxy.atomic():
        list_changes(event_id, None)
        renumber(event_id, [guest_id for guest_id, _rank in ordered])


# ---- seating ------------------------------------------------------------------------------------------------

T = TypeVar("T")


def seating_order(ranked: Sequence[T]) -> list[T]:
    """The head table from the hall's side, left to right, for guests given highest-ranking first.

    The first sits in the centre, the second to their right, the third to their left, and so on alternately —
    right and left as the seated guest sees it, so the second appears to the hall's left of the centre."""
    hall_left: list[T] = []
    hall_right: list[T] = []
    for index, guest in enumerate(ranked[1:], start=2):
        (hall_left if index % 2 == 0 else hall_right).append(guest)
    return [*reversed(hall_left), *ranked[:1], *hall_right]


def head_table_guests(coming: Sequence[GuestEntry], places: int) -> list[GuestEntry]:
    """The `places` highest-ranking of the guests `coming` (in precedence) who are people: a unit invited as such
    has no seat of its own at the head table."""
    return [entry for entry in coming if not entry.is_unit][: max(places, 0)]


def head_table(event_id: int, places: int) -> list[GuestEntry]:
    """The `places` highest-ranking guests who are coming, as they sit seen from the hall (left to right)."""
    return seating_order(head_table_guests(guest_list(event_id, COMING), places))


def programme_people(event_id: int) -> list[PersonEntry]:
    """The guests who are coming, as people of a programme row ("Thành phần"), in order of precedence: the deputy
    where one is sent, each as addressed at this event."""
    people = []
    coming = guest_list(event_id, COMING)
    ids = [entry.person_id for entry in coming]
    refs = dict(Person.select(Person.id, Person.ref).where(Person.id.in_(ids)).tuples()) if ids else {}
    for entry in coming:
        if entry.sends_deputy:
            honorific, name = split_addressed(entry.deputy_name)  # the address book keeps names without "Ông"
            people.append(PersonEntry(name=name, role="guest", honorific=honorific, position=entry.deputy_position))
        else:
            people.append(PersonEntry(name=entry.name, role="guest", honorific=entry.honorific,
                                      position=entry.position, organisation=entry.organisation,
                                      person_ref=refs.get(entry.person_id)))  # the guest, not a namesake
    return people
