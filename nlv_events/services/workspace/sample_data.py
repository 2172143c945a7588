"""Sample data in a real record: the demo year's events are marked by their refs and can be taken out again."""

from __future__ import annotations

from nlv_events.core import store
from nlv_events.core.models import Event, database_proxy

# Every event of the demo file has a ref of this form ("demo-2022-bookday"): that is the sample-data mark,
# kept through exports and imports, and by an edit of the event.
SAMPLE_REF_PREFIX = "demo-"


def is_sample(ref: str | None) -> bool:
    return bool(ref and ref.startswith(SAMPLE_REF_PREFIX))


def sample_event_ids() -> list[int]:
    """The live sample events."""
    query = Event.select(Event.id).where(Event.ref.startswith(SAMPLE_REF_PREFIX) & Event.deleted_at.is_null())
    return [event_id for (event_id,) in query.tuples()]


def deleted_sample_ids() -> list[int]:
    query = Event.select(Event.id).where(Event.ref.startswith(SAMPLE_REF_PREFIX) & Event.deleted_at.is_null(False))
    return [event_id for (event_id,) in query.tuples()]


def remove(event_ids: list[int]) -> None:
    """Move the events to the deleted events, all or none (Edit → Deleted events, or undo, brings them back)."""
    with database_proxy.atomic():
        for event_id in event_ids:
            store.delete_event(event_id)


def put_back(event_ids: list[int]) -> None:
    with database_proxy.atomic():
        for event_id in event_ids:
            store.restore_event(event_id)
