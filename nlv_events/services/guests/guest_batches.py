"""Writing many guests to one event's list in batches, as the events import writes events (services/interchange).

A guest list of 10 000 rows written in one transaction held the database's write lock for minutes, and every
colleague's save was refused "busy". Here each batch of BATCH_SIZE rows is one short transaction: the list's
version is stepped first (colleagues adding guests to the same list wait for the batch, not for the file), the
list's order is kept in memory and the guests are numbered once per batch (only the numbers that change are
written), so a batch takes a fraction of a second. For the user the import stays all or nothing: when a batch
fails, the batches already written are taken back (new guests and new people removed, changed guests and contacts
restored, the list's order as it was).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from peewee import JOIN, ForeignKeyField, IntegerField

from nlv_events.core import guard, people_added, versioned, write_batches
from nlv_events.core.guest_models import Guest, GuestGroup
from nlv_events.core.models import BaseModel, Event, Person, database_proxy
from nlv_events.core.text import clean, clean_or_none
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_groups import find_group
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.guests.guest_numbers import list_changes, ordered_ids, renumber

log = logging.getLogger(__name__)

# Guests written per transaction: about a quarter of a second, so colleagues' saves wait at most that long.
BATCH_SIZE = 500
# A new guest's number until its batch numbers the list: below any real number and any -id a renumbering parks a
# guest at, within PostgreSQL's integer.
_PARKED = -1_000_000_000
# Ids per statement (SQLite allows 999 parameters in old builds).
_CHUNK = 500
_PRINTED = ("honorific", "position", "organisation", "seat", "notes")


@dataclass
class GuestRow:
    """One guest of an import: what to write, and who in the address book it is (None: a new person)."""

    row: int
    entry: GuestEntry
    person_id: int | None = None
    email: str | None = None
    phone: str | None = None


class _Insert:
    """One INSERT made by peewee once and run for each row with that row's values: peewee takes about a millisecond
    to build a statement, which for 10 000 guests was most of the import's time."""

    def __init__(self, model: type[BaseModel], columns: tuple[str, ...]) -> None:
        marks: dict[str, object] = {}
        for index, name in enumerate(columns):
            numeric = isinstance(model._meta.fields[name], (ForeignKeyField, IntegerField))
            marks[name] = -(index + 1) if numeric else f"\x00{index}"
        self.sql, params = model.insert(**marks).sql()
        self.order = [columns[-param - 1 if isinstance(param, int) else int(param[1:])] for param in params]
        self.returning = "RETURNING" in self.sql

    def __call__(self, **values: object) -> int:
        cursor = database_proxy.obj.execute_sql(self.sql, [values[name] for name in self.order])
        return cursor.fetchone()[0] if self.returning else cursor.lastrowid


@dataclass
class Written:
    """What an import has written so far, to take it back whole if a later batch fails."""

    guests: list[int] = field(default_factory=list)
    people: list[int] = field(default_factory=list)
    guests_before: dict[int, dict] = field(default_factory=dict)
    contacts_before: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    order_before: list[int] = field(default_factory=list)
    added: int = 0
    updated: int = 0

    def add(self, batch: Written) -> None:
        """Count in a batch once it is committed (a batch rolled back has nothing to take back)."""
        self.guests += batch.guests
        self.people += batch.people
        for guest_id, values in batch.guests_before.items():
            self.guests_before.setdefault(guest_id, values)
        for person_id, contacts in batch.contacts_before.items():
            self.contacts_before.setdefault(person_id, contacts)
        self.added += batch.added
        self.updated += batch.updated


@dataclass
class _List:
    """The event's list as this import last saw it: its version, its order (guest id, group rank), the stored
    numbers and who is on it."""

    version: int | None = None
    order: list[tuple[int, int | None]] = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)
    by_person: dict[int, int] = field(default_factory=dict)


