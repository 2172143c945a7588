"""Migration 0010: every record the window edits gets a version, and guest numbers become unique (the schema 0009
fixture holds two guests of one event with the same number, as two imports at once used to leave them)."""

import shutil
from pathlib import Path

import peewee
import pytest

from nlv_events.core import database
from nlv_events.core.guest_models import Guest
from nlv_events.core.models import Event, Person, Venue

FIXTURE = Path(__file__).parents[2] / "fixtures" / "schema-0009.sqlite3"


def test_upgrade_numbers_each_events_guests_anew_and_versions_every_row(tmp_path):
    copy = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, copy)
    database.open_database(str(copy))
    try:
        rows = list(Guest.select(Guest.id, Guest.precedence, Guest.version).order_by(Guest.id).tuples())
        assert [(precedence, version) for _id, precedence, version in rows] == [(1, 1), (2, 1), (3, 1)]
        assert {Venue.select().first().version, Person.select().first().version} == {1}
        assert Event.select(Event.exhibit_version, Event.guest_list_version).tuples().first() == (1, 1)
        first = rows[0][0]
        with pytest.raises(peewee.IntegrityError):  # the database itself now refuses a number taken
            Guest.update(precedence=2).where(Guest.id == first).execute()
    finally:
        database.close_database()
