"""A history entry's fields and values in the words the window uses: "trạng thái: Cần mời → Đã mời", "loại sự kiện:
Tọa đàm – giao lưu", "hạn: 18/12/2022", not the columns and codes the database keeps ("state: to_invite →
invited")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from nlv_events.core import rules, vocab
from nlv_events.core.exhibit_records import ITEM_FIELD_LABELS, ITEM_TYPES, LOAN_DIRECTIONS, LOAN_STATES
from nlv_events.i18n import N_, _
from nlv_events.i18n.formats import format_day, format_moment
from nlv_events.services.guests.guest_replies import CHANNELS
from nlv_events.services.guests.guest_replies import STATES as GUEST_STATES
from nlv_events.services.press.articles import KIND_LABELS as PRESS_KINDS
from nlv_events.services.tasks.task_list import STATE_LABELS as TASK_STATES

# The codes of a part's rows, by the kind an entry names and the column: the vocabularies their forms show.
ROW_CODES: dict[tuple[str, str], dict[str, str]] = {
    ("guest", "state"): GUEST_STATES,
    ("guest", "invited_by"): CHANNELS,
    ("guest", "replied_by"): CHANNELS,
    ("task", "state"): TASK_STATES,
    ("exhibit_loan", "state"): LOAN_STATES,
    ("exhibit_loan", "direction"): LOAN_DIRECTIONS,
    ("exhibit_item", "item_type"): ITEM_TYPES,
    ("task", "anchor"): {"start": N_("days from the start"), "end": N_("days from the end")},
    ("press_article", "kind"): PRESS_KINDS,
}
# The columns a row's own form names otherwise than the event's fields of the same name ("title" of an item is not
# the event's title) or that no event field names, by the kind an entry names.
ROW_LABELS: dict[str, dict[str, str]] = {
    "exhibit_item": {**ITEM_FIELD_LABELS, "title": N_("item title"), "item_type": N_("item type"),
                     "quantity": N_("quantity")},
    "exhibit_section": {"title": N_("section title")},
    "exhibit_loan": {"direction": N_("direction"), "date_out": N_("date out"), "date_due": N_("due back"),
                     "date_back": N_("returned on"), "note": N_("note")},
    "task": {"title": N_("task"), "anchor": N_("due date follows"), "on_schedule": N_("in the week's schedule")},
    "press_article": {"outlet": N_("outlet"), "day": N_("published on"), "kind": N_("medium")},
    "attachment": {"original_name": N_("file name")},
    "photo": {"original_name": N_("file name")},
}
# The columns of the parts' rows that the event's own fields (core/records.FIELD_LABELS) do not name.
COLUMN_LABELS: dict[str, str] = {
    "state": N_("state"),
    "invited_on": N_("invited on"),
    "invited_by": N_("invited by"),
    "replied_on": N_("replied on"),
    "replied_by": N_("replied by"),
    "precedence": N_("number in the list"),
    "due": N_("due date"),
    "done_on": N_("done on"),
    "note": N_("note"),
    "owner": N_("owner"),
    "caption": N_("caption"),
    "creator": N_("author"),
    "publisher": N_("publisher"),
    "call_number": N_("call number"),
    "lender": N_("lender"),
    "condition": N_("condition"),
    "sort_order": N_("order"),
    "section": N_("section"),
    "person": N_("person"),
}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$")


def field_label(field: str, kind: str | None = None) -> str:
    """The field's name as the forms say it (a row's form, for the row `kind` of an entry); a foreign key
    ("owner_id") by what it points to."""
    name = field.removesuffix("_id")
    if name in ROW_LABELS.get(kind or "", {}):
        return _(ROW_LABELS[kind][name])  # type: ignore[index]
    if name in COLUMN_LABELS and name not in rules.FIELD_LABELS:
        return _(COLUMN_LABELS[name])
    return rules.field_label(name)


def value_words(kind: str, field: str, value: Any) -> str:
    """A value as the forms show it: a code by its label, a day or moment as Vietnamese write it, a row by its
    number; nothing as "—"."""
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(str(part) for part in value)
    codes = ROW_CODES.get((kind, field)) or vocab.VOCABULARIES.get(field)
    if codes is not None and value in codes:
        return vocab.table_label(codes, value)
    if field.endswith("_id"):
        return f"#{value}"
    if isinstance(value, str) and _ISO_DAY.match(value):
        return format_day(dt.date.fromisoformat(value))
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        return format_moment(dt.datetime.fromisoformat(value))
    return str(value)


# What an entry did (the words of the history's "What" column, in the window and on the command line alike).
ACTIONS = {
    "created": N_("created"),
    "changed": N_("changed"),
    "restored": N_("restored"),
    "added": N_("added"),
    "removed": N_("removed"),
    "deleted": N_("deleted"),
    "undeleted": N_("brought back"),
}
# What a row under the event is, by the kind its history entry names (the table's name, or the part's version).
ROW_KINDS = {
    "exhibit": N_("Exhibition"),
    "exhibit_section": N_("Section"),
    "exhibit_item": N_("Document"),
    "exhibit_loan": N_("Loans"),
    "guest_list": N_("Guests"),
    "guest": N_("Guest"),
    "photo": N_("Photos"),
    "task": N_("Task"),
    "press_article": N_("Press coverage"),
    "attachment": N_("Attachments"),
}


def entry_words(kind: str, action: str) -> str:
    """What an entry did: "created" for the event's own, "Guest: added" for a row under it (a code no word names
    stays as it is)."""
    what = _(ACTIONS[action]) if action in ACTIONS else action
    if kind == "event":
        return what
    return f"{_(ROW_KINDS[kind]) if kind in ROW_KINDS else kind}: {what}"
