"""The change history (migration 0013): one row for each save of a record, appended in the save's own transaction.

Rows are only ever inserted: a trigger refuses UPDATE and DELETE on the table on SQLite and PostgreSQL alike, and on
a server the editors' role may only INSERT into it (services/team/roles.py).
"""

from __future__ import annotations

import datetime as dt

from peewee import CharField, DateTimeField, IntegerField, TextField

from nlv_events.core.models import BaseModel


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class ChangeEntry(BaseModel):
    # What was saved: a table's name ("event", "photo", "exhibit_item") or a part of an event kept under its own
    # version ("exhibit", "guest_list"), and the row's id.
    record_kind = CharField()
    record_id = IntegerField()
    # A child row's owner (a programme row's or an exhibition item's event), so the owner's history lists it.
    parent_kind = CharField(null=True)
    parent_id = IntegerField(null=True)
    version = IntegerField(null=True)  # the record's version after this save
    action = CharField()  # created, changed, added, removed, restored
    changed_by = CharField()  # the login on a server, the settings' name on a file (core/who.py)
    changed_at = DateTimeField(default=_now)
    changes = TextField(default="[]")  # JSON: [{"field", "old", "new"}] or, for rows, {"row", "id", "change", …}
    snapshot = TextField(null=True)  # JSON: the whole record as saved, so that a restore brings it back exactly
    restored_from = IntegerField(null=True)  # the version a restore brought back

    class Meta:
        table_name = "change_history"
        indexes = ((("record_kind", "record_id"), False), (("parent_kind", "parent_id"), False))


HISTORY_MODELS: tuple[type[BaseModel], ...] = (ChangeEntry,)
