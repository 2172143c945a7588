"""Reading a moment's text: the same answer every time it is asked, a bad text refused every time (the parsed
moments are remembered, issue #35)."""

from __future__ import annotations

import datetime as dt

import pytest

from nlv_events.core import when


def test_a_moment_read_again_is_the_same_moment():
    for _ in range(2):
        assert when.parse("2023-04-21T08:30") == dt.datetime(2023, 4, 21, 8, 30)
        assert when.parse(" 2023-04-21 ") == dt.date(2023, 4, 21)
        assert when.parse("2023-04-21 08:30:15.25") == dt.datetime(2023, 4, 21, 8, 30, 15)
        assert type(when.parse("2023-04-21")) is dt.date


@pytest.mark.parametrize("text", ["21/04/2023", "2023-02-30", "2023-04-21T25:00", ""])
def test_a_bad_text_is_refused_each_time_it_is_read(text):
    for _ in range(2):
        with pytest.raises(ValueError):
            when.parse(text)
