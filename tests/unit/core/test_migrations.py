"""Every migration upgrades a database saved by each earlier schema version without losing anything."""

import shutil
from pathlib import Path

import pytest

from nlv_events.core import database, migrations, queries, store
from nlv_events.core.models import Event
from nlv_events.services import interchange

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
        review = store.load_record(Event.get(Event.ref == "demo-2022-review"))
        assert len(review.programme) == 10
        assert "Trịnh Thị Thủy" in {p.name for row in review.programme for p in row.people}
        exported = interchange.export_document()
        assert len(exported["events"]) == 32
        event = Event.get(Event.ref == "demo-2022-exh-01")
        store.delete_event(event.id)  # the newest schema's features work on the upgraded file
        assert len(list(queries.events(year=2022))) == 31
    finally:
        database.close_database()
