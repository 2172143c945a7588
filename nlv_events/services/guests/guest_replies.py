"""A guest's reply to the invitation: a state machine (to invite → invited → accepted, declined, a deputy …)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from functools import partial

from nlv_events.core import guard, versioned
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.guest_models import Guest
from nlv_events.core.models import Person, database_proxy
from nlv_events.core.text import clean, clean_or_none, fold
from nlv_events.i18n import N_, _

# Ids and states only: a guest's contacts must never reach the log.
log = logging.getLogger(__name__)

STATES: dict[str, str] = {
    "to_invite": N_("To invite"),
    "invited": N_("Invited"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "deputy": N_("Sends a deputy"),
    "attended": N_("Attended"),
}
CHANNELS: dict[str, str] = {"letter": N_("Letter"), "email": N_("E-mail"), "phone": N_("Phone")}
# Forward along the reply, and back one step to correct a mistake or a change of mind.
TRANSITIONS: dict[str, frozenset[str]] = {
    "to_invite": frozenset({"invited"}),
    "invited": frozenset({"to_invite", "accepted", "declined", "deputy"}),
    "accepted": frozenset({"invited", "declined", "deputy", "attended"}),
    "declined": frozenset({"invited", "accepted", "deputy"}),
    "deputy": frozenset({"invited", "accepted", "declined", "attended"}),
    "attended": frozenset({"accepted", "deputy"}),
}
# Who is expected in the hall: cards, the reception list and the head table are made for them.
COMING = ("accepted", "deputy", "attended")

# The usual forms of address, offered for a deputy and recognised in front of a deputy's stored name.
HONORIFICS = ("Ông", "Bà", "Đồng chí", "GS.TS.", "PGS.TS.", "TS.", "ThS.", "GS.", "PGS.")


def split_addressed(addressed: str | None) -> tuple[str | None, str]:
    """ "Ông Phạm Văn Thành" → ("Ông", "Phạm Văn Thành"): a usual form of address split off a deputy's stored name
    (none found: (None, the whole text))."""
    text = clean(addressed)
    for honorific in sorted(HONORIFICS, key=len, reverse=True):
        if text.startswith(honorific + " ") and text[len(honorific):].strip():
            return honorific, text[len(honorific):].strip()
    return None, text


def deputy_as_addressed(honorific: str | None, name: str | None) -> str:
    """The deputy's form of address and name as one text ("Ông" + "Phạm Văn Thành" → "Ông Phạm Văn Thành"): the
    deputy_name column carries both, so an older record with the name alone still prints as it was. A name that
    already begins with the form of address keeps it once."""
    honorific, name = clean(honorific), clean(name)
    if not honorific or fold(name).startswith(fold(honorific) + " ") or fold(name) == fold(honorific):
        return name
    return f"{honorific} {name}"


def state_label(state: str) -> str:
    return _(STATES[state]) if state in STATES else state


def channel_label(channel: str | None) -> str:
    return _(CHANNELS[channel]) if channel in CHANNELS else (channel or "")


def guest_conflict(guest_id: int) -> ConflictError:
    """The message for a change to a guest a colleague changed or removed first: how the guest reads now."""
    row = Guest.select(Guest, Person.name).join(Person).where(Guest.id == guest_id).first()
    if row is None:
        return versioned.gone_error(_("this guest"))
    now = [part for part in (row.honorific, row.position, row.organisation) if part]
    now.append(_("reply: {state}").format(state=state_label(row.state)))
    return versioned.conflict_error(_("the guest {name}").format(name=row.person.name), now)


def check_transition(old: str, new: str, name: str) -> None:
    if new not in STATES:
        raise UserError(
            _("Unknown guest state “{state}”; use one of: {states}.").format(state=new, states=", ".join(STATES))
        )
    if new != old and new not in TRANSITIONS[old]:
        steps = [f"“{state_label(state)}”" for state in STATES if state in TRANSITIONS[old]]
        raise UserError(
            _("{name} cannot go from “{old}” to “{new}”: from “{old}” the next step is {steps}.").format(
                name=name, old=state_label(old), new=state_label(new), steps=_(" or ").join(steps)
            )
        )


def set_state(
    guest_ids: Iterable[int],
    state: str,
    on: dt.date | None = None,
    channel: str | None = None,
    deputy_name: str | None = None,
    deputy_position: str | None = None,
    deputy_honorific: str | None = None,
    versions: Mapping[int, int | None] | None = None,
) -> int:
    """Move every guest of `guest_ids` to `state`, all of them or none; returns how many changed.

    `versions` are the guests' versions as the user saw them: when a colleague changed one since, nothing changes
    (ConflictError). Without them, each guest's reply is checked and written in one statement all the same.

    invited records the day (today by default) and the channel (letter by default); deputy needs the deputy's
    name (and takes their form of address: "Ông", "Bà", "TS." …, kept in front of the name); accepted (the guest
    comes in person) forgets a deputy; back to to_invite forgets the invitation."""
    if channel is not None and channel not in CHANNELS:
        raise UserError(
            _("Unknown way of inviting “{channel}”; use one of: {channels}.").format(
                channel=channel, channels=", ".join(CHANNELS)
            )
        )
    if state == "deputy" and not clean(deputy_name):
        raise UserError(_("Give the name of the deputy the guest sends."))
    ids = list(guest_ids)
    rows = list(Guest.select(Guest, Person.name).join(Person).where(Guest.id.in_(ids)))
    if len(rows) != len(set(ids)):
        missing = sorted(set(ids) - {row.id for row in rows})
        raise UserError(_("There is no guest number {id}.").format(id=missing[0]))
    changed = 0
    with guard.database_errors(), database_proxy.atomic():
        for row in rows:
            check_transition(row.state, state, row.person.name)
            if row.state == state and state != "deputy":
                continue
            values: dict = {"state": state}
            if state == "invited" and row.state == "to_invite":
                values.update(invited_on=on or dt.date.today(), invited_by=channel or "letter")
            elif state == "invited" and channel:
                values["invited_by"] = channel
            if state == "to_invite":
                values.update(invited_on=None, invited_by=None)
            if state == "deputy":
                values.update(deputy_name=deputy_as_addressed(deputy_honorific, deputy_name),
                              deputy_position=clean_or_none(deputy_position))
            if state in ("accepted", "declined", "invited", "to_invite"):
                values.update(deputy_name=None, deputy_position=None)
            seen = versions.get(row.id, row.version) if versions is not None else row.version
            versioned.write_or_conflict(Guest, row.id, seen, values, partial(guest_conflict, row.id))
            log.info("guest %s: %s -> %s", row.id, row.state, state)
            changed += 1
    return changed
