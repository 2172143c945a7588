"""The register of outgoing documents: the kinds of document (with the decree's usual ones), the counters of their
numbers and the entries; the press coverage of events; the files attached to events."""

import datetime

from peewee import AutoField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField

# The kinds the office numbers most (Nghị định 30/2020, phụ lục III); the office renames and adds others.
DEFAULT_KINDS = (
    ("CTr", "Chương trình"),
    ("GM", "Giấy mời"),
    ("KH", "Kế hoạch"),
    ("BC", "Báo cáo"),
    ("BB", "Biên bản"),
    ("TTr", "Tờ trình"),
)


def _models(db):
    # Frozen copies: later changes to nlv_events.core.register_models must not change what this script creates.
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Event(Base):
        id = AutoField()

    class DocumentKind(Base):
        id = AutoField()
        symbol = CharField(unique=True)
        name = TextField()
        rank = IntegerField(default=100)
        version = IntegerField(default=1)

    class RegisterCounter(Base):
        id = AutoField()
        series = CharField()
        year = IntegerField()
        last = IntegerField(default=0)

        class Meta:
            indexes = ((("series", "year"), True),)

    class RegisterEntry(Base):
        id = AutoField()
        day = DateField()
        kind = ForeignKeyField(DocumentKind, on_delete="RESTRICT")
        number = IntegerField()
        year = IntegerField()
        symbol = CharField()
        title = TextField()
        event = ForeignKeyField(Event, null=True, on_delete="SET NULL")
        signer = TextField(default="")
        recipients = TextField(default="")
        digest = CharField(default="")
        file_name = TextField(default="")
        reprints = IntegerField(default=0)
        created_by = CharField(default="")
        created_at = DateTimeField(default=datetime.datetime.now)
        version = IntegerField(default=1)

        class Meta:
            indexes = ((("kind", "year", "number"), True),)

    class Attachment(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE")
        path = TextField()
        original_name = TextField()
        kind = CharField(default="other")
        size = IntegerField()
        digest = CharField(index=True)
        register_entry = ForeignKeyField(RegisterEntry, null=True, on_delete="SET NULL")
        added_at = DateTimeField(default=datetime.datetime.now)
        version = IntegerField(default=1)

    class PressArticle(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE")
        outlet = CharField()
        day = DateField()
        title = TextField()
        url = TextField(default="")
        kind = CharField(default="online")
        clipping = ForeignKeyField(Attachment, null=True, on_delete="SET NULL")
        version = IntegerField(default=1)

    return [DocumentKind, RegisterCounter, RegisterEntry, Attachment, PressArticle]


def up(migrator, db):
    models = _models(db)
    db.create_tables(models)
    kind = models[0]
    kind.insert_many(
        [{"symbol": symbol, "name": name, "rank": rank} for rank, (symbol, name) in enumerate(DEFAULT_KINDS, 1)]
    ).execute()


def down(migrator, db):
    db.drop_tables(list(reversed(_models(db))))
