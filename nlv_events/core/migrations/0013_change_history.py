"""The change history (issue #30): who saved which record when, which fields from what to what, and the record as
saved. Append-only, and the database holds to it: a trigger refuses UPDATE and DELETE of its rows, whoever asks
(on PostgreSQL the roles' grants refuse them too, services/team/roles.py). On PostgreSQL a second trigger tells
the listening windows of every save (NOTIFY nlv_events_saved, with the record's kind and id)."""

import datetime

from peewee import AutoField, CharField, DateTimeField, IntegerField, Model, PostgresqlDatabase, TextField

HISTORY_REFUSAL = "the change history is append-only"


def _models(db):
    # A frozen copy: later changes to nlv_events.core.history_models must not change what this script creates.
    class ChangeEntry(Model):
        id = AutoField()
        record_kind = CharField()
        record_id = IntegerField()
        parent_kind = CharField(null=True)
        parent_id = IntegerField(null=True)
        version = IntegerField(null=True)
        action = CharField()
        changed_by = CharField()
        changed_at = DateTimeField(default=datetime.datetime.now)
        changes = TextField(default="[]")
        snapshot = TextField(null=True)
        restored_from = IntegerField(null=True)

        class Meta:
            database = db
            table_name = "change_history"
            indexes = ((("record_kind", "record_id"), False), (("parent_kind", "parent_id"), False))

    return [ChangeEntry]


def up(migrator, db):
    db.create_tables(_models(db))
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql(
            "CREATE OR REPLACE FUNCTION nlv_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{HISTORY_REFUSAL}'; END $$"
        )
        db.execute_sql(
            "CREATE TRIGGER change_history_append_only BEFORE UPDATE OR DELETE ON change_history "
            "FOR EACH ROW EXECUTE FUNCTION nlv_history_append_only()"
        )
        db.execute_sql("CREATE TRIGGER change_history_no_truncate BEFORE TRUNCATE ON change_history "
                       "FOR EACH STATEMENT EXECUTE FUNCTION nlv_history_append_only()")
        # Every save writes a history row: one NOTIFY there tells the other windows (live updates).
        db.execute_sql(
            "CREATE OR REPLACE FUNCTION nlv_history_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "PERFORM pg_notify('nlv_events_saved', json_build_object('kind', COALESCE(NEW.parent_kind, "
            "NEW.record_kind), 'id', COALESCE(NEW.parent_id, NEW.record_id), 'by', NEW.changed_by)::text); "
            "RETURN NEW; END $$"
        )
        db.execute_sql(
            "CREATE TRIGGER change_history_notify AFTER INSERT ON change_history "
            "FOR EACH ROW EXECUTE FUNCTION nlv_history_notify()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            db.execute_sql(
                f"CREATE TRIGGER change_history_no_{event.lower()} BEFORE {event} ON change_history "
                f"BEGIN SELECT RAISE(ABORT, '{HISTORY_REFUSAL}'); END"
            )


def down(migrator, db):
    pass  # the history is kept: it is the record of who changed what
