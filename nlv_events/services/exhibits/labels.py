"""Item labels for the display cases: one A6 or A5 card per item, large type, caption and call number."""

from __future__ import annotations

import os

from nlv_events import printing
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ItemEntry
from nlv_events.i18n import _
from nlv_events.printing.model import Card, CardLine, Document, Margins
from nlv_events.printing.printout import Printout, of_document
from nlv_events.services.exhibits import structure

SIZES = ("a6", "a5")
SCALES = {"a6": 1.0, "a5": 1.4}  # the type grows with the card
MARGIN_MM = 10


def card(item: ItemEntry, scale: float = 1.0) -> Card:
    """The item's title large, its author and imprint, the caption in italics, the call number and the lender."""
    lines = [CardLine(item.title, 24 * scale, bold=True)]
    if item.creator:
        lines.append(CardLine(item.creator, 16 * scale, space_before=8 * scale))
    imprint = ", ".join(part for part in (item.publisher, item.year) if part)
    if imprint:
        lines.append(CardLine(imprint, 16 * scale, space_before=(3 if item.creator else 8) * scale))
    if item.caption:
        lines.append(CardLine(item.caption, 16 * scale, italic=True, align="left", space_before=8 * scale))
    if item.call_number:
        number = _("Call number: {number}").format(number=item.call_number)
        lines.append(CardLine(number, 13 * scale, space_before=8 * scale))
    if item.lender:
        lines.append(CardLine(_("Lent by {lender}").format(lender=item.lender), 13 * scale, space_before=8 * scale))
    return Card(lines, frame=True)


def document(items: list[ItemEntry], size: str = "a6") -> Document:
    """A page per item, each label boxed; a long caption shrinks to the card rather than spilling onto another."""
    if size not in SIZES:
        raise UserError(_("Unknown label size “{size}”: use a6 or a5.").format(size=size))
    return Document(
        title=_("Item labels"),
        blocks=[card(item, SCALES[size]) for item in items],
        page=size,
        margins=Margins(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        page_numbers=False,
    )


def render(items: list[ItemEntry], size: str = "a6") -> bytes:
    from nlv_events.printing import pdf_renderer

    return pdf_renderer.render(document(items, size))


def event_document(event_id: int, size: str = "a6") -> Document:
    """The labels of every item of exhibition `event_id`; refused while it has none."""
    structure.exhibition_or_error(event_id)
    items = structure.load(event_id).items
    if not items:
        raise UserError(_("The exhibition has no items to label yet."))
    return document(items, size)


def printout(event_id: int, size: str = "a6") -> Printout:
    return of_document(event_document(event_id, size))


def write(event_id: int, path: str | os.PathLike[str], size: str = "a6") -> None:
    printing.write(event_document(event_id, size), path)
