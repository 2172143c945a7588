"""The catalogue of bad input: each is refused with a clear message, or accepted intact, never half-saved."""

import copy
import datetime as dt
import json
import unicodedata

import pytest
from peewee import CharField

from nlv_events.core import event_reading, legacy_text, limits, queries, store
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.legacy_text import looks_like_tcvn3, tcvn3_to_unicode
from nlv_events.core.models import ALL_MODELS, Event
from nlv_events.core.records import EventRecord
from nlv_events.services.interchange import decoding, importing, legacy, reading

GOOD = {"format": "nlv-events/1", "events": [{"kind": "talk", "title": "Tọa đàm", "start": "2023-04-21"}]}


def parsed(data):
    return reading.parse_document(copy.deepcopy(data))


def test_truncated_json_is_refused_with_its_place(tmp_path):
    text = json.dumps(GOOD, ensure_ascii=False)
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(UserError, match="không phải JSON hợp lệ"):
        decoding.read_document(path)


def test_a_file_in_another_encoding_is_refused(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes(json.dumps(GOOD, ensure_ascii=False).encode("utf-16"))
    with pytest.raises(UserError, match="UTF-8"):
        decoding.read_document(path)


@pytest.mark.parametrize("start", ["2023-02-31", "2023-13-01", "31/02/2023", "hôm nay", "2023-04-21T25:00"])
def test_impossible_dates(start):
    with pytest.raises(UserError, match="start"):
        parsed({**GOOD, "events": [{**GOOD["events"][0], "start": start}]})


@pytest.mark.parametrize("value", [-1, 10**9, 3.5, "120", True])
def test_negative_absurd_and_mistyped_counts(db, value):
    with pytest.raises(UserError):
        importing.import_document(parsed({**GOOD, "events": [{**GOOD["events"][0], "attendance": value}]}))
    assert Event.select().count() == 0


def test_a_hundred_thousand_characters_are_refused_not_truncated(db):
    long_title = "Văn hóa đọc " * 10_000
    with pytest.raises(ValidationError, match="quá dài") as caught:
        store.save_event(EventRecord(kind="talk", title=long_title, start=dt.date(2023, 1, 1)))
    assert caught.value.field == "title"
    store.save_event(
        EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 1, 1), description="Mô tả dài. " * 4_000)
    )  # 44 000 characters of description are fine
    assert Event.select().count() == 1


def test_emoji_and_mixed_scripts_are_kept_and_searchable(db):
    title = "Triển lãm 📚 “Sách Hán Nôm – 漢喃” và книги"
    saved = store.save_event(EventRecord(kind="exhibition", title=title, start=dt.date(2023, 1, 1)))
    assert event_reading.load_record(saved.id).title == title
    assert [e.id for e in queries.events(search="han nom 漢喃")] == [saved.id]
    assert [e.id for e in queries.events(search="КНИГИ")] == [saved.id]


def test_decomposed_text_from_a_file_is_stored_in_nfc(db):
    data = {**GOOD, "events": [{**GOOD["events"][0], "title": unicodedata.normalize("NFD", "Tọa đàm Đọc sách")}]}
    importing.import_document(parsed(data))
    assert unicodedata.is_normalized("NFC", Event.get().title)
    assert Event.get().title == "Tọa đàm Đọc sách"


def test_tcvn3_text_is_detected_and_converted():
    legacy = "Ngµy S¸ch vµ V¨n hãa ®äc ViÖt Nam"
    assert looks_like_tcvn3(legacy)
    assert tcvn3_to_unicode(legacy) == "Ngày Sách và Văn hóa đọc Việt Nam"
    for unicode_text in ("Ngày Sách và Văn hóa đọc", "Café Hà Nội", "Triển lãm 2023", "Résumé"):
        assert not looks_like_tcvn3(unicode_text)


