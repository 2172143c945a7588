"""Plain data for an exhibition (sections, items, loans), its vocabularies and its rules (no database)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from typing import Any

from nlv_events.core import limits, rules, text, vocab
from nlv_events.core.errors import ValidationError
from nlv_events.i18n import N_, _, gettext
from nlv_events.i18n.formats import format_day

ITEM_TYPES: dict[str, str] = {
    "book": N_("Book"),
    "newspaper": N_("Newspaper"),
    "periodical": N_("Periodical"),
    "photograph": N_("Photograph"),
    "document": N_("Document"),
    "artefact": N_("Artefact"),
    "reproduction": N_("Reproduction"),
}
# What a spreadsheet may write in its type column besides the codes: the Vietnamese and English names, folded.
ITEM_TYPE_ALIASES: dict[str, str] = {
    "sach": "book",
    "bao": "newspaper",
    "tap chi": "periodical",
    "an pham dinh ky": "periodical",
    "anh": "photograph",
    "hinh anh": "photograph",
    "tai lieu": "document",
    "van ban": "document",
    "hien vat": "artefact",
    "artifact": "artefact",
    "ban sao": "reproduction",
    "phien ban": "reproduction",
}
LOAN_STATES = {"requested": N_("Requested"), "received": N_("Received"), "returned": N_("Returned")}
LOAN_DIRECTIONS = {"in": N_("Lent to the library"), "out": N_("Lent by the library")}


def type_label(code: str) -> str:
    return vocab.table_label(ITEM_TYPES, code)


def state_label(code: str) -> str:
    return vocab.table_label(LOAN_STATES, code)


def item_type_code(value: str | None) -> str | None:
    """The type code a user or a file wrote ("sách", "Book", "photograph"), or None when it is not one."""
    folded = text.fold(value)
    if not folded:
        return "book"
    for code, label in ITEM_TYPES.items():
        if folded in (code, text.fold(label), text.fold(gettext(label))):
            return code
    return ITEM_TYPE_ALIASES.get(folded)


def _text(label: str, default: str | None = None) -> Any:
    """A text field of an item, with the name a message gives it (msgid)."""
    return field(default=default, metadata={"label": label})


@dataclass
class ItemEntry:
    title: str = field(metadata={"label": N_("title")})
    creator: str | None = _text(N_("author"))
    place: str | None = _text(N_("place of publication"))
    publisher: str | None = _text(N_("publisher"))
    year: str | None = _text(N_("year"))
    call_number: str | None = _text(N_("call number"))
    item_type: str = "book"
    quantity: int = 1
    lender: str | None = _text(N_("lender"))  # None: the library's own stacks
    condition: str | None = _text(N_("condition"))
    physical: str | None = _text(N_("physical description"))
    caption: str | None = _text(N_("caption"))
    note: str | None = _text(N_("notes"))
    id: int | None = None


ITEM_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ItemEntry) if f.name != "id")
# What each text of an item is called where a message names it (its limits: "item.NAME" in core/limits.py).
ITEM_FIELD_LABELS: dict[str, str] = {f.name: f.metadata["label"] for f in fields(ItemEntry) if "label" in f.metadata}
ITEM_TEXT_FIELDS: tuple[str, ...] = tuple(ITEM_FIELD_LABELS)


@dataclass
class SectionEntry:
    title: str
    items: list[ItemEntry] = field(default_factory=list)
    id: int | None = None


@dataclass
class LoanEntry:
    lender: str
    direction: str = "in"
    date_out: dt.date | None = None
    date_due: dt.date | None = None
    date_back: dt.date | None = None
    state: str = "requested"
    note: str | None = None
    id: int | None = None


LOAN_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(LoanEntry) if f.name != "id")


@dataclass
class ExhibitData:
    sections: list[SectionEntry] = field(default_factory=list)
    loans: list[LoanEntry] = field(default_factory=list)
    # True when the office keeps its own "items displayed" figure instead of the checklist's sum.
    count_override: bool = False
    # The exhibition's version as loaded (the event's exhibit_version): a save checks it; None saves over anything.
    version: int | None = None

    @property
    def items(self) -> list[ItemEntry]:
        return [item for section in self.sections for item in section.items]

    @property
    def total_quantity(self) -> int:
        return sum(item.quantity for item in self.items)

    def is_empty(self) -> bool:
        return not self.sections and not self.loans and not self.count_override


# "Phần I.", "Phần 2:", "PHẦN III –", "Part IV." typed before a section's title: the printouts number the parts
# themselves, so a typed number printed twice ("Phần I. Phần I. Những trang sử vàng").
_TYPED_PART_NUMBER = re.compile(r"^\s*(?:phần|part)\s+(?:[ivxlc]+|\d+)\s*[.:\-–—)]?\s+", re.IGNORECASE)


def section_title(typed: str) -> str:
    """A section's title as stored: cleaned, without a part number typed in front of it."""
    title = text.clean(typed)
    stripped = _TYPED_PART_NUMBER.sub("", title, count=1)
    return stripped or title


