"""Guests and invitations: the editable guest groups, the guest list of each event, contacts in the address book."""

from peewee import AutoField, CharField, DateField, ForeignKeyField, IntegerField, Model, TextField

# The usual groups in order of protocol (domain notes); the office renames, adds and reorders them.
DEFAULT_GROUPS = (
    "Lãnh đạo Bộ",
    "Vụ, Cục thuộc Bộ",
    "Đơn vị trong Bộ",
    "Thư viện tỉnh, thành phố",
    "Khách mời khác",
    "Báo chí",
)


def up(migrator, db):
    # Frozen copies: later changes to the models must not change what this script creates. Event and Person are
    # declared only as far as the foreign keys need them.
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Event(Base):
        id = AutoField()

    class Person(Base):
        id = AutoField()

    class GuestGroup(Base):
        id = AutoField()
        name = CharField(unique=True)
        rank = IntegerField(default=100)

    class Guest(Base):
        id = AutoField()
        event = ForeignKeyField(Event, on_delete="CASCADE")
        person = ForeignKeyField(Person, on_delete="CASCADE")
        honorific = CharField(null=True)
        position = TextField(null=True)
        organisation = TextField(null=True)
        group = ForeignKeyField(GuestGroup, null=True, on_delete="SET NULL")
        precedence = IntegerField(default=0)
        state = CharField(default="to_invite")
        invited_on = DateField(null=True)
        invited_by = CharField(null=True)
        deputy_name = CharField(null=True)
        deputy_position = TextField(null=True)
        seat = CharField(null=True)
        notes = TextField(null=True)

        class Meta:
            indexes = ((("event", "person"), True), (("event", "precedence"), False))

    migrator.migrate(
        migrator.add_column("person", "email", CharField(null=True)),
        migrator.add_column("person", "phone", CharField(null=True)),
    )
    db.create_tables([GuestGroup, Guest])
    GuestGroup.insert_many([{"name": name, "rank": rank} for rank, name in enumerate(DEFAULT_GROUPS, 1)]).execute()


def down(migrator, db):
    db.execute_sql("DROP TABLE IF EXISTS guest")
    db.execute_sql("DROP TABLE IF EXISTS guest_group")
    migrator.migrate(migrator.drop_column("person", "email"), migrator.drop_column("person", "phone"))
