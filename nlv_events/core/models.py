"""The peewee models of the store, bound at run time through `database_proxy`."""

from __future__ import annotations

import datetime as dt
import uuid

from peewee import (
    AutoField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
)

database_proxy = DatabaseProxy()


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    id = AutoField()  # every table's key, declared once: the number the database gives a row

    class Meta:
        database = database_proxy
        legacy_table_names = False


class Organisation(BaseModel):
    name = CharField(unique=True)
    short_name = CharField(null=True)


class Venue(BaseModel):
    name = CharField(unique=True)
    capacity = IntegerField(null=True)
    version = IntegerField(default=1)  # migration 0010: every save checks and steps it (core/versioned.py)


def _new_ref() -> str:
    return uuid.uuid4().hex


class Person(BaseModel):
    """Who a person is; what they were at an event (form of address, position, organisation) is on the
    appearance, so a later promotion never rewrites an earlier programme. A person is their id (and their `ref`
    across files), not their name: two people may share a name (migration 0011)."""

    name = CharField(index=True)
    ref = CharField(unique=True, default=_new_ref)
    # The address book's contacts (migration 0009): personal data, never printed, never logged.
    email = CharField(null=True)
    phone = CharField(null=True)
    version = IntegerField(default=1)


class Event(BaseModel):
    ref = CharField(unique=True)  # stable identity across exports, imports and calendars
    kind = CharField(index=True)
    title = TextField()
    title_en = TextField(null=True)
    theme = TextField(null=True)
    occasion = TextField(null=True)
    start_date = DateField(index=True)
    start_time = TimeField(null=True)
    end_date = DateField(null=True)
    end_time = TimeField(null=True)
    venue = ForeignKeyField(Venue, null=True, on_delete="SET NULL", backref="events")
    format = CharField(default="onsite")
    status = CharField(default="planned")
    role = CharField(default="organiser")
    audience = CharField(default="all")
    attendance = IntegerField(null=True)
    online_views = IntegerField(null=True)
    items_displayed = IntegerField(null=True)
    description = TextField(null=True)
    notes = TextField(null=True)
    news_url = TextField(null=True)
    # The public calendar (migration 0016): vocab.PUBLICATIONS, and the text the website shows.
    publication = CharField(default="auto")
    public_description = TextField(null=True)
    # Folded (accent-free, lower-case) text of everything search looks at, kept up to date by the store.
    search_text = TextField(default="")
    version = IntegerField(default=1)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)
    deleted_at = DateTimeField(null=True)  # set when moved to the deleted events; None when live
    # Planning (core/planning_models.py, migration 0006): the commemoration an event marks (its key), and the series
    # it is an occurrence of, with the day the rule gave it (its RECURRENCE-ID once moved).
    commemoration = CharField(null=True)
    series_id = IntegerField(null=True)
    series_date = DateField(null=True)
    # Versions of the parts other windows save as a whole (migration 0010): the exhibition (sections, items, loans)
    # and the guest list's order; `version` stays the event editor's, so saving one never refuses the other.
    exhibit_version = IntegerField(default=1)
    guest_list_version = IntegerField(default=1)

    class Meta:
        # A year's live events, with the status and kind the tallies count by (migration 0017: read from the index).
        indexes = ((("deleted_at", "start_date", "status", "kind"), False), (("kind", "end_date"), False))


class EventPartner(BaseModel):
    event = ForeignKeyField(Event, on_delete="CASCADE", backref="partner_links")
    organisation = ForeignKeyField(Organisation, on_delete="CASCADE", backref="event_links")
    sort_order = IntegerField(default=0)

    class Meta:
        indexes = ((("event", "organisation"), True),)


class Appearance(BaseModel):
    """A person in an event, as they were then: printed from these columns, never from today's details."""

    role = CharField(default="participant")
    honorific = TextField(null=True)  # Ông, Bà, PGS.TS. …: printed before the name
    position = TextField(null=True)  # the post held at that event
    organisation = TextField(null=True)  # as printed at that event
    sort_order = IntegerField(default=0)


class EventPerson(Appearance):
    event = ForeignKeyField(Event, on_delete="CASCADE", backref="person_links")
    person = ForeignKeyField(Person, on_delete="CASCADE", backref="event_links")


class ProgrammeItem(BaseModel):
    event = ForeignKeyField(Event, on_delete="CASCADE", backref="programme_items")
    sort_order = IntegerField(default=0)
    start_date = DateField(index=True)  # the week's schedule finds the rows of a week (migration 0017)
    start_time = TimeField(null=True)
    end_date = DateField(null=True)
    end_time = TimeField(null=True)
    title = TextField()
    place = TextField(null=True)


class ProgrammePerson(Appearance):
    item = ForeignKeyField(ProgrammeItem, on_delete="CASCADE", backref="person_links")
    person = ForeignKeyField(Person, on_delete="CASCADE", backref="programme_links")


class AnnualPlan(BaseModel):
    year = IntegerField()
    kind = CharField()
    target = IntegerField()
    version = IntegerField(default=1)

    class Meta:
        indexes = ((("year", "kind"), True),)


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Organisation,
    Venue,
    Person,
    Event,
    EventPartner,
    EventPerson,
    ProgrammeItem,
    ProgrammePerson,
    AnnualPlan,
)
