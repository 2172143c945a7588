"""The tallies as rows and columns, shared by the CSV, XLSX and DOCX exports and the window's table."""

from __future__ import annotations

from dataclasses import dataclass

from nlv_events.core import vocab
from nlv_events.core.records import figures
from nlv_events.i18n import N_, _
from nlv_events.services.reports.tallies import KindTally, YearTallies

# (attribute, header, kind of value): "count", "share" (a fraction shown as a percentage) or "figure".
SUMMARY_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("events", N_("Events"), "count"),
    ("organised", N_("Organised"), "count"),
    ("co_organised", N_("Co-organised"), "count"),
    ("onsite", N_("Onsite"), "count"),
    ("online", N_("Online"), "count"),
    ("hybrid", N_("Hybrid"), "count"),
    # The figures declared on EventRecord, under the headings declared with them.
    *((figure.name, figure.heading, "figure") for figure in figures()),
    ("plan", N_("Plan"), "figure"),
    ("plan_share", N_("Share of plan"), "share"),
    ("previous_year", N_("Previous year"), "count"),
    ("change", N_("Change on previous year"), "share"),
    ("guests_invited", N_("Guests invited"), "count"),
    ("guests_attending", N_("Guests attending"), "count"),
    ("news_items", N_("News items"), "count"),
    ("photos", N_("Photos"), "count"),
)  # the press articles have a table of their own (press_rows): the summary is as wide as a landscape page


def press_headers() -> list[str]:
    return [_("Press coverage"), _("Press articles")]


def press_rows(tallies: YearTallies) -> list[tuple[str, int]]:
    """The press articles per kind of event, then per outlet: the table the XLSX and the DOCX print."""
    by_kind = [(vocab.label("kind", kind), tally.press_articles) for kind, tally in tallies.kinds.items()
               if tally.press_articles]  # fmt: skip
    by_outlet = [(outlet, count) for outlet, count in tallies.press_outlets.items()]
    return [*by_kind, (_("Total"), tallies.total.press_articles), *by_outlet]


@dataclass
class SummaryRow:
    label: str
    values: list[int | float | None]
    is_total: bool = False


def summary_headers() -> list[str]:
    return [_("Kind of event"), *(_(header) for _name, header, _kind in SUMMARY_COLUMNS)]


def _values(tally: KindTally) -> list[int | float | None]:
    return [getattr(tally, name) for name, _header, _kind in SUMMARY_COLUMNS]


def summary_rows(tallies: YearTallies) -> list[SummaryRow]:
    rows = [SummaryRow(vocab.label("kind", kind), _values(tally)) for kind, tally in tallies.kinds.items()]
    rows.append(SummaryRow(_("Total"), _values(tallies.total), is_total=True))
    return rows


def month_headers() -> list[str]:
    return [_("Month"), *(vocab.label("kind", kind) for kind in vocab.KINDS), _("Total")]


def month_rows(tallies: YearTallies) -> list[list[int | str]]:
    rows: list[list[int | str]] = []
    for month, counts in tallies.months.items():
        values = [counts.get(kind, 0) for kind in vocab.KINDS]
        rows.append([_("Month {number}").format(number=month), *values, sum(values)])
    for quarter, counts in tallies.quarters.items():
        values = [counts.get(kind, 0) for kind in vocab.KINDS]
        rows.append([_("Quarter {number}").format(number=quarter), *values, sum(values)])
    return rows
