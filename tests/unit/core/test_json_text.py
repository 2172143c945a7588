"""The JSON the command line writes is the standard library's text, whichever encoder writes it (issue #35)."""

from __future__ import annotations

import datetime as dt
import json

from nlv_events.core import json_text, when


def test_indented_text_is_the_standard_librarys_for_every_character_and_shape():
    every_ascii = "".join(chr(code) for code in range(0x80))
    value = [
        {"title": every_ascii + "\u2028\u2029\ufeff Triển lãm “Văn hóa đọc” \U0001f4da \\ \" / \x7f\x85", "n": None,
         "empty": [], "none": {}, "numbers": [0, -2, 2**62], "flag": True, "nested": [{"x": [None, ""]}]},
        [],
        {},
    ]
    assert json_text.indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_what_orjson_refuses_is_written_or_refused_as_the_standard_library_does():
    huge = [2**70]
    assert json_text.indented(huge) == json.dumps(huge, ensure_ascii=False, indent=2)
    assert json_text.indented(["\ud800"]) == json.dumps(["\ud800"], ensure_ascii=False, indent=2)


def test_a_timed_moment_is_written_as_before():
    for moment, text in [
        (dt.datetime(2023, 4, 21, 8, 0), "2023-04-21T08:00"),
        (dt.datetime(2023, 4, 21, 8, 0, 0, 500), "2023-04-21T08:00"),
        (dt.datetime(2023, 4, 21, 8, 0, 5), "2023-04-21T08:00:05"),
        (dt.datetime(999, 1, 1, 8, 0), "999-01-01T08:00"),
        (dt.date(2023, 4, 21), "2023-04-21"),
    ]:
        assert when.to_iso(moment) == text
    assert when.as_date("2023-04-21") == dt.date(2023, 4, 21)
    assert when.as_time("08:30:00") == dt.time(8, 30)


def test_the_bytes_are_the_text_in_utf8():
    value = [{"title": "Triển lãm “Văn hóa đọc” \U0001f4da \u2028", "n": [2**62, None]}, [2**70]]
    assert json_text.indented_bytes(value) == json_text.indented(value).encode("utf-8")
    assert json_text.indented_bytes(value[:1]) == json_text.indented(value[:1]).encode("utf-8")
