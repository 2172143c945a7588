"""Plain data for an event as the rules, the interchange file and the editor see it (no database)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any

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


# What a copy of an event to another year (services/events/copying.py, duplicate_year.py) does with a field.
KEEP = "keep"  # the copy says the same
REWRITE = "rewrite"  # its year numbers and counts of editions are proposed for update ("lần thứ 9" -> "lần thứ 10")
CLEAR = "clear"  # back to the field's default: it belongs to the event that was held (a figure, the news link)
SHIFT = "shift"  # moved by whole years (the dates)

# How the tallies sum a figure over the counted events (services/reports/tallies.py).
RECORDED = "recorded"  # the figures the events recorded; an event that recorded none adds nothing
CHECKLIST = "checklist"  # an exhibition's checklist quantities, unless the office keeps its own figure


def _holds(
    kind: str,
    vocabulary: str | None = None,
    *,
    copy: str = KEEP,
    searched: bool = False,
    typed: bool = True,
) -> dict[str, Any]:
    """The metadata of a declared field. `searched`: search looks in it (core/store.search_text); `typed`: words
    a user typed, so an import looks in it for old 8-bit encodings (a web address is not)."""
    return {"kind": kind, "vocabulary": vocabulary, "copy": copy, "searched": searched, "typed": typed}


def _figure(heading: str, summed: str = RECORDED, kinds: tuple[str, ...] = ()) -> dict[str, Any]:
    """A figure recorded after the event and summed by the tallies: `heading` is its column's label (msgid),
    `kinds` the kinds of event it applies to (all when empty); a copy to another year clears it."""
    return {**_holds(COUNT, copy=CLEAR), "figure": {"heading": heading, "summed": summed, "kinds": kinds}}


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
    # Who the person is (Person.ref): two people may share a name. None: the one stored person of that name, or a
    # new one. Not compared: a file without refs says the same as the record it came from. The interchange file
    # writes it under the key "ref" (`metadata["key"]`).
    person_ref: str | None = field(default=None, compare=False, metadata={"key": "ref"})


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
    """An event. Its fields are declared once here, with what each holds (`metadata["kind"]`), what a copy to
    another year does with it (`metadata["copy"]`) and, for a figure, how the tallies sum it
    (`metadata["figure"]`); the store, the rules, the interchange file, the listings, the tallies and the copy
    iterate `event_fields()`, `text_fields()` and `figures()` instead of naming them."""

    kind: str = field(metadata=_holds(CODE, "kind"))
    title: str = field(metadata=_holds(TEXT, copy=REWRITE, searched=True))
    start: dt.date = field(metadata=_holds(MOMENT, copy=SHIFT))
    end: dt.date | None = field(default=None, metadata=_holds(MOMENT, copy=SHIFT))
    ref: str | None = field(default=None, compare=False)
    title_en: str | None = field(default=None, metadata=_holds(TEXT, copy=REWRITE, searched=True))
    theme: str | None = field(default=None, metadata=_holds(TEXT, copy=REWRITE, searched=True))
    occasion: str | None = field(default=None, metadata=_holds(TEXT, copy=REWRITE, searched=True))
    venue: str | None = field(default=None, metadata=_holds(VENUE, searched=True))
    format: str = field(default="onsite", metadata=_holds(CODE, "format"))
    status: str = field(default="planned", metadata=_holds(CODE, "status", copy=CLEAR))
    role: str = field(default="organiser", metadata=_holds(CODE, "role"))
    partners: list[str] = field(default_factory=list, metadata=_holds(NAMES))
    audience: str = field(default="all", metadata=_holds(CODE, "audience"))
    attendance: int | None = field(default=None, metadata=_figure(N_("Attendance")))
    online_views: int | None = field(default=None, metadata=_figure(N_("Online views")))
    items_displayed: int | None = field(
        default=None, metadata=_figure(N_("Items displayed"), CHECKLIST, kinds=("exhibition",))
    )
    description: str | None = field(default=None, metadata=_holds(TEXT))
    notes: str | None = field(default=None, metadata=_holds(TEXT))  # internal: never published
    # The public calendar (services/site, migration 0016): whether the event is published ("auto": as its kind
    # says, vocab.PUBLIC_KINDS) and the short text the website shows (the description may be internal).
    publication: str = field(default="auto", metadata=_holds(CODE, "publication"))
    public_description: str | None = field(default=None, metadata=_holds(TEXT))
    news_url: str | None = field(default=None, metadata=_holds(TEXT, copy=CLEAR, typed=False))
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


# The kinds of field that hold one text each (a code is text too, but chosen from a vocabulary).
TEXT_KINDS = (TEXT, VENUE, CODE)


@functools.cache
def text_fields() -> tuple[Field, ...]:
    """The declared fields holding one text each; their limits are core/limits.py's, under the field's name."""
    return event_fields(*TEXT_KINDS)


def is_required(item: Field) -> bool:
    """A field without a default must be given: an event has a kind, a title and a start."""
    return item.default is MISSING and item.default_factory is MISSING


@functools.cache
def copied_as(action: str) -> tuple[str, ...]:
    """The names of the fields a copy to another year treats so (KEEP, REWRITE, CLEAR or SHIFT)."""
    return tuple(item.name for item in event_fields() if item.metadata["copy"] == action)


@functools.cache
def searched_fields() -> tuple[str, ...]:
    """The fields whose text search looks in (with the partners' and people's names)."""
    return tuple(item.name for item in event_fields() if item.metadata["searched"])


@functools.cache
def typed_text_fields() -> tuple[str, ...]:
    """The free texts a user typed in words (not codes, not a web address)."""
    return tuple(item.name for item in event_fields(TEXT, VENUE) if item.metadata["typed"])


@dataclass(frozen=True)
class Figure:
    """A figure of an event that the tallies sum, the year-end list shows and a copy to another year clears."""

    name: str
    heading: str  # msgid of its column
    summed: str  # RECORDED or CHECKLIST
    kinds: tuple[str, ...]  # the kinds of event it applies to; all when empty

    def applies_to(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds


@functools.cache
def figures() -> tuple[Figure, ...]:
    """The tally figures, in the order of the columns that show them."""
    return tuple(
        Figure(item.name, **item.metadata["figure"]) for item in event_fields(COUNT) if "figure" in item.metadata
    )


@functools.cache
def figure_names() -> tuple[str, ...]:
    return tuple(figure.name for figure in figures())


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
    "publication": N_("on the website"),
    "public_description": N_("public description"),
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
    # A guest's (name, form of address, position, organisation and notes as above).
    "seat": N_("seat"),
    "group": N_("guest group"),
    "email": N_("e-mail address"),
    "phone": N_("phone number"),
    "deputy_name": N_("deputy's name"),
    "deputy_position": N_("deputy's position"),
}
