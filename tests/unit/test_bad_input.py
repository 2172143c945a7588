"""The catalogue of bad input: each is refused with a clear message, or accepted intact, never half-saved."""

import copy
import datetime as dt
import json
import unicodedata

import pytest

from nlv_events.core import queries, store
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.legacy_text import looks_like_tcvn3, tcvn3_to_unicode
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord
from nlv_events.services import interchange

GOOD = {"format": "nlv-events/1", "events": [{"kind": "talk", "title": "Tọa đàm", "start": "2023-04-21"}]}


def parsed(data):
    return interchange.parse_document(copy.deepcopy(data))


def test_truncated_json_is_refused_with_its_place(tmp_path):
    text = json.dumps(GOOD, ensure_ascii=False)
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(UserError, match="không phải JSON hợp lệ"):
        interchange.read_document(path)


def test_a_file_in_another_encoding_is_refused(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes(json.dumps(GOOD, ensure_ascii=False).encode("utf-16"))
    with pytest.raises(UserError, match="UTF-8"):
        interchange.read_document(path)


@pytest.mark.parametrize("start", ["2023-02-31", "2023-13-01", "31/02/2023", "hôm nay", "2023-04-21T25:00"])
def test_impossible_dates(start):
    with pytest.raises(UserError, match="start"):
        parsed({**GOOD, "events": [{**GOOD["events"][0], "start": start}]})


@pytest.mark.parametrize("value", [-1, 10**9, 3.5, "120", True])
def test_negative_absurd_and_mistyped_counts(db, value):
    with pytest.raises(UserError):
        interchange.import_document(parsed({**GOOD, "events": [{**GOOD["events"][0], "attendance": value}]}))
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
    assert store.load_record(saved.id).title == title
    assert [e.id for e in queries.events(search="han nom 漢喃")] == [saved.id]
    assert [e.id for e in queries.events(search="КНИГИ")] == [saved.id]


def test_decomposed_text_from_a_file_is_stored_in_nfc(db):
    data = {**GOOD, "events": [{**GOOD["events"][0], "title": unicodedata.normalize("NFD", "Tọa đàm Đọc sách")}]}
    interchange.import_document(parsed(data))
    assert unicodedata.is_normalized("NFC", Event.get().title)
    assert Event.get().title == "Tọa đàm Đọc sách"


def test_tcvn3_text_is_detected_and_converted():
    legacy = "Ngµy S¸ch vµ V¨n hãa ®äc ViÖt Nam"
    assert looks_like_tcvn3(legacy)
    assert tcvn3_to_unicode(legacy) == "Ngày Sách và Văn hóa đọc Việt Nam"
    for unicode_text in ("Ngày Sách và Văn hóa đọc", "Café Hà Nội", "Triển lãm 2023", "Résumé"):
        assert not looks_like_tcvn3(unicode_text)


def test_import_refuses_tcvn3_text_unless_asked_to_convert(db):
    data = {**GOOD, "events": [{**GOOD["events"][0], "title": "Täa ®µm v¨n hãa ®äc"}]}
    document = parsed(data)
    with pytest.raises(interchange.LegacyTextError, match="TCVN3"):
        interchange.handle_legacy_text(document, convert=False)
    assert interchange.handle_legacy_text(document, convert=True) == 1
    interchange.import_document(document)
    assert Event.get().title == "Tọa đàm văn hóa đọc"


def test_nothing_is_saved_half_way(db):
    data = {**GOOD, "events": [GOOD["events"][0], {**GOOD["events"][0], "title": "Hai", "kind": "party"}]}
    with pytest.raises(UserError, match="sự kiện thứ 2"):
        interchange.import_document(parsed(data))
    assert Event.select().count() == 0
