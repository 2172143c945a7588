"""A feature's part of the interchange file registers itself: it is read, checked, imported and exported without
any change to the reading, importing or exporting code."""

import copy
import json

import pytest

from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.services.interchange import exporting, features, importing, parts, reading
from nlv_events.services.interchange.parts import InterchangePart, Place

FILE = {
    "format": "nlv-events/1",
    "stickers_legend": "gold: a round anniversary",
    "events": [
        {"ref": "talk-1", "kind": "talk", "title": "Tọa đàm", "start": "2023-04-21", "sticker": "gold"},
        {"ref": "talk-2", "kind": "talk", "title": "Giao lưu", "start": "2023-05-12"},
    ],
}


class StickerPart(InterchangePart):
    """A tiny feature: a coloured sticker on an event, kept here instead of in a table."""

    name = "stickers"
    order = 50
    document_keys = frozenset({"stickers_legend"})
    event_keys = frozenset({"sticker"})

    def __init__(self) -> None:
        self.stickers: dict[int, str] = {}  # by stored event id
        self.legend: str | None = None

    def parse(self, data, events):
        stickers = {}
        for number, event in enumerate(events, start=1):
            if "sticker" in event:
                if event["sticker"] not in ("gold", "silver"):
                    raise Place(event=number).fail("sticker", "gold or silver")
                stickers[number] = event["sticker"]
        return {"legend": data.get("stickers_legend"), "stickers": stickers}

    def check(self, parsed, number: int, record: EventRecord) -> None:
        if number in parsed["stickers"] and record.kind == "exhibition":
            raise Place(event=number).fail("sticker", "an exhibition has no sticker")

    def store_event(self, parsed, number: int, event_id: int) -> None:
        if number in parsed["stickers"]:
            self.stickers[event_id] = parsed["stickers"][number]

    def store_document(self, parsed, event_ids) -> None:
        self.legend = parsed["legend"]

    def exporter(self, contacts: bool):
        def add(event_id: int, data: dict) -> None:
            if event_id in self.stickers:
                data["sticker"] = self.stickers[event_id]

        return add

    def export_document(self, document: dict, event_ids: list[int]) -> None:
        if self.legend:
            document["stickers_legend"] = self.legend


@pytest.fixture
def stickers():
    part = parts.register(StickerPart())
    yield part
    parts.unregister(part.name)


def test_a_registered_part_is_imported_and_exported_with_the_file(db, stickers):
    summary = importing.import_document(reading.parse_document(copy.deepcopy(FILE)))
    assert summary.created == 2
    assert list(stickers.stickers.values()) == ["gold"] and stickers.legend == "gold: a round anniversary"

    exported = json.loads(json.dumps(exporting.export_document()))
    assert exported["stickers_legend"] == "gold: a round anniversary"
    assert [event.get("sticker") for event in exported["events"]] == ["gold", None]
    # the other parts' keys are still written where they always were
    assert list(exported) == ["format", "plans", "events", "stickers_legend"]


def test_a_registered_parts_checks_refuse_the_file_before_anything_is_stored(db, stickers):
    bad = copy.deepcopy(FILE)
    bad["events"][1]["sticker"] = "purple"
    with pytest.raises(UserError, match=r"2.*“sticker”: gold or silver"):
        reading.parse_document(bad)

    exhibition = copy.deepcopy(FILE)
    exhibition["events"][0]["kind"] = "exhibition"
    with pytest.raises(UserError, match="an exhibition has no sticker"):
        importing.import_document(reading.parse_document(exhibition))
    assert stickers.stickers == {} and exporting.export_document()["events"] == []


def test_without_the_part_its_keys_are_unknown(db):
    with pytest.raises(UserError, match="stickers_legend"):
        reading.parse_document(copy.deepcopy(FILE))


def test_the_features_parts_run_in_a_stable_order():
    names = [part.name for part in features.registered()]
    assert names == ["exhibits", "media", "attachments", "guests", "press", "planning", "tasks"]
