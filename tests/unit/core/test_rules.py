"""The store's rules and their messages."""

import datetime as dt

import pytest

from nlv_events import i18n
from nlv_events.core import rules
from nlv_events.core.errors import ValidationError
from nlv_events.core.records import EventRecord, PersonEntry, ProgrammeEntry


def record(**changes) -> EventRecord:
    values = {"kind": "talk", "title": "Tọa đàm văn hóa đọc", "start": dt.date(2023, 4, 21)}
    values.update(changes)
    return EventRecord(**values)


def rejected(**changes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        rules.validate(record(**changes))
    return caught.value


def test_a_complete_event_passes():
    assert rules.validate(record()).title == "Tọa đàm văn hóa đọc"


def test_title_is_required_even_if_only_spaces():
    error = rejected(title="   ")
    assert error.field == "title"
    assert str(error) == "Cần nhập tên sự kiện."


def test_end_before_start_is_rejected():
    assert rejected(end=dt.date(2023, 4, 20)).field == "end"
    assert rejected(start=dt.datetime(2023, 4, 21, 9), end=dt.datetime(2023, 4, 21, 8)).field == "end"


def test_whole_day_end_on_the_start_day_of_a_timed_start_is_fine():
    rules.validate(record(start=dt.datetime(2023, 4, 21, 9), end=dt.date(2023, 4, 21)))


@pytest.mark.parametrize("name", ["attendance", "online_views", "items_displayed"])
def test_counts_cannot_be_negative(name):
    error = rejected(**{name: -1})
    assert error.field == name
    assert "âm" in str(error)


def test_absurd_counts_are_caught():
    assert rejected(attendance=10**12).field == "attendance"


@pytest.mark.parametrize(
    ("field", "value"),
    [("kind", "party"), ("status", "done"), ("format", "tv"), ("role", "sponsor"), ("audience", "pets")],
)
def test_unknown_codes_are_rejected_with_the_choices(field, value):
    error = rejected(**{field: value})
    assert error.field == field
    assert value in str(error)


def test_programme_rows_must_fall_inside_the_event():
    error = rejected(
        end=dt.date(2023, 4, 22),
        programme=[ProgrammeEntry(start=dt.datetime(2023, 4, 23, 8), title="Bế mạc")],
    )
    assert error.field == "programme"
    assert "Bế mạc" in str(error)


def test_programme_row_cannot_end_before_it_starts():
    error = rejected(
        programme=[ProgrammeEntry(start=dt.datetime(2023, 4, 21, 9), end=dt.datetime(2023, 4, 21, 8), title="Khai mạc")]
    )
    assert error.field == "programme"


def test_people_need_a_name_and_any_role_is_kept_as_typed():
    assert rejected(people=[PersonEntry(name=" ")]).field == "people"
    checked = rules.validate(record(people=[PersonEntry(name="Kiều Thúy Nga", role=" Cố vấn ")]))
    assert checked.people[0].role == "Cố vấn"


def test_text_is_normalised_on_the_way_in():
    checked = rules.validate(record(title="  To\u0323a đa\u0300m  ", partners=[" Vụ Thư viện ", "Vụ Thư viện"]))
    assert checked.title == "Tọa đàm"
    assert checked.partners == ["Vụ Thư viện"]


def test_messages_follow_the_language():
    i18n.setup_i18n("en")
    with pytest.raises(ValidationError, match=r"The title is required\."):
        rules.validate(record(title=""))


@pytest.mark.parametrize(
    ("kind", "start", "end", "days"),
    [
        ("talk", dt.datetime(2022, 3, 25, 14, 0), dt.datetime(2022, 4, 25, 16, 30), 32),
        ("conference", dt.date(2022, 10, 15), dt.date(2022, 12, 15), 62),
        ("conference", dt.date(2022, 10, 15), dt.date(2022, 10, 18), None),  # three days: a conference may
        ("talk", dt.date(2022, 10, 15), None, None),
        ("exhibition", dt.date(2022, 1, 20), dt.date(2022, 2, 28), None),  # an exhibition runs for weeks
        ("training", dt.date(2022, 5, 2), dt.date(2022, 5, 27), None),
    ],
)
def test_a_talk_or_conference_over_more_than_a_few_days_is_unusually_long(kind, start, end, days):
    assert rules.unusually_long(EventRecord(kind=kind, title="T", start=start, end=end)) == days
