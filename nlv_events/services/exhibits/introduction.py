"""A one-page introduction of an exhibition: what it shows, when and where, its parts and its lenders."""

from __future__ import annotations

import datetime as dt
import os

from nlv_events import printing
from nlv_events.core import event_reading
from nlv_events.core.exhibit_records import roman
from nlv_events.i18n import _, ngettext
from nlv_events.i18n.formats import format_span
from nlv_events.printing.decree import Letterhead, document_day
from nlv_events.printing.model import Block, Document, Text
from nlv_events.printing.printout import Printout, of_document
from nlv_events.services.exhibits import structure


def document(event_id: int, letterhead: Letterhead | None = None, day: dt.date | None = None) -> Document:
    """One page whatever the length of the description: the text shrinks rather than running over. Dated `day`
    (default: today, never after the opening)."""
    structure.exhibition_or_error(event_id)
    record = event_reading.load_record(event_id)
    data = structure.load(event_id)
    blocks: list[Block] = [Text(_("INTRODUCTION OF THE EXHIBITION"), "doc_type"), Text(record.title, "subject")]
    if record.theme:
        blocks.append(Text(_("Theme: “{theme}”").format(theme=record.theme), "info"))
    blocks.append(Text(_("Time: {dates}").format(dates=format_span(record.start, record.end)), "info"))
    if record.venue:
        blocks.append(Text(_("Venue: {venue}").format(venue=record.venue), "info"))
    blocks += [Text(paragraph.strip(), "paragraph") for paragraph in (record.description or "").split("\n")
               if paragraph.strip()]  # fmt: skip
    if data.sections:
        shows = ngettext("The exhibition shows {count} item in {parts} parts:",
                         "The exhibition shows {count} items in {parts} parts:", data.total_quantity)  # fmt: skip
        blocks.append(Text(shows.format(count=data.total_quantity, parts=len(data.sections)), "paragraph"))
        for index, section in enumerate(data.sections, start=1):
            part = _("Part {number}. {title}").format(number=roman(index), title=section.title)
            blocks.append(Text(f"– {part}", "paragraph"))
    lenders = list(dict.fromkeys(item.lender for item in data.items if item.lender))
    if lenders or record.partners:
        names = ", ".join(dict.fromkeys([*record.partners, *lenders]))
        blocks.append(Text(_("With items and help from: {names}.").format(names=names), "paragraph"))
    letterhead = letterhead or Letterhead.from_settings(day=document_day(day, record.start))
    return Document(title=record.title, blocks=blocks, header=letterhead.header(), one_page=True, page_numbers=False)


def render(event_id: int, letterhead: Letterhead | None = None) -> bytes:
    from nlv_events.printing import pdf_renderer

    return pdf_renderer.render(document(event_id, letterhead))


def printout(event_id: int, day: dt.date | None = None) -> Printout:
    return of_document(document(event_id, day=day))


def write(event_id: int, path: str | os.PathLike[str], day: dt.date | None = None) -> None:
    printing.write(document(event_id, day=day), path)
