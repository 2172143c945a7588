"""The checklist of an exhibition (Danh mục tài liệu trưng bày) as plain data, for its PDF and XLSX renderers."""

from __future__ import annotations

from dataclasses import dataclass

from nlv_events.core import event_reading
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ItemEntry, roman, type_label
from nlv_events.core.records import EventRecord
from nlv_events.i18n import N_, _
from nlv_events.i18n.formats import format_number, format_span
from nlv_events.printing.model import Cell, Column, Document, HeaderBlock, Row, Table, Text
from nlv_events.services.exhibits import structure

# STT | tên tài liệu | tác giả | nhà xuất bản | năm | ký hiệu kho | số lượng | nguồn | ghi chú
_HEADERS = (N_("No."), N_("Item title"), N_("Author"), N_("Publisher"), N_("Year"), N_("Call number"), N_("Qty"),
            N_("Source"), N_("Notes"))  # fmt: skip


def headers() -> list[str]:
    """The checklist's column headings, in the language in force."""
    return [_(heading) for heading in _HEADERS]


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
    structure.exhibition_or_error(event_id)
    data = structure.load(event_id)
    record = event_reading.load_record(event_id)
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


def columns() -> list[Column]:
    """The checklist's columns: figures, years and call numbers as wide as their longest (a call number never
    breaks), the texts sharing the rest."""
    no, title, author, publisher, year, call_number, quantity, source_, notes = headers()
    return [
        Column(no, fit=True, align="center"),
        Column(title, weight=1.0),
        Column(author, weight=1.0),
        Column(publisher, weight=1.3),  # "Chính trị Quốc gia Sự thật" in two lines, not four
        Column(year, narrow=True, align="center"),  # "1954", or "1954–1975" over two lines
        Column(call_number, fit=True),
        Column(quantity, fit=True, align="center"),
        Column(source_, weight=1.0),
        Column(notes, weight=1.2),
    ]


TOTAL_SPAN = 6  # a total's label spans STT … Ký hiệu kho; its figure stands under SL


def _total_row(label: str, total: int) -> Row:
    return Row([Cell.of(label), Cell.of(format_number(total), "center"), Cell(), Cell()], "total", span=TOTAL_SPAN)


def _item_row(number: int, item: ItemEntry) -> Row:
    return Row(
        [
            Cell.of(str(number), "center"),
            Cell.of(item.title),
            Cell.of(item.creator),
            Cell.of(publisher_line(item)),
            Cell.of(item.year, "center"),
            Cell.of(item.call_number),
            Cell.of(str(item.quantity), "center"),
            Cell.of(source(item)),
            Cell.of(note_line(item)),
        ]
    )


def table(checklist: Checklist) -> Table:
    """One table for the whole list: each part a heading row (kept with its first item) and its subtotal (kept
    with its last), then the grand total. One table, so the header row stands once at the top of every page and
    never in the middle of one where a part begins."""
    rows: list[Row] = []
    for section in checklist.sections:
        heading = _("Part {number}. {title}").format(number=section.number, title=section.title)
        rows.append(Row([Cell.of(heading)], "heading", span=len(headers()), keep_with_next=True))
        rows += [_item_row(number, item) for number, item in section.rows]
        rows[-1].keep_with_next = True
        rows.append(_total_row(_("Total of part {number}").format(number=section.number), section.total))
    rows[-1].keep_with_next = True  # the last subtotal stays with the grand total
    rows.append(_total_row(_("Grand total"), checklist.total))
    return Table(columns(), rows, continued=_("(continued)"))


def document(checklist: Checklist, header: HeaderBlock | None = None) -> Document:
    """The checklist as a neutral document (A4 landscape, the decree's header without a number): the title, the
    exhibition, its dates and venue, the table and the closing line, which travels with the table's last rows."""
    record = checklist.record
    blocks: list = [
        Text(_("LIST OF ITEMS ON DISPLAY"), "doc_type"),
        Text(_("Exhibition “{title}”").format(title=record.title), "subject"),
        Text(_("Time: {dates}").format(dates=format_span(record.start, record.end)), "info"),
    ]
    if record.venue:
        blocks.append(Text(_("Venue: {venue}").format(venue=record.venue), "info"))
    summary = _("In all: {items} items ({titles} titles) in {sections} parts.").format(
        items=format_number(checklist.total),
        titles=format_number(checklist.titles),
        sections=len(checklist.sections),
    )
    blocks += [table(checklist), Text(summary, "body")]
    return Document(title=_("List of items on display"), blocks=blocks, page="a4-landscape", header=header)
