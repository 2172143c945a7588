"""The exhibition's own tables: sections in order, their items, the loans, and a kept hand-entered count."""

from __future__ import annotations

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField

from nlv_events.core.models import BaseModel, Event


class ExhibitSection(BaseModel):
    event = ForeignKeyField(Event, on_delete="CASCADE", backref="exhibit_sections")
    sort_order = IntegerField(default=0)
    title = TextField()


class ExhibitItem(BaseModel):
    section = ForeignKeyField(ExhibitSection, on_delete="CASCADE", backref="items")
    sort_order = IntegerField(default=0)
    title = TextField()
    creator = TextField(null=True)
    place = TextField(null=True)  # of publication (260/264 $a)
    publisher = TextField(null=True)
    year = CharField(null=True)  # as catalogued: "1945", "[1946?]"
    call_number = CharField(null=True, index=True)  # ký hiệu kho
    item_type = CharField(default="book")
    quantity = IntegerField(default=1)
    lender = TextField(null=True)  # None: the library's own stacks
    condition = TextField(null=True)
    physical = TextField(null=True)  # physical description (300)
    caption = TextField(null=True)  # the text of its label
    note = TextField(null=True)


class ExhibitLoan(BaseModel):
    event = ForeignKeyField(Event, on_delete="CASCADE", backref="exhibit_loans")
    sort_order = IntegerField(default=0)
    lender = TextField()  # the other party: who lends to the library, or who borrows from it
    direction = CharField(default="in")  # in: lent to the library; out: the library lends to another exhibition
    date_out = DateField(null=True)
    date_due = DateField(null=True)
    date_back = DateField(null=True)
    state = CharField(default="requested")
    note = TextField(null=True)


class ExhibitCountOverride(BaseModel):
    """Present when the office keeps its own "items displayed" figure rather than the checklist's sum."""

    event = ForeignKeyField(Event, on_delete="CASCADE", unique=True, backref="exhibit_override")


EXHIBIT_MODELS: tuple[type[BaseModel], ...] = (ExhibitSection, ExhibitItem, ExhibitLoan, ExhibitCountOverride)
