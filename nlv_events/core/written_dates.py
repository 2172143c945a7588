"""Dates as Vietnamese offices write them in their lists, read into the store's moments (core/when.py).

core/when.py reads the app's own ISO form and nothing else; an office's old list says "15/06 – 05/07/2022",
"Tháng 3/2022" or "08h30, 26/12/2022". This module is the one reader of those forms (day first, always), used by
the import of past years' lists; it never guesses a month-first date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from nlv_events.core.text import fold
from nlv_events.i18n import _

# The words and signs between the two ends of a span.
_SPAN = re.compile(r"\s*(?:[–—−-]|\bden\b|\bto\b)\s*")
_TIME = re.compile(r"(?P<hour>[0-9]{1,2})\s*[h:]\s*(?P<minute>[0-9]{2})?(?:\s*(?:p|phut))?", re.ASCII)
_DAY = re.compile(r"(?P<day>[0-9]{1,2})\s*[/.-]\s*(?P<month>[0-9]{1,2})(?:\s*[/.-]\s*(?P<year>[0-9]{4}))?", re.ASCII)
_MONTH = re.compile(r"^(?:thang|month)\s*(?P<month>[0-9]{1,2})\s*[/.-]\s*(?P<year>[0-9]{4})$", re.ASCII)
# What may stand around a date without meaning anything: "ngày", "từ", commas, "(dự kiến)" is not among them.
_FILLER = re.compile(r"\b(?:ngay|tu|from|luc|vao)\b|[,;]", re.ASCII)


class UnreadableDate(ValueError):
    """The text is no date this module reads; its message says why, for the row's reason."""


def _clock(text: str) -> tuple[dt.time | None, str]:
    """The first time of day in `text` ("08h30", "8h", "08:30") and the text without it."""
    match = _TIME.search(text)
    if match is None:
        return None, text
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    if hour > 23 or minute > 59:
        raise UnreadableDate(_("“{text}” is not a time of day.").format(text=match.group(0)))
    return dt.time(hour, minute), text[: match.start()] + " " + text[match.end() :]


def _day(text: str, year: int | None, original: str) -> tuple[int, int, int | None]:
    match = _DAY.fullmatch(text.strip())
    if match is None:
        raise UnreadableDate(_("“{text}” is not a date such as 20/01/2022.").format(text=original))
    return int(match.group("day")), int(match.group("month")), int(match.group("year")) if match.group("year") else year


def _date(day: int, month: int, year: int | None, original: str) -> dt.date:
    if year is None:
        raise UnreadableDate(
            _("“{text}” gives no year: give it in the date, in the list's title or with --year.").format(text=original)
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise UnreadableDate(_("“{text}” is not a day of the calendar.").format(text=original)) from None


def _with_time(day: dt.date, time: dt.time | None) -> dt.date:
    return dt.datetime.combine(day, time) if time is not None else day


def _month(folded: str, original: str) -> tuple[dt.date, None] | None:
    match = _MONTH.match(folded)
    if match is None:
        return None
    month, year = int(match.group("month")), int(match.group("year"))
    if not 1 <= month <= 12:
        raise UnreadableDate(_("“{text}” is not a month.").format(text=original))
    calendar.monthrange(year, month)  # the month exists
    return dt.date(year, month, 1), None


def parse_span(text: str, year: int | None = None) -> tuple[dt.date, dt.date | None]:
    """The start and end of what a list writes in its dates column: "20/01/2022", "15/06 – 05/07/2022",
    "18/12/2022 – 15/01/2023", "Tháng 3/2022" (the first of the month, no end), "08h30, 26/12/2022",
    "08:00–11:30 26/12/2022" (the app's own list). A date without its year takes the end's year, else `year`; a
    start after its end in such a span is in the year before ("18/12 – 15/01/2023"). Raises UnreadableDate."""
    original = " ".join(text.split())
    folded = fold(original).replace("–", "-").replace("—", "-")
    if not folded:
        raise UnreadableDate(_("the date is missing."))
    month = _month(folded, original)
    if month is not None:
        return month
    folded = _FILLER.sub(" ", folded)
    start_time, folded = _clock(folded)
    end_time, folded = _clock(folded) if start_time is not None else (None, folded)
    folded = folded.strip(" -")
    parts = [part for part in _SPAN.split(folded) if part.strip()] if _SPAN.search(folded) else [folded]
    if len(parts) > 2:
        raise UnreadableDate(_("“{text}” is not a date such as 20/01/2022.").format(text=original))
    if len(parts) == 1:  # one day, perhaps with the hours "08:00–11:30"
        day, month_number, day_year = _day(parts[0], year, original)
        first = _date(day, month_number, day_year, original)
        end = _with_time(first, end_time) if end_time is not None else None
        return _with_time(first, start_time), end
    last_day, last_month, last_year = _day(parts[1], year, original)
    first_day, first_month, first_year = _day(parts[0], None, original)
    if first_year is None and last_year is not None:
        first_year = last_year - 1 if (first_month, first_day) > (last_month, last_day) else last_year
    start = _date(first_day, first_month, first_year or year, original)
    end = _date(last_day, last_month, last_year, original)
    if end < start:
        raise UnreadableDate(_("“{text}” ends before it starts.").format(text=original))
    return _with_time(start, start_time), _with_time(end, end_time)


def from_cell(value: dt.date) -> dt.date:
    """A spreadsheet's date cell as a moment: a whole day when its time is midnight."""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date()
        return value.replace(second=0, microsecond=0)
    return value


# A year written in a list's title: "DANH MỤC SỰ KIỆN NĂM 2022", "Events of 2021".
_TITLE_YEAR = re.compile(r"\b(19[0-9]{2}|20[0-9]{2}|2100)\b", re.ASCII)


_NAMED_YEAR = re.compile(r"\b(?:nam|year)\s+(19[0-9]{2}|20[0-9]{2}|2100)\b", re.ASCII)


def year_in_title(text: str) -> int | None:
    """The year a title names ("… NĂM 2022", "… year 2022"), else the one year it holds; None when it holds none
    or several (a report's date beside the year of its list)."""
    named = set(_NAMED_YEAR.findall(fold(text)))
    if len(named) == 1:
        return int(named.pop())
    years = set(_TITLE_YEAR.findall(text))
    return int(years.pop()) if len(years) == 1 else None