@pytest.mark.parametrize(
    ("typed", "encoding", "meant"),
    [
        ("Täa ®µm v¨n hãa ®äc", "TCVN3", "Tọa đàm văn hóa đọc"),
        ("Th\u00ad viÖn Quèc gia", "TCVN3", "Thư viện Quốc gia"),
        ("Toïa ñaøm", "VNI", "Tọa đàm"),
        ("Thö vieän Quoác gia Vieät Nam", "VNI", "Thư viện Quốc gia Việt Nam"),
        ("Ñaïi hoäi", "VNI", "Đại hội"),
    ],
)
def test_tcvn3_and_vni_are_told_apart(typed, encoding, meant):
    assert legacy_text.detect(typed) == encoding
    assert legacy_text.to_unicode(typed, encoding) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Institut français de Hanoï",
        "Müller & Söhne, Köln",
        "Goethe-Institut Hà Nội",
        "Ông Tô Hoài",  # Vietnamese that happens to fit in Latin-1
        "Crème brûlée à la française",
        "Año nuevo, São Paulo",
        "Øresund Ångström Straße",
    ],
)
def test_valid_unicode_in_another_language_is_never_legacy(text):
    assert legacy_text.detect(text) is None


def test_partners_are_never_converted_without_the_users_word(db):
    partners = ["Institut français de Hanoï", "Müller & Söhne, Köln", "Toïa ñaøm"]
    document = parsed({**GOOD, "events": [{**GOOD["events"][0], "partners": partners}]})
    with pytest.raises(UserError, match="VNI"):
        legacy.handle_legacy_text(document, convert=False)
    assert document.events[0].partners == partners  # refused, and nothing changed
    found = legacy.find_legacy_text(document)
    assert [(item.where, item.encoding) for item in found] == [("sự kiện thứ 1, trường “partners[3]”", "VNI")]
    legacy.convert_legacy_text(found)
    importing.import_document(document)
    partners = event_reading.load_record(Event.get()).partners
    assert partners == ["Institut français de Hanoï", "Müller & Söhne, Köln", "Tọa đàm"]


def test_import_refuses_tcvn3_text_unless_asked_to_convert(db):
    data = {**GOOD, "events": [{**GOOD["events"][0], "title": "Täa ®µm v¨n hãa ®äc"}]}
    document = parsed(data)
    with pytest.raises(legacy.LegacyTextError, match="TCVN3"):
        legacy.handle_legacy_text(document, convert=False)
    assert legacy.handle_legacy_text(document, convert=True) == 1
    importing.import_document(document)
    assert Event.get().title == "Tọa đàm văn hóa đọc"


def test_legacy_text_in_people_and_programme_is_found_too():
    event = {
        **GOOD["events"][0],
        "people": [{"name": "NguyÔn V¨n An", "role": "speaker"}],
        "programme": [
            {"start": "2023-04-21", "title": "Khai maïc", "place": "Hoäi tröôøng"},
            {"start": "2023-04-21", "title": "Giao lưu", "people": [
                {"name": "Nguyễn Văn Bình"}, {"name": "Traàn Thò Hoa", "organisation": "Vieän Vaên hoïc"},
            ]},
        ],
    }
    found = legacy.find_legacy_text(parsed({**GOOD, "events": [event]}))
    assert [(item.where.split("“")[1].rstrip("”"), item.converted) for item in found] == [
        ("programme[1].title", "Khai mạc"),
        ("programme[1].place", "Hội trường"),
        ("people[1].name", "Nguyễn Văn An"),
        ("programme[2].people[2].name", "Trần Thị Hoa"),
        ("programme[2].people[2].organisation", "Viện Văn học"),
    ]
    assert found[0].where == "sự kiện thứ 1, trường “programme[1].title”"


# Issue 18 item 2: two events of one file that stand for one stored event.
def test_duplicate_refs_in_one_file_are_refused_naming_both(db):
    event = {**GOOD["events"][0], "ref": "hoi-sach-2023"}
    data = {**GOOD, "events": [event, {**GOOD["events"][0], "title": "Khác"}, {**event, "title": "Trùng"}]}
    with pytest.raises(UserError, match=r"Sự kiện 1 và 3 .*“hoi-sach-2023”"):
        parsed(data)


