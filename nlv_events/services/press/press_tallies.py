"""The year's press coverage under the counting rule: articles per kind of event and per outlet."""

from __future__ import annotations

from peewee import fn

from nlv_events.core.models import Event
from nlv_events.core.press_models import PressArticle
from nlv_events.services.reports import counting


def articles_per_kind(year: int) -> dict[str, int]:
    """{kind of event: articles} over the events `year` counts."""
    query = (PressArticle.select(Event.kind, fn.COUNT(PressArticle.id)).join(Event)
             .where(counting.counts(year)).group_by(Event.kind).tuples())  # fmt: skip
    return dict(query)


def articles_per_outlet(year: int) -> dict[str, int]:
    """{outlet: articles} over the events `year` counts, the most first."""
    count = fn.COUNT(PressArticle.id)
    query = (PressArticle.select(PressArticle.outlet, count).join(Event).where(counting.counts(year))
             .group_by(PressArticle.outlet).order_by(count.desc(), PressArticle.outlet).tuples())  # fmt: skip
    return dict(query)


def notes_by_event(event_ids: list[int]) -> dict[int, str]:
    """{event: "Nhân Dân 05/03/2022; VTV1 06/03/2022"}: the year-end list's note of each event's coverage."""
    lines: dict[int, list[str]] = {}
    query = (PressArticle.select(PressArticle.event, PressArticle.outlet, PressArticle.day)
             .where(PressArticle.event.in_(event_ids))
             .order_by(PressArticle.day, PressArticle.outlet).tuples())  # fmt: skip
    for event_id, outlet, day in query:
        lines.setdefault(event_id, []).append(f"{outlet} {day.strftime('%d/%m/%Y')}")
    return {event_id: "; ".join(parts) for event_id, parts in lines.items()}
