"""The checklist (Danh mục tài liệu trưng bày) as a printout: its neutral document drawn by the shared renderers."""

from __future__ import annotations

import datetime as dt
import os

from nlv_events import printing
from nlv_events.printing.decree import Letterhead, document_day
from nlv_events.printing.model import Document
from nlv_events.printing.printout import Printout, of_document
from nlv_events.services.exhibits import checklist as checklist_data


def document(checklist: checklist_data.Checklist, letterhead: Letterhead | None = None,
             day: dt.date | None = None) -> Document:  # fmt: skip
    """The checklist under the decree's header, dated `day` (default: today, never after the opening)."""
    letterhead = letterhead or Letterhead.from_settings(day=document_day(day, checklist.record.start))
    return checklist_data.document(checklist, letterhead.header())


def render(checklist: checklist_data.Checklist, letterhead: Letterhead | None = None) -> bytes:
    """The checklist as PDF bytes. The shared renderer lays the one table out page by page in linear time from
    pre-wrapped cells (a 1 000-item list in about a second), sizes the call-number column to its longest, and puts
    the header row at the top of each page only."""
    from nlv_events.printing import pdf_renderer

    return pdf_renderer.render(document(checklist, letterhead))


def printout(event_id: int, day: dt.date | None = None) -> Printout:
    """The checklist of exhibition `event_id` for the preview (which saves it as PDF or Word), dated `day`."""
    return of_document(document(checklist_data.build(event_id), day=day))


def write(event_id: int, path: str | os.PathLike[str], day: dt.date | None = None) -> None:
    """The checklist of exhibition `event_id` to `path`: PDF, or Word for a .docx name."""
    printing.write(document(checklist_data.build(event_id), day=day), path)
