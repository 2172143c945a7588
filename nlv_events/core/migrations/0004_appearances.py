"""A person's form of address, position and organisation move onto each appearance; order columns are renamed.

Each existing link is given the details it prints today, so no programme changes when this runs. The person keeps
only the name: a later appearance with a new position no longer rewrites an earlier event.
"""

from peewee import TextField

_APPEARANCES = ("event_person", "programme_person")
_ORDERED = ("event_partner", "event_person", "programme_item", "programme_person")


def up(migrator, db):
    migrator.migrate(*(migrator.rename_column(table, "position", "sort_order") for table in _ORDERED))
    migrator.migrate(
        *(
            migrator.add_column(table, column, TextField(null=True))
            for table in _APPEARANCES
            for column in ("honorific", "position", "organisation")
        )
    )
    for table in _APPEARANCES:
        db.execute_sql(
            f"UPDATE {table} SET "
            f"honorific = (SELECT person.honorific FROM person WHERE person.id = {table}.person_id), "
            f"position = (SELECT person.position FROM person WHERE person.id = {table}.person_id), "
            f"organisation = (SELECT organisation.name FROM person JOIN organisation "
            f"ON organisation.id = person.organisation_id WHERE person.id = {table}.person_id)"
        )
    migrator.migrate(migrator.drop_column("person", "honorific"), migrator.drop_column("person", "position"))
    if db.__class__.__name__.startswith("Postgres"):
        migrator.migrate(migrator.drop_column("person", "organisation_id"))
    else:
        # SQLite cannot drop a column that carries a foreign key without rebuilding the table, and rebuilding
        # `person` would cascade into every appearance; the column stays, unused and empty.
        db.execute_sql("UPDATE person SET organisation_id = NULL")


def down(migrator, db):
    raise NotImplementedError("appearances cannot be folded back into one position per person")
