"""The first schema: events, their programme, people, partners, venues and annual plans."""

import datetime

from peewee import (
    AutoField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
)


def up(migrator, db):
    # Frozen copies of the models as they were in this version: later changes to nlv_events.core.models
    # must not change what this script creates.
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Organisation(Base):
        id = AutoField()
        name = CharField(unique=True)
        short_name = CharField(null=True)

    class Venue(Base):
        id = AutoField()
        name = CharField(unique=True)
        capacity = IntegerField(null=True)

    class Person(Base):
        id = AutoField()
        name = CharField(unique=True)
        honorific = CharField(null=True)
        position = CharField(null=True)
        organisation = ForeignKeyField(Organisation, null=True, on_delete="SET NULL")

    class Event(Base):
        id = AutoField()
        ref = CharField(unique=True)
        kind = CharField(index=True)
        title = TextField()
        title_en = TextField(null=True)
        theme = TextField(null=True)
        occasion = TextField(null=True)
        start_date = DateField(index=True)
        start_time = TimeField(null=True)
        end_date = DateField(null=True)
        end_time = TimeField(null=True)
        venue = ForeignKeyField(Venue, null=True, on_delete="SET NULL")
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
        search_text = TextField(default="")
        version = IntegerField(default=1)
        created_at = DateTimeField(default=datetime.datetime.now)
        updated_at = DateTimeField(default=datetime.datetime.now)

    class EventPartner(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE")
        organisation = ForeignKeyField(Organisation, on_delete="CASCADE")
        position = IntegerField(default=0)

        class Meta:
            indexes = ((("event", "organisation"), True),)

    class EventPerson(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE")
        person = ForeignKeyField(Person, on_delete="CASCADE")
        role = CharField(default="participant")
        position = IntegerField(default=0)

    class ProgrammeItem(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE")
        position = IntegerField(default=0)
        start_date = DateField()
        start_time = TimeField(null=True)
        end_date = DateField(null=True)
        end_time = TimeField(null=True)
        title = TextField()
        place = TextField(null=True)

    class ProgrammePerson(Base):
        id = AutoField()
        item = ForeignKeyField(ProgrammeItem, on_delete="CASCADE")
        person = ForeignKeyField(Person, on_delete="CASCADE")
        role = CharField(default="participant")
        position = IntegerField(default=0)

    class AnnualPlan(Base):
        id = AutoField()
        year = IntegerField()
        kind = CharField()
        target = IntegerField()

        class Meta:
            indexes = ((("year", "kind"), True),)

    db.create_tables(
        [Organisation, Venue, Person, Event, EventPartner, EventPerson, ProgrammeItem, ProgrammePerson, AnnualPlan]
    )
