"""Duplicating an event to a chosen year: dates moved by whole years, year numbers and counts proposed for update."""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass

from nlv_events.core.exhibit_records import roman
from nlv_events.core.records import REWRITE, EventRecord, copied_as
from nlv_events.services.events import copying
from nlv_events.services.planning import commemorations

# The texts that name the year or count the editions (declared REWRITE in core/records.py); people's names and the
# notes are left alone.
TEXT_FIELDS = copied_as(REWRITE)
# "năm 2022", "2022" alone: years near the event's own (a founding year such as 1972 in "1972–2022" stays).
_YEAR = re.compile(r"(?<!\d)((?:19|20|21)\d\d)(?!\d)")
# "lần thứ 9", "lần thứ IX" (Roman numerals, common in conference titles: capitals only), "lần thứ tư", "Kỷ niệm 92
# năm" (any case, with or without accents), "92nd anniversary", "the 9th".
_COUNTS = (
    re.compile(
        r"(?i)(l[ầâa]n\s+th[ứưu]\s+)(\d{1,3}|nhất|nhat|hai|ba|tư|tu|(?-i:[IVXLC]+))(?!\w)(?!\s+m[ưươuờo]+[iì])"
    ),
    re.compile(r"(?i)(k[ỷỉyi]\s+ni[ệêe]m\s+)(\d{1,3})(\s+n[ăa]m)"),
    re.compile(r"(?i)(?<!\d)(\d{1,3})(st|nd|rd|th)(\s+anniversary)"),
)


@dataclass
class TextChange:
    """One proposed rewrite of one text: `where` is a field name, or "programme" with the row's index."""

    where: str
    before: str
    after: str
    row: int | None = None
    apply: bool = True


def _ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


# The first editions are written in words ("lần thứ nhất" … "lần thứ tư"), as commemorations.heading writes them.
_EDITION_WORDS = {"nhất": 1, "nhat": 1, "hai": 2, "ba": 3, "tư": 4, "tu": 4}


# Roman numerals as the checklist writes its parts (I … CCCXCIX): a numeral written otherwise ("IIII") is left alone.
_ROMAN = {roman(number): number for number in range(1, 400)}


def _edition(count: str, years: int) -> str:
    if count.isdigit():
        return str(int(count) + years)
    if count in _ROMAN:
        return roman(max(1, _ROMAN[count] + years))
    if count.lower() not in _EDITION_WORDS:
        return count
    words = commemorations.vietnamese_ordinal(_EDITION_WORDS[count.lower()] + years)
    return words.upper() if count.isupper() else words


def rewrite(text: str, from_year: int, years: int) -> str:
    """`text` with the years near `from_year` and the counts of editions and anniversaries moved by `years`."""

    def year(match: re.Match) -> str:
        value = int(match.group(1))
        return str(value + years) if abs(value - from_year) <= 1 else match.group(1)

    result = _YEAR.sub(year, text)
    result = _COUNTS[0].sub(lambda m: f"{m.group(1)}{_edition(m.group(2), years)}", result)
    result = _COUNTS[1].sub(lambda m: f"{m.group(1)}{int(m.group(2)) + years}{m.group(3)}", result)

    def anniversary(match: re.Match) -> str:
        number = int(match.group(1)) + years
        return f"{number}{_ordinal_suffix(number)}{match.group(3)}"

    return _COUNTS[2].sub(anniversary, result)


def duplicate_to_year(record: EventRecord, year: int) -> tuple[EventRecord, list[TextChange]]:
    """A planned copy of `record` in `year` (dates and programme moved by whole years, last year's figures
    cleared) with its texts as they were, and the rewrites of year numbers and counts proposed for its texts."""
    years = year - record.start.year
    twin = copying.duplicate_to_next_year(record, years, rename=False)
    changes: list[TextChange] = []
    if years == 0:
        return twin, changes
    for name in TEXT_FIELDS:
        text = getattr(twin, name)
        if text:
            after = rewrite(text, record.start.year, years)
            if after != text:
                changes.append(TextChange(name, text, after))
    for index, row in enumerate(twin.programme):
        after = rewrite(row.title, record.start.year, years)
        if after != row.title:
            changes.append(TextChange("programme", row.title, after, index))
    return twin, changes


def apply_changes(record: EventRecord, changes: list[TextChange]) -> EventRecord:
    """A copy of `record` with the ticked `changes` made."""
    result = copy.deepcopy(record)
    for change in changes:
        if not change.apply:
            continue
        if change.where == "programme" and change.row is not None:
            if result.programme[change.row].title == change.before:
                result.programme[change.row].title = change.after
        elif getattr(result, change.where) == change.before:
            setattr(result, change.where, change.after)
    return result


def default_year(record: EventRecord) -> int:
    """Next year: how Book Day and the yearly conferences are planned."""
    start = record.start
    return (start.year if isinstance(start, dt.date) else dt.date.today().year) + 1
