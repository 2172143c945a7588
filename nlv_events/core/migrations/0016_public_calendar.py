"""The public calendar and invitations sent by e-mail (issue #33).

An event gets `publication` (vocab.PUBLICATIONS: "auto" publishes exhibitions, Book Day, talks and conferences and
keeps training courses and other events internal; "public" and "internal" override the kind) and a short
`public_description`, the one text the website shows (the description and notes may be internal). A guest gets
when their invitation was sent by e-mail, to which address, and the name of the file attached.
"""

from peewee import CharField, DateTimeField, TextField

GUEST_COLUMNS = ("invitation_sent_at", "invitation_sent_to", "invitation_sent_file")


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("event", "publication", CharField(default="auto")),
        migrator.add_column("event", "public_description", TextField(null=True)),
        migrator.add_column("guest", "invitation_sent_at", DateTimeField(null=True)),
        migrator.add_column("guest", "invitation_sent_to", CharField(null=True)),
        migrator.add_column("guest", "invitation_sent_file", CharField(null=True)),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_column("event", "publication"),
        migrator.drop_column("event", "public_description"),
        *(migrator.drop_column("guest", column) for column in GUEST_COLUMNS),
    )
