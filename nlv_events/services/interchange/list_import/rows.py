"""Reading one table of an event list: its header row, its sections, its subtotals and its events.

A header row is the first row (of the first 30) that names the events' title and their dates; what stands above
it is the title, where the year may be. Below it: a row of one text is a section ("I. TRIỂN LÃM": the kind of the
events until the next one), a row that starts "Cộng:" or "Tổng cộng" is a subtotal (skipped: the tallies count),
a row of column numbers ("(1) (2) (3)") is skipped, and every other row is an event, or an unreadable row with
its number and the reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from nlv_events.core import rules, when, written_dates
from nlv_events.core.errors import ValidationError
from nlv_events.core.records import EventRecord, figure_names
from nlv_events.core.text import clean, fold
from nlv_events.i18n import _, in_every_language
from nlv_events.services.interchange.list_import import columns as meaning
from nlv_events.services.interchange.list_import.sources import SourceTable

HEADER_SEARCH_ROWS = 30
_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+|[A-Z]|[0-9]{1,2})\s*[.)/]\s*")
_COLUMN_NUMBER = re.compile(r"\(?[0-9]{1,2}\)?")
_SUBTOTAL_WORDS = ("cong", "tong cong", "tong so", "tong", "subtotal", "total", "sum")


@dataclass
class ListRow:
    number: int  # the row's number in its table (the sheet's row number in a workbook)
    table: str
    record: EventRecord


@dataclass
class Unreadable:
    number: int
    table: str
    reason: str

    def __str__(self) -> str:
        return _("{table}, row {row}: {reason}").format(table=self.table, row=self.number, reason=self.reason)


@dataclass
class ReadTable:
    name: str
    headers: list[str]
    columns: dict[int, str]  # column index → meaning
    year: int | None
    status: str | None = None  # every event's, when the table says it (the cancelled ones)
    rows: list[ListRow] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def shown(value: object) -> str:
    """A cell as text, as the preview shows it."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return when.to_iso(written_dates.from_cell(value)) or ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(value)


def _columns(headers: list[str], overrides: dict[int, str]) -> dict[int, str]:
    """The meaning of each column: as its header names it, unless the user chose another (NONE: left out)."""
    columns = meaning.recognise(headers)
    for column, chosen in overrides.items():
        columns.pop(column, None)
        if chosen:
            columns = {key: value for key, value in columns.items() if value != chosen}
            columns[column] = chosen
    return dict(sorted(columns.items()))


def header_row(rows: list[list[object]], overrides: dict[int, str] | None = None) -> int | None:
    """The index of the header row: the first that names a title and dates (or a start), with the user's choices."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        headers = [shown(cell) for cell in row]
        # the meanings of the row's filled cells only: a title above the header is one cell, not a header
        found = {name for column, name in _columns(headers, overrides or {}).items() if headers[column:column + 1]
                 not in ([], [""])}
        if "title" in found and found & {"dates", "start"}:
            return index
    return None


@functools.cache
def _subtotal() -> re.Pattern[str]:
    """A subtotal's first cell, folded: "Cộng: 20 sự kiện", "Tổng cộng", "Cộng (không tính…)", "Total 20"."""
    words = {fold(word) for label in ("Subtotal", "Total") for word in in_every_language(label)} | set(_SUBTOTAL_WORDS)
    return re.compile("(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\s*(?::|\(|[0-9]|$)")


def _is_subtotal(text: str) -> bool:
    return _subtotal().match(fold(text)) is not None


def _section_kind(text: str) -> str | None:
    """The kind a section heading names ("I. TRIỂN LÃM", "II. HỘI NGHỊ, HỘI THẢO"), or None."""
    bare = _NUMBERING.sub("", text)
    return meaning.code_of(meaning.kinds(), bare)


def _is_section(text: str) -> bool:
    """A row's one text heads a section when it is numbered ("II."), in capitals, or names a kind."""
    return bool(_NUMBERING.match(text)) or text.isupper() or _section_kind(text) is not None or (
        _is_continuing_heading(text))


def _is_continuing_heading(text: str) -> bool:
    """The year-end list's group of exhibitions opened in an earlier year: listed there, counted in their own."""
    heading = "EXHIBITIONS CONTINUING FROM EARLIER YEARS (not in the year's total)"
    return any(fold(text).startswith(fold(said).split(" (")[0]) for said in in_every_language(heading))


def read_table(source: SourceTable, year: int | None, overrides: dict[int, str] | None = None) -> ReadTable | None:
    """The events of `source`, or None when it has no header row (a summary sheet, a signature's table)."""
    index = header_row(source.rows, overrides)
    if index is None:
        return None
    headers = [shown(cell) for cell in source.rows[index]]
    columns = _columns(headers, overrides or {})
    title = " ".join([*source.above, *(shown(cell) for row in source.rows[:index] for cell in row)])
    # the year of dates written without one: --year, else the title above the header, else the sheet's (or file's)
    # name ("Năm 2021", "danh-muc-2021.csv")
    year = year or written_dates.year_in_title(title) or written_dates.year_in_title(source.name)
    table = ReadTable(source.name, headers, columns, year, source.status)
    _read_rows(table, source.rows, index)
    return table


