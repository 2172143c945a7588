"""Exhibitions: sections, items, loans, and the mark of a hand-entered "items displayed" figure."""

from peewee import AutoField, CharField, DateField, ForeignKeyField, IntegerField, Model, TextField


def up(migrator, db):
    # Frozen copies of the models as they were in this version (see 0001).
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Event(Base):
        id = AutoField()

    class ExhibitSection(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE")
        sort_order = IntegerField(default=0)
        title = TextField()

    class ExhibitItem(Base):
        id = AutoField()
        section = ForeignKeyField(ExhibitSection, on_delete="CASCADE")
        sort_order = IntegerField(default=0)
        title = TextField()
        creator = TextField(null=True)
        place = TextField(null=True)
        publisher = TextField(null=True)
        year = CharField(null=True)
        call_number = CharField(null=True, index=True)
        item_type = CharField(default="book")
        quantity = IntegerField(default=1)
        lender = TextField(null=True)
        condition = TextField(null=True)
        physical = TextField(null=True)
        caption = TextField(null=True)
        note = TextField(null=True)

    class ExhibitLoan(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE")
        sort_order = IntegerField(default=0)
        lender = TextField()
        direction = CharField(default="in")
        date_out = DateField(null=True)
        date_due = DateField(null=True)
        date_back = DateField(null=True)
        state = CharField(default="requested")
        note = TextField(null=True)

    class ExhibitCountOverride(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE", unique=True)

    db.create_tables([ExhibitSection, ExhibitItem, ExhibitLoan, ExhibitCountOverride])


def down(migrator, db):
    for table in ("exhibit_count_override", "exhibit_loan", "exhibit_item", "exhibit_section"):
        db.execute_sql(f"DROP TABLE IF EXISTS {table}")
