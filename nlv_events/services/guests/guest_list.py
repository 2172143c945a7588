"""The guest list of an event: who is invited, their replies (a state machine), precedence, seating and counts."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from peewee import JOIN

from nlv_events.core import guard
from nlv_events.core.errors import UserError
from nlv_events.core.guest_models import Guest, GuestGroup
from nlv_events.core.models import Event, Person, database_proxy
from nlv_events.core.records import PersonEntry
from nlv_events.core.settings import current_settings
from nlv_events.core.text import clean, clean_or_none, fold
from nlv_events.i18n import N_, _
from nlv_events.services.guests import titles

# Ids and states only: a guest's contacts must never reach the log.
log = logging.getLogger(__name__)

STATES: dict[str, str] = {
    "to_invite": N_("To invite"),
    "invited": N_("Invited"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "deputy": N_("Sends a deputy"),
    "attended": N_("Attended"),
}
CHANNELS: dict[str, str] = {"letter": N_("Letter"), "email": N_("E-mail"), "phone": N_("Phone")}
# Forward along the reply, and back one step to correct a mistake or a change of mind.
TRANSITIONS: dict[str, frozenset[str]] = {
    "to_invite": frozenset({"invited"}),
    "invited": frozenset({"to_invite", "accepted", "declined", "deputy"}),
    "accepted": frozenset({"invited", "declined", "deputy", "attended"}),
    "declined": frozenset({"invited", "accepted", "deputy"}),
    "deputy": frozenset({"invited", "accepted", "declined", "attended"}),
    "attended": frozenset({"accepted", "deputy"}),
}
# Who is expected in the hall: cards, the reception list and the head table are made for them.
COMING = ("accepted", "deputy", "attended")


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
    id: int | None = None
    person_id: int | None = None

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


# The usual forms of address, offered for a deputy and recognised in front of a deputy's stored name.
HONORIFICS = ("Ông", "Bà", "Đồng chí", "GS.TS.", "PGS.TS.", "TS.", "ThS.", "GS.", "PGS.")


def split_addressed(addressed: str | None) -> tuple[str | None, str]:
    """ "Ông Phạm Văn Thành" → ("Ông", "Phạm Văn Thành"): a usual form of address split off a deputy's stored name
    (none found: (None, the whole text))."""
    text = clean(addressed)
    for honorific in sorted(HONORIFICS, key=len, reverse=True):
        if text.startswith(honorific + " ") and text[len(honorific):].strip():
            return honorific, text[len(honorific):].strip()
    return None, text


def deputy_as_addressed(honorific: str | None, name: str | None) -> str:
    """The deputy's form of address and name as one text ("Ông" + "Phạm Văn Thành" → "Ông Phạm Văn Thành"): the
    deputy_name column carries both, so an older record with the name alone still prints as it was. A name that
    already begins with the form of address keeps it once."""
    honorific, name = clean(honorific), clean(name)
    if not honorific or fold(name).startswith(fold(honorific) + " ") or fold(name) == fold(honorific):
        return name
    return f"{honorific} {name}"


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


def state_label(state: str) -> str:
    return _(STATES[state]) if state in STATES else state


def channel_label(channel: str | None) -> str:
    return _(CHANNELS[channel]) if channel in CHANNELS else (channel or "")


# ---- groups -------------------------------------------------------------------------------------------------


def groups() -> list[GuestGroup]:
    """The guest groups in order of protocol."""
    return list(GuestGroup.select().order_by(GuestGroup.rank, GuestGroup.id))


def save_groups(names: Sequence[str]) -> None:
    """Make the groups exactly `names`, in that order: kept groups keep their id (and their guests), new ones are
    added, missing ones removed (their guests keep their place with no group)."""
    cleaned = [clean(name) for name in names if clean(name)]
    if len({fold(name) for name in cleaned}) != len(cleaned):
        raise UserError(_("Two guest groups have the same name; give each group its own name."))
    with guard.database_errors(), database_proxy.atomic():
        existing = {fold(group.name): group for group in GuestGroup.select()}
        kept = set()
        for rank, name in enumerate(cleaned, start=1):
            group = existing.get(fold(name))
            if group is None:
                GuestGroup.create(name=name, rank=rank)
            else:
                GuestGroup.update(name=name, rank=rank).where(GuestGroup.id == group.id).execute()
                kept.add(group.id)
        removed = [group.id for group in existing.values() if group.id not in kept]
        if removed:
            GuestGroup.delete().where(GuestGroup.id.in_(removed)).execute()


def leader_group_count(count: int | None = None) -> int:
    """How many groups from the top of the order of protocol are superiors (the Ministry's and the Party's
    leaders), whose letters say "tới dự và chỉ đạo": `count` when given, else the setting (1: Lãnh đạo Bộ)."""
    if count is None:
        try:
            count = int(current_settings().get("invitations.leader_groups"))
        except ValueError:
            count = 1
    return max(count, 0)


def leader_groups(count: int | None = None) -> list[str]:
    """The names of the superiors' groups: the first `count` (default: the setting) in the order of protocol."""
    return [group.name for group in groups()[: leader_group_count(count)]]


