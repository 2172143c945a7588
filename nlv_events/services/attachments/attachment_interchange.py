"""The files attached to each event in the interchange file: their record (name, kind, size, SHA-256, place in the
media folder), not the files. The files travel in a full export (attachment_bundle: a zip of the file and the
media it names). An import adds the attachments an event does not hold yet (matched by SHA-256), never removes one.
"""

from __future__ import annotations

import json
import re
from typing import Any

from nlv_events.core.attachment_models import ATTACHMENT_KINDS, Attachment
from nlv_events.i18n import _
from nlv_events.services.interchange import json_types, parts, rows_kept
from nlv_events.services.interchange.parts import EventExporter, InterchangePart, Place, refuse_unknown, register

KEY = "attachments"
ITEM_KEYS = ("name", "kind", "size", "sha256", "path")
_SHA256 = re.compile(json_types.SHA256_PATTERN)
# A stored name as attachment_files makes it: attachments/<event ref>/<digest prefix>[.ending], nothing else.
_STORED = re.compile(r"^attachments/[^/\\:]+/[0-9a-f]{24}(\.[A-Za-z0-9]{1,10})?$")


def _item(value: Any, place: Place, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise place.fail(key, _("expected an object."))
    refuse_unknown(value, ITEM_KEYS, place, f"{key}.")
    name, kind, size = value.get("name"), value.get("kind", "other"), value.get("size")
    digest, path = value.get("sha256"), value.get("path")
    if not isinstance(name, str) or not name.strip():
        raise place.fail(f"{key}.name", _("expected the file's name."))
    if kind not in ATTACHMENT_KINDS:
        raise place.fail(f"{key}.kind", _("expected one of: {kinds}.").format(kinds=", ".join(ATTACHMENT_KINDS)))
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise place.fail(f"{key}.size", _("expected a whole number, found {value}.").format(value=json.dumps(size)))
    if not isinstance(digest, str) or not _SHA256.match(digest):
        raise place.fail(f"{key}.sha256", _("expected the file's SHA-256 (64 hexadecimal digits)."))
    if not isinstance(path, str) or not _STORED.match(path):
        raise place.fail(f"{key}.path", _("expected a path inside the media folder, such as attachments/…/….pdf."))
    return {"original_name": name, "kind": kind, "size": size, "digest": digest, "path": path}


def parse_event(data: dict[str, Any], place: Place) -> list[dict[str, Any]] | None:
    return parts.listed_items(data, KEY, place, _item)


def to_list(rows: list[Attachment]) -> list[dict[str, Any]]:
    return [{"name": row.original_name, "kind": row.kind, "size": row.size, "sha256": row.digest, "path": row.path}
            for row in rows]  # fmt: skip


class AttachmentPart(InterchangePart):
    """Each event's "attachments", a list per event of the file (None: the file says nothing of them)."""

    name = "attachments"
    order = 30
    event_keys = frozenset({KEY})

    def parse(self, data: dict[str, Any], events: list[Any]) -> list[list[dict[str, Any]] | None]:
        return [parse_event(value, Place(event=number)) if isinstance(value, dict) else None
                for number, value in enumerate(events, 1)]  # fmt: skip

    def differs(self, parsed: list, number: int, event_id: int) -> bool:
        listed = parsed[number - 1]
        if not listed:
            return False
        held = {row.digest for row in Attachment.select(Attachment.digest).where(Attachment.event == event_id)}
        return any(item["digest"] not in held for item in listed)

    def store_event(self, parsed: list, number: int, event_id: int) -> None:
        if not parsed[number - 1]:
            return  # nothing listed, nothing to add: no query for each of an import's events
        held = {row.digest for row in Attachment.select(Attachment.digest).where(Attachment.event == event_id)}
        for item in parsed[number - 1] or []:
            if item["digest"] not in held:
                Attachment.create(event=event_id, **item)
                held.add(item["digest"])

    def keep(self, event_ids: list[int]) -> rows_kept.RowsKept:
        return rows_kept.keep(Attachment, event_ids)

    def take_back(self, kept: rows_kept.RowsKept) -> None:
        rows_kept.take_back(kept)

    def exporter(self, contacts: bool) -> EventExporter:
        by_event: dict[int, list[Attachment]] = {}
        for row in Attachment.select().order_by(Attachment.added_at, Attachment.id):
            by_event.setdefault(row.event_id, []).append(row)
        return lambda event_id, data: data.update({KEY: to_list(by_event[event_id])} if event_id in by_event else {})

    def event_schema(self) -> dict[str, dict[str, Any]]:
        item = {
            "name": json_types.REQUIRED_TEXT,
            "kind": json_types.codes(ATTACHMENT_KINDS),
            "size": json_types.COUNT,
            "sha256": {"type": "string", "pattern": json_types.SHA256_PATTERN},
            "path": json_types.REQUIRED_TEXT,
        }
        return {KEY: json_types.optional(json_types.list_of(json_types.obj(item, ["name", "sha256", "path"])))}


register(AttachmentPart())
