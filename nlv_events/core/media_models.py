"""Photos of an event (with the people shown in them) and the event's news item draft."""

from __future__ import annotations

import datetime as dt

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from nlv_events.core.models import BaseModel, Event, EventPerson


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Photo(BaseModel):
    event = ForeignKeyField(Event, on_delete="CASCADE", backref="photos")
    # Relative to the media folder (beside the SQLite file, or the shared folder of the settings), "/"-separated,
    # so that the folder can move without touching the record.
    path = TextField()
    original_name = TextField()
    digest = CharField(index=True)  # SHA-256 of the file: the same photo is not added twice to one event
    taken_at = DateTimeField(null=True)  # EXIF DateTimeOriginal; None when the camera did not say
    orientation = IntegerField(default=1)  # EXIF orientation (1 = upright); the file itself is never rotated
    width = IntegerField(default=0)  # as shown, after orientation
    height = IntegerField(default=0)
    caption = TextField(default="")
    photographer = TextField(default="")
    chosen = BooleanField(default=False)  # chosen for the news item
    sort_order = IntegerField(default=0)  # order among the chosen photos in the news item
    added_at = DateTimeField(default=_now)
    version = IntegerField(default=1)


class PhotoPerson(BaseModel):
    """A person of the event shown in a photo: points at the appearance, which keeps its id across saves."""

    photo = ForeignKeyField(Photo, on_delete="CASCADE", backref="person_links")
    event_person = ForeignKeyField(EventPerson, on_delete="CASCADE", backref="photo_links")

    class Meta:
        indexes = ((("photo", "event_person"), True),)


class NewsItem(BaseModel):
    """The edited news item of an event; without one, the draft is built from the record each time."""

    event = ForeignKeyField(Event, on_delete="CASCADE", backref="news_items", unique=True)
    title = TextField()
    lead = TextField(default="")
    body = TextField(default="")  # paragraphs separated by a blank line
    credit = TextField(default="")  # "Tin: …; Ảnh: …"
    updated_at = DateTimeField(default=_now)


MEDIA_MODELS: tuple[type[BaseModel], ...] = (Photo, PhotoPerson, NewsItem)
