"""Every migration upgrades a database saved by each earlier schema version without losing anything."""

import shutil
from pathlib import Path

import pytest

from nlv_events.core import database, event_reading, migrations, queries, store
from nlv_events.core.models import Event
from nlv_events.services.interchange import exporting

FIXTURES = Path(__file__).parents[2] / "fixtures"
# A database of the demo year as each released schema saved it; add one whenever a migration is added.
SAVED_SCHEMAS = sorted(FIXTURES.glob("schema-*.sqlite3"))


def test_there_is_a_fixture_for_every_schema_but_the_newest():
    versions = {path.stem.removeprefix("schema-") for path in SAVED_SCHEMAS}
    shipped = {name.split("_")[0] for name in migrations.known_names()}
    assert versions == shipped - {max(shipped)}


@pytest.mark.parametrize("saved", SAVED_SCHEMAS, ids=lambda path: path.stem)
def test_old_database_upgrades_and_keeps_its_data(saved, tmp_path):
    copy = tmp_path / saved.name
    shutil.copy(saved, copy)
    connection = database.open_database(str(copy))
    try:
        applied = [row[0] for row in connection.execute_sql("SELECT name FROM schema_migration ORDER BY id")]
        assert applied == migrations.known_names()
        assert Event.select().count() == 32
        assert len(list(queries.events(year=2022))) == 32
        review = event_reading.load_record(Event.get(Event.ref == "demo-2022-review"))
        assert len(review.programme) == 10
        assert "Trịnh Thị Thủy" in {p.name for row in review.programme for p in row.people}
        exported = exporting.export_document()
        assert len(exported["events"]) == 32
        event = Event.get(Event.ref == "demo-2022-exh-01")
        store.delete_event(event.id)  # the newest schema's features work on the upgraded file
        assert len(list(queries.events(year=2022))) == 31
    finally:
        database.close_database()


def test_appearances_keep_what_each_event_printed_before_the_upgrade(tmp_path):
    """Schema 0004 moves form of address, position and organisation onto each appearance: every person of every
    event of the saved demo year reads exactly as it did."""
    import sqlite3

    copy = tmp_path / "schema-0003.sqlite3"
    shutil.copy(FIXTURES / "schema-0003.sqlite3", copy)
    with sqlite3.connect(copy) as raw:
        before = sorted(
            raw.execute(
                "SELECT e.ref, p.name, link.role, p.honorific, p.position, o.name FROM programme_person link "
                "JOIN programme_item i ON i.id = link.item_id JOIN event e ON e.id = i.event_id "
                "JOIN person p ON p.id = link.person_id LEFT JOIN organisation o ON o.id = p.organisation_id "
                "UNION ALL SELECT e.ref, p.name, link.role, p.honorific, p.position, o.name FROM event_person link "
                "JOIN event e ON e.id = link.event_id JOIN person p ON p.id = link.person_id "
                "LEFT JOIN organisation o ON o.id = p.organisation_id"
            ).fetchall()
        )
    raw.close()
    assert any(row[4] for row in before)  # the fixture has positions to carry over
    database.open_database(str(copy))
    try:
        after = sorted(
            (record.ref, person.name, person.role, person.honorific, person.position, person.organisation)
            for record in event_reading.load_records([event.id for event in Event.select()])
            for person in [*record.people, *(p for row in record.programme for p in row.people)]
        )
    finally:
        database.close_database()
    assert after == before


@pytest.mark.parametrize("kept", [None, ("LCT", "Lịch công tác tuần của Ban Giám đốc")], ids=["added", "kept"])
def test_the_weeks_schedule_kind_is_in_the_register_after_the_upgrade(tmp_path, kept):
    """Schema 0019 gives the register the weekly work schedule's kind, LCT, so `week --number next` numbers it out of
    the box; a kind LCT the office added (or renamed) before the upgrade stays as it was, once."""
    import sqlite3

    from nlv_events.services.register import entries

    copy = tmp_path / "schema-0018.sqlite3"
    shutil.copy(FIXTURES / "schema-0018.sqlite3", copy)
    if kept is not None:
        with sqlite3.connect(copy) as raw:
            raw.execute("INSERT INTO document_kind (symbol, name, rank, version) VALUES (?, ?, 100, 3)", kept)
        raw.close()
    database.open_database(str(copy))
    try:
        kinds = [(kind.symbol, kind.name) for kind in entries.kinds()]
    finally:
        database.close_database()
    assert [symbol for symbol, _name in kinds] == ["CTr", "GM", "KH", "BC", "BB", "TTr", "LCT"]
    assert kinds[-1] == (kept or ("LCT", "Lịch công tác"))
