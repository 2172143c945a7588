"""The annual plan (Kế hoạch … năm 2025) described once as plain data, and the year's progress against it.

annual_plan_document.py describes it as a neutral document, which the shared renderers print as PDF and DOCX.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from nlv_events.core import event_reading, queries, store, vocab, when
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.core.records import EventRecord, figure_names, figures
from nlv_events.core.resources import resource
from nlv_events.i18n import _, current_language, ngettext
from nlv_events.i18n.formats import format_span
from nlv_events.printing import decree
from nlv_events.printing.decree import Letterhead
from nlv_events.services.planning import commemorations

PLAN_SYMBOL = "KH-TVQG"  # the decree's abbreviation of a plan (Kế hoạch) and the library's

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass
class PlanOptions:
    """What the office sets on each plan: its number, date, signer, and the text of its sections."""

    number: str = ""  # "15" or "15/KH-TVQG"
    day: dt.date | None = None
    signer_title: str = ""  # "GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name: str = ""
    template: str | None = None  # the purposes and requirements, and the implementation; None: the bundled text
    recipients: list[str] | None = None


@dataclass
class Block:
    kind: str  # "subheading" or "paragraph" or "item"
    text: str


@dataclass
class Section:
    heading: str  # "I. MỤC ĐÍCH, YÊU CẦU"
    blocks: list[Block] = field(default_factory=list)
    table: str | None = None  # "months" or "targets": where the section's table goes


@dataclass
class PlanRow:
    time: str
    content: str
    place: str
    unit: str
    partners: str


@dataclass
class TargetRow:
    kind: str
    target: int | None
    planned: int


@dataclass
class PlanDocument:
    year: int
    letterhead: Letterhead
    number: str
    doc_type: str
    subject: str
    sections: list[Section]
    months: list[tuple[str, list[PlanRow]]]  # "Tháng 1" and its rows, months without events left out
    targets: list[TargetRow]
    signer_title: str
    signer_name: str
    recipients: list[str]

    def month_headers(self) -> list[str]:
        return [_("No."), _("Time"), _("Content"), _("Place"), _("Unit in charge"), _("Partners")]

    def target_headers(self) -> list[str]:
        return [_("Kind of activity"), _("Target"), _("Planned")]


def default_template() -> str:
    language = "en" if current_language() == "en" else "vi"
    return resource("plan", f"template.{language}.txt").read_text(encoding="utf-8")


def _template_sections(text: str, year: int, library: str) -> list[Section]:
    """ "# HEADING" opens a section, "## Sub-heading" a numbered part; other lines are paragraphs."""
    sections: list[Section] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        try:
            line = line.format(year=year, library=library)
        except (KeyError, IndexError, ValueError):
            pass  # braces the office typed for themselves are kept as typed
        if line.startswith("## "):
            if not sections:
                sections.append(Section(heading=""))
            sections[-1].blocks.append(Block("subheading", line[3:].strip()))
        elif line.startswith("# "):
            sections.append(Section(heading=line[2:].strip().upper()))
        else:
            if not sections:
                sections.append(Section(heading=""))
            sections[-1].blocks.append(Block("paragraph", line))
    return sections


def _number_parts(section: Section) -> None:
    count = 0
    for block in section.blocks:
        if block.kind == "subheading":
            count += 1
            block.text = f"{count}. {block.text}"


def _library_name() -> str:
    return _("the National Library of Vietnam") if current_language() == "en" else "Thư viện Quốc gia Việt Nam"


def _series_of(year: int) -> dict[int, int]:
    first, last = queries.year_bounds(year)
    rows = Event.select(Event.id, Event.series_id).where(
        Event.series_id.is_null(False) & Event.deleted_at.is_null() & Event.start_date.between(first, last)
    )
    return {row.id: row.series_id for row in rows}


def planned_records(year: int) -> list[EventRecord]:
    """The events of the plan: every live event starting in `year` that is not cancelled."""
    return event_reading.listing_records(queries.events(year=year).where(Event.status != "cancelled"))


def _unit_and_partners(record: EventRecord, library: str) -> tuple[str, str]:
    if record.role == "co_organiser" and record.partners:
        return record.partners[0], ", ".join([library, *record.partners[1:]])
    return library, ", ".join(record.partners)


def _month_rows(records: list[EventRecord], series_of: dict[int, int], library: str) -> list[PlanRow]:
    """One row per event; a series' occurrences in the month share one row, where its first one falls."""
    groups: dict[int | str, list[EventRecord]] = {}
    for record in records:
        series_id = series_of.get(record.id)  # type: ignore[arg-type]
        groups.setdefault(series_id if series_id is not None else f"event-{record.id}", []).append(record)
    rows = []
    for members in groups.values():
        first = members[0]
        unit, partners = _unit_and_partners(first, library)
        if len(members) == 1 and series_of.get(first.id) is None:  # type: ignore[arg-type]
            time, content = format_span(first.start, first.end), first.title
        else:
            days = ", ".join(f"{member.start.day:02d}" for member in members)
            time = f"{days}/{first.start.month:02d}/{first.start.year}"
            sessions = ngettext("({count} session)", "({count} sessions)", len(members)).format(count=len(members))
            content = f"{first.title} {sessions}"
        rows.append(PlanRow(time, content, first.venue or "", unit, partners))
    return rows


