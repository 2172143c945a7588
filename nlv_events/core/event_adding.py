"""Adding many new events at once, as an import does: the rows `store.save_event` writes for each, in a few
statements a batch instead of some thirty statements an event (a first import of 100 000 events took three
minutes, most of it peewee building those statements one by one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import peewee

from nlv_events.core import event_history, event_reading, guard, history, matching, models, people, people_added, store
from nlv_events.core.event_reading import in_values
from nlv_events.core.records import EventRecord, PersonEntry
from nlv_events.core.row_inserts import insert_rows

_BATCH = 500  # values in one `IN (…)` list: SQLite allowed 999 parameters in old builds
_DETAILS = event_reading.APPEARANCE_DETAILS


def add_events(records: list[EventRecord]) -> None:
    """Store `records` as new events (already checked by the rules) with their partners, people and programme, in
    one transaction; each record gets its id, ref and version, and each programme row its id."""
    if not records:
        return
    with guard.database_errors(), models.database_proxy.atomic():
        names = _Names(records)
        rows = []
        for record in records:
            record.ref = record.ref or store.new_ref()
            columns = store.event_columns(record, names.venues.get(record.venue or ""))
            rows.append({"ref": record.ref, "created_at": columns["updated_at"], "version": 1, **columns})
        insert_rows(models.Event, rows)
        ids = _ids_by_ref([record.ref for record in records if record.ref])
        for record in records:
            record.id, record.version = ids[record.ref], 1  # type: ignore[index]
        _add_children(records, names)
        # Each new event's "created" entry holds the event as stored (people with their refs, rows with their ids),
        # as `store.save_event` records it, so that version 1 of an imported event can be restored too.
        history.created_events(_stored_snapshots(records, names))


def _add_children(records: list[EventRecord], names: _Names) -> None:
    partners, appearances, items = [], [], []
    for record in records:
        wanted = names.partners(record)
        partners += [
            {"event": record.id, "organisation": organisation_id, "sort_order": order}
            for order, organisation_id in enumerate(wanted)
        ]
        appearances += _appearance_rows("event", record.id, record.people, names)  # type: ignore[arg-type]
        items += [
            store.programme_columns(record.id, order, entry)  # type: ignore[arg-type]
            for order, entry in enumerate(record.programme)
        ]
    insert_rows(models.EventPartner, partners)
    insert_rows(models.EventPerson, appearances)
    insert_rows(models.ProgrammeItem, items)
    if not items:
        return
    with_programme = [record.id for record in records if record.programme]
    item_ids = _row_ids(models.ProgrammeItem, models.ProgrammeItem.event, with_programme)
    in_rows = []
    for record in records:
        for order, entry in enumerate(record.programme):
            entry.id = item_ids[record.id, order]  # type: ignore[index]
            in_rows += _appearance_rows("item", entry.id, entry.people, names)
    insert_rows(models.ProgrammePerson, in_rows)


def _stored_snapshots(records: list[EventRecord], names: _Names) -> list[tuple[int, dict[str, Any]]]:
    """Each new event's id and snapshot as `event_reading.load_records` would read it back (the venue, partners and
    people under their stored names, each appearance with its row's id), made from what was just written and the
    rows' ids: reading a hundred thousand events back took a sixth of a first import."""
    event_ids: list[int] = [record.id for record in records]  # type: ignore[misc]
    appearance_ids = _row_ids(models.EventPerson, models.EventPerson.event, event_ids)
    # The programme rows' people by the events' ids (a batch of events may hold thousands of rows): one query.
    in_row_ids = _row_ids(models.ProgrammePerson, models.ProgrammePerson.item, event_ids, models.ProgrammeItem.event)
    snapshots = []
    for record in records:
        venue_id = names.venues.get(record.venue or "")
        whole = event_history.stored_snapshot(
            record,
            venue=names.venue_names[venue_id] if venue_id else None,
            partners=[names.organisation_names[organisation_id] for organisation_id in names.partners(record)],
            people=names.as_stored(record.people, record.id, appearance_ids),  # type: ignore[arg-type]
            rows_people=[names.as_stored(entry.people, entry.id, in_row_ids)  # type: ignore[arg-type]
                         for entry in record.programme],
        )  # fmt: skip
        snapshots.append((record.id, whole))
    return snapshots  # type: ignore[return-value]


def _row_ids(
    model: type[peewee.Model], owner: peewee.Field, event_ids: list[int], event: peewee.Field | None = None
) -> dict[tuple[int, int], int]:
    """The ids of the new rows of `model` by (owner, place among the owner's rows), for the new events `event_ids`
    (all their rows are new); `event`: the owner's column naming its event, when the owner is not the event."""
    query = model.select(owner, model.sort_order, model.id)  # type: ignore[attr-defined]
    if event is not None:
        query = query.join_from(model, event.model)
    found: dict[tuple[int, int], int] = {}
    for start in range(0, len(event_ids), _BATCH):
        batch = query.where(in_values(event or owner, event_ids[start : start + _BATCH]))
        found.update({(owner_id, order): row_id for owner_id, order, row_id in _rows(batch)})
    return found


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
        batch = refs[start : start + _BATCH]
        query = models.Event.select(models.Event.ref, models.Event.id).where(in_values(models.Event.ref, batch))
        found.update(_rows(query))
    return found


