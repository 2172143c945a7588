"""Reading an interchange file's bytes: orjson reads what it takes, the standard library the rest; either way the
document is the same, and what is wrong with a file is said as it always was (issue #35)."""

from __future__ import annotations

import codecs
import json

import pytest

from nlv_events.core.errors import UserError
from nlv_events.services.interchange import decoding, reading

EVENT = {
    "kind": "talk",
    "title": "Tọa đàm “Văn hóa đọc” \U0001f4da",
    "start": "2023-04-21T08:30",
    "end": "2023-04-21T11:00",
    "venue": "Hội trường tầng 2",
    "attendance": 120,
    "people": [{"name": "Nguyễn Văn An", "role": "speaker", "position": "Phó Giám đốc"}],
    "programme": [{"start": "2023-04-21T08:30", "title": "Khai mạc", "people": [{"name": "Trần Thị Bình"}]}],
}
FILE = {"format": "nlv-events/1", "events": [EVENT, {**EVENT, "title": "Giao lưu", "start": "2023-04-22"}]}


@pytest.mark.parametrize("ensure_ascii", [False, True], ids=["letters", "escaped"])
def test_a_file_reads_as_the_standard_library_reads_it(ensure_ascii):
    text = json.dumps(FILE, ensure_ascii=ensure_ascii)
    read = decoding.parse_text(text.encode("utf-8"), "file.json")
    assert read == reading.parse_document(json.loads(text))
    assert read.events[0].title == "Tọa đàm “Văn hóa đọc” 📚"


def test_a_file_saved_with_a_byte_order_mark_reads_as_without():
    raw = json.dumps(FILE, ensure_ascii=False).encode("utf-8")
    assert decoding.parse_text(codecs.BOM_UTF8 + raw, "file.json") == decoding.parse_text(raw, "file.json")


def test_what_orjson_refuses_but_the_standard_library_reads_is_still_read():
    # NaN is not JSON, but Python has always read it; a number that is no count is then refused by the checks.
    raw = json.dumps({**FILE, "events": [{**EVENT, "attendance": float("nan")}]}).encode("utf-8")
    assert b"NaN" in raw
    with pytest.raises(UserError) as refused:
        decoding.parse_text(raw, "file.json")
    assert "JSON" not in str(refused.value)  # read, then refused for the field, not for the file's form


def test_a_broken_file_is_refused_with_the_line_and_column_the_standard_library_finds():
    with pytest.raises(UserError, match=r"line 3, column 5|dòng 3, cột 5"):
        decoding.parse_text(b'{"format": "nlv-events/1",\n "events": [\n    ,]}', "file.json")


@pytest.mark.parametrize("number", ["9" * 19, "-9223372036854775809", "18446744073709551616", "9" * 200])
def test_a_whole_number_past_64_bits_stays_a_whole_number(number):
    # orjson reads these as floats: the checks would then say "expected a whole number" instead of what they say
    # of a count too large to be true.
    raw = json.dumps({**FILE, "events": [{**EVENT, "attendance": 1}]}).replace(
        '"attendance": 1', f'"attendance": {number}'
    )
    document = decoding.parse_text(raw.encode("utf-8"), "file.json")
    assert document.events[0].attendance == int(number)


def test_digits_inside_a_text_do_not_slow_the_reading():
    # A uuid4 ref now and then holds twenty digits in a row: that is no number.
    raw = json.dumps({**FILE, "events": [{**EVENT, "ref": "b0b39c209006432591041221996496b0"}]}).encode("utf-8")
    assert not decoding._may_hold_a_huge_number(raw)
    assert decoding._may_hold_a_huge_number(raw.replace(b'"attendance": 120', b'"attendance":\n  12345678901234567890'))
