"""Photos of an event, the people shown in them, and the event's news item."""

import datetime

from peewee import AutoField, BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField


def _models(db):
    # Frozen copies: later changes to nlv_events.core.media_models must not change what this script creates.
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Event(Base):
        id = AutoField()

    class EventPerson(Base):
        id = AutoField()

    class Photo(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE")
        path = TextField()
        original_name = TextField()
        digest = CharField(index=True)
        taken_at = DateTimeField(null=True)
        orientation = IntegerField(default=1)
        width = IntegerField(default=0)
        height = IntegerField(default=0)
        caption = TextField(default="")
        photographer = TextField(default="")
        chosen = BooleanField(default=False)
        sort_order = IntegerField(default=0)
        added_at = DateTimeField(default=datetime.datetime.now)

    class PhotoPerson(Base):
        id = AutoField()
        photo = ForeignKeyField(Photo, on_delete="CASCADE")
        event_person = ForeignKeyField(EventPerson, on_delete="CASCADE")

        class Meta:
            indexes = ((("photo", "event_person"), True),)

    class NewsItem(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE", unique=True)
        title = TextField()
        lead = TextField(default="")
        body = TextField(default="")
        credit = TextField(default="")
        updated_at = DateTimeField(default=datetime.datetime.now)

    return [Photo, PhotoPerson, NewsItem]


def up(migrator, db):
    db.create_tables(_models(db))


def down(migrator, db):
    db.drop_tables(list(reversed(_models(db))))
