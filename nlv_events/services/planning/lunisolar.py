"""The Vietnamese lunisolar calendar (âm lịch) at UTC+7, by Hồ Ngọc Đức's published algorithm.

A lunar month starts on the day (at UTC+7) of a new moon; month 11 is the one holding the winter solstice; a year
with 13 months between two such months inserts a leap month after the first month that holds no major solar term.
New moons and the sun's longitude come from Meeus's formulas ("Astronomical Algorithms"), accurate to minutes for
1900–2100: the same reference most Vietnamese calendars print from. China uses the same rules at UTC+8, which is why
a new moon close to midnight makes the two calendars disagree by a day (Tết 2007, mid-autumn 2034) or a leap month
by a month (Tết 1985). Pure arithmetic: no Qt, no database, no third-party package.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import cache

TIME_ZONE = 7.0  # hours east of UTC: Vietnam's time since 1968, the calendar's reference
FIRST_YEAR, LAST_YEAR = 1900, 2100  # the years Meeus's series are accurate enough for
_SYNODIC_MONTH = 29.530588853
_NEW_MOON_0 = 2415021.076998695  # Julian day of the new moon of 1 January 1900, Meeus's k = 0
_RADIAN = math.pi / 180


@dataclass(frozen=True, order=True)
class LunarDate:
    year: int
    month: int
    day: int
    leap: bool = False  # a day of the leap month (tháng nhuận) that repeats `month`


def _julian_day(day: dt.date) -> int:
    return day.toordinal() + 1721425


def _date(julian_day: int) -> dt.date:
    return dt.date.fromordinal(julian_day - 1721425)


def _new_moon(k: int) -> float:
    """The Julian day (UTC, fractional) of the k-th new moon after 1 January 1900 (Meeus, chapter 49)."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _RADIAN)
    sun_anomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * _RADIAN
    moon_anomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * _RADIAN
    latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * _RADIAN
    correction = (0.1734 - 0.000393 * t) * math.sin(sun_anomaly) + 0.0021 * math.sin(2 * sun_anomaly)
    correction += -0.4068 * math.sin(moon_anomaly) + 0.0161 * math.sin(2 * moon_anomaly)
    correction += -0.0004 * math.sin(3 * moon_anomaly)
    correction += 0.0104 * math.sin(2 * latitude) - 0.0051 * math.sin(sun_anomaly + moon_anomaly)
    correction += -0.0074 * math.sin(sun_anomaly - moon_anomaly) + 0.0004 * math.sin(2 * latitude + sun_anomaly)
    correction += -0.0004 * math.sin(2 * latitude - sun_anomaly) - 0.0006 * math.sin(2 * latitude + moon_anomaly)
    correction += 0.0010 * math.sin(2 * latitude - moon_anomaly) + 0.0005 * math.sin(2 * moon_anomaly + sun_anomaly)
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd + correction - delta_t


@cache
def _new_moon_day(k: int) -> int:
    """The Julian day number of the local (UTC+7) day on which the k-th new moon falls."""
    return math.floor(_new_moon(k) + 0.5 + TIME_ZONE / 24)


def _sun_sector(julian_day: int) -> int:
    """Which 30° sector (0–11) the sun's longitude is in at the local midnight that starts `julian_day`."""
    t = (julian_day - 0.5 - TIME_ZONE / 24 - 2451545.0) / 36525
    t2 = t * t
    mean_anomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * _RADIAN
    mean_longitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(mean_anomaly)
    centre += (0.019993 - 0.000101 * t) * math.sin(2 * mean_anomaly) + 0.000290 * math.sin(3 * mean_anomaly)
    longitude = (mean_longitude + centre) * _RADIAN
    longitude -= 2 * math.pi * math.floor(longitude / (2 * math.pi))
    return math.floor(longitude / math.pi * 6)


@cache
def _month_11(year: int) -> int:
    """The first day (Julian day number) of lunar month 11, the month of the winter solstice, of solar `year`."""
    k = math.floor((_julian_day(dt.date(year, 12, 31)) - 2415021) / _SYNODIC_MONTH)
    start = _new_moon_day(k)
    if _sun_sector(start) >= 9:  # the solstice (270°) is already past: month 11 began a new moon earlier
        start = _new_moon_day(k - 1)
    return start


