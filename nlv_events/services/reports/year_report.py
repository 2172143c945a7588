"""The year-end list of events (danh mục sự kiện năm) as a file: A4 landscape PDF or DOCX."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable

from nlv_events.core import bulk
from nlv_events.core.errors import UserError
from nlv_events.core.register_models import RegisterEntry
from nlv_events.core.settings import current_settings
from nlv_events.i18n import _
from nlv_events.printing import decree, docx_renderer, pdf_renderer
from nlv_events.printing.model import Document
from nlv_events.printing.output import check_path
from nlv_events.printing.printout import Printout
from nlv_events.services.register import registered_print
from nlv_events.services.reports import counting, year_list_document

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The user stopped a long printout; nothing was written."""


def _document(year: int, options, progress: Progress | None, is_cancelled: Callable[[], bool] | None):
    if not 1900 <= year <= 2200:
        raise UserError(_("The year must be a year such as 2023."))
    # the counted and the cancelled events in one count (they are the year's events), which the index answers alone
    total = counting.starting_in(year).count() + counting.continuing(year).count() + 1
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if is_cancelled is not None and is_cancelled():
            raise Cancelled
        if progress is not None:
            progress(done, total)

    return year_list_document.document(year, options, step), step


def render(
    year: int,
    options: decree.DecreeOptions | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Printout:
    """The year-end list of `year` under the counting rule, as PDF bytes (which also offer the Word version)."""
    with bulk.many_objects():  # the list's rows live until its last page
        document, step = _document(year, options, progress, is_cancelled)
        bulk.keep_made()  # kept for the Word version: see core/bulk.py
        pdf = pdf_renderer.render(document)
    step()
    return Printout(pdf, lambda: docx_renderer.render(document), document.dropped, lambda other: render(year, other),
                    lambda chosen, path: write(year, path, chosen))  # fmt: skip


def render_docx(year: int, options: decree.DecreeOptions | None = None) -> bytes:
    document, _step = _document(year, options, None, None)
    return docx_renderer.render(document)


def write(
    year: int,
    path: str | os.PathLike[str],
    options: decree.DecreeOptions | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> RegisterEntry | None:
    """Print the year-end list of `year` to `path` (Word for .docx, else PDF), written atomically (nothing is
    written if cancelled); the register's entry of its report's number, if it has one."""
    check_path(path)
    steps: list[Callable[[], None]] = []

    options = options or decree.DecreeOptions()

    def make(number: str | None) -> Document:
        document, step = _document(year, dataclasses.replace(options, number=number), progress, is_cancelled)
        steps.append(step)
        return document

    # The list is the annex of the year's report (BC): the report's number is the one the register holds.
    symbol = current_settings().get("documents.report_symbol")
    with bulk.many_objects():
        return registered_print.write(make, path, registered_print.asked(options, symbol),
                                      rendered=lambda: steps[-1]())  # fmt: skip
