"""The guests of an event (đại biểu): each an appearance with its own form of address, position and organisation."""

from __future__ import annotations

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from nlv_events.core.models import BaseModel, Event, Person


class GuestGroup(BaseModel):
    """An editable group of guests (Lãnh đạo Bộ, Báo chí…); `rank` orders the groups by protocol, 1 first."""

    name = CharField(unique=True)
    rank = IntegerField(default=100)


class Guest(BaseModel):
    """One person invited to one event, as addressed at that event."""

    event = ForeignKeyField(Event, on_delete="CASCADE", backref="guests")
    person = ForeignKeyField(Person, on_delete="CASCADE", backref="guest_links")
    honorific = CharField(null=True)
    position = TextField(null=True)
    organisation = TextField(null=True)
    group = ForeignKeyField(GuestGroup, null=True, on_delete="SET NULL", backref="guests")
    precedence = IntegerField(default=0)  # 1 is the highest-ranking guest of the event
    state = CharField(default="to_invite")
    invited_on = DateField(null=True)
    invited_by = CharField(null=True)  # letter, email or phone
    deputy_name = CharField(null=True)
    deputy_position = TextField(null=True)
    seat = CharField(null=True)
    notes = TextField(null=True)
    # The invitation sent by e-mail (migration 0016): when, to which address, and the attachment's name.
    invitation_sent_at = DateTimeField(null=True)
    invitation_sent_to = CharField(null=True)
    invitation_sent_file = CharField(null=True)
    version = IntegerField(default=1)

    class Meta:
        # Two guests of an event never share a number, however many colleagues add guests at once (migration 0010).
        indexes = ((("event", "person"), True), (("event", "precedence"), True))


# The address an invitation was mailed to is the guest's e-mail: a viewer's login may not read it on a shared server
# (services/team/roles.PRIVATE_COLUMNS), so the reads every role makes name the other columns.
CONTACT_COLUMNS = ("invitation_sent_to",)
READABLE_COLUMNS = tuple(field for field in Guest._meta.sorted_fields if field.name not in CONTACT_COLUMNS)

GUEST_MODELS: tuple[type[BaseModel], ...] = (GuestGroup, Guest)