def _chunks(values: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _load(event_id: int, version: int | None) -> _List:
    rows = (
        Guest.select(Guest.id, Guest.person, Guest.precedence, GuestGroup.rank)
        .join(GuestGroup, on=(Guest.group == GuestGroup.id), join_type=JOIN.LEFT_OUTER)
        .where(Guest.event == event_id)
        .order_by(Guest.precedence, Guest.id)
        .tuples()
    )
    state = _List(version=version)
    for guest_id, person_id, precedence, rank in rows:
        state.order.append((guest_id, rank))
        state.numbers[guest_id] = precedence
        state.by_person[person_id] = guest_id
    return state


def _place(order: list[tuple[int, int | None]], group: GuestGroup | None) -> int:
    """Where a new guest goes, as guest_numbers.default_precedence says: after the last guest of a group of equal
    or higher rank (no group: at the end). Looked for from the end, where an import's guests mostly go."""
    if group is None:
        return len(order)
    for index in range(len(order) - 1, -1, -1):
        rank = order[index][1]
        if rank is not None and rank <= group.rank:
            return index + 1
    return 0


def _number(state: _List) -> None:
    """Write the numbers 1, 2 … of the list's order where they changed: first out of the way (minus the id), then
    to their place, in one prepared statement run for every row."""
    wanted = {guest_id: number for number, (guest_id, _rank) in enumerate(state.order, start=1)}
    changed = [guest_id for guest_id, number in wanted.items() if state.numbers.get(guest_id) != number]
    for chunk in _chunks(changed):
        Guest.update(precedence=Guest.id * -1).where(Guest.id.in_(chunk)).execute()
    if changed:
        sql, params = Guest.update(precedence=-1).where(Guest.id == -2).sql()
        number_first = params == [-1, -2]
        pairs = [(wanted[guest_id], guest_id) if number_first else (guest_id, wanted[guest_id]) for guest_id in changed]
        database_proxy.obj.cursor().executemany(sql, pairs)
    state.numbers = wanted


class _Batch:
    """One transaction's worth of rows, written against the list as this import knows it."""

    def __init__(self, event_id: int, state: _List, parked: int) -> None:
        self.event_id, self.state, self.parked = event_id, state, parked
        self.written = Written()
        self.groups: dict[str, GuestGroup | None] = {}
        self.new_person = _Insert(Person, ("name", "ref", "email", "phone", "version"))
        self.new_guest = _Insert(Guest, (*_PRINTED, "event", "person", "group", "precedence", "state", "version"))

    def group(self, name: str | None) -> GuestGroup | None:
        key = clean(name)
        if key not in self.groups:
            self.groups[key] = find_group(key)
        return self.groups[key]

    def write(self, rows: Sequence[GuestRow]) -> None:
        known_ids = [row.person_id for row in rows if row.person_id is not None]
        known = {}
        for chunk in _chunks(known_ids):
            known |= {person.id: person for person in Person.select().where(Person.id.in_(chunk))}
        for row in rows:
            if row.person_id is None:  # a new person, a namesake too: people are their id, not their name
                person_id = self.new_person(name=row.entry.name, ref=Person.ref.default(), email=row.email,
                                            phone=row.phone, version=1)  # fmt: skip
                self.written.people.append(person_id)
                self.add(person_id, row.entry, None)
                continue
            person = known[row.person_id]
            if row.email or row.phone:
                self.contacts(person, row)
            existing = self.state.by_person.get(person.id)
            if existing is None:
                self.add(person.id, row.entry, guests.last_appearance(person.id))
            else:
                self.update(existing, row.entry)

    def contacts(self, person: Person, row: GuestRow) -> None:
        email, phone = row.email or person.email, row.phone or person.phone
        if (email, phone) != (person.email, person.phone):
            self.written.contacts_before.setdefault(person.id, (person.email, person.phone))
            Person.update(email=email, phone=phone).where(Person.id == person.id).execute()

    def update(self, guest_id: int, entry: GuestEntry) -> None:
        stored = Guest.get_by_id(guest_id)
        before = {key: getattr(stored, key) for key in _PRINTED}
        self.written.guests_before.setdefault(guest_id, {**before, "group": stored.group_id})
        changes = {key: getattr(entry, key) for key in (*_PRINTED, "group") if getattr(entry, key)}
        guests.update_guest(guest_id, **changes)
        self.written.updated += 1

    def add(self, person_id: int, entry: GuestEntry, previous: Guest | None) -> None:
        """As guest_list.add_guest: what is left empty comes from the person's last appearance as a guest."""
        values: dict = {
            key: clean_or_none(getattr(entry, key)) or (getattr(previous, key) if previous else None)
            for key in ("honorific", "position", "organisation")
        }
        group = self.group(entry.group)
        if group is None and previous is not None and previous.group_id and not clean(entry.group):
            group = GuestGroup.get_or_none(GuestGroup.id == previous.group_id)
        self.parked -= 1
        guest_id = self.new_guest(
            **values, seat=clean_or_none(entry.seat), notes=clean_or_none(entry.notes), event=self.event_id,
            person=person_id, group=group.id if group else None, precedence=self.parked, state="to_invite", version=1,
        )
        self.state.order.insert(_place(self.state.order, group), (guest_id, group.rank if group else None))
        self.state.numbers[guest_id] = self.parked
        self.state.by_person[person_id] = guest_id
        self.written.guests.append(guest_id)
        self.written.added += 1


def _write_batch(
    event_id: int, rows: Sequence[GuestRow], state: _List, written: Written
) -> _List:
    """One transaction: step the list's version (reading the list again if a colleague changed it since the last
    batch), write the rows, number the list. Returns the list as it now is; `written` takes in the batch once it is
    committed."""
    with database_proxy.atomic():
        list_changes(event_id, None, kept=state.version is None)  # the list before the import, not each batch's
        version = Event.select(Event.guest_list_version).where(Event.id == event_id).scalar()
        current = state if state.version is not None and version == state.version + 1 else _load(event_id, None)
        current.version = version
        batch = _Batch(event_id, current, _PARKED - len(written.guests))
        batch.write(rows)
        _number(current)
    written.add(batch.written)
    return current


class Cancelled(Exception):
    """The user stopped the import: the batches written were taken back."""


def write(event_id: int, rows: Sequence[GuestRow], batch_size: int | None = None,
          progress: Callable[[int, int], None] | None = None,
          is_cancelled: Callable[[], bool] | None = None) -> Written:  # fmt: skip
    """Put `rows` on the event's guest list, `batch_size` (BATCH_SIZE) a transaction; all of them or, when any
    batch fails, none (the batches written are taken back and the failure raised). `progress(done, total)` follows
    each batch; `is_cancelled` is asked before each, and a yes takes back what was written (Cancelled)."""
    batch_size = batch_size or BATCH_SIZE
    written = Written(order_before=ordered_ids(event_id))
    state = _List()
    with guard.database_errors():
        try:
            # A fixed size (each batch a fraction of a second), with the pauses that let a colleague save on SQLite
            for start, end in write_batches.batches(len(rows), batch_size):
                if not rows:
                    break
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled
                state = _write_batch(event_id, rows[start:end], state, written)
                if progress is not None:
                    progress(end, len(rows))
        except BaseException:
            if written.guests or written.guests_before or written.contacts_before or written.people:
                _take_back_quietly(event_id, written)
            raise
    return written


def _take_back(event_id: int, written: Written) -> None:
    with database_proxy.atomic():
        list_changes(event_id, None)
        # Through the history, as the import's own writes went: the guests it added are entered as removed, those
        # it changed as changed back (with their versions stepped, so a form open on one is told).
        for chunk in _chunks(written.guests):
            guests.record_removal(list(chunk))
            Guest.delete().where(Guest.id.in_(chunk)).execute()
        for guest_id, values in written.guests_before.items():
            versioned.write(Guest, guest_id, None, values)
        people_added.take_back(people_added.PeopleWritten(written.people, written.contacts_before))
        now = ordered_ids(event_id)
        remaining = set(now)
        before = [guest_id for guest_id in written.order_before if guest_id in remaining]
        kept = set(before)
        renumber(event_id, [*before, *(guest_id for guest_id in now if guest_id not in kept)])


def _take_back_quietly(event_id: int, written: Written) -> None:
    """Take back, without hiding the failure that made it necessary (a failure here goes to the log)."""
    try:
        _take_back(event_id, written)
    except Exception:  # the original failure is what the user must see; this one goes to the log
        log.exception("could not take back a failed guest import")
