"""The year's news items (events with a published news link) and photos, per kind, under the counting rule."""

from __future__ import annotations

from peewee import fn

from nlv_events.core.media_models import Photo
from nlv_events.core.models import Event
from nlv_events.services import counting


def per_kind(year: int) -> dict[str, tuple[int, int]]:
    """{kind: (news items, photos)} for the events `year` counts."""
    result: dict[str, tuple[int, int]] = {}
    news = (
        counting.counted(year)
        .select(Event.kind, fn.COUNT(Event.id))
        .where(Event.news_url.is_null(False) & (Event.news_url != ""))
        .group_by(Event.kind)
        .order_by()
    )
    for kind, count in news.tuples():
        result[kind] = (count, 0)
    photos = (
        Photo.select(Event.kind, fn.COUNT(Photo.id))
        .join(Event)
        .where(counting.counts(year))
        .group_by(Event.kind)
        .tuples()
    )
    for kind, count in photos:
        result[kind] = (result.get(kind, (0, 0))[0], count)
    return result
