"""The press coverage of each event in the interchange file: `"press": [{"outlet": "Nhân Dân", "date":
"2022-12-27", "title": "…", "url": "https://…", "kind": "print"}]`. An import adds the articles an event does not
hold yet (the same outlet, date and title), never removes one; each is checked as the window checks it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from nlv_events.core import when
from nlv_events.core.attachment_models import Attachment
from nlv_events.core.errors import UserError
from nlv_events.core.press_models import ARTICLE_KINDS, PressArticle
from nlv_events.i18n import _
from nlv_events.services.interchange import json_types, parts, rows_kept
from nlv_events.services.interchange.parts import EventExporter, InterchangePart, Place, refuse_unknown, register
from nlv_events.services.press import articles

KEY = "press"
ITEM_KEYS = ("outlet", "date", "title", "url", "kind", "clipping")  # clipping: the SHA-256 of one of its attachments
_SHA256 = re.compile(json_types.SHA256_PATTERN)


def _article(value: Any, place: Place, key: str) -> tuple[articles.Article, str | None]:
    if not isinstance(value, dict):
        raise place.fail(key, _("expected an object."))
    refuse_unknown(value, ITEM_KEYS, place, f"{key}.")
    texts = {name: value.get(name) for name in ITEM_KEYS}
    for name, text in texts.items():
        if text is not None and not isinstance(text, str):
            raise place.fail(f"{key}.{name}", _("expected text."))
    try:
        day = when.parse_day(texts["date"] or "")
    except ValueError:
        raise place.fail(f"{key}.date", _("expected a date such as 2022-12-27.")) from None
    if texts["clipping"] is not None and not _SHA256.match(texts["clipping"]):
        raise place.fail(f"{key}.clipping", _("expected the file's SHA-256 (64 hexadecimal digits)."))
    article = articles.Article(texts["outlet"] or "", day, texts["title"] or "", texts["url"] or "",
                               texts["kind"] or "online")  # fmt: skip
    try:
        return articles.checked(article), texts["clipping"]
    except UserError as error:
        raise place.fail(f"{key}.{getattr(error, 'field', '') or 'title'}", str(error)) from None


def parse_event(data: dict[str, Any], place: Place) -> list[tuple[articles.Article, str | None]] | None:
    return parts.listed_items(data, KEY, place, _article)


def _identity(outlet: str, day: dt.date, title: str) -> tuple[str, str, str]:
    return outlet, day.isoformat(), title


class PressPart(InterchangePart):
    """Each event's "press", a list per event of the file (None: the file says nothing of it)."""

    name = "press"
    order = 35
    event_keys = frozenset({KEY})

    def parse(self, data: dict[str, Any], events: list[Any]) -> list[list[tuple[articles.Article, str | None]] | None]:
        return [parse_event(value, Place(event=number)) if isinstance(value, dict) else None
                for number, value in enumerate(events, 1)]  # fmt: skip

    def _held(self, event_id: int) -> set[tuple[str, str, str]]:
        return {_identity(row.outlet, row.day, row.title)
                for row in PressArticle.select().where(PressArticle.event == event_id)}  # fmt: skip

    def differs(self, parsed: list, number: int, event_id: int) -> bool:
        if not parsed[number - 1]:
            return False  # nothing listed: nothing to add, and no query for each of an import's events
        held = self._held(event_id)
        return any(_identity(item.outlet, item.day, item.title) not in held for item, _clip in parsed[number - 1] or [])

    def store_event(self, parsed: list, number: int, event_id: int) -> None:
        if not parsed[number - 1]:
            return
        held = self._held(event_id)
        # The attachments part runs first (its order is lower): a clipping names one of the event's files by SHA-256.
        files = {row.digest: row.id for row in Attachment.select().where(Attachment.event == event_id)}
        for item, clipping in parsed[number - 1] or []:
            if _identity(item.outlet, item.day, item.title) not in held:
                PressArticle.create(event=event_id, outlet=item.outlet, day=item.day, title=item.title, url=item.url,
                                    kind=item.kind, clipping=files.get(clipping or ""))  # fmt: skip
                held.add(_identity(item.outlet, item.day, item.title))

    def keep(self, event_ids: list[int]) -> rows_kept.RowsKept:
        return rows_kept.keep(PressArticle, event_ids)

    def take_back(self, kept: rows_kept.RowsKept) -> None:
        rows_kept.take_back(kept)

    def exporter(self, contacts: bool) -> EventExporter:
        by_event: dict[int, list[dict[str, Any]]] = {}
        digests = {row.id: row.digest for row in Attachment.select(Attachment.id, Attachment.digest)
                   .join(PressArticle, on=PressArticle.clipping == Attachment.id)}  # fmt: skip
        for row in PressArticle.select().order_by(PressArticle.day, PressArticle.outlet, PressArticle.id):
            item = {"outlet": row.outlet, "date": row.day.isoformat(), "title": row.title, "url": row.url,
                    "kind": row.kind}  # fmt: skip
            if row.clipping_id in digests:
                item["clipping"] = digests[row.clipping_id]
            by_event.setdefault(row.event_id, []).append(item)
        return lambda event_id, data: data.update({KEY: by_event[event_id]} if event_id in by_event else {})

    def event_schema(self) -> dict[str, dict[str, Any]]:
        item = {
            "outlet": json_types.REQUIRED_TEXT,
            "date": json_types.DAY,
            "title": json_types.REQUIRED_TEXT,
            "url": json_types.optional(json_types.TEXT),
            "kind": json_types.optional(json_types.codes(ARTICLE_KINDS)),
            "clipping": json_types.optional({"type": "string", "pattern": json_types.SHA256_PATTERN}),
        }
        return {KEY: json_types.optional(json_types.list_of(json_types.obj(item, ["outlet", "date", "title"])))}


register(PressPart())
