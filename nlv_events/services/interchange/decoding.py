"""Reading the bytes of an interchange file: UTF-8, JSON, no broken character; then the checks of reading.py."""

from __future__ import annotations

import codecs
import json
import os
import re
from pathlib import Path
from typing import Any

import orjson

from nlv_events.core import bulk
from nlv_events.core.errors import UserError
from nlv_events.i18n import _
from nlv_events.services.interchange.reading import Document, parse_document


def _bad_string(value: Any, path: str) -> str | None:
    """The place of the first text (key or value) holding a lone surrogate, which no file or database can store."""
    if isinstance(value, str):
        return path if _has_surrogate(value) else None
    if isinstance(value, list):
        for index, item in enumerate(value, start=1):
            found = _bad_string(item, f"{path}[{index}]")
            if found:
                return found
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else key
            if _has_surrogate(key):
                return path or "/"
            found = _bad_string(item, inner)
            if found:
                return found
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read and check the interchange file at `path`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(_("The file {path} does not exist.").format(path=path)) from None
    except OSError as error:
        raise UserError(_("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)) from None
    return parse_text(raw, path)


@bulk.many_objects()
def parse_text(raw: bytes, path: str | os.PathLike[str]) -> Document:
    """Decode and check the bytes of an interchange file read from `path` (named in messages)."""
    document = _parsed(raw, path)  # the decoded JSON is gone with its locals
    bulk.keep_made()  # the records are kept for the import, unwalked: see core/bulk.py
    return document


def _parsed(raw: bytes, path: str | os.PathLike[str]) -> Document:
    # orjson reads a file twice as fast as decoding it and `json.loads`, and takes only strict UTF-8 without a lone
    # surrogate: what it takes needs no more checks. What it refuses (a broken file, but also NaN, which the
    # standard library reads) is read again as it always was.
    try:
        data = orjson.loads(raw.removeprefix(codecs.BOM_UTF8))
    except orjson.JSONDecodeError:
        return parse_document(_standard_json(raw, path))
    try:
        return parse_document(data)
    except UserError:
        # orjson reads a whole number past 64 bits as a float. Every number the schema names is whole, so such a
        # float is always refused (only the unread "meta" takes any value): the standard library's reading, which
        # keeps it whole, then says what is wrong, as it always did. Looked for only in a refused file: the search
        # takes seconds over a large one.
        if not _may_hold_a_huge_number(raw):
            raise
        return parse_document(_standard_json(raw, path))


_LONG_DIGITS = re.compile(rb"[0-9]{19,}")  # −9 223 372 036 854 775 809 and beyond have 19 digits or more


def _may_hold_a_huge_number(raw: bytes) -> bool:
    """Whether a run of 19 digits or more stands where a number may (after “:”, “[” or “,”), not inside a text such
    as a ref (uuid4 hex holds such runs now and then); a text like “Mã: 1234…” only makes the reading slower."""
    for match in _LONG_DIGITS.finditer(raw):
        before = raw[max(0, match.start() - 64) : match.start()].rstrip(b" \t\r\n-")
        if not before or before[-1:] in (b":", b"[", b","):
            return True
    return False


def _standard_json(raw: bytes, path: str | os.PathLike[str]) -> Any:
    """The JSON value of `raw` as the standard library reads it, or the message saying what is wrong with it."""
    try:
        text = raw.decode("utf-8-sig")
        data = json.loads(text)
        # Strict UTF-8 cannot hold a surrogate: only a \uD800-\uDFFF escape can make one, so a file without such
        # an escape skips the walk through its half million strings (a third of reading ten thousand events).
        bad = _bad_string(data, "") if _SURROGATE_ESCAPE.search(text) else None
    except UnicodeDecodeError:
        raise UserError(_("{path} is not UTF-8 text; save it as UTF-8 and try again.").format(path=path)) from None
    except json.JSONDecodeError as error:
        raise UserError(
            _("{path} is not valid JSON (line {line}, column {column}: {reason}).").format(
                path=path, line=error.lineno, column=error.colno, reason=error.msg
            )
        ) from None
    except RecursionError:
        raise UserError(
            _("{path} nests lists or objects too deeply to be an NLV Events data file; nothing was imported.").format(
                path=path
            )
        ) from None
    except ValueError:  # Python refuses integers of more than 4 300 digits
        raise UserError(
            _("{path} holds a number with thousands of digits, which no field can take; nothing was imported.").format(
                path=path
            )
        ) from None
    if bad is not None:
        raise UserError(
            _(
                "{path}: the text at “{place}” holds a broken character (a lone UTF-16 surrogate such as \\ud800); "
                "fix or remove it. Nothing was imported."
            ).format(path=path, place=bad)
        )
    return data
