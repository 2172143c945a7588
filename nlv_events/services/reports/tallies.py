"""The yearly tallies for the annual report: per kind and in total, against the plan and the year before."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from peewee import fn

from nlv_events.core import store, vocab
from nlv_events.core.models import Event, database_proxy
from nlv_events.core.records import figure_names, figures
from nlv_events.services.guests import guest_tallies
from nlv_events.services.media import media_tallies
from nlv_events.services.press import press_tallies
from nlv_events.services.reports import counting
from nlv_events.services.tasks import task_tallies

KIND_CODES: tuple[str, ...] = tuple(vocab.KINDS)
QUARTERS = {1: (1, 2, 3), 2: (4, 5, 6), 3: (7, 8, 9), 4: (10, 11, 12)}
# The features' figures per kind: the columns of KindTally each fills, and its count per kind of the year's events
# (a number, or a tuple of numbers in the order of the columns).
FEATURE_FIGURES: tuple[tuple[tuple[str, ...], Callable[[int], dict[str, Any]]], ...] = (
    (("guests_invited", "guests_attending"), guest_tallies.per_kind),
    (("tasks_late", "task_days_late"), task_tallies.late_per_kind),
    (("photos",), media_tallies.photos_per_kind),
    (("press_articles",), press_tallies.articles_per_kind),
)


@dataclass
class KindTally:
    events: int = 0
    organised: int = 0
    co_organised: int = 0
    onsite: int = 0
    online: int = 0
    hybrid: int = 0
    # The figures declared on EventRecord (attendance, online views, items displayed…), summed over the events that
    # recorded them; None when none did: "not recorded" is not the same as zero.
    figures: dict[str, int | None] = field(default_factory=lambda: dict.fromkeys(figure_names()))
    plan: int | None = None
    # None when the year before holds no event at all (the office started recording later): not a zero.
    previous_year: int | None = None
    guests_invited: int = 0
    guests_attending: int = 0
    news_items: int = 0  # events with a published news link
    photos: int = 0
    tasks_late: int = 0  # tasks done after their due date (services/tasks/task_tallies.py)
    task_days_late: int = 0  # by how many days, all of them together
    press_articles: int = 0  # articles, broadcasts and posts about the events

    @property
    def plan_share(self) -> float | None:
        """Events as a share of the plan (1.25 = 125%); None without a plan."""
        return self.events / self.plan if self.plan else None

    @property
    def change(self) -> float | None:
        """Change against the year before (0.2 = +20%); None when there is nothing to compare with."""
        return self.events / self.previous_year - 1 if self.previous_year else None

    def __getattr__(self, name: str) -> int | None:
        """A figure by its name (`tally.attendance`), as every other column is read."""
        figures = self.__dict__.get("figures")
        if figures is not None and name in figures:
            return figures[name]
        raise AttributeError(name)

    def add_figure(self, name: str, value: int | None) -> None:
        if value is not None:
            self.figures[name] = (self.figures[name] or 0) + value

    def to_json(self) -> dict:
        """Every column by name, the figures among them where the documented shape has them (docs/tallies.md)."""
        data = asdict(self)
        shape = {name: data[name] for name in COUNTED}
        shape.update(data["figures"])
        shape.update({name: data[name] for name in AFTER_FIGURES})
        return shape


# The columns of a tally other than the figures, in the order of the JSON: those before the figures, those after.
COUNTED = ("events", "organised", "co_organised", "onsite", "online", "hybrid")
AFTER_FIGURES = ("plan", "previous_year", "guests_invited", "guests_attending", "news_items", "photos", "tasks_late",
                 "task_days_late", "press_articles")


@dataclass
class YearTallies:
    year: int
    kinds: dict[str, KindTally]
    total: KindTally
    cancelled: int = 0
    continuing: int = 0
    months: dict[int, dict[str, int]] = field(default_factory=dict)
    audiences: dict[str, int] = field(default_factory=dict)
    press_outlets: dict[str, int] = field(default_factory=dict)  # articles per outlet, the most first

    @property
    def quarters(self) -> dict[int, dict[str, int]]:
        return {
            quarter: {kind: sum(self.months[m][kind] for m in months) for kind in KIND_CODES}
            for quarter, months in QUARTERS.items()
        }

    def to_json(self) -> dict:
        """The documented JSON shape (docs/tallies.md): every kind present, zeros included."""
        return {
            "year": self.year,
            "kinds": {kind: tally.to_json() for kind, tally in self.kinds.items()},
            "total": self.total.to_json(),
            "cancelled": self.cancelled,
            "months": {str(month): dict(counts) for month, counts in self.months.items()},
            "press_outlets": dict(self.press_outlets),
        }


_COLUMNS = (
    Event.kind,
    Event.role,
    Event.format,
    Event.audience,
    Event.start_date,
    media_tallies.has_news_expression(),
    *(counting.figure_column(figure) for figure in figures()),
)


def _count_per_kind(year: int) -> dict[str, int]:
    counts = dict.fromkeys(KIND_CODES, 0)
    # The rule's condition on Event alone: without the venue that a listing joins, the year's index answers it.
    query = Event.select(Event.kind, fn.COUNT(Event.id)).where(counting.counts(year)).group_by(Event.kind)
    for kind, count in query.tuples():
        counts[kind] = count
    return counts


def _rows(year: int) -> list[tuple]:
    """The counted events' figures straight from the cursor (peewee's per-row conversion would dominate)."""
    sql, parameters = counting.counted(year).select(*_COLUMNS).sql()
    return database_proxy.execute_sql(sql, parameters).fetchall()


def compute(year: int) -> YearTallies:
    """Every figure of `year` under the counting rule."""
    kinds = {kind: KindTally() for kind in KIND_CODES}
    months = {month: dict.fromkeys(KIND_CODES, 0) for month in range(1, 13)}
    audiences = dict.fromkeys(vocab.AUDIENCES, 0)
    names = figure_names()
    for kind, role, form, audience, start, has_news, *values in _rows(year):
        tally = kinds.get(kind) or kinds.setdefault(kind, KindTally())  # not a new KindTally for every row
        tally.events += 1
        if role == "co_organiser":
            tally.co_organised += 1
        else:
            tally.organised += 1
        if form in ("onsite", "online", "hybrid"):
            setattr(tally, form, getattr(tally, form) + 1)
        for name, value in zip(names, values, strict=True):
            tally.add_figure(name, value)
        month = start.month if hasattr(start, "month") else int(str(start)[5:7])
        months[month][kind] = months[month].get(kind, 0) + 1
        audiences[audience] = audiences.get(audience, 0) + 1
        if has_news:
            tally.news_items += 1

    for columns, per_kind in FEATURE_FIGURES:
        for kind, values in per_kind(year).items():
            tally = kinds.setdefault(kind, KindTally())
            for column, value in zip(columns, values if isinstance(values, tuple) else (values,), strict=True):
                setattr(tally, column, value)
    plans = {plan.kind: plan.target for plan in store.plans(year)}
    previous = _count_per_kind(year - 1)
    if any(previous.values()):  # a recorded year: a kind with no event then had none
        for kind in {*kinds, *previous}:
            kinds.setdefault(kind, KindTally()).previous_year = previous.get(kind, 0)
    for kind, tally in kinds.items():
        tally.plan = plans.get(kind)

    total = KindTally()
    for tally in kinds.values():
        for name in (*COUNTED, *AFTER_FIGURES):
            if name not in ("plan", "previous_year"):
                setattr(total, name, getattr(total, name) + getattr(tally, name))
        for name, value in tally.figures.items():
            total.add_figure(name, value)
    total.plan = sum(plans.values()) if plans else None
    total.previous_year = sum(previous.values()) if any(previous.values()) else None

    return YearTallies(
        year=year,
        kinds=kinds,
        total=total,
        cancelled=counting.cancelled(year).count(),
        continuing=counting.continuing(year).count(),
        months=months,
        audiences=audiences,
        press_outlets=press_tallies.articles_per_outlet(year),
    )


def events_per_year(last_year: int, years: int = 5) -> dict[int, dict[str, int]]:
    """Counted events per kind for each of the `years` years up to `last_year` (the multi-year view)."""
    return {year: _count_per_kind(year) for year in range(last_year - years + 1, last_year + 1)}
