"""Plain data for an event as the rules, the interchange file and the editor see it (no database)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import Field, dataclass, field, fields

from nlv_events.i18n import N_

# What a declared field holds; the store, the interchange file, the listings and the editor act on this.
TEXT = "text"  # free text, None when empty
CODE = "code"  # a code of a vocabulary (core/vocab.py), never empty
COUNT = "count"  # a whole number, None when not recorded
MOMENT = "moment"  # a date, or a date and time (core/when.py)
VENUE = "venue"  # the name of a venue
NAMES = "names"  # names of organisations, in order
PEOPLE = "people"  # appearances of people
PROGRAMME = "programme"  # programme rows


def _holds(kind: str, vocabulary: str | None = None) -> dict[str, str | None]:
    return {"kind": kind, "vocabulary": vocabulary}


@dataclass
class PersonEntry:
    """A person's appearance in an event or a programme row: the details are as they were at that event."""

    name: str
    role: str = "participant"
    honorific: str | None = None
    position: str | None = None
    organisation: str | None = None
    # The stored appearance this entry edits (None for a new one); not part of what the entry says.
    id: int | None = field(default=None, compare=False)


def person_line(person: PersonEntry) -> str:
    """ "Bà Trịnh Thị Thủy – Thứ trưởng Bộ VHTTDL": form of address, name and position, as printed."""
    name = f"{person.honorific} {person.name}" if person.honorific else person.name
    return f"{name} – {person.position}" if person.position else name


@dataclass
class ProgrammeEntry:
    start: dt.date
    title: str
    end: dt.date | None = None
    place: str | None = None
    people: list[PersonEntry] = field(default_factory=list)
    id: int | None = field(default=None, compare=False)  # the stored row this entry edits


@dataclass
class EventRecord:
    """An event. Its fields are declared once here, with what each holds (`metadata["kind"]`); the store, the
    interchange file, the listings and the conflict check iterate `event_fields()` instead of naming them."""

    kind: str = field(metadata=_holds(CODE, "kind"))
    title: str = field(metadata=_holds(TEXT))
    start: dt.date = field(metadata=_holds(MOMENT))
    end: dt.date | None = field(default=None, metadata=_holds(MOMENT))
    ref: str | None = field(default=None, compare=False)
    title_en: str | None = field(default=None, metadata=_holds(TEXT))
    theme: str | None = field(default=None, metadata=_holds(TEXT))
    occasion: str | None = field(default=None, metadata=_holds(TEXT))
    venue: str | None = field(default=None, metadata=_holds(VENUE))
    format: str = field(default="onsite", metadata=_holds(CODE, "format"))
    status: str = field(default="planned", metadata=_holds(CODE, "status"))
    role: str = field(default="organiser", metadata=_holds(CODE, "role"))
    partners: list[str] = field(default_factory=list, metadata=_holds(NAMES))
    audience: str = field(default="all", metadata=_holds(CODE, "audience"))
    attendance: int | None = field(default=None, metadata=_holds(COUNT))
    online_views: int | None = field(default=None, metadata=_holds(COUNT))
    items_displayed: int | None = field(default=None, metadata=_holds(COUNT))
    description: str | None = field(default=None, metadata=_holds(TEXT))
    notes: str | None = field(default=None, metadata=_holds(TEXT))
    news_url: str | None = field(default=None, metadata=_holds(TEXT))
    people: list[PersonEntry] = field(default_factory=list, metadata=_holds(PEOPLE))
    programme: list[ProgrammeEntry] = field(default_factory=list, metadata=_holds(PROGRAMME))
    id: int | None = field(default=None, compare=False)
    version: int | None = field(default=None, compare=False)


@functools.cache
def event_fields(*kinds: str) -> tuple[Field, ...]:
    """The declared fields of an event (of these kinds, or all), in the order a user reads them; the identity
    (id, version, ref) is not among them."""
    return tuple(
        item
        for item in fields(EventRecord)
        if "kind" in item.metadata and (not kinds or item.metadata["kind"] in kinds)
    )


@functools.cache
def field_names(*kinds: str) -> tuple[str, ...]:
    return tuple(item.name for item in event_fields(*kinds))


@dataclass
class PlanEntry:
    year: int
    kind: str
    target: int


# What each field is called where a message names it.
FIELD_LABELS: dict[str, str] = {
    "kind": N_("kind"),
    "title": N_("title"),
    "title_en": N_("English title"),
    "theme": N_("theme"),
    "occasion": N_("occasion"),
    "start": N_("start"),
    "end": N_("end"),
    "venue": N_("venue"),
    "format": N_("format"),
    "status": N_("status"),
    "role": N_("role of the library"),
    "partners": N_("partners"),
    "audience": N_("audience"),
    "attendance": N_("attendance"),
    "online_views": N_("online views"),
    "items_displayed": N_("items displayed"),
    "description": N_("description"),
    "notes": N_("notes"),
    "news_url": N_("news link"),
    "people": N_("people"),
    "programme": N_("programme"),
    "name": N_("name"),
    "place": N_("place"),
    "position": N_("position"),
    "organisation": N_("organisation"),
    "honorific": N_("form of address"),
    "year": N_("year"),
    "target": N_("target"),
}
