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


Slot = tuple[str, str | None, object, str | int]


def _text_slots(record: EventRecord) -> Iterator[Slot]:
    """(place, text, owner, key) of every text of `record` a user typed: the text is `owner`'s attribute or item
    `key` (see `_setter`)."""
    for name in typed_text_fields():
        yield name, getattr(record, name), record, name
    for index, partner in enumerate(record.partners):
        yield f"partners[{index + 1}]", partner, record.partners, index
    groups = [("people", record.people)]
    for number, row in enumerate(record.programme, start=1):
        yield f"programme[{number}].title", row.title, row, "title"
        yield f"programme[{number}].place", row.place, row, "place"
        groups.append((f"programme[{number}].people", row.people))
    for prefix, people in groups:
        for number, person in enumerate(people, start=1):
            for name in ("name", "honorific", "position", "organisation"):
                yield f"{prefix}[{number}].{name}", getattr(person, name), person, name


def _setter(owner: object, key: str | int) -> Callable[[str], None]:
    """What puts a converted text in its slot; made only for a text found (a file holds half a million)."""
    if isinstance(key, int):
        return lambda value: owner.__setitem__(key, value)  # type: ignore[attr-defined]
    return lambda value: setattr(owner, key, value)


def find_legacy_text(document: Document) -> list[LegacyText]:
    """Every text of `document` typed in TCVN3 or VNI; nothing is changed."""
    found = []
    for number, record in enumerate(document.events, start=1):
        for key, value, owner, slot in _text_slots(record):
            encoding = legacy_text.detect(value)
            if encoding is not None:
                where = _("event {number}, field “{field}”").format(number=number, field=key)
                converted = legacy_text.to_unicode(value, encoding)  # type: ignore[arg-type]
                found.append(LegacyText(where, value, encoding, converted, _setter(owner, slot)))  # type: ignore[arg-type]
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
