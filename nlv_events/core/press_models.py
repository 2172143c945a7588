"""Press coverage of an event: the articles, broadcasts and posts about it, counted in the tallies."""

from __future__ import annotations

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField

from nlv_events.core.attachment_models import Attachment
from nlv_events.core.models import BaseModel, Event

ARTICLE_KINDS = ("print", "online", "tv", "radio")


class PressArticle(BaseModel):
    event = ForeignKeyField(Event, on_delete="CASCADE", backref="press_articles")
    outlet = CharField()  # "Nhân Dân", "VTV1", "Cổng thông tin Bộ VHTTDL"
    day = DateField()
    title = TextField()
    url = TextField(default="")  # http or https only (checked before it is stored)
    kind = CharField(default="online")  # one of ARTICLE_KINDS
    clipping = ForeignKeyField(Attachment, null=True, on_delete="SET NULL", backref="clipped")  # the scanned article
    version = IntegerField(default=1)


PRESS_MODELS: tuple[type[BaseModel], ...] = (PressArticle,)
