"""The year-end list of events (danh mục sự kiện năm) as a neutral document: groups by kind, totals per column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from nlv_events.core import event_reading, vocab
from nlv_events.core.records import EventRecord, figure_names, figures
from nlv_events.core.settings import current_settings
from nlv_events.i18n import N_, _, ngettext
from nlv_events.i18n.formats import format_day, format_number, format_span
from nlv_events.printing import decree
from nlv_events.printing.model import Cell, Column, Document, Row, Signature, Table, Text, line
from nlv_events.services.press import press_tallies
from nlv_events.services.reports import counting

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# A column per figure declared on EventRecord, each under its own heading and summed in the subtotals.
FIGURES = figure_names()
LABEL_SPAN = 7  # STT … format: the label of a total row covers them, each figure stands under its own column
Step = Callable[[], None]
# One word in the narrow column; the column's header says the rest.
SHORT_ROLES = {"organiser": N_("Host"), "co_organiser": N_("Partner")}


@dataclass
class Totals:
    events: int = 0
    figures: dict[str, int | None] = field(default_factory=lambda: dict.fromkeys(FIGURES))  # None: none recorded

    def _add_figure(self, name: str, value: int | None) -> None:
        if value is not None:
            self.figures[name] = (self.figures[name] or 0) + value

    def add(self, record: EventRecord) -> None:
        self.events += 1
        for name in FIGURES:
            self._add_figure(name, getattr(record, name))

    def merge(self, other: Totals) -> None:
        self.events += other.events
        for name, value in other.figures.items():
            self._add_figure(name, value)


def columns(news_links: bool = False) -> list[Column]:
    """The list's columns; with the news links the notes column is wider, an address being long."""
    return [
        Column(_("No."), fit=True, align="center"),
        Column(_("Event"), weight=2.0),
        Column(_("Dates"), fit=True),
        Column(_("Venue"), weight=1.3),
        Column(_("Role"), narrow=True),
        Column(_("Partners"), weight=1.3),
        Column(_("Format"), narrow=True),
        *(Column(_(figure.heading), fit=True, align="right") for figure in figures()),
        Column(_("Notes"), weight=1.6 if news_links else 0.8, italic=True),
    ]


def short_venue(venue: str | None, organisation: str | tuple[str, ...]) -> str:
    """The venue without the library's own name after it: every row would repeat it."""
    if not venue:
        return ""
    names = (organisation,) if isinstance(organisation, str) else organisation
    for name in names:
        for separator in (", ", " - ", " – "):
            suffix = separator + name
            if venue.casefold().endswith(suffix.casefold()):
                return venue[: -len(suffix)]
    return venue


def _dates(record: EventRecord) -> Cell:
    """The dates on two lines ("21/04 –" over "23/04/2022", or the hours over the day), so the column stays
    narrow."""
    span = format_span(record.start, record.end)
    first, separator, last = span.partition(" – ")
    if separator:
        year = str(record.start.year)
        if last.endswith(year):  # the year once: "20/01 –" over "28/02/2022"
            first = first.removesuffix(year).rstrip("/ ")
        return Cell((line(first + " –"), line(last)))
    hours, space, day = span.rpartition(" ")  # "08:00–11:30 26/12/2022"
    return Cell((line(hours), line(day)) if space else (line(span),))


def _row(number: str, record: EventRecord, note: str, organisation: tuple[str, ...]) -> Row:
    return Row(
        [
            Cell.of(number, "center"),
            Cell.of(record.title),
            _dates(record),
            Cell.of(short_venue(record.venue, organisation)),
            Cell.of(_(SHORT_ROLES.get(record.role, "")) or vocab.label("role", record.role)),
            Cell.of(", ".join(record.partners)),
            Cell.of(vocab.label("format", record.format)),
            *(Cell.of(format_number(getattr(record, name)), "right") for name in FIGURES),
            Cell.of(note, italic=True),
        ]
    )


def _total_row(label: str, totals: Totals) -> Row:
    counted = ngettext("{label}: {count} event", "{label}: {count} events", totals.events).format(
        label=label, count=format_number(totals.events)
    )
    return Row(
        [Cell.of(counted), *(Cell.of(format_number(totals.figures[name]), "right") for name in FIGURES), Cell()],
        "total",
        span=LABEL_SPAN,
    )


def _heading(text: str) -> Row:
    return Row([Cell.of(text)], "heading", span=len(columns()), keep_with_next=True)


