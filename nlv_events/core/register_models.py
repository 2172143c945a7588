"""The register of outgoing documents (sổ đăng ký văn bản đi): the kinds of document, the number counters and the
entries, one per numbered document."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from nlv_events.core.models import BaseModel, Event


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class DocumentKind(BaseModel):
    """A kind of outgoing document and its abbreviation in the number's symbol: CTr in "15/CTr-TVQG"."""

    symbol = CharField(unique=True)
    name = TextField()
    rank = IntegerField(default=100)  # order in lists
    version = IntegerField(default=1)


class RegisterCounter(BaseModel):
    """The last number taken in a series of a year: a kind's symbol, or SHARED_SERIES when every kind shares one
    series (the setting register.shared_series). Stepped by one statement, never read then written."""

    series = CharField()
    year = IntegerField()
    last = IntegerField(default=0)

    class Meta:
        indexes = ((("series", "year"), True),)


class RegisterEntry(BaseModel):
    """One numbered outgoing document. Printing it again under the same number counts a re-print here."""

    day = DateField()
    kind = ForeignKeyField(DocumentKind, on_delete="RESTRICT", backref="entries")
    number = IntegerField()
    year = IntegerField()
    symbol = CharField()  # the whole symbol printed after the number: "CTr-TVQG"
    title = TextField()
    event = ForeignKeyField(Event, null=True, on_delete="SET NULL", backref="register_entries")
    signer = TextField(default="")
    recipients = TextField(default="")  # separated by "; "
    digest = CharField(default="")  # SHA-256 of the file last written under this number
    file_name = TextField(default="")  # the name of that file, without its folder
    reprints = IntegerField(default=0)
    created_by = CharField(default="")
    created_at = DateTimeField(default=_now)
    version = IntegerField(default=1)

    class Meta:
        indexes = ((("kind", "year", "number"), True),)


SHARED_SERIES = "*"
REGISTER_MODELS: tuple[type[BaseModel], ...] = (DocumentKind, RegisterCounter, RegisterEntry)
