"""Items from the library catalogue: MARC 21 (ISO 2709 .mrc, MARCXML) read with pymarc, and CSV/XLSX sheets.

Reading never stores anything: it gives a preview (what will be added, what cannot be read and why). `apply`
adds the readable items in one transaction. All text comes out in NFC, whatever the record's encoding: MARC-8
puts combining diacritics before their letter, and UTF-8 exports may hold decomposed text.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from nlv_events.core import exhibit_records, text
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.exhibit_records import ItemEntry
from nlv_events.i18n import _

FORMATS = {".mrc": "marc", ".marc": "marc", ".iso": "marc", ".xml": "marcxml", ".csv": "csv", ".xlsx": "xlsx"}
# Column headings a sheet may use for each field, folded (accent-free, lower-case): the field names, their
# English labels and the words of the library's own lists.
COLUMNS: dict[str, tuple[str, ...]] = {
    "section": ("section", "phan", "chuyen de"),
    "title": ("title", "ten tai lieu", "nhan de", "ten"),
    "creator": ("creator", "author", "tac gia"),
    "place": ("place", "noi xuat ban"),
    "publisher": ("publisher", "nha xuat ban", "nxb"),
    "year": ("year", "nam", "nam xuat ban"),
    "call_number": ("call number", "call_number", "ky hieu kho", "ky hieu", "so dang ky"),
    "item_type": ("type", "item_type", "loai", "loai tai lieu"),
    "quantity": ("quantity", "so luong", "sl"),
    "lender": ("lender", "source", "nguon", "don vi cho muon"),
    "condition": ("condition", "tinh trang"),
    "physical": ("physical description", "physical", "mo ta vat ly"),
    "caption": ("caption", "label", "nhan", "chu thich"),
    "note": ("note", "notes", "ghi chu"),
}
# What a sheet writes in its source column for the library's own stacks.
OWN_STACKS = {"", "kho", "kho tvqg", "tvqg", "thu vien quoc gia viet nam", "stacks", "library", "nlv"}
_VOLUMES = re.compile(r"^\s*(\d+)\s*(tập|t\.|v\.|vol|quyển|cuốn)", re.IGNORECASE)
_TRAILING = " /:;,="


@dataclass
class PreviewEntry:
    number: int  # record number in the file, or row number of the sheet
    item: ItemEntry
    section: str | None = None


@dataclass
class Problem:
    number: int
    reason: str


@dataclass
class Preview:
    path: str
    file_format: str
    entries: list[PreviewEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.problems


def format_of(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UserError(
            _(
                "{path}: unknown kind of file; use a MARC file (.mrc), MARCXML (.xml), CSV (.csv) or XLSX (.xlsx)."
            ).format(path=path)
        )
    return FORMATS[suffix]


def read(path: str | os.PathLike[str]) -> Preview:
    """Read the catalogue file at `path` into a preview; nothing is stored."""
    file_format = format_of(path)
    if not Path(path).is_file():
        raise UserError(_("The file {path} does not exist.").format(path=path))
    preview = Preview(path=str(path), file_format=file_format)
    reader = {"marc": _read_marc, "marcxml": _read_marcxml, "csv": _read_csv, "xlsx": _read_xlsx}[file_format]
    try:
        reader(Path(path), preview)
    except OSError as error:
        raise UserError(_("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)) from None
    return preview


def _accept(preview: Preview, number: int, item: ItemEntry, section: str | None = None) -> None:
    exhibit_records.clean_item(item)
    try:
        exhibit_records.validate_item(item, _("Record {number}").format(number=number))
    except ValidationError as error:
        preview.problems.append(Problem(number, error.message))
        return
    preview.entries.append(PreviewEntry(number, item, text.clean_or_none(section)))


# --- MARC 21 --------------------------------------------------------------------------------------------------------


def _tidy(value: str | None, keep_period: bool = False) -> str | None:
    """A subfield without its ISBD punctuation ("Hà Nội :" → "Hà Nội"), in NFC; the closing period goes too,
    unless it ends an abbreviation the text needs ("245 tr.")."""
    if value is None:
        return None
    cleaned = text.clean(value).rstrip(_TRAILING).strip()
    if not keep_period:
        cleaned = cleaned.rstrip(_TRAILING + ".").strip()
    if cleaned.startswith("[") and cleaned.endswith("]") and cleaned.count("[") == 1:
        cleaned = cleaned[1:-1]
    return cleaned or None


def _subfields(record, tag: str, codes: str, keep_period: bool = False) -> list[str]:
    values = []
    for marc_field in record.get_fields(tag):
        values += [value for value in (_tidy(v, keep_period) for v in marc_field.get_subfields(*codes)) if value]
    return values


def _first(record, tag: str, code: str) -> str | None:
    values = _subfields(record, tag, code)
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
    title_parts = _subfields(record, "245", "a") + _subfields(record, "245", "b")
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
        place=_first(record, imprint_tag, "a"),
        publisher=_first(record, imprint_tag, "b"),
        year=_first(record, imprint_tag, "c"),
        call_number=call_number or None,
        item_type=_item_type(record),
        # A set catalogued as "3 tập" puts three volumes in the case; anything else is one item.
        quantity=int(volumes.group(1)) if volumes and int(volumes.group(1)) > 0 else 1,
        physical=physical,
    )


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


def _read_marc(path: Path, preview: Preview) -> None:
    from pymarc import MARCReader

    with path.open("rb") as stream:
        # permissive: a damaged record yields None (its exception kept) and the reader goes on to the next one.
        reader = MARCReader(stream, to_unicode=True, force_utf8=False, utf8_handling="strict", permissive=True)
        number = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                break
            except Exception as error:  # pymarc raises past `permissive` on a few damages; the rest is unreadable
                preview.problems.append(Problem(number + 1, _marc_reason(error)))
                break
            number += 1
            if record is None:
                preview.problems.append(Problem(number, _marc_reason(reader.current_exception)))
                continue
            _accept_marc(preview, number, record)


def _accept_marc(preview: Preview, number: int, record) -> None:
    try:
        item = item_from_marc(record)
    except (KeyError, ValueError, AttributeError) as error:
        preview.problems.append(Problem(number, _marc_reason(error)))
        return
    if not item.title:
        preview.problems.append(Problem(number, _("the record has no title (field 245 $a).")))
        return
    _accept(preview, number, item)


def _read_marcxml(path: Path, preview: Preview) -> None:
    from xml.sax import SAXParseException

    from pymarc import parse_xml_to_array

    try:
        records = parse_xml_to_array(str(path), strict=False, normalize_form="NFC")
    except SAXParseException as error:
        raise UserError(
            _("{path} is not valid MARCXML (line {line}: {reason}); nothing was added.").format(
                path=path, line=error.getLineNumber(), reason=error.getMessage()
            )
        ) from None
    for number, record in enumerate(records, start=1):
        _accept_marc(preview, number, record)


# --- sheets ---------------------------------------------------------------------------------------------------------


def _header_map(headings: list[object], path: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, heading in enumerate(headings):
        folded = text.fold(str(heading or ""))
        for name, aliases in COLUMNS.items():
            if folded in aliases and name not in found:
                found[name] = index
    if "title" not in found:
        raise UserError(
            _(
                "{path}: the first row must name the columns, with at least a title column (“Tên tài liệu” or “title”)."
            ).format(path=path)
        )
    return found


def _quantity(value: object) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 1
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValueError(_("the quantity “{value}” is not a whole number.").format(value=value)) from None


def _item_from_row(row: list[object], columns: dict[str, int]) -> tuple[ItemEntry, str | None]:
    def cell(name: str) -> object:
        index = columns.get(name)
        return row[index] if index is not None and index < len(row) else None

    def cell_text(name: str) -> str | None:
        value = cell(name)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return text.clean_or_none(value)

    raw_type = cell_text("item_type")
    item_type = exhibit_records.item_type_code(raw_type)
    if item_type is None:
        raise ValueError(
            _("unknown type “{type}”; use one of: {types}.").format(
                type=raw_type, types=", ".join(exhibit_records.ITEM_TYPES)
            )
        )
    lender = cell_text("lender")
    item = ItemEntry(
        title=cell_text("title") or "",
        creator=cell_text("creator"),
        place=cell_text("place"),
        publisher=cell_text("publisher"),
        year=cell_text("year"),
        call_number=cell_text("call_number"),
        item_type=item_type,
        quantity=_quantity(cell("quantity")),
        lender=None if text.fold(lender) in OWN_STACKS else lender,
        condition=cell_text("condition"),
        physical=cell_text("physical"),
        caption=cell_text("caption"),
        note=cell_text("note"),
    )
    return item, cell_text("section")


def _read_rows(rows: list[list[object]], path: Path, preview: Preview) -> None:
    if not rows:
        raise UserError(_("{path} is empty.").format(path=path))
    columns = _header_map(rows[0], path)
    for number, row in enumerate(rows[1:], start=2):
        if all(text.clean(value) == "" for value in row):
            continue
        try:
            item, section = _item_from_row(row, columns)
        except ValueError as error:
            preview.problems.append(Problem(number, str(error)))
            continue
        _accept(preview, number, item, section)


def _read_csv(path: Path, preview: Preview) -> None:
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on a Vietnamese Windows saves CSV in Windows-1258, which writes tones as separate marks: NFC later.
        content = raw.decode("cp1258", errors="replace")
    dialect = csv.excel
    try:
        dialect = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
    except csv.Error:
        pass
    _read_rows([list(row) for row in csv.reader(io.StringIO(content), dialect)], path, preview)


def _read_xlsx(path: Path, preview: Preview) -> None:
    from zipfile import BadZipFile

    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError):
        raise UserError(_("{path} is not an XLSX workbook.").format(path=path)) from None
    try:
        rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    _read_rows(rows, path, preview)


# --- adding ---------------------------------------------------------------------------------------------------------


def apply(event_id: int, preview: Preview, section_title: str | None = None) -> int:
    """Add the preview's readable items to the exhibition, in one transaction; returns how many were added.
    Items whose sheet row names a section go there (created when missing); the others to `section_title`."""
    from nlv_events.core.models import database_proxy
    from nlv_events.services.exhibits import structure

    structure.exhibition_or_error(event_id)
    groups: dict[str | None, list[ItemEntry]] = {}
    for entry in preview.entries:
        groups.setdefault(entry.section or section_title, []).append(entry.item)
    with database_proxy.atomic():
        for section, items in groups.items():
            structure.add_items(event_id, items, section)
    return len(preview.entries)