def _lunation(julian_day: int) -> int:
    return math.floor((julian_day - _NEW_MOON_0) / _SYNODIC_MONTH + 0.5)


def _leap_offset(month_11: int) -> int:
    """How many months after month 11 the leap month of a 13-month year comes: the first with no major term."""
    k = _lunation(month_11)
    offset = 1
    sector = _sun_sector(_new_moon_day(k + 1))
    while offset < 14:
        previous = sector
        offset += 1
        sector = _sun_sector(_new_moon_day(k + offset))
        if sector == previous:
            break
    return offset - 1


def _months_11(year: int, month: int) -> tuple[int, int]:
    """The month-11 starts before and after lunar `month` of lunar `year`."""
    if month < 11:
        return _month_11(year - 1), _month_11(year)
    return _month_11(year), _month_11(year + 1)


def leap_month(year: int) -> int | None:
    """The month lunar `year` repeats as its leap month (4 for 2020, 2 for 2023, 6 for 2025), or None."""
    _check_range(year)
    for first, last in (_months_11(year, 1), _months_11(year, 11)):
        leap_at = _leap_after(first, last)
        if leap_at is None:
            continue
        month = (leap_at + 10) % 12 or 12
        if (month >= 11) == (first == _month_11(year)):  # months 11 and 12 follow the year's own month 11
            return month
    return None


def _leap_after(first: int, last: int) -> int | None:
    """The offset from month 11 of the leap month between the month-11 starts `first` and `last`, or None."""
    return _leap_offset(first) if last - first > 365 else None


def month_start(year: int, month: int, leap: bool = False) -> dt.date:
    """The first day of lunar `month` of lunar `year` (the leap month with `leap`); ValueError if there is none."""
    _check_range(year + 1 if month >= 11 else year)  # months 11 and 12 end in the next solar year
    if not 1 <= month <= 12:
        raise ValueError(f"lunar month {month} does not exist")
    first, last = _months_11(year, month)
    offset = (month - 11) % 12
    leap_at = _leap_after(first, last)
    if leap_at is not None:
        leap_month_number = (leap_at + 10) % 12 or 12
        if leap and month != leap_month_number:
            raise ValueError(f"lunar year {year} has no leap month {month}")
        if leap or offset >= leap_at:
            offset += 1
    elif leap:
        raise ValueError(f"lunar year {year} has no leap month")
    return _date(_new_moon_day(_lunation(first) + offset))


def month_length(year: int, month: int, leap: bool = False) -> int:
    """29 or 30: the days of lunar `month` of `year`."""
    start = month_start(year, month, leap)
    return _new_moon_day(_lunation(_julian_day(start)) + 1) - _julian_day(start)


def to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """The solar date of lunar day `day` of `month` (of the leap month with `leap`) in lunar `year`."""
    if not 1 <= day <= month_length(year, month, leap):
        raise ValueError(f"lunar month {month} of {year} has no day {day}")
    return month_start(year, month, leap) + dt.timedelta(days=day - 1)


def to_lunar(day: dt.date) -> LunarDate:
    """The lunar date of solar `day`."""
    _check_range(day.year)
    julian_day = _julian_day(day)
    k = math.floor((julian_day - _NEW_MOON_0) / _SYNODIC_MONTH) + 1
    while _new_moon_day(k) > julian_day:  # the mean lunation can be a day or two off the true new moon
        k -= 1
    start = _new_moon_day(k)
    first = last = _month_11(day.year)
    if first >= start:  # before this year's month 11: counted from last year's
        year, first = day.year, _month_11(day.year - 1)
    else:
        year, last = day.year + 1, _month_11(day.year + 1)
    months_after_11 = (start - first) // 29
    month, leap = months_after_11 + 11, False
    leap_at = _leap_after(first, last)
    if leap_at is not None and months_after_11 >= leap_at:
        month, leap = months_after_11 + 10, months_after_11 == leap_at
    if month > 12:
        month -= 12
    if month >= 11 and months_after_11 < 4:
        year -= 1
    return LunarDate(year, month, julian_day - start + 1, leap)


def _check_range(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"the lunar calendar is computed for {FIRST_YEAR}–{LAST_YEAR}, not {year}")
