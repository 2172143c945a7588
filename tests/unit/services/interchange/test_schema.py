"""The JSON Schema of the interchange file: published as the declarations make it, naming every key the reader
takes, holding for the files the app writes, and checked at import before the deeper checks, in one clear line."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from nlv_events import i18n
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ITEM_FIELDS, LOAN_FIELDS
from nlv_events.services.exhibits import exhibit_interchange
from nlv_events.services.guests import guest_interchange
from nlv_events.services.interchange import exporting, features, reading, schema, schema_check
from nlv_events.services.media import media_interchange
from nlv_events.services.planning import planning_interchange
from nlv_events.services.workspace import demo
from tests.integration.cli_runner import run

PUBLISHED = Path(__file__).parents[4] / "docs" / "nlv-events-1.schema.json"

EVENT = {"kind": "exhibition", "title": "Triển lãm sách", "start": "2023-04-21"}


def _file(**event_keys) -> dict:
    return {"format": "nlv-events/1", "events": [dict(EVENT), {**EVENT, "title": "Hai", **event_keys}]}


def test_the_published_schema_is_the_one_the_declarations_make():
    published = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    assert published == schema.document_schema(), (
        "docs/nlv-events-1.schema.json is stale: python -m nlv_events.services.interchange.schema "
        "docs/nlv-events-1.schema.json"
    )
    jsonschema.Draft202012Validator.check_schema(published)
    assert published["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _keys(node: dict) -> set[str]:
    return set(node["properties"])


def test_the_schema_names_exactly_the_keys_the_reader_takes():
    document = schema.document_schema()
    assert _keys(document) == reading.OWN_DOCUMENT_KEYS | features.document_keys()
    definitions = document["$defs"]
    assert _keys(definitions["event"]) == reading.OWN_EVENT_KEYS | features.event_keys()
    assert _keys(definitions["person"]) == reading.PERSON_KEYS
    assert _keys(definitions["programme_row"]) == reading.PROGRAMME_KEYS
    assert _keys(definitions["plan"]) == reading.PLAN_KEYS
    event = definitions["event"]["properties"]
    exhibit = event["exhibit"]
    assert _keys(exhibit) == exhibit_interchange.EXHIBIT_KEYS
    section = exhibit["properties"]["sections"]["items"]
    assert _keys(section) == exhibit_interchange.SECTION_KEYS
    assert _keys(section["properties"]["items"]["items"]) == set(ITEM_FIELDS)
    assert _keys(exhibit["properties"]["loans"]["items"]) == set(LOAN_FIELDS)
    assert _keys(event["guests"]["items"]) == guest_interchange.GUEST_KEYS
    assert _keys(event["photos"]["items"]) == media_interchange.PHOTO_KEYS
    assert _keys(event["news_item"]) == media_interchange.NEWS_KEYS
    assert {"series", "series_date", "commemoration"} <= set(event)
    assert _keys(document["properties"]["series"]["items"]) == planning_interchange.SERIES_KEYS
    assert _keys(document["properties"]["commemorations"]["items"]) == planning_interchange.COMMEMORATION_KEYS
    assert event["kind"]["enum"] == ["exhibition", "book_day", "talk", "conference", "training", "other"]
    assert definitions["event"]["required"] == ["kind", "title", "start"]


def test_the_demo_year_and_its_export_are_valid(demo_db):
    with demo.DEMO_FILE.open(encoding="utf-8") as stream:
        jsonschema.validate(json.load(stream), schema.document_schema())
    jsonschema.validate(json.loads(json.dumps(exporting.export_document())), schema.document_schema())


def test_every_export_of_the_tests_is_checked_against_the_schema(demo_db, monkeypatch):
    """tests/conftest.py checks what export_document returns: an export the schema refuses fails its test."""
    monkeypatch.setattr(exporting, "record_to_dict", lambda record: {"title": record.title, "colour": "red"})
    with pytest.raises(jsonschema.ValidationError, match="colour"):
        exporting.export_document(2022)


BAD_FILES = [
    # A catalogue item without its title stopped the import with “Unexpected error (TypeError)”.
    (_file(exhibit={"sections": [{"title": "Phần 1", "items": [{"creator": "Hồ Chí Minh"}]}]}),
     "event 2, field “exhibit.sections[1].items[1].title”: this field is required."),
    (_file(exhibit={"sections": [], "loans": [{"lender": "Bảo tàng", "state": "lost"}]}),
     "event 2, field “exhibit.loans[1].state”: Unknown state “lost”: use one of requested, received, returned."),
    (_file(exhibit={"count_override": None}), "event 2, field “exhibit.count_override”: this field is required."),
    (_file(guests=[{"name": "Nguyễn Thế Kỷ", "deputy": 5}]),
     "event 2, field “guests[1].deputy”: expected object / string, found 5."),
    (_file(guests=[{"name": "Nguyễn Thế Kỷ", "deputy": {"name": "Ông Phạm Văn Thành", "phone": "0912"}}]),
     "event 2, field “guests[1].deputy.phone”: unknown key; the keys allowed here are: honorific, name, position."),
    (_file(photos=[{"path": "events/a.jpg", "sha256": "abc"}]),
     "event 2, field “photos[1].sha256”: expected the photo's SHA-256 (64 hexadecimal digits)."),
    (_file(series_date="08/03/2025"), "event 2, field “series_date”: “08/03/2025” is not a date such as 2025-04-26."),
    (_file(programme=[{"start": "2023-04-21T8:00", "title": "Khai mạc"}]),
     "event 2, field “programme[1].start”: “2023-04-21T8:00” is not a date such as 2023-04-21"),
    ({"format": "nlv-events/1", "series": [{"title": "Kể chuyện", "kind": "story", "rule": "FREQ=WEEKLY;COUNT=2",
                                            "start": "2025-03-01"}]},
     "series 1, field “kind”: Unknown kind “story”: use one of exhibition, book_day"),
    ({"format": "nlv-events/1", "commemorations": [{"key": "office-day", "month": 3}]},
     "commemoration 1, field “day”: this field is required."),
    ({"format": "nlv-events/1", "plans": [{"year": "2023", "kind": "talk", "target": 3}]},
     "plan 1, field “year”: expected a whole number, found \"2023\"."),
    ({"format": "nlv-events/1", "meta": [], "events": []}, "field “meta”: expected an object."),
]  # fmt: skip


@pytest.mark.parametrize(("data", "expected"), BAD_FILES)
def test_a_file_the_schema_refuses_is_one_line_naming_the_place(data, expected):
    i18n.setup_i18n("en")
    with pytest.raises(UserError) as caught:
        reading.parse_document(copy.deepcopy(data))
    assert str(caught.value).startswith(expected)
    assert "\n" not in str(caught.value)
    # The reference implementation refuses it too: the import's validator and jsonschema read the schema alike.
    assert not jsonschema.Draft202012Validator(schema.document_schema()).is_valid(data)


def test_the_schema_is_checked_before_the_deeper_checks():
    """The first problem in the file's order is told, whichever check would have found it."""
    i18n.setup_i18n("en")
    data = {"format": "nlv-events/1", "events": [{**EVENT, "colour": "red"}, {**EVENT, "start": 20230421}]}
    with pytest.raises(UserError, match="event 1, field “colour”: unknown key"):
        schema_check.check(data)
    data["events"][0].pop("colour")
    with pytest.raises(UserError, match=r"event 2, field “start”: expected text, found 20230421\."):
        schema_check.check(data)
    schema_check.check({"format": "nlv-events/1"})  # every other key may be left out


def test_the_command_line_refuses_such_a_file_in_one_line_and_stores_nothing(capsys, tmp_path, db_path):
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(BAD_FILES[0][0], ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "import", str(path), "--db", str(db_path), "--lang", "en")
    assert code == 1 and err == f"nlv-events: {BAD_FILES[0][1]}\n"
    code, out, _err = run(capsys, "events", "--db", str(db_path), "--lang", "en")
    assert code == 0 and "0 events" in out
