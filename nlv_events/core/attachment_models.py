"""Files attached to an event (the signed submission, the decision, the poster, a scan): copied into the media folder
under a safe stored name, with the name they came with kept for display."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from nlv_events.core.models import BaseModel, Event
from nlv_events.core.register_models import RegisterEntry

ATTACHMENT_KINDS = ("submission", "decision", "poster", "plan", "scan", "other")


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Attachment(BaseModel):
    event = ForeignKeyField(Event, on_delete="CASCADE", backref="attachments")
    # Relative to the media folder, "/"-separated: "attachments/<event ref>/<sha256 prefix>.<ext>", ASCII only.
    path = TextField()
    original_name = TextField()  # as the file was called, Vietnamese and all: what the window and lists show
    kind = CharField(default="other")  # one of ATTACHMENT_KINDS
    size = IntegerField()
    digest = CharField(index=True)  # SHA-256: the same file is not attached twice to one event
    # The register entry a signed scan is the signed copy of.
    register_entry = ForeignKeyField(RegisterEntry, null=True, on_delete="SET NULL", backref="scans")
    added_at = DateTimeField(default=_now)
    version = IntegerField(default=1)


ATTACHMENT_MODELS: tuple[type[BaseModel], ...] = (Attachment,)