def find_group(name: str | None) -> GuestGroup | None:
    """The group called `name` (ignoring case and accents); None for no name; UserError for an unknown one."""
    if not clean(name):
        return None
    for group in groups():
        if fold(group.name) == fold(name):
            return group
    known = ", ".join(group.name for group in groups())
    raise UserError(_("There is no guest group “{name}”; the groups are: {groups}.").format(name=name, groups=known))


# ---- reading ------------------------------------------------------------------------------------------------


def _entry(row: Guest, person_name: str, group_name: str | None) -> GuestEntry:
    return GuestEntry(
        id=row.id,
        person_id=row.person_id,
        name=person_name,
        honorific=row.honorific,
        position=row.position,
        organisation=row.organisation,
        group=group_name,
        state=row.state,
        invited_on=row.invited_on,
        invited_by=row.invited_by,
        deputy_name=row.deputy_name,
        deputy_position=row.deputy_position,
        seat=row.seat,
        notes=row.notes,
        precedence=row.precedence,
    )


def _event(event_id: int) -> Event:
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    return event


def guest_list(event_id: int, states: Iterable[str] | None = None) -> list[GuestEntry]:
    """The guests of the event in order of precedence, optionally only those in `states`."""
    _event(event_id)
    query = (
        Guest.select(Guest, Person.id, Person.name, GuestGroup.id, GuestGroup.name)
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
        entries.append(_entry(row, row.person.name, group))
    return entries


def counts(event_id: int) -> GuestCounts:
    result = GuestCounts()
    for (state,) in Guest.select(Guest.state).where(Guest.event == event_id).tuples():
        result.total += 1
        result.by_state[state] = result.by_state.get(state, 0) + 1
    return result


# ---- adding, changing, removing -----------------------------------------------------------------------------


def _default_precedence(event_id: int, group: GuestGroup | None) -> int:
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


def _renumber(event_id: int, ordered_ids: list[int]) -> None:
    for precedence, guest_id in enumerate(ordered_ids, start=1):
        Guest.update(precedence=precedence).where(Guest.id == guest_id).execute()


def _ordered_ids(event_id: int) -> list[int]:
    query = Guest.select(Guest.id).where(Guest.event == event_id).order_by(Guest.precedence, Guest.id)
    return [guest_id for (guest_id,) in query.tuples()]


def last_appearance(person_id: int) -> Guest | None:
    """The person's newest guest row: how they were addressed last time, the default for the next."""
    return Guest.select().where(Guest.person == person_id).order_by(Guest.id.desc()).first()


def add_guest(event_id: int, entry: GuestEntry, person: Person | None = None) -> int:
    """Put `entry` on the event's guest list (at the default place of its group); returns the guest's id.

    The person is `person`, else the address book's person of that exact name, else a new one. Form of address,
    position and organisation left empty are taken from the person's last appearance as a guest."""
    name = clean(entry.name)
    if not name:
        raise UserError(_("A guest needs a name."))
    with guard.database_errors(), database_proxy.atomic():
        _event(event_id)
        group = find_group(entry.group)
        if person is None:
            person, _created = Person.get_or_create(name=name)
        if Guest.get_or_none((Guest.event == event_id) & (Guest.person == person.id)) is not None:
            raise UserError(_("{name} is already on this event's guest list.").format(name=person.name))
        previous = last_appearance(person.id)
        values = {
            key: clean_or_none(getattr(entry, key)) or (getattr(previous, key) if previous else None)
            for key in ("honorific", "position", "organisation")
        }
        if group is None and previous is not None and previous.group_id and not clean(entry.group):
            group = GuestGroup.get_or_none(GuestGroup.id == previous.group_id)
        precedence = _default_precedence(event_id, group)
        Guest.update(precedence=Guest.precedence + 1).where(
            (Guest.event == event_id) & (Guest.precedence >= precedence)
        ).execute()
        guest = Guest.create(
            event=event_id,
            person=person,
            group=group,
            precedence=precedence,
            state="to_invite",
            seat=clean_or_none(entry.seat),
            notes=clean_or_none(entry.notes),
            **values,
        )
    log.info("guest %s added to event %s", guest.id, event_id)
    return guest.id


EDITABLE = ("honorific", "position", "organisation", "seat", "notes", "deputy_name", "deputy_position")


def update_guest(guest_id: int, **values: str | None) -> None:
    """Change what is printed of a guest at this event (form of address, position, seat…) or their group."""
    guest = _guest(guest_id)
    changes: dict = {}
    for key, value in values.items():
        if key == "group":
            changes["group"] = find_group(value)
        elif key in EDITABLE:
            changes[key] = clean_or_none(value)
        else:
            raise KeyError(key)
    with guard.database_errors():
        Guest.update(**changes).where(Guest.id == guest.id).execute()


def _guest(guest_id: int) -> Guest:
    guest = Guest.get_or_none(Guest.id == guest_id)
    if guest is None:
        raise UserError(_("There is no guest number {id}.").format(id=guest_id))
    return guest


def remove_guests(guest_ids: Iterable[int]) -> None:
    ids = list(guest_ids)
    events = {guest.event_id for guest in Guest.select(Guest.event).where(Guest.id.in_(ids))}
    with guard.database_errors(), database_proxy.atomic():
        Guest.delete().where(Guest.id.in_(ids)).execute()
        for event_id in events:
            _renumber(event_id, _ordered_ids(event_id))


def move_guests(event_id: int, guest_ids: Sequence[int], row: int) -> None:
    """Drag: put the guests `guest_ids` (keeping their order) before the guest now at `row` (0-based) of the full
    list; a row past the end puts them last."""
    ordered = _ordered_ids(event_id)
    moving = [guest_id for guest_id in ordered if guest_id in set(guest_ids)]
    anchor = ordered[row] if 0 <= row < len(ordered) else None
    while anchor in moving:  # dropped onto one of the moved rows: keep them before the next row that stays
        following = ordered.index(anchor) + 1
        anchor = ordered[following] if following < len(ordered) else None
    rest = [guest_id for guest_id in ordered if guest_id not in moving]
    at = rest.index(anchor) if anchor is not None else len(rest)
    with guard.database_errors(), database_proxy.atomic():
        _renumber(event_id, [*rest[:at], *moving, *rest[at:]])


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
        _renumber(event_id, [guest_id for guest_id, _rank in ordered])


# ---- replies ------------------------------------------------------------------------------------------------


def check_transition(old: str, new: str, name: str) -> None:
    if new not in STATES:
        raise UserError(
            _("Unknown guest state “{state}”; use one of: {states}.").format(state=new, states=", ".join(STATES))
        )
    if new != old and new not in TRANSITIONS[old]:
        steps = [f"“{state_label(state)}”" for state in STATES if state in TRANSITIONS[old]]
        raise UserError(
            _("{name} cannot go from “{old}” to “{new}”: from “{old}” the next step is {steps}.").format(
                name=name, old=state_label(old), new=state_label(new), steps=_(" or ").join(steps)
            )
        )


def set_state(
    guest_ids: Iterable[int],
    state: str,
    on: dt.date | None = None,
    channel: str | None = None,
    deputy_name: str | None = None,
    deputy_position: str | None = None,
    deputy_honorific: str | None = None,
) -> int:
    """Move every guest of `guest_ids` to `state`, all of them or none; returns how many changed.

    invited records the day (today by default) and the channel (letter by default); deputy needs the deputy's
    name (and takes their form of address: "Ông", "Bà", "TS." …, kept in front of the name); accepted (the guest
    comes in person) forgets a deputy; back to to_invite forgets the invitation."""
    if channel is not None and channel not in CHANNELS:
        raise UserError(
            _("Unknown way of inviting “{channel}”; use one of: {channels}.").format(
                channel=channel, channels=", ".join(CHANNELS)
            )
        )
    if state == "deputy" and not clean(deputy_name):
        raise UserError(_("Give the name of the deputy the guest sends."))
    ids = list(guest_ids)
    rows = list(Guest.select(Guest, Person.name).join(Person).where(Guest.id.in_(ids)))
    if len(rows) != len(set(ids)):
        missing = sorted(set(ids) - {row.id for row in rows})
        raise UserError(_("There is no guest number {id}.").format(id=missing[0]))
    changed = 0
    with guard.database_errors(), database_proxy.atomic():
        for row in rows:
            check_transition(row.state, state, row.person.name)
            if row.state == state and state != "deputy":
                continue
            values: dict = {"state": state}
            if state == "invited" and row.state == "to_invite":
                values.update(invited_on=on or dt.date.today(), invited_by=channel or "letter")
            elif state == "invited" and channel:
                values["invited_by"] = channel
            if state == "to_invite":
                values.update(invited_on=None, invited_by=None)
            if state == "deputy":
                values.update(deputy_name=deputy_as_addressed(deputy_honorific, deputy_name),
                              deputy_position=clean_or_none(deputy_position))
            if state in ("accepted", "declined", "invited", "to_invite"):
                values.update(deputy_name=None, deputy_position=None)
            Guest.update(**values).where(Guest.id == row.id).execute()
            log.info("guest %s: %s -> %s", row.id, row.state, state)
            changed += 1
    return changed


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


# ---- address book -------------------------------------------------------------------------------------------


@dataclass
class AddressCard:
    """A person of the address book with how they were last addressed and how often they came."""

    id: int
    name: str
    honorific: str | None
    position: str | None
    organisation: str | None
    appearances: int
    email: str | None = None
    phone: str | None = None


def person_names() -> list[str]:
    """Every person's name, for completing a name as it is typed (the address book's cards are not needed)."""
    return [name for (name,) in Person.select(Person.name).tuples()]


def address_book(search: str = "", contacts: bool = False) -> list[AddressCard]:
    """Every person (matching `search`, ignoring accents), with contacts only when asked for."""
    latest: dict[int, Guest] = {}
    appearances: dict[int, int] = {}
    for row in Guest.select().order_by(Guest.id):
        latest[row.person_id] = row
        appearances[row.person_id] = appearances.get(row.person_id, 0) + 1
    cards = []
    for person in Person.select(Person.id, Person.name, Person.email, Person.phone).order_by(Person.name):
        if search and fold(search) not in fold(person.name):
            continue
        last = latest.get(person.id)
        cards.append(
            AddressCard(
                id=person.id,
                name=person.name,
                honorific=last.honorific if last else None,
                position=last.position if last else None,
                organisation=last.organisation if last else None,
                appearances=appearances.get(person.id, 0),
                email=person.email if contacts else None,
                phone=person.phone if contacts else None,
            )
        )
    return cards


def set_contacts(person_id: int, email: str | None, phone: str | None) -> None:
    """Record a person's e-mail and phone (personal data: kept for the office, never printed or logged)."""
    with guard.database_errors():
        Person.update(email=clean_or_none(email), phone=clean_or_none(phone)).where(Person.id == person_id).execute()


def contacts_of(person_ids: Iterable[int]) -> dict[int, tuple[str | None, str | None]]:
    ids = list(person_ids)
    query = Person.select(Person.id, Person.email, Person.phone).where(Person.id.in_(ids)).tuples()
    return {person_id: (email, phone) for person_id, email, phone in query}


@dataclass
class Appearance:
    """One event a person was a guest at, with how they were addressed there."""

    event_id: int
    title: str
    start: dt.date
    addressee: str
    state: str


def appearances(person_id: int) -> list[Appearance]:
    """The person's appearances as a guest, newest event first."""
    rows = (
        Guest.select(Guest, Event.id, Event.title, Event.start_date, Person.id, Person.name)
        .join(Event)
        .switch(Guest)
        .join(Person)
        .where((Guest.person == person_id) & Event.deleted_at.is_null())
        .order_by(Event.start_date.desc())
    )
    return [
        Appearance(row.event.id, row.event.title, row.event.start_date, _entry(row, row.person.name, None).addressee,
                   row.state)
        for row in rows
    ]


def programme_people(event_id: int) -> list[PersonEntry]:
    """The guests who are coming, as people of a programme row ("Thành phần"), in order of precedence: the deputy
    where one is sent, each as addressed at this event."""
    people = []
    for entry in guest_list(event_id, COMING):
        if entry.sends_deputy:
            honorific, name = split_addressed(entry.deputy_name)  # the address book keeps names without "Ông"
            people.append(PersonEntry(name=name, role="guest", honorific=honorific, position=entry.deputy_position))
        else:
            people.append(PersonEntry(name=entry.name, role="guest", honorific=entry.honorific,
                                      position=entry.position, organisation=entry.organisation))
    return people
