"""The year's news items (events with a published news link) and photos, per kind, under the counting rule."""

from __future__ import annotations

import peewee
from peewee import fn

from nlv_events.core.media_models import Photo
from nlv_events.core.models import Event
from nlv_events.services.reports import counting


def has_news_expression() -> peewee.Node:
    """SQL, over Event, for "has a published news link": the tallies read it with the year's other figures."""
    return Event.news_url.is_null(False) & (Event.news_url != "")


def photos_per_kind(year: int) -> dict[str, int]:
    """{kind: photos} over the events `year` counts."""
    photos = (
        Photo.select(Event.kind, fn.COUNT(Photo.id))
        .join(Event)
        .where(counting.counts(year))
        .group_by(Event.kind)
        .tuples()
    )
    return dict(photos)
