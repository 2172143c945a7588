"""The days, times and whole numbers the app writes in digits alone are Babel's text for their patterns, without
loading Babel."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from babel import dates, numbers

from nlv_events import i18n
from nlv_events.i18n import formats

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _vietnamese():
    yield
    i18n.setup_i18n("vi")


def _days():
    for year in (1, 9, 99, 999, 1000, 1999, 2022, 2024, 9999):
        day = dt.date(year, 1, 1)
        while day.year == year:
            yield day
            if day == dt.date.max:
                return
            day += dt.timedelta(days=1)


def test_a_vietnamese_day_is_babel_s_dd_mm_yyyy():
    i18n.setup_i18n("vi")
    for day in _days():
        assert formats.format_day(day) == dates.format_date(day, "dd/MM/yyyy", locale="vi"), day


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_time_is_babel_s_hh_mm_in_each_language(language):
    i18n.setup_i18n(language)
    locale = "vi" if language == "vi" else "en_GB"
    for minute in range(24 * 60):
        for second in (0, 59):
            moment = dt.time(minute // 60, minute % 60, second)
            assert formats.format_time(moment) == dates.format_time(moment, "HH:mm", locale=locale), moment
    day = dt.datetime(2022, 12, 26, 8, 5)
    assert formats.format_time(day) == dates.format_time(day, "HH:mm", locale=locale)


def _whole_numbers():
    yield from range(-1100, 1100)
    for digits in range(4, 20):
        for lead in (1, 9, 12, 123, 999):
            value = int(str(lead).ljust(digits, "0")) + digits
            yield from (value, -value, 10**digits - 1)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_whole_number_is_babel_s_decimal_in_each_language(language):
    i18n.setup_i18n(language)
    locale = "vi" if language == "vi" else "en_GB"
    for value in _whole_numbers():
        assert formats.format_number(value) == numbers.format_decimal(value, locale=locale), value
    assert formats.format_number(1234567) == ("1.234.567" if language == "vi" else "1,234,567")


def test_an_english_day_still_has_its_month_s_name():
    i18n.setup_i18n("en")
    assert formats.format_day(dt.date(2022, 4, 21)) == "21 Apr 2022"
    assert formats.format_weekday_date(dt.date(2022, 4, 21)) == "Thursday, 21 Apr 2022"


def test_digits_alone_load_no_babel():  # nor a whole number
    program = (
        "import datetime as dt, sys\n"
        "from nlv_events.i18n import formats\n"
        "formats.format_span(dt.datetime(2022, 12, 26, 8), dt.datetime(2022, 12, 26, 11, 30))\n"
        "formats.format_span_in_text(dt.datetime(2022, 12, 26, 8), None)\n"
        "formats.format_number(1234567)\n"
        "print('babel' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, env=dict(os.environ), check=True
    )
    assert result.stdout.strip() == "False"