def _read_rows(table: ReadTable, rows: list[list[object]], header: int) -> None:
    kind: str | None = None
    skipping = False
    header_key = [fold(text) for text in table.headers]
    for number, cells in enumerate(rows[header + 1 :], start=header + 2):
        texts = [shown(cell) for cell in cells]
        filled = [text for text in texts if text]
        if not filled or [fold(text) for text in texts] == header_key:
            continue
        if len(filled) >= 3 and all(_COLUMN_NUMBER.fullmatch(text) for text in filled):
            continue  # the row of column numbers under a header
        if _is_subtotal(filled[0]):
            continue
        if len(filled) == 1 and _is_section(filled[0]) and not any(isinstance(cell, dt.date) for cell in cells):
            skipping = _is_continuing_heading(filled[0])
            kind = None if skipping else _section_kind(filled[0])
            if kind is None and not skipping:
                kind = "other"
                table.notices.append(_("{table}, row {row}: the section “{text}” names no kind of event; its events "
                                       "are stored as “Other”.").format(table=table.name, row=number, text=filled[0]))
            continue
        if skipping:
            continue
        record, reasons = _record(table, cells, kind)
        if reasons:
            table.unreadable.append(Unreadable(number, table.name, "; ".join(reasons)))
        else:
            table.rows.append(ListRow(number, table.name, record))  # type: ignore[arg-type]


def _cell(cells: list[object], columns: dict[int, str], wanted: str) -> object:
    for index, name in columns.items():
        if name == wanted:
            return cells[index] if index < len(cells) else None
    return None


def _moment(value: object, year: int | None, end: bool = False) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return written_dates.from_cell(value)
    start, last = written_dates.parse_span(shown(value), year)
    return (last or start) if end else start


def _one_line(value: object) -> str:
    return " ".join(shown(value).split())


def _record(table: ReadTable, cells: list[object], section_kind: str | None) -> tuple[EventRecord | None, list[str]]:
    """The event a row holds, or the reasons it cannot be read."""
    reasons: list[str] = []
    columns = table.columns

    def value(name: str) -> object:
        return _cell(cells, columns, name)

    title = _one_line(value("title"))
    if not title:
        reasons.append(_("the event's name is missing."))
    kind = section_kind or "other"
    if shown(value("kind")):
        kind = meaning.code_of(meaning.kinds(), shown(value("kind"))) or ""
        if not kind:
            reasons.append(_("“{text}” is not a kind of event.").format(text=shown(value("kind"))))
    start = end = None
    try:
        if "dates" in columns.values():
            start, end = _dates(value("dates"), table.year)
        else:
            start, end = _moment(value("start"), table.year), _moment(value("end"), table.year, end=True)
        if start is None:
            reasons.append(_("the date is missing."))
    except written_dates.UnreadableDate as error:
        reasons.append(str(error))
    codes = {}
    for name, words, default in (("role", meaning.roles(), "organiser"), ("format", meaning.formats(), "onsite")):
        text = _one_line(value(name))
        codes[name] = meaning.code_of(words, text) if text else default
        if codes[name] is None:
            reasons.append(_("“{text}” is not a {field}.").format(text=text, field=rules.field_label(name)))
    figures: dict[str, int | None] = {}
    for name in figure_names():
        try:
            figures[name] = meaning.count(value(name))
        except ValueError:
            reasons.append(_("“{text}” is not a number.").format(text=shown(value(name))))
    if reasons:
        return None, reasons
    record = EventRecord(
        kind=kind, title=title, start=start, end=end, venue=_one_line(value("venue")) or None,  # type: ignore[arg-type]
        role=codes["role"], format=codes["format"], partners=meaning.partners(shown(value("partners"))),
        notes=shown(value("notes")) or None, status=table.status or _status(end or start), **figures,  # type: ignore[arg-type]
    )
    return record, _rule_breaks(record)


def _dates(value: object, year: int | None) -> tuple[dt.date | None, dt.date | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.date):
        return written_dates.from_cell(value), None
    return written_dates.parse_span(shown(value), year)


def _status(last: dt.date | None) -> str:
    """An event of a past list was held; one still to come (a list made ahead) is planned."""
    return "held" if last is not None and when.day_of(last) < dt.date.today() else "planned"


def _rule_breaks(record: EventRecord) -> list[str]:
    """The store's rules on the row's event (lengths, characters, dates 1900–2100), as the row's reasons."""
    try:
        return [error.message for error in rules.problems(record)]
    except ValidationError as error:  # pragma: no cover - problems() collects rather than raises
        return [error.message]
