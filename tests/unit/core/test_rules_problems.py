"""All of a record's problems at once, for the editor; validate() still stops at the first, with the same message."""

import datetime as dt

import pytest

from nlv_events.core import rules
from nlv_events.core.errors import ValidationError
from nlv_events.core.records import EventRecord


def test_problems_lists_each_field_once_in_the_order_validate_would_give_them():
    record = EventRecord(kind="talk", title="", start=dt.date(2023, 5, 5), end=dt.date(2023, 5, 1),
                         venue="x" * 5000, attendance=-5)  # fmt: skip
    found = rules.problems(record)
    assert [problem.field for problem in found] == ["venue", "title", "end", "attendance"]
    with pytest.raises(ValidationError) as first:
        rules.validate(record)
    assert (first.value.field, str(first.value)) == (found[0].field, str(found[0]))


def test_a_good_record_has_no_problems():
    assert rules.problems(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 5, 5))) == []


def test_no_start_is_one_problem_not_a_crash():
    assert [problem.field for problem in rules.problems(EventRecord(kind="talk", title="A", start=None))] == ["start"]
