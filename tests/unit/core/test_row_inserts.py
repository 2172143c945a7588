"""Many rows of one table inserted in a few statements (core/row_inserts.py): each value stored as the field
would store it, whether it is already plain (nearly always) or needs its field's conversion."""

from __future__ import annotations

import datetime as dt

import pytest

from nlv_events.core import models
from nlv_events.core.row_inserts import insert_rows

pytestmark = pytest.mark.parametrize("db", ["sqlite", "postgresql"], indirect=True)


def _event(title: str) -> models.Event:
    return models.Event.create(ref=title, kind="talk", title=title, start_date=dt.date(2024, 4, 21))


def test_plain_values_and_values_to_convert_in_one_column_are_both_stored(db):
    first, second = _event("Tọa đàm sách"), _event("Giao lưu tác giả")
    publisher = models.Organisation.create(name="Nhà xuất bản Kim Đồng")
    # One column holds an id for one row and the event itself for the other: the event goes through the field's
    # conversion to its id, the id as it is.
    insert_rows(
        models.EventPartner,
        [
            {"event": first.id, "organisation": publisher.id, "sort_order": 0},
            {"event": second, "organisation": publisher, "sort_order": 1},
        ],
    )
    stored = list(models.EventPartner.select().order_by(models.EventPartner.sort_order).tuples())
    assert [(event, organisation, order) for _id, event, organisation, order in stored] == [
        (first.id, publisher.id, 0),
        (second.id, publisher.id, 1),
    ]


def test_a_date_and_time_column_and_defaults_left_out_are_stored_for_each_row(db):
    rows = [
        {"ref": f"trien-lam-{number}", "kind": "exhibition", "title": f"Triển lãm {number}",
         "start_date": dt.date(2024, 9, number), "start_time": dt.time(8, 30),
         "updated_at": dt.datetime(2024, 9, 1, 7, 45)}
        for number in (1, 2, 3)
    ]  # fmt: skip
    insert_rows(models.Event, rows)
    stored = models.Event.select().order_by(models.Event.start_date)
    assert [(event.title, event.start_date, event.start_time, event.updated_at) for event in stored] == [
        (f"Triển lãm {number}", dt.date(2024, 9, number), dt.time(8, 30), dt.datetime(2024, 9, 1, 7, 45))
        for number in (1, 2, 3)
    ]
    # The columns the rows leave out take the model's defaults
    assert {(event.status, event.format, event.version) for event in stored} == {("planned", "onsite", 1)}


def test_one_named_column_with_a_default_called_for_each_row(db):
    insert_rows(models.Person, [{"name": "Nguyễn Văn An"}, {"name": "Trần Thị Bình"}])
    people = list(models.Person.select().order_by(models.Person.name))
    assert [person.name for person in people] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert len({person.ref for person in people}) == 2  # a new ref for each, not one shared


def test_a_row_already_stored_is_left_as_it_is_when_asked(db):
    models.Venue.create(name="Hội trường tầng 2", capacity=120)
    insert_rows(models.Venue, [{"name": "Hội trường tầng 2"}, {"name": "Phòng đọc"}], skip_existing=True)
    assert sorted(models.Venue.select(models.Venue.name, models.Venue.capacity).tuples()) == [
        ("Hội trường tầng 2", 120),
        ("Phòng đọc", None),
    ]


def test_rows_naming_their_fields_in_any_order_in_several_statements(db, monkeypatch):
    from nlv_events.core import row_inserts

    monkeypatch.setattr(row_inserts, "_PARAMETERS", 12)  # three columns a row: four rows a statement
    publisher = models.Organisation.create(name="Nhà xuất bản Trẻ")
    events = [_event(f"Tọa đàm {number}") for number in range(5)]
    rows = [
        {"event": event.id, "organisation": publisher.id, "sort_order": order}
        if order % 2
        else {"sort_order": order, "organisation": publisher, "event": event}  # another order, values to convert
        for order, event in enumerate(events)
    ]
    insert_rows(models.EventPartner, rows)
    stored = models.EventPartner.select().order_by(models.EventPartner.sort_order)
    assert [(link.event_id, link.organisation_id, link.sort_order) for link in stored] == [
        (event.id, publisher.id, order) for order, event in enumerate(events)
    ]


def test_a_row_already_stored_is_refused_unless_asked_to_leave_it(db):
    import peewee

    models.Venue.create(name="Phòng đọc")
    with pytest.raises(peewee.IntegrityError):
        insert_rows(models.Venue, [{"name": "Phòng đọc"}])


def test_rows_naming_no_field_go_to_the_database_with_the_defaults(db):
    import peewee

    # Every column left to its default: the venue's name has none, so the database (not the code) refuses them.
    with pytest.raises(peewee.IntegrityError):
        insert_rows(models.Venue, [{}, {}])
