"""A person is identified by an id (and, across files, a ref), never by their name: two people of one name — common in
Vietnam — are two people, with their own contacts and positions.

The unique index on person.name becomes a plain one (the name is still looked up), and each person gets a ref, a
random UUID, unique, which the interchange file carries. Nobody's data changes: every event's and programme row's
people rows keep their person, their position, form of address and organisation as they were at that event.
"""

import uuid

from peewee import CharField


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("person", "ref", CharField(null=True)),
        migrator.drop_index("person", "person_name"),
        migrator.add_index("person", ("name",), False),
    )
    ids = [person_id for (person_id,) in db.execute_sql("SELECT id FROM person ORDER BY id").fetchall()]
    for person_id in ids:
        db.execute_sql(f"UPDATE person SET ref = {db.param} WHERE id = {db.param}", (uuid.uuid4().hex, person_id))
    migrator.migrate(migrator.add_index("person", ("ref",), True))


def down(migrator, db):
    # Two people of one name cannot be folded back under a unique name.
    raise NotImplementedError("people of one name cannot be merged back under a unique name")
