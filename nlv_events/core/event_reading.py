"""Reading whole events: the rows of an event, its people and programme turned into records, a few hundred at a
time and straight from the cursor (the store writes; this module reads)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

import peewee

from nlv_events.core import bulk, models, when
from nlv_events.core.errors import UserError
from nlv_events.core.records import CODE, COUNT, MOMENT, TEXT, EventRecord, PersonEntry, ProgrammeEntry, field_names
from nlv_events.i18n import _

T = TypeVar("T")

# The event's own columns: each declared text, code and count field is the column of its name; a moment is a
# date column and a time column.
PLAIN_FIELDS = field_names(TEXT, CODE, COUNT)
MOMENT_FIELDS = field_names(MOMENT)
APPEARANCE_DETAILS = ("role", "honorific", "position", "organisation")


def load_record(event: models.Event | int) -> EventRecord:
    """The whole event, with its partners, people and programme, as a record."""
    event_id = event.id if isinstance(event, models.Event) else event
    records = load_records([event_id], include_deleted=True)
    if not records:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    return records[0]


def load_records(ids: list[int], include_deleted: bool = False) -> list[EventRecord]:
    """Whole events (in the order of `ids`), read a few hundred at a time: about five queries per batch, however
    many people and programme rows they hold."""
    by_id: dict[int, EventRecord] = {}
    for batch in _in_id_order(ids):
        if not include_deleted:
            batch = _live(batch)
        query = (models.Event.select().join(models.Venue, peewee.JOIN.LEFT_OUTER)
                 .where(in_values(models.Event.id, batch)))
        for record in with_people_and_programme(_listing_from_cursor(query)):
            by_id[record.id] = record
    return [by_id[event_id] for event_id in ids if event_id in by_id]


_BATCH = 500


def _in_id_order(items: list[T], id_of: Callable[[T], int] | None = None) -> Iterator[list[T]]:
    """`items` (ids, or what `id_of` gives the id of) a batch of _BATCH at a time, in the order of their ids whatever
    the order they are listed in: a batch then reads one stretch of each table and index. A year's ids in the order
    of its dates are spread over the whole record, and each batch read pages all over it again: the partners of
    10 000 events among 100 000 took 34-35 ms that way, 22-24 ms in the ids' order (issue #35)."""
    ordered = sorted(items, key=id_of)
    for start in range(0, len(ordered), _BATCH):
        yield ordered[start : start + _BATCH]


def _live(ids: list[int]) -> list[int]:
    """Those of `ids` that are not among the deleted events. Asked as a condition beside the ids, "not deleted" led
    SQLite (which has no statistics) to walk every live event of the record by its deleted_at index and test each
    against the list: 50 ms for the 150 events of a week among 100 000. Looked up by id, then kept here."""
    event = models.Event
    rows = _raw_rows(event.select(event.id, event.deleted_at).where(in_values(event.id, ids)))
    live = {event_id for event_id, deleted_at in rows if deleted_at is None}
    return [event_id for event_id in ids if event_id in live]


@bulk.many_objects()  # a year's people and programme rows, tens of thousands of records kept
def with_people_and_programme(records: list[EventRecord]) -> list[EventRecord]:
    """The records of `listing_records` made whole: their people and programmes filled in, about three queries
    per few hundred events however many people and programme rows they hold."""
    for batch in _in_id_order(records, lambda record: record.id):
        ids = [record.id for record in batch]
        people = _appearances_of(models.EventPerson, models.EventPerson.event, ids)
        programme = _programme_of(ids)
        for record in batch:
            record.people = people.get(record.id, [])
            record.programme = programme.get(record.id, [])
    return records


def _appearances_of(model, owner_column, owner_ids: list[int]) -> dict[int, list[PersonEntry]]:
    if not owner_ids:
        return {}
    return _appearances(_appearances_query(model, owner_column).where(in_values(owner_column, owner_ids)))


