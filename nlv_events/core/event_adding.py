"""Adding many new events at once, as an import does: the rows `store.save_event` writes for each, in a few
statements a batch instead of some thirty statements an event (a first import of 100 000 events took three
minutes, most of it peewee building those statements one by one)."""

from __future__ import annotations

from collections.abc import Callable

import peewee

from nlv_events.core import event_reading, guard, history, matching, people, store
from nlv_events.core.event_reading import in_values
from nlv_events.core.models import (
    Event,
    EventPartner,
    EventPerson,
    Organisation,
    Person,
    ProgrammeItem,
    ProgrammePerson,
    Venue,
    database_proxy,
)
from nlv_events.core.records import EventRecord, PersonEntry
from nlv_events.core.row_inserts import insert_rows

_BATCH = 500  # values in one `IN (…)` list: SQLite allowed 999 parameters in old builds
_DETAILS = event_reading.APPEARANCE_DETAILS


def add_events(records: list[EventRecord]) -> None:
    """Store `records` as new events (already checked by the rules) with their partners, people and programme, in
    one transaction; each record gets its id, ref and version, and each programme row its id."""
    if not records:
        return
    with guard.database_errors(), database_proxy.atomic():
        names = _Names(records)
        rows = []
        for record in records:
            record.ref = record.ref or store.new_ref()
            columns = store.event_columns(record, names.venues.get(record.venue or ""))
            rows.append({"ref": record.ref, "created_at": columns["updated_at"], "version": 1, **columns})
        insert_rows(Event, rows)
        ids = _ids_by_ref([record.ref for record in records if record.ref])
        for record in records:
            record.id, record.version = ids[record.ref], 1  # type: ignore[index]
        _add_children(records, names)
        # Each new event's "created" entry holds the event as stored (people with their refs, rows with their ids),
        # as `store.save_event` records it, so that version 1 of an imported event can be restored too.
        saved = event_reading.load_records([record.id for record in records])  # type: ignore[misc]
        history.created_events(saved)


def _add_children(records: list[EventRecord], names: _Names) -> None:
    partners, appearances, items = [], [], []
    for record in records:
        wanted = [names.organisations[name] for name in record.partners if names.organisations.get(name)]
        partners += [
            {"event": record.id, "organisation": organisation_id, "sort_order": order}
            for order, organisation_id in enumerate(wanted)
        ]
        appearances += _appearance_rows("event", record.id, record.people, names)  # type: ignore[arg-type]
        items += [
            store.programme_columns(record.id, order, entry)  # type: ignore[arg-type]
            for order, entry in enumerate(record.programme)
        ]
    insert_rows(EventPartner, partners)
    insert_rows(EventPerson, appearances)
    insert_rows(ProgrammeItem, items)
    if not items:
        return
    item_ids = _item_ids([record.id for record in records if record.programme])  # type: ignore[misc]
    in_rows = []
    for record in records:
        for order, entry in enumerate(record.programme):
            entry.id = item_ids[record.id, order]  # type: ignore[index]
            in_rows += _appearance_rows("item", entry.id, entry.people, names)
    insert_rows(ProgrammePerson, in_rows)


def _appearance_rows(owner: str, owner_id: int, entries: list[PersonEntry], names: _Names) -> list[dict]:
    return [
        {
            owner: owner_id,
            "person": names.person(entry),
            **{name: getattr(entry, name) for name in _DETAILS},
            "sort_order": order,
        }
        for order, entry in enumerate(entries)
    ]


def _ids_by_ref(refs: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(refs), _BATCH):
        query = Event.select(Event.ref, Event.id).where(in_values(Event.ref, refs[start : start + _BATCH]))
        found.update(_rows(query))
    return found


def _item_ids(event_ids: list[int]) -> dict[tuple[int, int], int]:
    """The new programme rows' ids by (event, place in its programme): the events are new, so theirs are all."""
    found: dict[tuple[int, int], int] = {}
    for start in range(0, len(event_ids), _BATCH):
        query = ProgrammeItem.select(ProgrammeItem.event, ProgrammeItem.sort_order, ProgrammeItem.id).where(
            in_values(ProgrammeItem.event, event_ids[start : start + _BATCH])
        )
        found.update({(event_id, order): item_id for event_id, order, item_id in _rows(query)})
    return found


