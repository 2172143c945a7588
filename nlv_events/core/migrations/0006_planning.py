"""Planning the year: commemorations added by the office, recurring series, and the links of events to them."""

import datetime

from peewee import (
    AutoField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
    TimeField,
)


def up(migrator, db):
    # Frozen copies of the models as they were in this version.
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Commemoration(Base):
        id = AutoField()
        key = CharField(unique=True)
        name = TextField()
        name_en = TextField(null=True)
        founded = DateField(null=True)
        calendar = CharField(default="solar")
        month = IntegerField()
        day = IntegerField()
        style = CharField(default="anniversary")
        source = TextField(null=True)

    class Series(Base):
        id = AutoField()
        ref = CharField(unique=True)
        title = TextField()
        kind = CharField()
        venue = TextField(null=True)
        start_date = DateField()
        start_time = TimeField(null=True)
        end_time = TimeField(null=True)
        rule = TextField()
        skip = TextField(default="")
        people = TextField(default="")
        description = TextField(null=True)
        created_at = DateTimeField(default=datetime.datetime.now)

    db.create_tables([Commemoration, Series])
    migrator.migrate(
        migrator.add_column("event", "commemoration", CharField(null=True)),
        migrator.add_column(
            "event", "series_id", ForeignKeyField(Series, field=Series.id, null=True, on_delete="SET NULL")
        ),
        migrator.add_column("event", "series_date", DateField(null=True)),
        migrator.add_index("event", ("commemoration",), False),
        migrator.add_index("event", ("series_id", "series_date"), False),
    )
