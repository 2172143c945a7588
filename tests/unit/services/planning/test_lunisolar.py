"""The Vietnamese lunisolar calendar against published dates, typed in by hand (never produced by the code).

Sources: the Tết dates as printed on Vietnamese calendars (lịch vạn niên, lịch bloc) and the government's yearly Tết
holiday notices; the years Tết differs from China's as the Vietnamese calendar's literature lists them (1968, 1969,
1985, 2007, 2030, 2053); mid-autumn in the six years of issue #28, where the new moon of the eighth month falls
between midnight at UTC+7 and at UTC+8, a day before China's published date (Hong Kong Observatory tables); leap
months (tháng nhuận) as the calendars print them.
"""

import datetime as dt

import pytest

from nlv_events.services.planning import lunisolar

D = dt.date

# Tết Nguyên đán, 1st day of the 1st month.
TET = {
    1968: D(1968, 1, 29),  # China 30/01: Vietnam's first year at UTC+7 (the night of Tết Mậu Thân)
    1969: D(1969, 2, 16),  # China 17/02
    1975: D(1975, 2, 11),
    1976: D(1976, 1, 31),
    1979: D(1979, 1, 28),
    1985: D(1985, 1, 21),  # China 20/02: a leap 2nd month in Vietnam, a leap 10th in China (1984)
    1986: D(1986, 2, 9),
    1990: D(1990, 1, 27),
    1995: D(1995, 1, 31),
    1999: D(1999, 2, 16),
    2000: D(2000, 2, 5),
    2001: D(2001, 1, 24),
    2004: D(2004, 1, 22),
    2007: D(2007, 2, 17),  # China 18/02
    2008: D(2008, 2, 7),
    2010: D(2010, 2, 14),
    2014: D(2014, 1, 31),
    2015: D(2015, 2, 19),
    2016: D(2016, 2, 8),
    2017: D(2017, 1, 28),
    2018: D(2018, 2, 16),
    2019: D(2019, 2, 5),
    2020: D(2020, 1, 25),
    2021: D(2021, 2, 12),
    2022: D(2022, 2, 1),
    2023: D(2023, 1, 22),
    2024: D(2024, 2, 10),
    2025: D(2025, 1, 29),
    2026: D(2026, 2, 17),
    2030: D(2030, 2, 2),  # China 03/02
    2053: D(2053, 2, 18),  # China 19/02
}

# Tết Trung thu, the 15th of the 8th month.
MID_AUTUMN = {
    1978: D(1978, 9, 16),  # China 17/09
    2020: D(2020, 10, 1),
    2022: D(2022, 9, 10),
    2023: D(2023, 9, 29),
    2024: D(2024, 9, 17),
    2025: D(2025, 10, 6),
    2034: D(2034, 9, 26),  # China 27/09: the new moon at 23:13 on 12/09 at UTC+7
    2041: D(2041, 9, 9),  # China 10/09
    2065: D(2065, 9, 14),  # China 15/09
    2080: D(2080, 9, 27),  # China 28/09
    2099: D(2099, 9, 28),  # China 29/09
}

# Other lunar days the office keeps: (lunar year, month, day) -> solar date.
OTHER_DAYS = {
    (2023, 3, 10): D(2023, 4, 29),  # Giỗ Tổ Hùng Vương, after a leap 2nd month
    (2024, 3, 10): D(2024, 4, 18),
    (2025, 3, 10): D(2025, 4, 7),
    (2025, 1, 15): D(2025, 2, 12),  # Rằm tháng Giêng, Ngày Thơ Việt Nam
    (2025, 4, 15): D(2025, 5, 12),  # Phật đản
    (2025, 7, 15): D(2025, 9, 6),  # Vu Lan, after a leap 6th month
    (2024, 12, 23): D(2025, 1, 22),  # Ông Công Ông Táo before Tết Ất Tỵ
}

# Leap months: (lunar year, the month repeated, the leap month's first day).
LEAP_MONTHS = [
    (1985, 2, D(1985, 3, 21)),
    (2012, 4, D(2012, 5, 21)),
    (2014, 9, D(2014, 10, 24)),
    (2017, 6, D(2017, 7, 23)),
    (2020, 4, D(2020, 5, 23)),
    (2023, 2, D(2023, 3, 22)),
    (2025, 6, D(2025, 7, 25)),
]


def test_the_table_holds_at_least_forty_published_dates():
    assert len(TET) + len(MID_AUTUMN) + len(OTHER_DAYS) + len(LEAP_MONTHS) >= 40


@pytest.mark.parametrize(("year", "day"), sorted(TET.items()))
def test_tet_falls_on_the_published_day(year, day):
    assert lunisolar.to_solar(year, 1, 1) == day
    assert lunisolar.to_lunar(day) == lunisolar.LunarDate(year, 1, 1)


@pytest.mark.parametrize(("year", "day"), sorted(MID_AUTUMN.items()))
def test_mid_autumn_falls_on_the_published_day(year, day):
    assert lunisolar.to_solar(year, 8, 15) == day
    assert lunisolar.to_lunar(day) == lunisolar.LunarDate(year, 8, 15)


@pytest.mark.parametrize(("lunar_day", "day"), sorted(OTHER_DAYS.items()))
def test_other_lunar_days_fall_on_the_published_day(lunar_day, day):
    assert lunisolar.to_solar(*lunar_day) == day


@pytest.mark.parametrize(("year", "month", "first_day"), LEAP_MONTHS)
def test_leap_months_are_the_published_ones(year, month, first_day):
    assert lunisolar.leap_month(year) == month
    assert lunisolar.month_start(year, month, leap=True) == first_day
    assert lunisolar.to_lunar(first_day) == lunisolar.LunarDate(year, month, 1, leap=True)
    # The regular month comes first, the leap month straight after it.
    assert lunisolar.month_start(year, month) + dt.timedelta(days=lunisolar.month_length(year, month)) == first_day


def test_years_without_a_leap_month_say_none_and_refuse_one():
    assert lunisolar.leap_month(2024) is None and lunisolar.leap_month(2026) is None
    with pytest.raises(ValueError):
        lunisolar.month_start(2024, 4, leap=True)
    with pytest.raises(ValueError):
        lunisolar.month_start(2025, 5, leap=True)  # 2025 repeats the 6th month, not the 5th


def test_every_day_of_the_two_centuries_goes_there_and_back():
    day, last = D(1900, 2, 1), D(2100, 11, 30)
    while day <= last:
        lunar = lunisolar.to_lunar(day)
        assert 1 <= lunar.day <= lunisolar.month_length(lunar.year, lunar.month, lunar.leap)
        assert lunisolar.to_solar(lunar.year, lunar.month, lunar.day, lunar.leap) == day
        day += dt.timedelta(days=1)


def test_months_have_29_or_30_days_and_years_12_or_13_months():
    for year in range(1901, 2100):
        lengths = [lunisolar.month_length(year, month) for month in range(1, 13)]
        assert set(lengths) <= {29, 30}
        days_to_next_tet = (lunisolar.to_solar(year + 1, 1, 1) - lunisolar.to_solar(year, 1, 1)).days
        assert days_to_next_tet in ((383, 384, 385) if lunisolar.leap_month(year) else (353, 354, 355))


def test_years_outside_the_calendar_are_refused():
    with pytest.raises(ValueError, match="1900"):
        lunisolar.to_solar(2150, 1, 1)
    with pytest.raises(ValueError):
        lunisolar.to_solar(2025, 13, 1)
    with pytest.raises(ValueError):
        lunisolar.to_solar(2025, 1, 31)
