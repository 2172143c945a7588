"""What an event is part of in the year's planning: the commemoration it marks and the series it belongs to."""

from __future__ import annotations

from nlv_events.core import when
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.core.planning_models import Series
from nlv_events.i18n import _


def describe(event_id: int) -> list[tuple[str, str]]:
    """(label, text) lines for the event's links, e.g. ("Commemoration", "Kỷ niệm 95 năm …")."""
    event = Event.get_or_none(Event.id == event_id)
    if event is None:
        return []
    lines = []
    if event.commemoration:
        # Loaded for an event that marks one: the window's first event seldom does (issue #35).
        from nlv_events.services.planning import commemorations

        try:
            item = commemorations.find(event.commemoration)
            day = when.as_date(event.start_date)
            lines.append((_("Commemoration"), commemorations.heading(item, day.year)))  # type: ignore[union-attr]
        except UserError:
            lines.append((_("Commemoration"), event.commemoration))
    if event.series_id is not None:
        row = Series.get_or_none(Series.id == event.series_id)
        if row is not None:
            day = when.as_date(event.series_date)
            text = _("{title} (the occurrence of {day})").format(title=row.title, day=f"{day:%d/%m/%Y}")
            lines.append((_("Recurring series"), text))
    return lines
