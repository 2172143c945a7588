"""The year's event list and the narrative as a Word document, ready to paste into the annual report."""

from __future__ import annotations

import os

from nlv_events.core.files import atomic_output
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number, format_percent
from nlv_events.printing import docx_renderer
from nlv_events.printing.model import Cell, Column, Document, Row, Table, Text
from nlv_events.services.reports import narrative, year_list_document
from nlv_events.services.reports.tallies import YearTallies
from nlv_events.services.reports.tally_tables import (
    SUMMARY_COLUMNS,
    press_headers,
    press_rows,
    summary_headers,
    summary_rows,
)


def summary_table(tallies: YearTallies) -> Table:
    """The tallies by kind, as the summary sheet and the window show them: counts, figures, the plan and its share,
    the previous year, guests, news items and photos; a blank where nothing was recorded."""
    kinds = [kind for _name, _header, kind in SUMMARY_COLUMNS]

    def shown(value: int | float | None, kind: str) -> str:
        if value is None:
            return ""
        return format_percent(value) if kind == "share" else format_number(value)

    columns = [Column(_("Kind of event"), weight=4), *(Column(header, fit=True, narrow=True, align="right")
                                                        for header in summary_headers()[1:])]  # fmt: skip
    rows = [
        Row([Cell.of(row.label, bold=row.is_total), *(Cell.of(shown(value, kind), "right", bold=row.is_total)
                                                      for value, kind in zip(row.values, kinds, strict=True))],
            kind="total" if row.is_total else "body")
        for row in summary_rows(tallies)
    ]  # fmt: skip
    return Table(columns, rows)


def press_table(tallies: YearTallies) -> list[Table]:
    """The press articles per kind of event and per outlet; nothing in a year without any."""
    if not tallies.total.press_articles:
        return []
    first, second = press_headers()
    rows = [Row([Cell.of(label), Cell.of(format_number(count), "right")]) for label, count in press_rows(tallies)]
    return [Table([Column(first, weight=4), Column(second, fit=True, align="right")], rows)]


def year_document(tallies: YearTallies) -> Document:
    """The narrative paragraph, the tallies by kind, then the year-end list's table (groups, subtotals, the year's
    total)."""
    return Document(
        title=_("Events of the year {year}").format(year=tallies.year),
        blocks=[
            Text(_("EVENTS OF THE YEAR {year}").format(year=tallies.year), "doc_type"),
            Text(narrative.write(tallies), "body"),
            Text(_("Tallies by kind of event"), "section"),
            summary_table(tallies),
            *press_table(tallies),
            Text(_("The events of the year"), "section"),
            year_list_document.list_table(tallies.year),
            *year_list_document.cancelled_lines(tallies.year),
        ],
        page="a4-landscape",
    )


def write_year_document(tallies: YearTallies, path: str | os.PathLike[str]) -> None:
    content = docx_renderer.render(year_document(tallies))
    with atomic_output(path, "wb") as stream:
        stream.write(content)
