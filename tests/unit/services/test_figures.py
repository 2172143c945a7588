"""Every figure declared on EventRecord is summed by the tallies, has its column in the tally tables and in the
year-end list, and their totals agree: a figure added to the declaration shows up everywhere or this fails."""

import datetime as dt

import pytest

from nlv_events.core import store
from nlv_events.core.records import EventRecord, figures
from nlv_events.i18n import _
from nlv_events.i18n.formats import format_number
from nlv_events.services.planning import annual_plan
from nlv_events.services.reports import tallies, tally_tables, year_list_document

YEAR = 2023


def _recorded(factor: int) -> dict[str, int]:
    """A different value for each figure, so a column showing another figure's sum is caught."""
    return {figure.name: factor * (index + 1) for index, figure in enumerate(figures())}


@pytest.fixture
def year_with_figures(db):
    """Two held exhibitions recording every figure, and a talk that recorded none."""
    for number, factor in enumerate((100, 10), start=1):
        store.save_event(
            EventRecord(
                kind="exhibition",
                title=f"Triển lãm {number}",
                start=dt.date(YEAR, 3, number),
                status="held",
                **_recorded(factor),
            )
        )
    store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(YEAR, 5, 2), status="held"))
    return _recorded(110)  # the sums


def test_every_figure_is_in_the_tallies_json(year_with_figures):
    data = tallies.compute(YEAR).to_json()
    for figure in figures():
        assert data["kinds"]["exhibition"][figure.name] == year_with_figures[figure.name], figure.name
        assert data["total"][figure.name] == year_with_figures[figure.name], figure.name
        assert data["kinds"]["talk"][figure.name] is None, figure.name  # not recorded is not zero


def test_every_figure_has_its_column_in_the_tally_tables(year_with_figures):
    headers = tally_tables.summary_headers()
    total = tally_tables.summary_rows(tallies.compute(YEAR))[-1]
    for figure in figures():
        column = headers.index(_(figure.heading))
        assert total.values[column - 1] == year_with_figures[figure.name], figure.name


def test_every_figure_has_its_column_and_total_in_the_year_list(year_with_figures):
    table = year_list_document.list_table(YEAR)
    headers = [column.header for column in table.columns]
    (grand_total,) = [
        row for row in table.rows if row.kind == "total" and row.cells[0].lines[0][0].text.startswith(_("Total"))
    ]
    for figure in figures():
        column = headers.index(_(figure.heading))
        # the total row's first cell spans the columns up to the figures
        cell = grand_total.cells[column - year_list_document.LABEL_SPAN + 1]
        assert cell.lines[0][0].text == format_number(year_with_figures[figure.name]), figure.name


def test_the_plans_progress_sums_every_figure_of_the_held_events(year_with_figures):
    store.save_event(EventRecord(kind="exhibition", title="Sắp mở", start=dt.date(YEAR, 9, 1), **_recorded(1)))
    progress = annual_plan.progress(YEAR, today=dt.date(YEAR, 12, 31)).to_json()
    for figure in figures():  # the planned exhibition's figures are not yet anything held
        assert progress["kinds"]["exhibition"][figure.name] == year_with_figures[figure.name], figure.name
        assert progress["total"][figure.name] == year_with_figures[figure.name], figure.name
        assert progress["kinds"]["talk"][figure.name] is None, figure.name
    assert (progress["total"]["planned"], progress["total"]["held"]) == (4, 3)
