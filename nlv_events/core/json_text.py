"""JSON text as the command line and the files write it: UTF-8 letters as they are, indented by two spaces."""

from __future__ import annotations

import json


def indented(value: object) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, the same text, written by orjson: the standard library
    encodes in Python whenever it indents, most of a second for a year of 10 000 events. A value orjson refuses (a
    lone surrogate, a whole number past 64 bits) is written, or refused, as the standard library does."""
    try:
        return _orjson_indented(value).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(value, ensure_ascii=False, indent=2)


def indented_bytes(value: object) -> bytes:
    """`indented(value)` encoded in UTF-8, as orjson writes it: for a writer of bytes, which would otherwise decode
    the text orjson wrote only to encode it again (six megabytes for a year of 2 857 events as JSON)."""
    try:
        return _orjson_indented(value)
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def _orjson_indented(value: object) -> bytes:
    import orjson

    return orjson.dumps(value, option=orjson.OPT_INDENT_2)
