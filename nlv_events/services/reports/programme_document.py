"""The event programme (chương trình) as a neutral document: the official A4 version and the public booklet."""

from __future__ import annotations

from itertools import groupby

from nlv_events.core import vocab, when
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry
from nlv_events.i18n import _, current_language
from nlv_events.i18n.formats import format_span_in_text, format_time, format_weekday_date
from nlv_events.printing import decree
from nlv_events.printing.model import Cell, Column, Document, Row, Run, Table, Text, line
from nlv_events.services.guests import titles

BOOKLET_SCALE = 0.82
_MARKED_ROLES = ("chair", "moderator", "host")  # printed before the name in the table, as programmes do


def title_of(record: EventRecord) -> str:
    if current_language() == "en" and record.title_en:
        return record.title_en
    return record.title


def time_cell(row: ProgrammeEntry) -> str:
    if not when.is_timed(row.start):
        return ""
    if row.end is not None and when.is_timed(row.end):
        return f"{format_time(row.start)} – {format_time(row.end)}"  # type: ignore[arg-type]
    return format_time(row.start)  # type: ignore[arg-type]


def person_line(person: PersonEntry) -> str:
    """ "Bà Nguyễn Thị Hạnh – Phó Trưởng phòng Phục vụ bạn đọc, Thư viện Quốc gia Việt Nam": the person with the
    position and the organisation recorded for them, as the protocol office writes it (its words once)."""
    name = f"{person.honorific} {person.name}" if person.honorific else person.name
    title = titles.title_line(person.position, person.organisation)
    return f"{name} – {title}" if title else name


def _people_cell(people: list[PersonEntry]) -> Cell:
    lines = []
    for person in people:
        runs: list[Run] = []
        if person.role in _MARKED_ROLES:
            runs.append(Run(_(vocab.PERSON_ROLES[person.role]) + ": ", italic=True))
        runs.append(Run(person_line(person)))
        lines.append(tuple(runs))
    return Cell(lines)


def _content_cell(row: ProgrammeEntry, venue: str | None) -> Cell:
    lines = [line(row.title)]
    if row.place and row.place != venue:
        lines.append(line(_("Place: {place}").format(place=row.place), italic=True))
    return Cell(lines)


def programme_table(record: EventRecord) -> Table:
    """Thời gian | Nội dung | Thành phần / Người thực hiện, under a heading per day when the event spans several."""
    columns = [
        Column(_("Time"), fit=True, align="center"),
        Column(_("Content"), weight=1.25),
        Column(_("Participants / presenters"), weight=1.0),
    ]
    rows: list[Row] = []
    days = [(day, list(items)) for day, items in groupby(record.programme, key=lambda row: when.day_of(row.start))]
    for day, items in days:
        if len(days) > 1:
            rows.append(Row([Cell.of(format_weekday_date(day), bold=True)], "heading", span=3, keep_with_next=True))
        for item in items:
            # A row continued on the next page says its time and its content again: "(tiếp)" under an empty
            # content cell left the reader to turn back to know whose list of people goes on.
            cells = [Cell.of(time_cell(item), "center"), _content_cell(item, record.venue), _people_cell(item.people)]
            rows.append(Row(cells, repeat=(0, 1)))
    return Table(columns, rows, continued=_("(continued)"))


def _heading(record: EventRecord) -> list[Text]:
    blocks = [Text(_("PROGRAMME"), "doc_type"), Text(title_of(record), "subject")]
    if record.theme:
        blocks.append(Text(_("Theme: “{theme}”").format(theme=record.theme), "info"))
    if record.occasion:
        blocks.append(Text(_("On the occasion of {occasion}").format(occasion=record.occasion), "note"))
    blocks.append(Text(_("Time: {dates}").format(dates=format_span_in_text(record.start, record.end)), "info"))
    if record.venue:
        blocks.append(Text(_("Venue: {venue}").format(venue=record.venue), "info"))
    if record.partners:
        partners = ", ".join(record.partners)
        blocks.append(Text(_("In partnership with: {partners}").format(partners=partners), "info"))
    if record.people:
        blocks.append(Text(_("Taking part:"), "section"))
        for person in record.people:
            role = vocab.label("person_role", person.role)
            blocks.append(Text((Run(f"– {person_line(person)} "), Run(f"({role})", italic=True)), "body"))
    return blocks


def official(record: EventRecord, options: decree.DecreeOptions | None = None) -> Document:
    """The A4 programme the office signs: the decree's header with number and date, the table, the signature
    and the recipients."""
    options = options or decree.DecreeOptions()
    return Document(
        title=title_of(record),
        blocks=[*_heading(record), programme_table(record)],
        page="a4",
        header=decree.header(options, "documents.programme_symbol"),
        signature=decree.signature(options),
    )


def public(record: EventRecord, organisation: str) -> Document:
    """The visitors' A5 booklet: the library's name, the heading and the table; no decree blocks."""
    return Document(
        title=title_of(record),
        blocks=[*_heading(record), programme_table(record)],
        page="a5",
        organisation_line=organisation,
        scale=BOOKLET_SCALE,
    )