def test_two_events_without_refs_that_would_merge_are_refused(db):
    with pytest.raises(UserError, match="Sự kiện 1 và 2"):
        parsed({**GOOD, "events": [GOOD["events"][0], dict(GOOD["events"][0])]})
    assert Event.select().count() == 0


# Issue 18 item 7: control characters.
@pytest.mark.parametrize(
    ("field", "value"),
    [("title", "Tọa\x00đàm"), ("venue", "Hội\x1btrường"), ("title", "A\u0085B"), ("description", "Tọa đàm\uffff")],
)
def test_nul_and_control_characters_are_refused(db, field, value):
    """U+FFFF too: no XML file may hold it, and the event's Word version failed on it."""
    with pytest.raises(ValidationError, match=r"U\+(00|FFFF)") as caught:
        store.save_event(EventRecord(kind="talk", start=dt.date(2023, 1, 1), **{"title": "Tọa đàm", field: value}))
    assert caught.value.field == field
    assert Event.select().count() == 0


def test_line_breaks_are_kept_in_long_texts_and_refused_in_one_line_fields(db):
    saved = store.save_event(
        EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 1, 1), description="Dòng 1\n\tDòng 2")
    )
    assert event_reading.load_record(saved.id).description == "Dòng 1\n\tDòng 2"
    with pytest.raises(ValidationError, match="một dòng"):
        store.save_event(EventRecord(kind="talk", title="Tọa\nđàm", start=dt.date(2023, 1, 1)))


def test_control_characters_in_a_file_name_the_event_and_field(db):
    data = {**GOOD, "events": [{**GOOD["events"][0], "partners": ["Bộ VHTTDL\u0007"]}]}
    with pytest.raises(UserError, match=r"sự kiện thứ 1.*U\+0007"):
        importing.import_document(parsed(data))


