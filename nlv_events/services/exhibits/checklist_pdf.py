"""The checklist (Danh mục tài liệu trưng bày) as PDF: its neutral document drawn by the shared renderer."""

from __future__ import annotations

import os

from nlv_events.printing.model import HeaderBlock
from nlv_events.printing.official import Letterhead
from nlv_events.services.exhibits import checklist as checklist_data
from nlv_events.services.workspace.files import atomic_output


def render(checklist: checklist_data.Checklist, letterhead: Letterhead | None = None) -> bytes:
    """The checklist as PDF bytes. The shared renderer lays the one table out page by page in linear time from
    pre-wrapped cells (a 1 000-item list in about a second), sizes the call-number column to its longest, and puts
    the header row at the top of each page only."""
    from nlv_events.printing import pdf_renderer

    letterhead = letterhead or Letterhead.from_settings()
    header = HeaderBlock(letterhead.parent, letterhead.organisation, letterhead.city, letterhead.day)
    return pdf_renderer.render(checklist_data.document(checklist, header))


def write(event_id: int, path: str | os.PathLike[str]) -> None:
    pdf = render(checklist_data.build(event_id))
    with atomic_output(path, "wb") as stream:
        stream.write(pdf)
