"""MARC 21 catalogue records (ISO 2709, MARCXML) read with pymarc into exhibition items.

A file is taken as MARC by its content (the record leader), whatever its name: OCLC and many catalogues export
`.dat`. pymarc's own complaints (it writes MARC-8 decoding trouble straight to the terminal) are collected into the
preview's notes, and a record whose text decodes to accent marks with no letter under them — a record in another
encoding declared as MARC-8 — is refused rather than imported as garbage.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import unicodedata
import warnings
from pathlib import Path

from nlv_events.core import text
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ItemEntry
from nlv_events.i18n import _, ngettext
from nlv_events.services.exhibits.catalogue_preview import Preview, Problem, accept

_VOLUMES = re.compile(r"^\s*(\d+)\s*(tập|t\.|v\.|vol|quyển|cuốn)", re.IGNORECASE)
_TRAILING = " /:;,="
_LISTED = 10  # record numbers named in a note before "…"


# --- recognising a file ---------------------------------------------------------------------------------------------


def is_marc(head: bytes) -> bool:
    """Whether `head` (a file's first bytes) starts with an ISO 2709 record leader: a five-digit length, "22" for
    the indicator and subfield-code counts, a five-digit base address and the "4500" entry map."""
    return (
        len(head) >= 24
        and head[:5].isdigit()
        and head[10:12] == b"22"
        and head[12:17].isdigit()
        and head[20:24] == b"4500"
    )


def is_marcxml(head: bytes) -> bool:
    """Whether `head` is the start of an XML document holding MARC records."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<") and (b"MARC21/slim" in head or b"<record" in head or b"<collection" in head)


def sniff(path: Path) -> str | None:
    """ "marc" or "marcxml" when the file's content says so, else None."""
    with path.open("rb") as stream:
        head = stream.read(2048)
    if is_marc(head):
        return "marc"
    if is_marcxml(head):
        return "marcxml"
    return None


# --- a record's fields ----------------------------------------------------------------------------------------------


def _tidy(value: str | None, keep_period: bool = False) -> str | None:
    """A subfield without the punctuation that only separates it from the next ("Hà Nội :" → "Hà Nội"), in NFC;
    the closing period and the brackets go too, unless `keep_period`: then an abbreviation keeps its period
    ("245 tr.", "H.") and a cataloguer's supplied text its brackets ("[k.n.]", "[s.n.]"), as ISBD writes them."""
    if value is None:
        return None
    cleaned = text.clean(value).rstrip(_TRAILING).strip()
    if keep_period:
        return cleaned or None
    cleaned = cleaned.rstrip(_TRAILING + ".").strip()
    if cleaned.startswith("[") and cleaned.endswith("]") and cleaned.count("[") == 1:
        cleaned = cleaned[1:-1]
    return cleaned or None


def _subfields(record, tag: str, codes: str, keep_period: bool = False, first_only: bool = False) -> list[str]:
    values = []
    for marc_field in record.get_fields(tag)[:1] if first_only else record.get_fields(tag):
        values += [value for value in (_tidy(v, keep_period) for v in marc_field.get_subfields(*codes)) if value]
    return values


def _first(record, tag: str, code: str, keep_period: bool = False) -> str | None:
    values = _subfields(record, tag, code, keep_period)
    return values[0] if values else None


def _item_type(record) -> str:
    leader = str(record.leader)
    record_type, level = leader[6:7], leader[7:8]
    if record_type in ("a", "t") and level in ("b", "i", "s"):
        fixed = record["008"].data if record["008"] is not None else ""
        return "newspaper" if fixed[21:22] == "n" else "periodical"
    return {"k": "photograph", "r": "artefact", "t": "document", "p": "document", "f": "document"}.get(
        record_type, "book"
    )


def item_from_marc(record) -> ItemEntry:
    """The item a MARC 21 bibliographic record describes (fields as in docs/data-format.md)."""
    # The first 245 only, as pymarc's `title` reads it: a repeated 245 is a cataloguing slip, not a subtitle.
    title_parts = _subfields(record, "245", "ab", first_only=True)
    title = " : ".join([*title_parts[:1], " ".join(title_parts[1:])] if len(title_parts) > 1 else title_parts)
    main = _subfields(record, "100", "a") or [" ".join(_subfields(record, "110", "ab"))]
    creators = [name for name in [*main, *_subfields(record, "700", "a")] if name]
    imprint_tag = "260" if record.get_fields("260") else "264"
    call_number = (
        " ".join(_subfields(record, "090", "ab"))
        or " ".join(_subfields(record, "852", "hij"))
        or " ".join(_subfields(record, "082", "a"))
    )
    physical = " ; ".join(_subfields(record, "300", "abc", keep_period=True)) or None
    volumes = _VOLUMES.match(physical or "")
    return ItemEntry(
        title=title,
        creator="; ".join(dict.fromkeys(creators)) or None,
        # Place and publisher as the catalogue describes them ("H.: Văn học", "[k.n.]"): the checklist prints them so.
        place=_first(record, imprint_tag, "a", keep_period=True),
        publisher=_first(record, imprint_tag, "b", keep_period=True),
        year=_first(record, imprint_tag, "c"),
        call_number=call_number or None,
        item_type=_item_type(record),
        # A set catalogued as "3 tập" puts three volumes in the case; anything else is one item.
        quantity=int(volumes.group(1)) if volumes and int(volumes.group(1)) > 0 else 1,
        physical=physical,
    )