# Issue 18 item 8: dates.
@pytest.mark.parametrize("start", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"])
def test_dates_outside_1900_to_2100_are_refused(db, start):
    with pytest.raises(UserError, match="1900–2100"):
        importing.import_document(parsed({**GOOD, "events": [{**GOOD["events"][0], "start": start}]}))
    assert Event.select().count() == 0


def test_a_programme_row_in_year_9999_is_refused(db):
    row = {"start": "9999-12-31", "title": "Khai mạc"}
    data = {**GOOD, "events": [{**GOOD["events"][0], "end": "9999-12-31", "programme": [row]}]}
    with pytest.raises(UserError, match="1900–2100"):
        importing.import_document(parsed(data))


def test_the_edges_of_the_range_are_accepted(db):
    store.save_event(EventRecord(kind="talk", title="Một", start=dt.date(1900, 1, 1), end=dt.date(2100, 12, 31)))
    assert Event.select().count() == 1


# Issue 18 item 9: one length table, the same on both databases.
@pytest.mark.both_databases
@pytest.mark.parametrize(
    ("where", "key"),
    [("venue", "venue"), ("partners", "partners"), ("people", "name"), ("people", "position"), ("ref", "ref")],
)
def test_names_longer_than_the_table_allows_are_refused_on_both_databases(db, where, key):
    limit = limits.max_length(key)
    too_long, just_right = "Đ" * (limit + 1), "Đ" * limit
    values = {
        "venue": lambda text: {"venue": text},
        "partners": lambda text: {"partners": [text]},
        "name": lambda text: {"people": [{"name": text}]},
        "position": lambda text: {"people": [{"name": "Nguyễn Văn An", "position": text}]},
        "ref": lambda text: {"ref": text},
    }[key]
    with pytest.raises(UserError, match=f"tối đa {limit}"):
        importing.import_document(parsed({**GOOD, "events": [{**GOOD["events"][0], **values(too_long)}]}))
    importing.import_document(parsed({**GOOD, "events": [{**GOOD["events"][0], **values(just_right)}]}))
    assert Event.select().count() == 1


def test_a_programme_rows_place_has_a_limit(db):
    row = {"start": "2023-04-21", "title": "Khai mạc", "place": "Hội trường " * 20_000}
    with pytest.raises(UserError, match="tối đa 255"):
        importing.import_document(parsed({**GOOD, "events": [{**GOOD["events"][0], "programme": [row]}]}))


def test_every_text_field_of_the_store_is_in_the_length_table():
    for name in reading.TEXT_KEYS:
        assert name in limits.MAX_LENGTH
    for name in reading.PERSON_KEYS - {"role"}:
        assert name in limits.MAX_LENGTH
    assert max(limits.MAX_LENGTH[name] for name in ("venue", "partners", "name", "position", "organisation")) <= 255


def test_every_varchar_column_is_at_least_as_wide_as_the_table_allows():
    """What the rules let through always fits the column, on PostgreSQL's varchar as on SQLite."""
    checked = 0
    for model in ALL_MODELS:
        for column in model._meta.sorted_fields:
            if isinstance(column, CharField) and column.name in limits.MAX_LENGTH:
                assert column.max_length >= limits.MAX_LENGTH[column.name], f"{model.__name__}.{column.name}"
                checked += 1
    assert checked >= 5


# Issue 18 item 10: files built to break the reader.
def _write(tmp_path, text):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_nested_a_hundred_thousand_deep_is_refused_cleanly(tmp_path):
    with pytest.raises(UserError, match="lồng"):
        decoding.read_document(_write(tmp_path, "[" * 100_000 + "]" * 100_000))


def test_a_lone_surrogate_is_refused_naming_its_place(tmp_path):
    text = json.dumps(GOOD).replace('"title": "', '"title": "\\ud800', 1)
    with pytest.raises(UserError, match=r"events\[1\]\.title"):
        decoding.read_document(_write(tmp_path, text))


def test_a_surrogate_pair_escaped_in_ascii_json_is_an_ordinary_character(tmp_path):
    text = json.dumps(GOOD).replace('"title": "', '"title": "\\ud83d\\udcda ', 1)  # 📚, as ensure_ascii writes it
    document = decoding.read_document(_write(tmp_path, text))
    assert document.events[0].title.startswith("📚 ")


def test_a_number_with_five_thousand_digits_is_refused_cleanly(tmp_path):
    text = json.dumps(GOOD).replace('"start"', '"attendance": ' + "9" * 5_000 + ', "start"', 1)
    with pytest.raises(UserError, match="chữ số"):
        decoding.read_document(_write(tmp_path, text))


def test_a_merely_large_number_is_refused_by_the_rules(db, tmp_path):
    text = json.dumps(GOOD).replace('"start"', '"attendance": ' + "9" * 200 + ', "start"', 1)
    with pytest.raises(UserError, match="không hợp lý"):
        importing.import_document(decoding.read_document(_write(tmp_path, text)))


# Issue 18 item 11: the news link.
@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///C:/Windows/system32", "smb://server/share/x.exe", "http://", "www.nlv.gov.vn"],
)
def test_news_links_other_than_http_and_https_are_refused(db, url):
    with pytest.raises(ValidationError, match="http:// hoặc https://") as caught:
        store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 1, 1), news_url=url))
    assert caught.value.field == "news_url"


def test_web_news_links_are_accepted(db):
    url = "https://nlv.gov.vn/tin-tuc/toa-dam.html?id=3#top"
    saved = store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2023, 1, 1), news_url=url))
    assert event_reading.load_record(saved.id).news_url == url


def test_nothing_is_saved_half_way(db):
    data = {**GOOD, "events": [GOOD["events"][0], {**GOOD["events"][0], "title": "Hai", "kind": "party"}]}
    with pytest.raises(UserError, match="sự kiện thứ 2"):
        importing.import_document(parsed(data))
    assert Event.select().count() == 0
