"""The series and their occurrences for the command line: a text table, or JSON with the ids to act on."""

from __future__ import annotations

import json
from typing import Any

from nlv_events.core import vocab, when
from nlv_events.core.models import Event
from nlv_events.core.text import text_table
from nlv_events.i18n import _, ngettext
from nlv_events.i18n.formats import format_day, format_span
from nlv_events.services.planning import series


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _start(event: Event) -> when.Moment:
    return when.join(when.as_date(event.start_date), when.as_time(event.start_time))  # type: ignore[return-value]


def _end(event: Event) -> when.Moment | None:
    return when.join(when.as_date(event.end_date), when.as_time(event.end_time))


def occurrence_to_dict(event: Event) -> dict[str, Any]:
    series_date = when.as_date(event.series_date)
    return {
        "event_id": event.id,
        "series_date": when.to_iso(series_date),
        "start": when.to_iso(_start(event)),
        "end": when.to_iso(_end(event)),
        "title": event.title,
        "status": event.status,
        "moved": series_date != when.as_date(event.start_date),
    }


def series_to_dict(spec: series.SeriesSpec, with_occurrences: bool = True) -> dict[str, Any]:
    """The series as the interchange file has it, with its id and its occurrences (or, for a list, their count)."""
    events = series.occurrences(spec.id)  # type: ignore[arg-type]
    data: dict[str, Any] = {"id": spec.id, **series.to_dict(spec)}
    if with_occurrences:
        data["occurrences"] = [occurrence_to_dict(event) for event in events]
    else:
        data["occurrence_count"] = len(events)
    return data


def render_list(specs: list[series.SeriesSpec], output_format: str) -> str:
    """Every series: its id, title, kind, rule, first day, last day and number of occurrences."""
    if output_format == "json":
        return _json([series_to_dict(spec, with_occurrences=False) for spec in specs])
    rows = [[_("ID"), _("Title"), _("Kind"), _("Rule"), _("From"), _("Until"), _("Occurrences")]]
    for spec in specs:
        days = series.days(spec)
        rows.append(
            [
                str(spec.id),
                spec.title,
                vocab.label("kind", spec.kind),
                spec.rule,
                format_day(spec.start),
                format_day(days[-1]) if days else "–",
                str(len(series.occurrences(spec.id))),  # type: ignore[arg-type]
            ]
        )
    count = ngettext("{count} series", "{count} series", len(specs)).format(count=len(specs))
    return text_table(rows) + count + "\n"


def _dates(event: Event) -> str:
    """The occurrence's dates, saying so when it was moved from the day its rule gave it."""
    span = format_span(_start(event), _end(event))
    series_date = when.as_date(event.series_date)
    if series_date is None or series_date == when.as_date(event.start_date):
        return span
    return f"{span} " + _("(moved from {day})").format(day=format_day(series_date))


def render_series(spec: series.SeriesSpec, output_format: str) -> str:
    """One series: what it is, then each occurrence with the id of its event, its dates and its status."""
    if output_format == "json":
        return _json(series_to_dict(spec))
    lines = [
        _("Series {id}: {title}").format(id=spec.id, title=spec.title),
        _("Rule: {rule}, from {day}").format(rule=spec.rule, day=format_day(spec.start)),
    ]
    if spec.skip:
        lines.append(_("Skipped days: {days}").format(days=", ".join(format_day(day) for day in spec.skip)))
    rows = [[_("ID"), _("Day"), _("Dates"), _("Status"), _("Title")]]
    for event in series.occurrences(spec.id):  # type: ignore[arg-type]
        day = when.as_date(event.series_date) or when.as_date(event.start_date)
        rows.append(
            [str(event.id), format_day(day), _dates(event), vocab.label("status", event.status), event.title]  # type: ignore[arg-type]
        )
    return "\n".join(lines) + "\n\n" + text_table(rows)
