"""Peewee models of the year's planning: commemorations the office adds, and recurring series."""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateField, DateTimeField, IntegerField, TextField, TimeField

from nlv_events.core.models import BaseModel


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Commemoration(BaseModel):
    """A commemoration the office keeps besides the bundled catalogue (resources/commemorations.json)."""

    key = CharField(unique=True)  # what events link to (Event.commemoration); never a catalogue key
    name = TextField()  # official Vietnamese name, as printed after "Kỷ niệm N năm"
    name_en = TextField(null=True)
    founded = DateField(null=True)  # the day commemorated; None for a festival without an ordinal (Tết)
    calendar = CharField(default="solar")  # "solar" or "lunar"
    month = IntegerField()  # the day kept each year: solar, or lunar month and day
    day = IntegerField()
    style = CharField(default="anniversary")  # "anniversary" (Kỷ niệm N năm), "edition" (lần thứ N), "festival"
    source = TextField(null=True)


class Series(BaseModel):
    """A recurring activity (storytelling every Saturday, a monthly talk) whose occurrences are events."""

    ref = CharField(unique=True)  # identity across interchange files and the .ics UID
    title = TextField()
    kind = CharField()
    venue = TextField(null=True)
    start_date = DateField()  # the first day of the rule (DTSTART)
    start_time = TimeField(null=True)
    end_time = TimeField(null=True)
    rule = TextField()  # RFC 5545 RRULE value without DTSTART, e.g. "FREQ=WEEKLY;BYDAY=SA;UNTIL=20251227"
    skip = TextField(default="")  # skipped days (EXDATE), ISO dates separated by spaces
    people = TextField(default="")  # names of the people who run it, one per line
    description = TextField(null=True)
    created_at = DateTimeField(default=_now)
    version = IntegerField(default=1)
