"""Lunar (âm lịch) days to solar days, through the Vietnamese lunisolar calendar of the `holidays` package."""

from __future__ import annotations

import datetime as dt
from functools import cache

from nlv_events.core.errors import UserError
from nlv_events.i18n import _

# The `holidays` package publishes the Vietnamese calendar (computed for UTC+7, not China's UTC+8) as the solar
# dates of three lunar days a year. A day of those months is found from its anchor: within one lunar month days
# follow each other, and every lunar month has at least 29 days. No astronomy is computed here.
_ANCHORS = {1: 1, 3: 10, 8: 15}  # lunar month -> the day of it the package knows
SUPPORTED_MONTHS = tuple(_ANCHORS)
_STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
_BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")


@cache
def _calendar():
    # The class the package's own Vietnam holidays use; its tables run from 1901 to 2100. It is private to the
    # package (a leading underscore), so pyproject pins the tested version and tests/…/test_commemorations.py
    # checks published dates: an upgrade that changes it fails there, not in the office.
    from holidays.calendars.chinese import VIETNAMESE_CALENDAR, _ChineseLunisolar

    return _ChineseLunisolar(VIETNAMESE_CALENDAR)


def _anchor(year: int, month: int) -> dt.date | None:
    calendar = _calendar()
    if month == 1:
        return calendar.lunar_new_year_date(year)[0]
    if month == 3:
        return calendar.hung_kings_date(year)[0]
    return calendar.mid_autumn_date(year)[0]


def check_day(month: int, day: int) -> None:
    """Raise UserError unless lunar `month`/`day` can be converted."""
    if month not in _ANCHORS:
        raise UserError(
            _("Lunar month {month} cannot be converted yet: the lunar calendar in use knows months {months}.").format(
                month=month, months=", ".join(str(m) for m in SUPPORTED_MONTHS)
            )
        )
    if not 1 <= day <= 29:
        raise UserError(_("A lunar day must be between 1 and 29 (day 30 does not exist in every month)."))


def to_solar(year: int, month: int, day: int) -> dt.date:
    """The solar date of lunar day `day` of month `month` in lunar year `year` (months 1–8 fall in solar `year`)."""
    check_day(month, day)
    anchor = _anchor(year, month)
    if anchor is None:
        raise UserError(_("The lunar calendar in use has no dates for the year {year}.").format(year=year))
    return anchor + dt.timedelta(days=day - _ANCHORS[month])


def year_name(year: int) -> str:
    """The lunar year's name in the sexagenary cycle, "Ất Tỵ" for 2025."""
    return f"{_STEMS[(year - 4) % 10]} {_BRANCHES[(year - 4) % 12]}"
