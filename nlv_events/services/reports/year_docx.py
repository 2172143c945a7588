"""The year's event list and the narrative as a Word document, ready to paste into the annual report."""

from __future__ import annotations

import os

from nlv_events.core.files import atomic_output
from nlv_events.i18n import _
from nlv_events.printing import docx_renderer
from nlv_events.printing.model import Document, Text
from nlv_events.services.reports import narrative, year_list_document
from nlv_events.services.reports.tallies import YearTallies


def year_document(tallies: YearTallies) -> Document:
    """The narrative paragraph over the year-end list's table (groups, subtotals, the year's total)."""
    return Document(
        title=_("Events of the year {year}").format(year=tallies.year),
        blocks=[
            Text(_("EVENTS OF THE YEAR {year}").format(year=tallies.year), "doc_type"),
            Text(narrative.write(tallies), "body"),
            year_list_document.list_table(tallies.year),
            *year_list_document.cancelled_lines(tallies.year),
        ],
        page="a4-landscape",
    )


def write_year_document(tallies: YearTallies, path: str | os.PathLike[str]) -> None:
    content = docx_renderer.render(year_document(tallies))
    with atomic_output(path, "wb") as stream:
        stream.write(content)
