"""Lunar (âm lịch) days as the office keeps them, turned into solar days through the Vietnamese calendar."""

from __future__ import annotations

import datetime as dt

from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.services.planning import lunisolar

MONTHS = tuple(range(1, 13))
_STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
_BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")


def check_day(month: int, day: int) -> None:
    """Raise UserError unless lunar `month`/`day` is a day some lunar year has."""
    if month not in MONTHS:
        raise UserError(_("A lunar month must be between 1 and 12."))
    if not 1 <= day <= 30:
        raise UserError(_("A lunar day must be between 1 and 30."))


def _check_year(year: int) -> None:
    if not lunisolar.FIRST_YEAR <= year <= lunisolar.LAST_YEAR:
        raise UserError(
            _("The lunar calendar covers the years {first}–{last}, not {year}.").format(
                first=lunisolar.FIRST_YEAR, last=lunisolar.LAST_YEAR, year=year
            )
        )


def to_solar(year: int, month: int, day: int) -> dt.date:
    """The solar date of lunar day `day` of month `month` in lunar year `year`.

    Kept as Vietnamese custom keeps an anniversary: in the regular month, not its leap repeat (tháng nhuận), and a
    30th on the 29th in a year whose month has only 29 days."""
    check_day(month, day)
    _check_year(year + 1 if month >= 11 else year)
    return lunisolar.to_solar(year, month, min(day, lunisolar.month_length(year, month)))


def in_solar_year(year: int, month: int, day: int) -> dt.date:
    """The solar date in solar `year` on which lunar `month`/`day` is kept: months 11 and 12 of the lunar year before
    fall in its January or February (Ông Công Ông Táo, 23/12), of its own lunar year in its December."""
    check_day(month, day)
    _check_year(year)
    for lunar_year in (year - 1, year) if month >= 11 else (year,):
        day_kept = to_solar(lunar_year, month, day)
        if day_kept.year == year:
            return day_kept
    raise UserError(_("Lunar day {day}/{month} does not fall in {year}.").format(day=day, month=month, year=year))


def year_name(year: int) -> str:
    """The lunar year's name in the sexagenary cycle, "Ất Tỵ" for 2025."""
    return f"{_STEMS[(year - 4) % 10]} {_BRANCHES[(year - 4) % 12]}"


def lunar_year_of(day: dt.date) -> int:
    """The lunar year solar `day` belongs to: 2024 (Giáp Thìn) for 22/01/2025, the day before Tết Ất Tỵ."""
    _check_year(day.year)
    return lunisolar.to_lunar(day).year
