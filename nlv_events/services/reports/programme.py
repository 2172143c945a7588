"""The event programme (chương trình) as a file: the official A4 PDF or DOCX, and the public A5 booklet."""

from __future__ import annotations

import dataclasses
import os

from nlv_events.core import event_reading
from nlv_events.core.errors import UserError
from nlv_events.core.files import atomic_output
from nlv_events.core.records import EventRecord
from nlv_events.core.register_models import RegisterEntry
from nlv_events.core.settings import current_settings
from nlv_events.i18n import _, current_language
from nlv_events.printing import booklet, decree, pdf_renderer
from nlv_events.printing.model import Document
from nlv_events.printing.output import check_path
from nlv_events.printing.printout import Printout
from nlv_events.services.register import registered_print
from nlv_events.services.reports import programme_document as programme_document

LAYOUTS = ("a4", "booklet")
PROGRAMME_SYMBOL = "documents.programme_symbol"  # the setting of the symbol after a programme's number


def _check(record: EventRecord, layout: str) -> None:
    if not record.programme:
        raise UserError(_("The event “{title}” has no programme to print.").format(title=record.title))
    if layout not in LAYOUTS:
        raise UserError(_("Unknown layout “{layout}”: use a4 or booklet.").format(layout=layout))


def render_pages(record: EventRecord) -> bytes:
    """The public programme as A5 pages in reading order (before imposition)."""
    key = "organisation.name_en" if current_language() == "en" else "organisation.name"
    return pdf_renderer.render(programme_document.public(record, current_settings().get(key)))


def render(record: EventRecord, layout: str = "a4", options: decree.DecreeOptions | None = None) -> Printout:
    """The programme of `record` as PDF bytes, in the official A4 layout (which also offers its Word version)
    or as an imposed A5 booklet."""
    _check(record, layout)
    if layout == "booklet":
        return Printout(booklet.impose(render_pages(record)))
    document = programme_document.official(record, options)
    pdf = pdf_renderer.render(document)
    return Printout(
        pdf,
        lambda: _docx(document),
        document.dropped,
        lambda other: render(record, layout, other),
        lambda chosen, path: write(record.id, path, layout, chosen) if record.id is not None else None,
    )


def render_docx(record: EventRecord, options: decree.DecreeOptions | None = None) -> bytes:
    """The official programme as a Word document, for the office to edit before signing."""
    _check(record, "a4")
    return _docx(programme_document.official(record, options))


def _docx(document: Document) -> bytes:
    # The Word renderer is loaded only for a Word version: the programme printed as PDF (the office's usual
    # command) started a tenth slower for it (issue #35).
    from nlv_events.printing import docx_renderer

    return docx_renderer.render(document)


def write(
    event_id: int, path: str | os.PathLike[str], layout: str = "a4", options: decree.DecreeOptions | None = None
) -> RegisterEntry | None:
    """Print the programme of event `event_id` to `path` (written atomically): Word for .docx, else PDF; the
    register's entry when its number is one of the register's."""
    record = event_reading.load_record(event_id)
    if check_path(path) == ".docx" and layout != "a4":
        raise UserError(_("The booklet is printed as PDF only; use a .pdf file name."))
    _check(record, layout)
    if layout == "a4":
        options = options or decree.DecreeOptions()
        return registered_print.write(
            lambda number: programme_document.official(record, dataclasses.replace(options, number=number)),
            path,
            registered_print.asked(options, current_settings().get(PROGRAMME_SYMBOL), record.id),
        )
    content = render(record, layout, options)  # the booklet: its A5 pages imposed two-up, not a document of its own
    with atomic_output(path, "wb") as stream:
        stream.write(content)
    return None