def clean_item(item: ItemEntry) -> ItemEntry:
    """The item with its text in NFC, trimmed, empty text as None."""
    for name in ITEM_TEXT_FIELDS:
        setattr(item, name, text.clean_or_none(getattr(item, name)))
    item.title = item.title or ""
    return item


def _check_item_texts(item: ItemEntry, where: str) -> None:
    """The store's text rules (core/rules.py: lengths from core/limits.py, no control characters, one line but in
    the caption and notes), the same for an item typed, imported from the catalogue or from an interchange file."""
    for name in ITEM_TEXT_FIELDS:
        try:
            rules.check_text(name, getattr(item, name), f"item.{name}", gettext(ITEM_FIELD_LABELS[name]))
        except ValidationError as error:
            raise ValidationError(_("{where}: {problem}").format(where=where, problem=error.message), name) from None


def validate_item(item: ItemEntry, where: str) -> None:
    """Refuse an item no checklist could print; `where` names it in the message ("section 2, item 5")."""
    if not item.title:
        raise ValidationError(_("{where}: the item has no title.").format(where=where), "title")
    _check_item_texts(item, where)
    if item.item_type not in ITEM_TYPES:
        raise ValidationError(
            _("{where}: unknown type “{type}”; use one of: {types}.").format(
                where=where, type=item.item_type, types=", ".join(ITEM_TYPES)
            ),
            "item_type",
        )
    if isinstance(item.quantity, bool) or not isinstance(item.quantity, int) or item.quantity < 1:
        raise ValidationError(
            _("{where}: the quantity must be a whole number of at least 1, not {quantity}.").format(
                where=where, quantity=item.quantity
            ),
            "quantity",
        )
    if item.quantity > limits.ITEM_QUANTITY:
        raise ValidationError(
            _("{where}: the quantity {quantity} is not believable for one item (at most {most}); check the figure.")
            .format(where=where, quantity=item.quantity, most=limits.ITEM_QUANTITY),
            "quantity",
        )


def validate_loan(loan: LoanEntry, where: str) -> None:
    """Refuse a loan whose dates or state cannot be true; `where` names it in the message."""
    if not loan.lender:
        raise ValidationError(_("{where}: the loan has no lender.").format(where=where), "lender")
    for name in ("lender", "note"):
        try:
            rules.check_text(name, getattr(loan, name), f"item.{name}", gettext(ITEM_FIELD_LABELS[name]))
        except ValidationError as error:
            raise ValidationError(_("{where}: {problem}").format(where=where, problem=error.message), name) from None
    if loan.state not in LOAN_STATES:
        raise ValidationError(
            _("{where}: unknown state “{state}”; use one of: {states}.").format(
                where=where, state=loan.state, states=", ".join(LOAN_STATES)
            ),
            "state",
        )
    if loan.direction not in LOAN_DIRECTIONS:
        raise ValidationError(
            _("{where}: unknown direction “{direction}”; use in or out.").format(where=where, direction=loan.direction),
            "direction",
        )
    if loan.date_back is not None and loan.date_out is None:
        raise ValidationError(
            _("{where}: the loan with {lender} has a return date but no date out.").format(
                where=where, lender=loan.lender
            ),
            "date_out",
        )
    if loan.date_out is not None and loan.date_back is not None and loan.date_back < loan.date_out:
        raise ValidationError(
            _("{where}: the loan with {lender} is returned on {back}, before it went out on {out}.").format(
                where=where, lender=loan.lender, back=format_day(loan.date_back), out=format_day(loan.date_out)
            ),
            "date_back",
        )
    if loan.date_out is not None and loan.date_due is not None and loan.date_due < loan.date_out:
        raise ValidationError(
            _("{where}: the loan with {lender} is due back on {due}, before it goes out on {out}.").format(
                where=where, lender=loan.lender, due=format_day(loan.date_due), out=format_day(loan.date_out)
            ),
            "date_due",
        )
    if loan.state == "returned" and loan.date_back is None:
        raise ValidationError(
            _("{where}: the loan with {lender} is marked returned but has no return date.").format(
                where=where, lender=loan.lender
            ),
            "date_back",
        )


def validate(data: ExhibitData) -> None:
    """Check every section, item and loan of an exhibition; the first problem is raised, saying where."""
    for number, section in enumerate(data.sections, start=1):
        if not text.clean(section.title):
            raise ValidationError(_("Section {number} has no title.").format(number=number), "title")
        try:
            rules.check_text("title", section.title, "section.title")
        except ValidationError as error:
            where = _("Section {number}").format(number=number)
            raise ValidationError(_("{where}: {problem}").format(where=where, problem=error.message), "title") from None
        for item_number, item in enumerate(section.items, start=1):
            validate_item(item, _("Section {section}, item {item}").format(section=number, item=item_number))
    for number, loan in enumerate(data.loans, start=1):
        validate_loan(loan, _("Loan {number}").format(number=number))


def roman(number: int) -> str:
    """I, II, III … for the section numbers of the checklist (Phần I, Phần II)."""
    values = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    result = ""
    for value, letters in values:
        while number >= value:
            result += letters
            number -= value
    return result