class _Names:
    """The stored venue, partner and person each name (or ref) of the records means, found as a save of each record
    in turn would find it, with what is new added together: a few queries a batch instead of three or four a name.
    """

    def __init__(self, records: list[EventRecord]) -> None:
        self.venues = _found_or_added(Venue, matching.venue_key, [record.venue for record in records])
        self.organisations = _found_or_added(
            Organisation, matching.name_key, [name for record in records for name in record.partners]
        )
        self._by_ref: dict[str, int] = {}
        self._by_name: dict[str, int] = {}
        self._new: dict[str, str] = {}  # ref → name of the people to add
        everyone = [entry for record in records for entry in _people_of(record)]
        refs = sorted({entry.person_ref for entry in everyone if entry.person_ref})
        for start in range(0, len(refs), _BATCH):
            query = Person.select(Person.ref, Person.id).where(in_values(Person.ref, refs[start : start + _BATCH]))
            self._by_ref.update(_rows(query))
        for entry in everyone:
            if entry.person_ref:
                if entry.person_ref not in self._by_ref:
                    self._new.setdefault(entry.person_ref, entry.name)
            elif entry.name not in self._by_name:
                self._add_people()  # those named before it first, as one save after another would have
                self._by_name[entry.name] = people.person_for(entry.name).id
        self._add_people()

    def _add_people(self) -> None:
        """The people named by a ref not stored (a file from another database), under the name the file gives."""
        if not self._new:
            return
        insert_rows(Person, [{"name": name, "ref": ref} for ref, name in self._new.items()], skip_existing=True)
        refs = list(self._new)
        for start in range(0, len(refs), _BATCH):
            query = Person.select(Person.ref, Person.id).where(in_values(Person.ref, refs[start : start + _BATCH]))
            self._by_ref.update(_rows(query))
        self._new.clear()
        self._by_name.clear()  # a name may now be borne by one more person

    def person(self, entry: PersonEntry) -> int:
        return self._by_ref[entry.person_ref] if entry.person_ref else self._by_name[entry.name]


def _rows(query: peewee.Query) -> list[tuple]:
    """The rows as the driver returns them (ids and texts: nothing for peewee to convert, value by value)."""
    sql, parameters = query.sql()
    return database_proxy.obj.execute_sql(sql, parameters).fetchall()


def _people_of(record: EventRecord) -> list[PersonEntry]:
    return [*record.people, *(entry for row in record.programme for entry in row.people)]


def _found_or_added(
    model: type[Venue] | type[Organisation], key_of: Callable[[str], str], wanted: list[str | None]
) -> dict[str, int | None]:
    """Each name's row as `matching` finds it (the row named so to the letter, else the first whose name has the
    same key), in the order named, the names found nowhere added (once for names of one key)."""
    names = list(dict.fromkeys(name for name in wanted if name))
    found: dict[str, int | None] = {}
    for start in range(0, len(names), _BATCH):
        query = model.select(model.name, model.id).where(in_values(model.name, names[start : start + _BATCH]))
        found.update(_rows(query))
    missing = [name for name in names if name not in found]
    if not missing:
        return found
    # A key's first stored row, or the name it is added under; a name without a key (blanks) is only itself.
    by_key: dict[str, int | str] = {}
    for row_id, name in _rows(model.select(model.id, model.name).order_by(model.id)):
        by_key.setdefault(key_of(name) or f"\0{name}", row_id)
    added: list[str] = []
    for name in missing:
        key = key_of(name) or f"\0{name}"
        if key not in by_key:
            by_key[key] = name
            added.append(name)
    insert_rows(model, [{"name": name} for name in added], skip_existing=True)
    stored: dict[str, int] = {}
    for start in range(0, len(added), _BATCH):
        query = model.select(model.name, model.id).where(in_values(model.name, added[start : start + _BATCH]))
        stored.update(_rows(query))
    for name in missing:
        first = by_key[key_of(name) or f"\0{name}"]
        found[name] = stored[first] if isinstance(first, str) else first
    return found
