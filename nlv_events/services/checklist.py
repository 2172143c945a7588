"""The checklist of an exhibition (Danh mục tài liệu trưng bày) as plain data, for its PDF and XLSX renderers."""

from __future__ import annotations

from dataclasses import dataclass

from nlv_events.core import store
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ItemEntry, roman, type_label
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _
from nlv_events.services import exhibits


def headers() -> list[str]:
    """STT | tên tài liệu | tác giả | nhà xuất bản | năm | ký hiệu kho | số lượng | nguồn | ghi chú."""
    return [
        _("No."),
        _("Item title"),
        _("Author"),
        _("Publisher"),
        _("Year"),
        _("Call number"),
        _("Qty"),
        _("Source"),
        _("Notes"),
    ]


@dataclass
class ChecklistSection:
    number: str  # I, II, III
    title: str
    rows: list[tuple[int, ItemEntry]]  # (STT, running over the whole list; item)

    @property
    def total(self) -> int:
        return sum(item.quantity for _number, item in self.rows)


@dataclass
class Checklist:
    record: EventRecord
    sections: list[ChecklistSection]

    @property
    def total(self) -> int:
        return sum(section.total for section in self.sections)

    @property
    def titles(self) -> int:
        return sum(len(section.rows) for section in self.sections)


def own_stacks() -> str:
    """What the source column says for the library's own stacks ("Kho TVQG")."""
    return _("Library stacks")


def source(item: ItemEntry) -> str:
    return item.lender or own_stacks()


def publisher_line(item: ItemEntry) -> str:
    return ": ".join(part for part in (item.place, item.publisher) if part)


def note_line(item: ItemEntry) -> str:
    """The notes column: the type when not a book, the condition, then the note."""
    parts = [type_label(item.item_type) if item.item_type != "book" else "", item.condition or "", item.note or ""]
    return "; ".join(part for part in parts if part)


def build(event_id: int) -> Checklist:
    """The checklist of exhibition `event_id`; refused when it has no items yet."""
    exhibits.exhibition_or_error(event_id)
    data = exhibits.load(event_id)
    record = store.load_record(event_id)
    if not data.items:
        raise UserError(
            _(
                "The exhibition “{title}” has no items yet: add them in its Exhibition tab or import a catalogue file."
            ).format(title=record.title)
        )
    sections = []
    number = 0
    for index, section in enumerate(data.sections, start=1):
        rows = []
        for item in section.items:
            number += 1
            rows.append((number, item))
        sections.append(ChecklistSection(roman(index), section.title, rows))
    return Checklist(record=record, sections=sections)
