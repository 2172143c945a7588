"""A one-page introduction of an exhibition: what it shows, when and where, its parts and its lenders."""

from __future__ import annotations

import io
import os

from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepInFrame, Paragraph, Spacer

from nlv_events import __version__
from nlv_events.core import store
from nlv_events.core.exhibit_records import roman
from nlv_events.i18n import _, ngettext
from nlv_events.i18n.formats import format_span
from nlv_events.printing.official import Letterhead, header_table, official_document, text
from nlv_events.printing.styles import styles
from nlv_events.services.exhibits import structure
from nlv_events.services.workspace.files import atomic_output


def render(event_id: int, letterhead: Letterhead | None = None) -> bytes:
    structure.exhibition_or_error(event_id)
    record = store.load_record(event_id)
    data = structure.load(event_id)
    buffer = io.BytesIO()
    document = official_document(
        buffer, A4, title=record.title, author="NLV Events", creator=f"NLV Events {__version__}"
    )
    style = styles()
    body: list = [
        Paragraph(_("INTRODUCTION OF THE EXHIBITION"), style["doc_type"]),
        Paragraph(text(record.title), style["subject"]),
    ]
    if record.theme:
        body.append(Paragraph(text(_("Theme: “{theme}”").format(theme=record.theme)), style["info"]))
    body.append(Paragraph(text(_("Time: {dates}").format(dates=format_span(record.start, record.end))), style["info"]))
    if record.venue:
        body.append(Paragraph(text(_("Venue: {venue}").format(venue=record.venue)), style["info"]))
    body.append(Spacer(1, 8))
    for paragraph in (record.description or "").split("\n"):
        if paragraph.strip():
            body.append(Paragraph(text(paragraph.strip()), style["body"]))
    if data.sections:
        body.append(
            Paragraph(
                text(
                    ngettext(
                        "The exhibition shows {count} item in {parts} parts:",
                        "The exhibition shows {count} items in {parts} parts:",
                        data.total_quantity,
                    ).format(count=data.total_quantity, parts=len(data.sections))
                ),
                style["body"],
            )
        )
        for index, section in enumerate(data.sections, start=1):
            line = _("Part {number}. {title}").format(number=roman(index), title=section.title)
            body.append(Paragraph(text(f"– {line}"), style["body"]))
    lenders = list(dict.fromkeys(item.lender for item in data.items if item.lender))
    if lenders or record.partners:
        names = ", ".join(dict.fromkeys([*record.partners, *lenders]))
        body.append(Paragraph(text(_("With items and help from: {names}.").format(names=names)), style["body"]))
    story = [
        header_table(letterhead or Letterhead.from_settings(), document.width),
        # One page whatever the length of the description: the text shrinks rather than running over.
        KeepInFrame(document.width, document.height - 120, body, mode="shrink"),
    ]
    document.build(story)
    return buffer.getvalue()


def write(event_id: int, path: str | os.PathLike[str]) -> None:
    pdf = render(event_id)
    with atomic_output(path, "wb") as stream:
        stream.write(pdf)