def _group(rows: list[Row], heading: str, items: Iterable[tuple[str, EventRecord, str]], organisation: tuple[str, ...],
           total_label: str) -> Totals:  # fmt: skip
    totals = Totals()
    rows.append(_heading(heading))
    for number, record, note in items:
        rows.append(_row(number, record, note, organisation))
        totals.add(record)
    rows[-1].keep_with_next = True  # the last row of a group stays with its subtotal
    rows.append(_total_row(total_label, totals))
    return totals


def list_table(year: int, step: Step | None = None, news_links: bool = False, press: bool = False) -> Table:
    """The events of `year` by kind, each group with its subtotal, the year's total; then the exhibitions
    carried over from earlier years, apart and outside the year's total. With `news_links`, each event's news link
    follows its notes (the cell wraps it); with `press`, its press coverage ("Báo chí: Nhân Dân 05/03/2022")."""
    step = step or (lambda: None)
    settings = current_settings()
    # venues are recorded in Vietnamese whatever the language of the printout: strip either name
    organisation = (settings.get("organisation.name"), settings.get("organisation.name_en"))
    counted = counting.as_tallied(counting.counted(year))
    continuing = counting.as_tallied(counting.continuing(year))

    def numbered(records: list[EventRecord], note: Callable[[EventRecord], str]):
        for number, record in enumerate(records, start=1):
            step()
            yield str(number), record, note(record)

    coverage = press_tallies.notes_by_event([record.id for record in counted if record.id]) if press else {}

    def note(record: EventRecord) -> str:
        parts = [record.notes or ""]
        if news_links and record.news_url:
            parts.append(record.news_url)
        if record.id in coverage:
            parts.append(_("Press: {articles}.").format(articles=coverage[record.id]))
        return " ".join(part for part in parts if part)

    rows: list[Row] = []
    grand = Totals()
    group = 0
    for kind in vocab.KINDS:
        of_kind = [record for record in counted if record.kind == kind]
        if not of_kind:
            continue
        heading = f"{ROMAN[group]}. {vocab.label('kind', kind).upper()}"
        group += 1
        grand.merge(_group(rows, heading, numbered(of_kind, note), organisation, _("Subtotal")))
    if rows:
        rows[-1].keep_with_next = True  # the grand total stays with the last subtotal
    rows.append(_total_row(_("Total"), grand))
    if continuing:
        heading = _("EXHIBITIONS CONTINUING FROM EARLIER YEARS (not in the year's total)")

        def opened(record: EventRecord) -> str:
            return _("Opened {day}; counted in {year}").format(day=format_day(record.start), year=record.start.year)

        _group(rows, heading, numbered(continuing, opened), organisation, _("Subtotal, not in the year's total"))
    return Table(columns(news_links), rows, continued=_("(continued)"))


def cancelled_lines(year: int, step: Step | None = None) -> list[Text]:
    """The cancelled events, apart from the table and not counted: one line each, with the reason noted."""
    cancelled = event_reading.listing_records(counting.cancelled(year))
    if not cancelled:
        return []
    blocks = [Text(_("Cancelled events (not counted):"), "section")]
    for record in cancelled:
        if step is not None:
            step()
        text = f"– {record.title} ({format_span(record.start, record.end)})"
        if record.notes:
            text += f": {record.notes}"
        blocks.append(Text(text, "body"))
    return blocks


def document(year: int, options: decree.DecreeOptions | None = None, step: Step | None = None) -> Document:
    """The list as an annex to the annual report (Nghị định 30/2020, phụ lục): "Phụ lục", the title,
    "(Kèm theo Báo cáo số … ngày …)", the table, the preparer's and the signer's blocks. An annex carries no
    national header of its own: the report it is attached to has it."""
    options = options or decree.DecreeOptions()
    settings = current_settings()
    day = options.date or dt.date.today()
    report = decree.document_number(options.number, settings.get("documents.report_symbol"))
    signature: Signature = decree.signature(options, settings, recipients=False)
    signature.preparer_label = _("PREPARED BY")
    signature.preparer = decree.preparer(options, settings)
    blocks = [
        Text(_("Annex"), "section", align="center"),
        Text(_("LIST OF EVENTS OF THE YEAR {year}").format(year=year), "doc_type"),
        Text(
            _("(Attached to Report No. {number} of {day})").format(number=report, day=format_day(day)),
            "note",
        ),
        list_table(year, step, options.news_links, options.press),
        *cancelled_lines(year, step),
    ]
    return Document(
        title=_("Events of the year {year}").format(year=year),
        blocks=blocks,
        page="a4-landscape",
        signature=signature,
    )
