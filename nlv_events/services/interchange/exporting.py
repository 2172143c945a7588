"""Writing the store (or a year of it) as an interchange document: each event's declared fields, then the
registered parts' keys."""

from __future__ import annotations

import json
import os
from typing import Any

from nlv_events.core import event_reading, queries, store
from nlv_events.core.files import atomic_output
from nlv_events.core.models import Event
from nlv_events.services.interchange import features
from nlv_events.services.interchange.importing import Progress
from nlv_events.services.interchange.record_dicts import record_to_dict
from nlv_events.services.interchange.schema import FORMAT

READ_BATCH = 500  # events read back together, and the progress reported after each such batch


def export_document(
    year: int | None = None, progress: Progress | None = None, contacts: bool = False
) -> dict[str, Any]:
    """The whole store (or the events starting in `year` and that year's plan) as an interchange document; the
    guests' e-mail and phone only when `contacts` is asked for."""
    ids = [event_id for (event_id,) in queries.events(year=year).select(Event.id).tuples()]
    registered = features.registered()
    # Each part's exporter asks only about the events that have its data: most have no exhibition, guests or photos.
    exporters = [exporter for part in registered if (exporter := part.exporter(contacts)) is not None]
    events: list[dict[str, Any]] = []
    for start in range(0, len(ids), READ_BATCH):
        for record in event_reading.load_records(ids[start : start + READ_BATCH]):
            data = record_to_dict(record)
            for add_keys in exporters:
                add_keys(record.id, data)  # type: ignore[arg-type]
            events.append(data)
        if progress is not None:
            progress(len(events), len(ids))
    document = {"format": FORMAT, "plans": [plan.__dict__ for plan in store.plans(year)], "events": events}
    for part in registered:
        part.export_document(document, ids)
    return document


def write_document(document: dict[str, Any], path: str | os.PathLike[str]) -> None:
    # The text made whole, then written once: json.dump wrote it in some 250 pieces an event.
    text = json.dumps(document, ensure_ascii=False, indent=2)
    with atomic_output(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
        stream.write("\n")
