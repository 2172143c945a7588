"""Lists of events for the command line: a text table, CSV or JSON with each event's id."""

from __future__ import annotations

from dataclasses import dataclass

from nlv_events.core import bulk, event_reading, json_text, queries, vocab
from nlv_events.core.cells import csv_text
from nlv_events.core.errors import UserError
from nlv_events.core.records import EventRecord
from nlv_events.core.text import text_table
from nlv_events.i18n import _, ngettext
from nlv_events.i18n.formats import format_span
from nlv_events.services.interchange.record_dicts import record_to_dict

FORMATS = ("table", "csv", "json")
_TITLE_WIDTH = 64
_VENUE_WIDTH = 32


@dataclass
class EventLine:
    id: int
    kind: str
    title: str
    span: str
    venue: str
    status: str


def select_events(year: int | None = None, kind: str | None = None, search: str | None = None) -> list[EventRecord]:
    """The events listed, as records without people or programme, read straight from the cursor: model objects
    for the ten thousand events of a year took most of a second."""
    if kind is not None and kind not in vocab.KINDS:
        raise UserError(
            _("Unknown kind “{value}”: use one of {choices}.").format(value=kind, choices=", ".join(vocab.KINDS))
        )
    return event_reading.listing_records(queries.events(year=year, kind=kind, search=search))


def event_line(event: EventRecord) -> EventLine:
    return EventLine(
        id=event.id,
        kind=vocab.label("kind", event.kind),
        title=event.title,
        span=format_span(event.start, event.end),
        venue=event.venue or "",
        status=vocab.label("status", event.status),
    )


def _headers() -> list[str]:
    return [_("ID"), _("Kind"), _("Title"), _("Dates"), _("Venue"), _("Status")]


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(events: list[EventRecord]) -> str:
    rows = [
        [
            str(line.id),
            line.kind,
            _shorten(line.title, _TITLE_WIDTH),
            line.span,
            _shorten(line.venue, _VENUE_WIDTH),
            line.status,
        ]
        for line in map(event_line, events)
    ]
    count = ngettext("{count} event", "{count} events", len(rows)).format(count=len(rows))
    return text_table([_headers(), *rows]) + count + "\n"


def render_csv(events: list[EventRecord]) -> str:
    rows = ((line.id, line.kind, line.title, line.span, line.venue, line.status) for line in map(event_line, events))
    return csv_text([_headers(), *rows], line_end="\n")


def render_json(events: list[EventRecord]) -> str:
    return json_text.indented(_json_items(events)) + "\n"


@bulk.many_objects()  # the events' dicts, a few for each person and programme row, all kept until encoded
def _json_items(events: list[EventRecord]) -> list[dict]:
    # People and programmes read a few hundred events at a time, as the export reads them: one event at a time
    # took four queries each, 11 000 for a year of a 100 000-event record.
    return [{"id": record.id, **record_to_dict(record)} for record in event_reading.with_people_and_programme(events)]


def render(events: list[EventRecord], output_format: str) -> str:
    return {"table": render_table, "csv": render_csv, "json": render_json}[output_format](events)


def render_utf8(events: list[EventRecord], output_format: str) -> bytes:
    """`render`'s text in UTF-8; JSON as orjson writes it, never decoded and encoded again."""
    if output_format == "json":
        return json_text.indented_bytes(_json_items(events)) + b"\n"
    return render(events, output_format).encode("utf-8")
