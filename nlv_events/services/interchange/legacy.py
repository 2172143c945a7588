"""Texts of an interchange file typed in an old 8-bit Vietnamese encoding (TCVN3, VNI): found, described and,
once the user says so, converted before the import."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nlv_events.core import legacy_text
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord, typed_text_fields
from nlv_events.i18n import _, ngettext
from nlv_events.services.interchange.parts import dotted

# Only named here: reading loads every feature's part of the format, which the window's start does not need.
if TYPE_CHECKING:
    from nlv_events.services.interchange.reading import Document


@dataclass
class LegacyText:
    """One text of a file that reads as an old 8-bit encoding, with where it is and what it would become."""

    where: str
    text: str
    encoding: str
    converted: str
    apply: Callable[[str], None]


# A text found: where it is (its path in the file, rows counted from 0, named only then: see `dotted`), the text,
# its encoding, and the object and attribute or item that holds it (see `_setter`).
Found = tuple[tuple[object, ...], str, str, object, str | int]
_PERSON_TEXTS = ("name", "honorific", "position", "organisation")


def _found_in(record: EventRecord) -> Iterator[Found]:
    """Every text of `record` a user typed that reads as an old encoding. A file holds some 25 texts an event, two
    and a half million in a large one, and nearly none is old: each is only asked `detect`, and its place is named
    only when it is found (naming every place took 0.3 s of the 1 s search of a 100 000-event file)."""
    detect = legacy_text.detect
    for name in typed_text_fields():
        value = getattr(record, name)
        if (encoding := detect(value)) is not None:
            yield (name,), value, encoding, record, name
    for index, partner in enumerate(record.partners):
        if (encoding := detect(partner)) is not None:
            yield ("partners", index), partner, encoding, record.partners, index
    for number, row in enumerate(record.programme):
        for name in ("title", "place"):
            if (encoding := detect(value := getattr(row, name))) is not None:
                yield ("programme", number, name), value, encoding, row, name
    groups: list[tuple[tuple[object, ...], list]] = [((), record.people)]
    groups += [(("programme", number), row.people) for number, row in enumerate(record.programme)]
    for within, people in groups:
        for number, person in enumerate(people):
            for name in _PERSON_TEXTS:
                if (encoding := detect(value := getattr(person, name))) is not None:
                    yield (*within, "people", number, name), value, encoding, person, name


def _setter(owner: object, key: str | int) -> Callable[[str], None]:
    """What puts a converted text in its slot; made only for a text found (a file holds half a million)."""
    if isinstance(key, int):
        return lambda value: owner.__setitem__(key, value)  # type: ignore[attr-defined]
    return lambda value: setattr(owner, key, value)


def find_legacy_text(document: Document) -> list[LegacyText]:
    """Every text of `document` typed in TCVN3 or VNI; nothing is changed."""
    found = []
    for number, record in enumerate(document.events, start=1):
        for parts, value, encoding, owner, slot in _found_in(record):
            where = _("event {number}, field “{field}”").format(number=number, field=dotted(parts))
            converted = legacy_text.to_unicode(value, encoding)
            found.append(LegacyText(where, value, encoding, converted, _setter(owner, slot)))
    return found


def describe_legacy_text(found: list[LegacyText]) -> str:
    """What the user is asked about, the same in the window and on the command line."""
    first = found[0]
    return ngettext(
        "{count} text looks typed in an old Vietnamese encoding ({encodings}), e.g. {where}: “{text}” would become "
        "“{converted}”.",
        "{count} texts look typed in an old Vietnamese encoding ({encodings}), e.g. {where}: “{text}” would become "
        "“{converted}”.",
        len(found),
    ).format(
        count=len(found),
        encodings=", ".join(sorted({legacy_text.ENCODING_NAMES[item.encoding] for item in found})),
        where=first.where,
        text=first.text[:40],
        converted=first.converted[:40],
    )


def convert_legacy_text(found: list[LegacyText]) -> int:
    """Convert what `find_legacy_text` found, once the user has said yes; returns how many texts changed."""
    for item in found:
        item.apply(item.converted)
    return len(found)


class LegacyTextError(UserError):
    """The file holds text in an old encoding and the user has not (yet) said to convert it."""


def handle_legacy_text(document: Document, convert: bool) -> int:
    """The command line's answer to the question: convert with --convert-legacy, else refuse the file saying where.
    Returns how many texts were converted."""
    found = find_legacy_text(document)
    if not found:
        return 0
    if not convert:
        raise LegacyTextError(describe_legacy_text(found))
    return convert_legacy_text(found)
