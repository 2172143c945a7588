"""What reading a catalogue file gives before anything is stored: the items, the records that cannot be read and
why, and notes on what was read with doubts."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlv_events.core import exhibit_records, text
from nlv_events.core.errors import ValidationError
from nlv_events.core.exhibit_records import ItemEntry
from nlv_events.i18n import _


@dataclass
class PreviewEntry:
    number: int  # record number in the file, or row number of the sheet
    item: ItemEntry
    section: str | None = None


@dataclass
class Problem:
    number: int
    reason: str


@dataclass
class Preview:
    path: str
    file_format: str
    entries: list[PreviewEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # the file as a whole: what the reader warned about

    @property
    def complete(self) -> bool:
        return not self.problems


def accept(preview: Preview, number: int, item: ItemEntry, section: str | None = None) -> None:
    """Add `item` to the preview, or its record to the problems when it is not a valid item."""
    exhibit_records.clean_item(item)
    try:
        exhibit_records.validate_item(item, _("Record {number}").format(number=number))
    except ValidationError as error:
        preview.problems.append(Problem(number, error.message))
        return
    preview.entries.append(PreviewEntry(number, item, text.clean_or_none(section)))
