"""Dates, times and numbers for the language in force, through Babel.

Babel (some 10 ms of imports) is loaded when a format first needs it: the days and times written in digits alone
("21/04/2022", "08:30") are written here, the same text as Babel's for their patterns, so that a one-shot printout
or listing that writes nothing else never loads it."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from nlv_events.i18n import current_language, current_locale

# Vietnamese offices write days as 21/04/2022; English readers get "21 Apr 2022".
_DAY_PATTERNS = {"vi": "dd/MM/yyyy", "en": "d MMM yyyy"}


def format_day(day: dt.date) -> str:
    if isinstance(day, dt.datetime):
        day = day.date()
    return _formatted_day(current_language(), day)


# Remembered by language: a list of 10 000 events formats the same few hundred days and numbers over and over, and
# Babel takes some 30 µs a call to find its pattern and the locale's symbols again.
@lru_cache(maxsize=4096)
def _formatted_day(language: str, day: dt.date) -> str:
    if language == "vi":  # "dd/MM/yyyy": digits alone
        return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
    from babel import dates

    return dates.format_date(day, _DAY_PATTERNS[language], locale=current_locale())


@lru_cache(maxsize=4096)
def _formatted_time(language: str, time: dt.time) -> str:
    return f"{time.hour:02d}:{time.minute:02d}"  # "HH:mm" in every language: digits alone


# The group separator of each language's whole numbers ("1.234" in Vietnamese, "1,234" in English), Babel's symbol
# for the locale of that language: a whole number is digits in groups of three with it, Babel's text for its "#,##0"
# pattern (tests/unit/test_formats.py compares them). The window's first figures (the detail pane's attendance) are
# written without loading Babel's locale data, some 40 ms of the window's start with its imports (issue #35).
_GROUP_SEPARATORS = {"vi": ".", "en": ","}


@lru_cache(maxsize=4096)
def _formatted_whole_number(language: str, value: int) -> str:
    return f"{value:,}".replace(",", _GROUP_SEPARATORS[language])


def format_time(moment: dt.datetime | dt.time) -> str:
    time = moment.time() if isinstance(moment, dt.datetime) else moment
    return _formatted_time(current_language(), time)


def format_moment(moment: dt.date) -> str:
    if isinstance(moment, dt.datetime):
        return f"{format_time(moment)} {format_day(moment)}"
    return format_day(moment)


def format_span(start: dt.date, end: dt.date | None) -> str:
    """An event's dates as a reader wants them: "08:00–11:30 26/12/2022", "21/04/2022 – 23/04/2022"."""
    start_day = start.date() if isinstance(start, dt.datetime) else start
    if end is None:
        return format_moment(start)
    end_day = end.date() if isinstance(end, dt.datetime) else end
    if start_day == end_day:
        if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
            return f"{format_time(start)}–{format_time(end)} {format_day(start_day)}"
        return format_moment(start)
    return f"{format_day(start_day)} – {format_day(end_day)}"


def format_number(value: int | float | None) -> str:
    if value is None:
        return ""
    if type(value) is int:  # not a bool, nor a float equal to it, which Babel may write otherwise
        return _formatted_whole_number(current_language(), value)
    from babel import numbers

    return numbers.format_decimal(value, locale=current_locale())


def format_percent(value: float) -> str:
    from babel import numbers

    return numbers.format_percent(value, locale=current_locale())


def official_date_line(city: str, day: dt.date) -> str:
    """The place-and-date line of an official document.

    Vietnamese follows Nghị định 30/2020: the day takes a leading zero below 10, the month only when it is
    1 or 2 ("Hà Nội, ngày 05 tháng 01 năm 2023", "Hà Nội, ngày 29 tháng 6 năm 2019"); no CLDR pattern does this.
    """
    if current_language() == "vi":
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        return f"{city}, ngày {day.day:02d} tháng {month} năm {day.year}"
    from babel import dates

    return f"{city}, {dates.format_date(day, 'd MMMM yyyy', locale=current_locale())}"


def format_span_in_text(start: dt.date, end: dt.date | None) -> str:
    """An event's dates inside a sentence, a single day with its weekday: "08:00–11:30, thứ Hai, ngày 26/12/2022"
    (the programme's "Thời gian:" line); several days as format_span has them."""
    start_day = start.date() if isinstance(start, dt.datetime) else start
    end_day = end.date() if isinstance(end, dt.datetime) else end
    if end_day not in (None, start_day):
        return format_span(start, end)
    day = format_weekday_date(start_day)
    if current_language() == "vi":
        day = day[0].lower() + day[1:]  # "thứ Hai" inside a sentence
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        return f"{format_time(start)}–{format_time(end)}, {day}"
    if isinstance(start, dt.datetime):
        return f"{format_time(start)}, {day}"
    return day


# The weekdays as Vietnamese documents write them (CLDR writes "Chủ Nhật"). Kept here rather than read from Babel:
# the first weekday name loads Babel's whole Vietnamese locale data, 12 ms of every one-shot programme printout.
VI_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def format_weekday_date(day: dt.date) -> str:
    """A day heading: "Thứ Năm, ngày 21/04/2022" or "Thursday, 21 Apr 2022"."""
    if current_language() == "vi":
        return f"{VI_WEEKDAYS[day.weekday()]}, ngày {format_day(day)}"
    from babel import dates

    return f"{dates.format_date(day, 'EEEE', locale=current_locale())}, {format_day(day)}"