def build(year: int, options: PlanOptions | None = None, letterhead: Letterhead | None = None) -> PlanDocument:
    """The plan of `year`: its sections, the planned events by month, the targets per kind, the signature."""
    if not 1900 <= year <= 2200:
        raise UserError(_("The year must be a year such as 2023."))
    options = options or PlanOptions()
    library = _library_name()
    letterhead = letterhead or Letterhead.from_settings(day=options.day)
    records = planned_records(year)
    series_of = _series_of(year)
    months = []
    for month in range(1, 13):
        of_month = [record for record in records if record.start.month == month]
        if of_month:
            months.append((_("Month {month}").format(month=month), _month_rows(of_month, series_of, library)))
    plans = {plan.kind: plan.target for plan in store.plans(year)}
    targets = [
        TargetRow(vocab.label("kind", kind), plans.get(kind), sum(1 for record in records if record.kind == kind))
        for kind in vocab.KINDS
        if plans.get(kind) or any(record.kind == kind for record in records)
    ]
    template = _template_sections(options.template or default_template(), year, library)
    round_items = [Block("item", f"– {item.heading}") for item in commemorations.anniversaries(year, round_only=True)]
    content = Section(
        heading=_("CONTENT OF THE ACTIVITIES"),
        blocks=[
            Block("subheading", _("Round anniversaries of the year")),
            *(round_items or [Block("paragraph", _("No round anniversary falls in this year."))]),
            Block("subheading", _("Activities by month")),
        ],
        table="months",
    )
    targets_section = Section(heading=_("TARGETS"), table="targets")
    sections = [*template[:1], content, targets_section, *template[1:]]
    for number, section in enumerate(sections):
        _number_parts(section)
        section.heading = f"{ROMAN[number]}. {section.heading}" if section.heading else ""
    return PlanDocument(
        year=year,
        letterhead=letterhead,
        number=decree.document_number(options.number, PLAN_SYMBOL),  # "15" → "15/KH-TVQG", as the programme's
        doc_type=_("PLAN"),
        subject=_("Organising the information and communication activities of the year {year}").format(year=year),
        sections=sections,
        months=months,
        targets=targets,
        signer_title=options.signer_title or _("DIRECTOR"),
        signer_name=options.signer_name,
        recipients=options.recipients
        or [_("Ministry of Culture, Sports and Tourism (to report)"), _("Library leadership"), _("Archives: VT, TTTT")],
    )


@dataclass
class ProgressLine:
    target: int | None = None
    planned: int = 0  # in the plan for the whole year
    due: int = 0  # planned to start by the day asked about
    held: int = 0  # recorded as held
    # What the held events recorded of each figure declared on EventRecord, as the tallies sum it; None: nothing.
    figures: dict[str, int | None] = field(default_factory=lambda: dict.fromkeys(figure_names()))

    def add_held(self, values: dict[str, int | None]) -> None:
        self.held += 1
        for name, value in values.items():
            if value is not None:
                self.figures[name] = (self.figures[name] or 0) + value

    def to_json(self) -> dict:
        return {"target": self.target, "planned": self.planned, "due": self.due, "held": self.held, **self.figures}


@dataclass
class Progress:
    year: int
    today: dt.date
    kinds: dict[str, ProgressLine]
    months: dict[int, ProgressLine]
    total: ProgressLine

    def to_json(self) -> dict:
        return {
            "year": self.year,
            "as_of": self.today.isoformat(),
            "kinds": {kind: line.to_json() for kind, line in self.kinds.items()},
            "months": {str(month): line.to_json() for month, line in self.months.items()},
            "total": self.total.to_json(),
        }


def progress(year: int, today: dt.date | None = None) -> Progress:
    """Planned against held so far, per kind and per month (cancelled events are neither), with what the held
    events recorded of each figure."""
    from nlv_events.services.reports import counting

    today = today or dt.date.today()
    plans = {plan.kind: plan.target for plan in store.plans(year)}
    kinds = {kind: ProgressLine(target=plans.get(kind)) for kind in vocab.KINDS}
    months = {month: ProgressLine() for month in range(1, 13)}
    total = ProgressLine(target=sum(plans.values()) if plans else None)
    first, last = queries.year_bounds(year)
    columns = [counting.figure_column(figure) for figure in figures()]
    rows = Event.select(Event.kind, Event.start_date, Event.status, *columns).where(
        Event.deleted_at.is_null() & Event.start_date.between(first, last) & (Event.status != "cancelled")
    )
    for kind, start, status, *values in rows.tuples():
        start = when.as_date(start)
        for line in (kinds.setdefault(kind, ProgressLine()), months[start.month], total):
            line.planned += 1
            line.due += start <= today
            if status == "held":
                line.add_held(dict(zip(figure_names(), values, strict=True)))
    return Progress(year=year, today=today, kinds=kinds, months=months, total=total)