def garbled(value: str) -> bool:
    """Whether `value` holds accent marks with no letter under them, or three or more stacked on one letter: what
    text in another encoding (Windows-1251, say) becomes when it is decoded as MARC-8."""
    composed = unicodedata.normalize("NFC", value)
    run = 0
    for index, character in enumerate(composed):
        if not unicodedata.combining(character):
            run = 0
            continue
        run += 1
        before = composed[index - run] if index >= run else ""
        if run >= 3 or not before.isalpha():
            return True
    return False


def _garbled_text(item: ItemEntry) -> str | None:
    for value in (item.title, item.creator, item.place, item.publisher):
        if value and garbled(value):
            return value
    return None


# --- reading --------------------------------------------------------------------------------------------------------


def _marc_reason(error: Exception | None) -> str:
    name = type(error).__name__ if error else ""
    reasons = {
        "TruncatedRecord": _("the record is cut short (the file ends inside it)."),
        "EndOfRecordNotFound": _("the record has no end-of-record mark."),
        "RecordLengthInvalid": _("the record length at its start is not a number."),
        "RecordLeaderInvalid": _("the record's leader is damaged."),
        "BaseAddressInvalid": _("the record's directory is damaged (base address)."),
        "BaseAddressNotFound": _("the record's directory is damaged (base address)."),
        "RecordDirectoryInvalid": _("the record's directory is damaged."),
        "NoFieldsFound": _("the record has no fields."),
    }
    if name in reasons:
        return reasons[name]
    if isinstance(error, UnicodeError):
        return _("the record's text is in neither UTF-8 nor MARC-8.")
    if isinstance(error, (ValueError, IndexError)):  # pymarc reading a number or an offset from damaged bytes
        return _("the record's leader or directory is damaged.")
    return _("the record cannot be read ({error}).").format(error=error or name)


@contextlib.contextmanager
def _collected(complaints: list[str]):
    """What pymarc says while reading — on stderr, as warnings or through its logger — into `complaints`."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("pymarc")
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with contextlib.redirect_stderr(stream), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        complaints.extend(line for line in stream.getvalue().splitlines() if line.strip())
        complaints.extend(str(warning.message) for warning in caught)


def _accept_marc(preview: Preview, number: int, record, undecoded: bool = False) -> None:
    """Add the record's item to the preview, or its number and why to the problems. `undecoded`: the reader could
    not decode some of its text (a bad MARC-8 escape, bytes of another encoding), so what it read is not what the
    record says: the record is left out, never imported with a cut or garbled title."""
    try:
        item = item_from_marc(record)
    except (KeyError, ValueError, AttributeError) as error:
        preview.problems.append(Problem(number, _marc_reason(error)))
        return
    if not item.title:
        preview.problems.append(Problem(number, _("the record has no title (field 245 $a).")))
        return
    nonsense = _garbled_text(item)
    if nonsense is not None:
        preview.problems.append(
            Problem(
                number,
                _(
                    "the record's text decodes to accent marks without letters (“{text}”): it is in another "
                    "encoding than the MARC-8 or UTF-8 it declares; export it again in UTF-8."
                ).format(text=nonsense[:40]),
            )
        )
        return
    if undecoded:
        preview.problems.append(
            Problem(
                number,
                _(
                    "some of the record's text cannot be decoded from the MARC-8 it declares (it reads “{text}”); "
                    "export it again in UTF-8."
                ).format(text=item.title[:40]),
            )
        )
        return
    accept(preview, number, item)


def _note_complaints(preview: Preview, numbers: list[int]) -> None:
    if not numbers:
        return
    listed = ", ".join(str(number) for number in numbers[:_LISTED]) + (", …" if len(numbers) > _LISTED else "")
    preview.notes.append(
        ngettext(
            "{count} record has text in an undeclared encoding (characters the reader could not decode): {records}.",
            "{count} records have text in an undeclared encoding (characters the reader could not decode): {records}.",
            len(numbers),
        ).format(count=len(numbers), records=listed)
    )


def read_marc(path: Path, preview: Preview) -> None:
    from pymarc import MARCReader

    complained: list[int] = []
    with path.open("rb") as stream:
        # permissive: a damaged record yields None (its exception kept) and the reader goes on to the next one.
        reader = MARCReader(stream, to_unicode=True, force_utf8=False, utf8_handling="strict", permissive=True)
        number = 0
        while True:
            complaints: list[str] = []
            try:
                with _collected(complaints):
                    record = next(reader)
            except StopIteration:
                break
            except Exception as error:  # pymarc raises past `permissive` on a few damages; the rest is unreadable
                preview.problems.append(Problem(number + 1, _marc_reason(error)))
                break
            number += 1
            if complaints:
                complained.append(number)
            if record is None:
                preview.problems.append(Problem(number, _marc_reason(reader.current_exception)))
                continue
            _accept_marc(preview, number, record, undecoded=bool(complaints))
    _note_complaints(preview, complained)


def read_marcxml(path: Path, preview: Preview) -> None:
    from xml.sax import SAXParseException

    from nlv_events.services.exhibits.catalogue_marcxml import CheckedHandler, parse

    handler = CheckedHandler()
    try:
        parse(path, handler)
    except SAXParseException as error:
        raise UserError(
            _("{path} is not valid MARCXML (record {number}, line {line}: {reason}); nothing was added.").format(
                path=path, number=max(handler.number, 1), line=error.getLineNumber(), reason=error.getMessage()
            )
        ) from None
    for number, record in handler.numbered:
        _accept_marc(preview, number, record)
    preview.problems.extend(Problem(number, reason) for number, reason in handler.damaged.items())
    preview.problems.sort(key=lambda problem: problem.number)