def _appearances_query(model, owner_column) -> peewee.ModelSelect:
    return (
        model.select(
            owner_column,
            model.id,
            models.Person.name,
            models.Person.ref,
            *(getattr(model, name) for name in APPEARANCE_DETAILS),
        )
        .join(models.Person)
        .order_by(owner_column, model.sort_order, model.id)
    )


def _appearances(query: peewee.ModelSelect) -> dict[int, list[PersonEntry]]:
    found: dict[int, list[PersonEntry]] = {}
    for owner_id, row_id, name, ref, role, honorific, position, organisation in _raw_rows(query):
        found.setdefault(owner_id, []).append(
            PersonEntry(
                name=name,
                role=role,
                honorific=honorific,
                position=position,
                organisation=organisation,
                id=row_id,
                person_ref=ref,
            )
        )
    return found


def in_values(column: peewee.Field, values: list) -> peewee.Node:
    """`column IN (values)` with the values as plain parameters. peewee builds and converts a node per value, which
    took a fifth of re-importing ten thousand events (eighty thousand ids and refs, in batches of 500)."""
    if not values:
        return peewee.SQL("1 = 0")
    placeholders = ", ".join([models.database_proxy.obj.param] * len(values))
    return peewee.NodeList((column, _Parameters(f"IN ({placeholders})", values)))


class _Parameters(peewee.SQL):
    """SQL text and its parameters handed to the query as they are: peewee's `SQL` still passes each parameter
    through `Context.value`, eight seconds of a 100 000-event import's eight hundred thousand ids and refs."""

    def __sql__(self, ctx: peewee.Context) -> peewee.Context:
        if ctx.state.value_literals:  # the query written out with its values (its text for a message or a log)
            return super().__sql__(ctx)
        ctx.literal(self.sql)
        ctx._values.extend(self.params)
        return ctx


def _raw_rows(query: peewee.Query) -> list[tuple]:
    """The rows of `query` as the driver returns them: peewee's conversion of every value costs seconds over
    tens of thousands of rows, and the few dates and times are converted by the caller."""
    sql, parameters = query.sql()
    return models.database_proxy.execute_sql(sql, parameters).fetchall()


def _programme_of(event_ids: list[int]) -> dict[int, list[ProgrammeEntry]]:
    found: dict[int, list[ProgrammeEntry]] = {}
    if not event_ids:
        return found
    rows = (
        models.ProgrammeItem.select(
            models.ProgrammeItem.event,
            models.ProgrammeItem.id,
            models.ProgrammeItem.start_date,
            models.ProgrammeItem.start_time,
            models.ProgrammeItem.end_date,
            models.ProgrammeItem.end_time,
            models.ProgrammeItem.title,
            models.ProgrammeItem.place,
        )
        .where(in_values(models.ProgrammeItem.event, event_ids))
        .order_by(models.ProgrammeItem.event, models.ProgrammeItem.sort_order, models.ProgrammeItem.id)
    )
    entries: list[tuple[int, ProgrammeEntry]] = []
    join, as_date, as_time = when.join, when.as_date, when.as_time
    for event_id, item_id, start_date, start_time, end_date, end_time, title, place in _raw_rows(rows):
        entry = ProgrammeEntry(
            start=join(as_date(start_date), as_time(start_time)),
            end=join(as_date(end_date), as_time(end_time)),
            title=title,
            place=place,
            id=item_id,
        )
        entries.append((event_id, entry))
    # The rows' people by the events' ids, not the rows' (a batch of events may hold thousands of rows): one query
    # a batch, however long the programmes.
    people = _appearances(
        _appearances_query(models.ProgrammePerson, models.ProgrammePerson.item)
        .join_from(models.ProgrammePerson, models.ProgrammeItem)
        .where(in_values(models.ProgrammeItem.event, event_ids))
    )
    for event_id, entry in entries:
        entry.people = people.get(entry.id, [])
        found.setdefault(event_id, []).append(entry)
    return found


