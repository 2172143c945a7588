"""The bad-input catalogue of issue 25, 4: two different people with one name (common in Vietnam) merged into one,
sharing contacts and positions. A person is their id, and their ref across files; the name is not the identity."""

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from nlv_events import i18n
from nlv_events.core import database, event_reading, store
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event, EventPerson, Person
from nlv_events.core.records import EventRecord, PersonEntry
from nlv_events.services.interchange import decoding, exporting, importing
from tests.integration.cli_runner import run

FIXTURES = Path(__file__).parents[1] / "fixtures"
AN = "Nguyễn Văn An"


def _two_namesakes() -> tuple[int, int]:
    """Two events, each with its own Nguyễn Văn An: a director from Huế, a lecturer from Hà Nội."""
    director = Person.create(name=AN, email="an.hue@example.vn")
    lecturer = Person.create(name=AN, email="an.hanoi@example.vn")
    first = store.save_event(
        EventRecord(
            kind="talk",
            title="Tọa đàm sách Huế",
            start=dt.date(2025, 3, 3),
            people=[PersonEntry(name=AN, role="speaker", position="Giám đốc", person_ref=director.ref)],
        )
    )
    second = store.save_event(
        EventRecord(
            kind="talk",
            title="Tọa đàm đọc sách",
            start=dt.date(2025, 3, 10),
            people=[PersonEntry(name=AN, role="speaker", position="Giảng viên", person_ref=lecturer.ref)],
        )
    )
    return first.id, second.id


def _person_of(event_id: int) -> tuple[str, str | None, str | None]:
    link = EventPerson.get(EventPerson.event == event_id)
    return link.person.ref, link.person.email, link.position


@pytest.mark.both_databases
def test_two_people_of_one_name_stay_two_people(db):
    first, second = _two_namesakes()
    assert Person.select().where(Person.name == AN).count() == 2
    director, lecturer = _person_of(first), _person_of(second)
    assert director[0] != lecturer[0]
    assert (director[1:], lecturer[1:]) == (("an.hue@example.vn", "Giám đốc"), ("an.hanoi@example.vn", "Giảng viên"))
    record = event_reading.load_record(second)
    record.title = "Tọa đàm đọc sách mùa xuân"
    store.save_event(record)  # saving the event again keeps its own An
    assert _person_of(second) == lecturer


@pytest.mark.both_databases
def test_a_bare_name_borne_by_two_people_is_refused_in_one_line(db):
    _two_namesakes()
    i18n.setup_i18n("en")
    with pytest.raises(UserError, match="2 different people are named “Nguyễn Văn An”"):
        store.save_event(
            EventRecord(kind="talk", title="Hội thảo", start=dt.date(2025, 4, 1), people=[PersonEntry(name=AN)])
        )
    assert Event.select().where(Event.title == "Hội thảo").count() == 0


@pytest.mark.both_databases
def test_the_interchange_file_carries_who_each_person_is(db, db_path, tmp_path):
    first, second = _two_namesakes()
    path = tmp_path / "namesakes.json"
    exporting.write_document(exporting.export_document(), path)
    people = [person for event in json.loads(path.read_text(encoding="utf-8"))["events"] for person in event["people"]]
    assert len({person["ref"] for person in people}) == 2
    importing.import_document(decoding.read_document(path))  # re-importing the same file changes nobody
    assert (_person_of(first)[2], _person_of(second)[2]) == ("Giám đốc", "Giảng viên")
    assert Person.select().where(Person.name == AN).count() == 2
    database.close_database()
    database.open_database(str(tmp_path / "other.sqlite3"))  # a colleague's empty record
    importing.import_document(decoding.read_document(path))
    assert Person.select().where(Person.name == AN).count() == 2
    refs = {Event.get(Event.title == title).person_links.get().person.ref for title in ("Tọa đàm sách Huế",
                                                                                         "Tọa đàm đọc sách")}
    assert refs == {person["ref"] for person in people}


def test_an_import_naming_one_of_two_namesakes_without_a_ref_is_refused_in_one_line(capsys, tmp_path):
    db_file = tmp_path / "events.sqlite3"
    database.open_database(str(db_file))
    try:
        _two_namesakes()
    finally:
        database.close_database()
    path = tmp_path / "new.json"
    event = {"ref": "hoi-thao", "kind": "talk", "title": "Hội thảo", "start": "2025-04-01", "people": [{"name": AN}]}
    path.write_text(json.dumps({"format": "nlv-events/1", "events": [event]}, ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "import", str(path), "--db", str(db_file), "--lang", "en")
    assert code == 1 and err.count("\n") == 1, err
    assert "2 different people are named “Nguyễn Văn An”" in err and "ref" in err
    database.open_database(str(db_file))
    try:
        assert Event.select().where(Event.ref == "hoi-thao").count() == 0
    finally:
        database.close_database()


def test_the_upgrade_gives_every_person_a_ref_and_keeps_each_events_positions(tmp_path):
    copy = tmp_path / "schema-0010.sqlite3"
    shutil.copy(FIXTURES / "schema-0010.sqlite3", copy)
    query = (
        "SELECT e.ref, p.id, p.name, link.role, link.honorific, link.position, link.organisation "
        "FROM event_person link JOIN event e ON e.id = link.event_id JOIN person p ON p.id = link.person_id "
        "ORDER BY link.id"
    )
    with sqlite3.connect(copy) as raw:
        before = raw.execute(query).fetchall()
    raw.close()
    assert any(row[5] for row in before)
    database.open_database(str(copy))
    try:
        assert Person.select().where(Person.ref.is_null()).count() == 0
        assert len({person.ref for person in Person.select()}) == Person.select().count()
        namesake = Person.get(Person.id == before[0][1])
        Person.create(name=namesake.name)  # a second person of that name: no longer refused by the schema
        after = [
            (link.event.ref, link.person_id, link.person.name, link.role, link.honorific, link.position,
             link.organisation)
            for link in EventPerson.select().order_by(EventPerson.id)
        ]
    finally:
        database.close_database()
    assert after == before