class _Names:
    """The stored venue, partner and person each name (or ref) of the records means, found as a save of each record
    in turn would find it, with what is new added together: a few queries a batch instead of three or four a name.
    """

    def __init__(self, records: list[EventRecord]) -> None:
        self.venues, self.venue_names = _found_or_added(
            models.Venue, matching.venue_key, [record.venue for record in records]
        )
        self.organisations, self.organisation_names = _found_or_added(
            models.Organisation, matching.name_key, [name for record in records for name in record.partners]
        )
        self._people: dict[int, tuple[str, str]] = {}  # id → the stored person's name and ref
        self._by_ref: dict[str, int] = {}
        self._by_name: dict[str, int] = {}
        self._named: dict[int, int] = {}  # id() of an entry named without a ref → the person found for it
        self._new: dict[str, str] = {}  # ref → name of the people to add
        everyone = [entry for record in records for entry in _people_of(record)]
        self._read_by_ref(sorted({entry.person_ref for entry in everyone if entry.person_ref}))
        for entry in everyone:
            if entry.person_ref:
                if entry.person_ref not in self._by_ref:
                    self._new.setdefault(entry.person_ref, entry.name)
                continue
            if entry.name not in self._by_name:
                self._add_people()  # those named before it first, as one save after another would have
                person = people.person_for(entry.name)
                self._by_name[entry.name] = person.id
                self._people[person.id] = (person.name, person.ref)
            self._named[id(entry)] = self._by_name[entry.name]
        self._add_people()

    def _read_by_ref(self, refs: list[str]) -> None:
        for start in range(0, len(refs), _BATCH):
            query = models.Person.select(models.Person.ref, models.Person.id, models.Person.name).where(
                in_values(models.Person.ref, refs[start : start + _BATCH])
            )
            for ref, person_id, name in _rows(query):
                self._by_ref[ref] = person_id
                self._people[person_id] = (name, ref)

    def _add_people(self) -> None:
        """The people named by a ref not stored (a file from another database), under the name the file gives."""
        if not self._new:
            return
        insert_rows(models.Person, [{"name": name, "ref": ref} for ref, name in self._new.items()], skip_existing=True)
        self._read_by_ref(list(self._new))
        # Noted for a take-back; one a colleague added with the same ref meanwhile is among them, and is removed only
        # if no record uses it.
        people_added.added(self._by_ref[ref] for ref in self._new)
        self._new.clear()
        self._by_name.clear()  # a name may now be borne by one more person

    def person(self, entry: PersonEntry) -> int:
        return self._by_ref[entry.person_ref] if entry.person_ref else self._named[id(entry)]

    def partners(self, record: EventRecord) -> list[int]:
        """The organisations of the record's partners, in its order."""
        found = self.organisations
        return [found[name] for name in record.partners if found.get(name)]  # type: ignore[misc]

    def as_stored(
        self, entries: list[PersonEntry], owner_id: int, row_ids: dict[tuple[int, int], int]
    ) -> list[PersonEntry]:
        """The appearances of `entries` as read back: the stored person's name and ref, the row's id."""
        stored = []
        for order, entry in enumerate(entries):
            name, ref = self._people[self.person(entry)]
            stored.append(
                PersonEntry(name=name, role=entry.role, honorific=entry.honorific, position=entry.position,
                            organisation=entry.organisation, id=row_ids[owner_id, order], person_ref=ref)
            )  # fmt: skip
        return stored


def _rows(query: peewee.Query) -> list[tuple]:
    """The rows as the driver returns them (ids and texts: nothing for peewee to convert, value by value)."""
    sql, parameters = query.sql()
    return models.database_proxy.obj.execute_sql(sql, parameters).fetchall()


def _people_of(record: EventRecord) -> list[PersonEntry]:
    return [*record.people, *(entry for row in record.programme for entry in row.people)]


def _found_or_added(
    model: type[models.Venue] | type[models.Organisation], key_of: Callable[[str], str], wanted: list[str | None]
) -> tuple[dict[str, int | None], dict[int, str]]:
    """Each name's row as `matching` finds it (the row named so to the letter, else the first whose name has the
    same key), in the order named, the names found nowhere added (once for names of one key); and the stored name
    of each row found."""
    names = list(dict.fromkeys(name for name in wanted if name))
    found: dict[str, int | None] = {}
    for start in range(0, len(names), _BATCH):
        query = model.select(model.name, model.id).where(in_values(model.name, names[start : start + _BATCH]))
        found.update(_rows(query))
    stored_names = {row_id: name for name, row_id in found.items()}
    missing = [name for name in names if name not in found]
    if not missing:
        return found, stored_names  # type: ignore[return-value]
    # A key's first stored row, or the name it is added under; a name without a key (blanks) is only itself.
    by_key: dict[str, int | str] = {}
    for row_id, name in _rows(model.select(model.id, model.name).order_by(model.id)):
        stored_names[row_id] = name
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
    stored_names.update({row_id: name for name, row_id in stored.items()})
    for name in missing:
        first = by_key[key_of(name) or f"\0{name}"]
        found[name] = stored[first] if isinstance(first, str) else first
    return found, stored_names  # type: ignore[return-value]
