"""Plain data for an event as the rules, the interchange file and the editor see it (no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from nlv_events.i18n import N_


@dataclass
class PersonEntry:
    name: str
    role: str = "participant"
    honorific: str | None = None
    position: str | None = None
    organisation: str | None = None


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


@dataclass
class EventRecord:
    kind: str
    title: str
    start: dt.date
    end: dt.date | None = None
    ref: str | None = None
    title_en: str | None = None
    theme: str | None = None
    occasion: str | None = None
    venue: str | None = None
    format: str = "onsite"
    status: str = "planned"
    role: str = "organiser"
    partners: list[str] = field(default_factory=list)
    audience: str = "all"
    attendance: int | None = None
    online_views: int | None = None
    items_displayed: int | None = None
    description: str | None = None
    notes: str | None = None
    news_url: str | None = None
    people: list[PersonEntry] = field(default_factory=list)
    programme: list[ProgrammeEntry] = field(default_factory=list)
    id: int | None = None
    version: int | None = None


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
