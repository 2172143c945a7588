"""Items from the library catalogue: MARC 21 (ISO 2709, MARCXML; catalogue_marc.py) and CSV/XLSX sheets.

Reading never stores anything: it gives a preview (what will be added, what cannot be read and why). `apply`
adds the readable items in one transaction. All text comes out in NFC, whatever the record's encoding: MARC-8
puts combining diacritics before their letter, and UTF-8 exports may hold decomposed text.
"""

from __future__ import annotations

import os
from pathlib import Path

from nlv_events.core import exhibit_records, sheets, text
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ItemEntry
from nlv_events.i18n import _, ngettext
from nlv_events.services.exhibits import catalogue_marc
from nlv_events.services.exhibits.catalogue_preview import Preview, PreviewEntry, Problem, accept

__all__ = ["Preview", "PreviewEntry", "Problem", "apply", "format_of", "read"]

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


def _unreadable(path: str | os.PathLike[str], error: OSError) -> UserError:
    return UserError(_("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error))


def format_of(path: str | os.PathLike[str]) -> str:
    """The kind of catalogue file at `path`: MARC by its content (a record leader, or MARCXML) whatever its name,
    as OCLC and many catalogues export MARC as `.dat`; otherwise by its ending."""
    suffix = Path(path).suffix.lower()
    sniffed = None
    if suffix not in (".csv", ".xlsx") and Path(path).is_file():
        try:
            sniffed = catalogue_marc.sniff(Path(path))
        except OSError as error:
            raise _unreadable(path, error) from None
    if sniffed is not None:
        return sniffed
    if suffix not in FORMATS:
        raise UserError(
            _(
                "{path}: unknown kind of file; use a MARC file (.mrc), MARCXML (.xml), CSV (.csv) or XLSX (.xlsx)."
            ).format(path=path)
        )
    return FORMATS[suffix]


def read(path: str | os.PathLike[str], encoding: str | None = None) -> Preview:
    """Read the catalogue file at `path` into a preview; nothing is stored. `encoding` is a CSV file's, when the
    user names it (a CSV says its own only by a byte-order mark or by being UTF-8)."""
    file_format = format_of(path)
    if not Path(path).is_file():
        raise UserError(_("The file {path} does not exist.").format(path=path))
    preview = Preview(path=str(path), file_format=file_format)
    try:
        if file_format == "csv":
            _read_csv(Path(path), preview, encoding)
        elif file_format == "xlsx":
            _read_xlsx(Path(path), preview)
        else:
            {"marc": catalogue_marc.read_marc, "marcxml": catalogue_marc.read_marcxml}[file_format](Path(path), preview)
    except OSError as error:
        raise _unreadable(path, error) from None
    _refuse_when_nothing_read(path, preview)
    return preview


def _refuse_when_nothing_read(path: str | os.PathLike[str], preview: Preview) -> None:
    """A file of which not one record could be read is not a catalogue export (an empty file, random bytes, XML
    of something else): one line, exit status 1, rather than "added 0 items"."""
    if preview.entries:
        return
    if not preview.problems:
        raise UserError(_("{path} holds no catalogue records; nothing was added.").format(path=path))
    first = preview.problems[0]
    raise UserError(
        ngettext(
            "{path}: its one record cannot be read (record {number}: {reason}); nothing was added.",
            "{path}: none of its {count} records can be read (record {number}: {reason}); nothing was added.",
            len(preview.problems),
        ).format(path=path, count=len(preview.problems), number=first.number, reason=first.reason.rstrip("."))
    )


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
        accept(preview, number, item, section)


def _read_csv(path: Path, preview: Preview, encoding: str | None = None) -> None:
    _read_rows(sheets.read_csv(path, encoding), path, preview)


def _read_xlsx(path: Path, preview: Preview, encoding: str | None = None) -> None:
    _read_rows(sheets.read_xlsx(path), path, preview)


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
