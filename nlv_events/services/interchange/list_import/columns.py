"""What each column of an office's event list means, told from its header, and its cells read as the store's values.

The header texts are the ones the app itself writes (the year-end list's and the tallies workbook's column
headings, in every language) plus the ones offices write; the kinds, formats and roles are read from the labels
core/vocab.py and the year-end list declare, so a list the app printed reads back without a second list of words.
"""

from __future__ import annotations

import functools
import re

from nlv_events.core import sheets, vocab
from nlv_events.core.text import clean
from nlv_events.i18n import N_, in_every_language
from nlv_events.services.reports.year_list_document import SHORT_ROLES

NONE = ""  # a column left out
# Every meaning a column may have, with the label the preview shows (msgid), in the order a list reads.
MEANINGS: dict[str, str] = {
    "number": N_("No."),
    "kind": N_("Kind"),
    "title": N_("Title"),
    "dates": N_("Dates"),
    "start": N_("Start"),
    "end": N_("End"),
    "venue": N_("Venue"),
    "role": N_("Role of the library"),
    "partners": N_("Partners"),
    "format": N_("Format"),
    "attendance": N_("Attendance"),
    "online_views": N_("Online views"),
    "items_displayed": N_("Items displayed"),
    "notes": N_("Notes"),
}
# The headings the app writes for a meaning besides its label above (msgids: every language's words are added).
_APP_HEADINGS: dict[str, tuple[str, ...]] = {
    "title": (N_("Event"),),
    "role": (N_("Role"),),
}
# Header texts as offices write them (any accents, any case, any punctuation).
_OFFICE_HEADINGS: dict[str, tuple[str, ...]] = {
    "number": ("STT", "TT", "Số TT", "Số thứ tự", "No", "Number"),
    "kind": ("Loại sự kiện", "Loại hình", "Kind of event", "Type"),
    "title": ("Tên sự kiện", "Sự kiện", "Tên hoạt động", "Tên chương trình", "Nội dung", "Tên", "Event name",
              "Name"),
    "dates": ("Thời gian", "Ngày", "Thời gian tổ chức", "Ngày tổ chức", "Date", "Dates", "When"),
    "start": ("Ngày bắt đầu", "Từ ngày", "Start date"),
    "end": ("Ngày kết thúc", "Đến ngày", "End date"),
    "venue": ("Địa điểm", "Địa điểm tổ chức", "Nơi tổ chức", "Place", "Location"),
    "role": ("Chủ trì/Phối hợp", "Vai trò của Thư viện", "Vai trò", "Chủ trì", "Library's role"),
    "partners": ("Đơn vị phối hợp", "Cơ quan phối hợp", "Đối tác", "Partner", "Partner organisations"),
    "format": ("Hình thức", "Hình thức tổ chức", "Mode"),
    "attendance": ("Số lượt tham dự", "Lượt tham dự", "Số người tham dự", "Số lượng người tham dự", "Attendees"),
    "online_views": ("Lượt xem trực tuyến", "Số lượt xem trực tuyến", "Views online"),
    "items_displayed": ("Tài liệu trưng bày", "Số tài liệu trưng bày", "Số lượng tài liệu trưng bày", "Items"),
    "notes": ("Ghi chú", "Note", "Remarks"),
}


@functools.cache
def _aliases() -> dict[str, tuple[str, ...]]:
    aliases: dict[str, tuple[str, ...]] = {}
    for meaning, label in MEANINGS.items():
        said = [text for message in (label, *_APP_HEADINGS.get(meaning, ())) for text in in_every_language(message)]
        aliases[meaning] = (*said, *_OFFICE_HEADINGS.get(meaning, ()))
    return aliases


def meaning_of(header: object) -> str | None:
    """The meaning a header names ("Tên sự kiện" → title, "Số lượt tham dự" → attendance), or None."""
    return sheets.header_meaning(header, _aliases())  # the same in every language: made once


def recognise(headers: list[str]) -> dict[int, str]:
    """Column index → meaning, each meaning once (its first column)."""
    found: dict[int, str] = {}
    for index, header in enumerate(headers):
        meaning = meaning_of(header)
        if meaning and meaning not in found.values():
            found[index] = meaning
    return found


def _words(table: dict[str, str], extra: dict[str, str] | None = None) -> dict[str, str]:
    """Header key of each label of `table` in every language (and of `extra`'s words) → code."""
    words = {sheets.header_key(text): code for code, label in table.items() for text in in_every_language(label)}
    words.update({sheets.header_key(text): code for text, code in (extra or {}).items()})
    return words


@functools.cache
def kinds() -> dict[str, str]:
    """The words of each kind of event (as a section heading or a kind column writes it) → its code."""
    return _words(vocab.KINDS, {"Hội nghị, hội thảo": "conference", "Tọa đàm": "talk", "Hội thảo": "conference",
                                "Hội nghị": "conference", "Tập huấn, bồi dưỡng": "training"})


@functools.cache
def formats() -> dict[str, str]:
    return _words(vocab.FORMATS, {"Trực tiếp và trực tuyến": "hybrid", "Offline": "onsite", "Kết hợp trực tiếp và "
                                  "trực tuyến": "hybrid"})


@functools.cache
def roles() -> dict[str, str]:
    short = {text: code for code, label in SHORT_ROLES.items() for text in in_every_language(label)}
    return _words(vocab.ROLES, {**short, "Chủ trì tổ chức": "organiser", "Phối hợp": "co_organiser"})


def code_of(words: dict[str, str], text: str) -> str | None:
    """The code `text` names in `words` (a table of kinds(), formats() or roles()), or None."""
    return words.get(sheets.header_key(text))


_GROUPED = re.compile(r"[0-9]{1,3}(?:[.,  ][0-9]{3})+")


def count(value: object) -> int | None:
    """A figure: a number cell, or text with dot, comma or space grouping ("4.200", "4,200", "4 200"); None when
    empty. Raises ValueError for anything else (a fraction, words)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        return int(value)
    text = clean(value)
    if not text:
        return None
    if text.isdigit() or _GROUPED.fullmatch(text):
        return int(re.sub(r"[^0-9]", "", text))
    raise ValueError(text)


_PARTNER_BREAKS = re.compile(r"\s*(?:[,;\n]|\r\n?)\s*")


def partners(text: str) -> list[str]:
    """The partners of a cell: separated by commas, semicolons or line breaks."""
    return [name for name in (clean(part) for part in _PARTNER_BREAKS.split(text)) if name]