def stored_by_ref(refs: list[str]) -> dict[str, tuple[EventRecord, bool]]:
    """The stored events with these refs, whole, each with whether it is among the deleted events."""
    found: dict[str, tuple[EventRecord, bool]] = {}
    for start in range(0, len(refs), _BATCH):
        rows = (
            models.Event.select(models.Event.id, models.Event.ref, models.Event.deleted_at)
            .where(in_values(models.Event.ref, refs[start : start + _BATCH]))
            .tuples()
        )
        deleted = {event_id: deleted_at is not None for event_id, _ref, deleted_at in rows}
        for record in load_records(list(deleted), include_deleted=True):
            found[record.ref] = (record, deleted[record.id])
    return found


@bulk.many_objects()  # thousands of records kept
def listing_records(query: peewee.ModelSelect, computed: Mapping[str, peewee.Node] | None = None) -> list[EventRecord]:
    """The events of `query` (joined to Venue, as queries.events() is) as records with their partners but without
    people or programme: the fields a list shows, read straight from the cursor, and the partners in one query (a
    year-end list or an export of ten thousand events must not ask the database fifty thousand times). The fields
    named in `computed` are read from their expression instead of their own column, in the same statement (a
    figure as the tallies count it: services/reports/counting.as_tallied)."""
    return _listing_from_cursor(query, computed)


def _partners_of(ids: list[int]) -> dict[int, list[str]]:
    partners: dict[int, list[str]] = {event_id: [] for event_id in ids}
    for batch in _in_id_order(ids):
        links = (
            models.EventPartner.select(models.EventPartner.event, models.Organisation.name)
            .join(models.Organisation)
            .where(in_values(models.EventPartner.event, batch))
            .order_by(models.EventPartner.event, models.EventPartner.sort_order)
        )
        for event_id, name in _raw_rows(links):  # peewee's row by row reading: a tenth of a year's listing
            partners[event_id].append(name)
    return partners


# The columns a record is read from, by name: the identity, each declared plain field, the moments' dates and
# times, and the venue's name. Leaving out the timestamps saves parsing them ten thousand times.
_LISTING_COLUMNS = (
    models.Event.id,
    models.Event.version,
    models.Event.ref,
    *(getattr(models.Event, name) for name in PLAIN_FIELDS),
    *(getattr(models.Event, f"{name}_{part}") for name in MOMENT_FIELDS for part in ("date", "time")),
    models.Venue.name.alias("venue_name"),
)


def _listing_from_cursor(query: peewee.ModelSelect, computed: Mapping[str, peewee.Node] | None = None,
                         ) -> list[EventRecord]:  # fmt: skip
    """Rows read straight from the cursor, by column name: building ten thousand model objects costs seconds."""
    computed = computed or {}
    unknown = sorted(set(computed) - set(PLAIN_FIELDS))
    if unknown:
        raise ValueError(f"only a text, code or count field can be computed: {unknown}")
    extra = [node.alias(f"computed_{name}") for name, node in computed.items()]
    sql, parameters = query.select(*_LISTING_COLUMNS, *extra).sql()
    cursor = models.database_proxy.execute_sql(sql, parameters)
    names = [column[0] for column in cursor.description]
    rows = cursor.fetchall()
    at = {name: index for index, name in enumerate(names)}
    plain = [(name, at[f"computed_{name}"] if name in computed else at[name])
             for name in ("id", "version", "ref", *PLAIN_FIELDS)]  # fmt: skip
    moments = [(name, at[f"{name}_date"], at[f"{name}_time"]) for name in MOMENT_FIELDS]
    venue_at = at["venue_name"]
    partners = _partners_of([row[at["id"]] for row in rows])
    as_date, as_time, join = when.as_date, when.as_time, when.join
    records = []
    for row in rows:
        values = {name: row[index] for name, index in plain}
        for name, date_at, time_at in moments:
            values[name] = join(as_date(row[date_at]), as_time(row[time_at]))
        records.append(EventRecord(venue=row[venue_at], partners=partners[values["id"]], **values))
    return records
