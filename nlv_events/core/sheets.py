"""Reading a spreadsheet a user brings (CSV or XLSX) whole, within caps, or refusing it in one line.

Both the guest and the catalogue imports read through here. A spreadsheet is read in openpyxl's read-only
(streaming) mode, and before it is opened at all the sizes its parts declare are checked: an XLSX of 1.5 MB may
hold a cell of 1.5 GB, which openpyxl would build in memory; zipfile never inflates a part past its declared size,
so checking that size bounds the memory. A CSV is decoded only from what says its encoding (a byte-order mark, or
valid UTF-8) or from the encoding the user names: a Western (cp1252) file read as Vietnamese Windows text
(cp1258) silently turns "São Paulo" into "Săo Paulo".
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import zipfile
from pathlib import Path

from nlv_events.core import limits
from nlv_events.core.errors import UserError
from nlv_events.core.text import fold
from nlv_events.i18n import _

# Far above any guest list or exhibition checklist (10 000 rows of a sheet are about 1 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024
# What one part of an XLSX (a sheet, its shared strings) may inflate to.
MAX_PART_BYTES = 256 * 1024 * 1024
# The longest text the store keeps (a description or notes); a longer cell is not a guest's or an item's.
MAX_CELL_CHARS = limits.LONG_TEXT
_MEGABYTE = 1024 * 1024


def _megabytes(size: int) -> str:
    return f"{size / _MEGABYTE:.1f}".rstrip("0").rstrip(".")


def check_size(path: Path) -> None:
    """Refuse a file larger than MAX_FILE_BYTES before anything of it is read."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError(
            _("{path} is {size} MB; a spreadsheet to import may be at most {limit} MB.").format(
                path=path, size=_megabytes(size), limit=_megabytes(MAX_FILE_BYTES)
            )
        )


def _cell_too_long(path: Path, row: int, column: int, length: int) -> UserError:
    return UserError(
        _("{path}, row {row}, column {column}: the cell holds {length} characters; at most {limit}.").format(
            path=path.name, row=row, column=column, length=length, limit=MAX_CELL_CHARS
        )
    )


def checked(path: Path, rows) -> list[list[object]]:
    table: list[list[object]] = []
    for row_number, row in enumerate(rows, start=1):
        cells = list(row)
        for column, value in enumerate(cells, start=1):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise _cell_too_long(path, row_number, column, len(value))
        table.append(cells)
    return table


def check_parts(path: Path) -> None:
    """Refuse an XLSX whose parts would inflate past MAX_PART_BYTES, before openpyxl reads any of them."""
    try:
        with zipfile.ZipFile(path) as archive:
            largest = max(archive.infolist(), key=lambda part: part.file_size, default=None)
    except zipfile.BadZipFile as error:
        raise UserError(_("{path} is not an XLSX workbook: {reason}").format(path=path, reason=error)) from None
    if largest is not None and largest.file_size > MAX_PART_BYTES:
        raise UserError(
            _(
                "{path} holds {size} MB of text in one part ({part}); a spreadsheet to import may hold at most "
                "{limit} MB: it is not a guest list or a checklist."
            ).format(
                path=path, size=_megabytes(largest.file_size), part=largest.filename, limit=_megabytes(MAX_PART_BYTES)
            )
        )


def read_xlsx(path: Path) -> list[list[object]]:
    """The rows of the first sheet, values as openpyxl reads them (text, numbers, dates)."""
    from openpyxl import load_workbook

    check_size(path)
    check_parts(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as error:
        raise UserError(_("{path} is not an XLSX workbook: {reason}").format(path=path, reason=error)) from None
    try:
        return checked(path, workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


# Byte-order marks, longest first (UTF-32's starts with UTF-16's).
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _undeclared(path: Path) -> UserError:
    return UserError(
        _(
            "{path} is neither UTF-8 nor UTF-16 text, and its encoding cannot be told from its bytes: save it as "
            "“CSV UTF-8” and try again, or name its encoding with --encoding (cp1258: Vietnamese Windows, "
            "cp1252: Western Windows)."
        ).format(path=path)
    )


def decode(path: Path, raw: bytes, encoding: str | None = None) -> str:
    """The text of a CSV file: in `encoding` when the user named one; else by its byte-order mark; else UTF-8."""
    if encoding:
        try:
            return raw.decode(encoding)
        except LookupError:
            raise UserError(_("“{encoding}” is not an encoding Python knows (try cp1258, cp1252, utf-16).").format(
                encoding=encoding)) from None
        except UnicodeDecodeError as error:
            raise UserError(
                _("{path} is not {encoding} text (byte {offset}).").format(
                    path=path, encoding=encoding, offset=error.start
                )
            ) from None
    for mark, codec in _MARKS:
        if raw.startswith(mark):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                raise _undeclared(path) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _undeclared(path) from None


def read_csv(path: Path, encoding: str | None = None) -> list[list[str]]:
    """The rows of a CSV file (comma, semicolon or tab, as the file uses), every cell as read."""
    check_size(path)
    content = decode(path, path.read_bytes(), encoding)
    if content.count("\x00") * 4 > len(content):
        # UTF-16 without its mark decodes as UTF-8 with a NUL beside every Latin letter (a stray NUL or two is a
        # cell's problem, which the rules name).
        raise _undeclared(path)
    try:
        dialect = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    reader = csv.reader(io.StringIO(content), dialect)
    try:
        return checked(path, reader)  # type: ignore[return-value]
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise UserError(
                _("{path}, line {line}: a cell holds more than {limit} characters; at most {limit}.").format(
                    path=path.name, line=reader.line_num, limit=MAX_CELL_CHARS
                )
            ) from None
        raise UserError(
            _("{path}, line {line}: not a CSV file ({reason}).").format(path=path, line=reader.line_num, reason=error)
        ) from None


def file_of(path: str | os.PathLike[str]) -> Path:
    """`path` as a Path, refusing one that is not a file."""
    file = Path(path)
    if not file.is_file():
        raise UserError(_("The file {path} does not exist.").format(path=path))
    return file


_NOT_A_LETTER = re.compile(r"[\W_]+")


def header_key(text: object) -> str:
    """A header text as headers are compared: folded (accents and case aside) with punctuation as spaces, so
    "Chủ trì/Phối hợp", "CHU TRI - PHOI HOP" and "chủ trì, phối hợp" are the same header."""
    return " ".join(_NOT_A_LETTER.sub(" ", fold(str(text or ""))).split())


def header_meaning(header: object, aliases: dict[str, tuple[str, ...]]) -> str | None:
    """The meaning (a key of `aliases`) that a column's header names, or None. `aliases` holds each meaning's
    header texts as offices write them; they are compared through header_key, as the header is. Every import that
    recognises a spreadsheet's columns (guests, past years' event lists) asks here."""
    key = header_key(header)
    if not key:
        return None
    return next((meaning for meaning, texts in aliases.items() if key in {header_key(text) for text in texts}), None)
