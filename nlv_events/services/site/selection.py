"""Which events the public calendar shows, and what of them: a public copy of each record, with nothing internal.

The copy is the one barrier between the store and the website: the description and notes (which may be
internal) are replaced by the public description, the people of the event (guests among them) are dropped, and
only the programme's rows stay, with the people a programme prints. Everything the site writes is made from it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import peewee

from nlv_events.core import event_reading, models, vocab, when
from nlv_events.core.records import EventRecord
from nlv_events.services.media import photo_files

# The kinds whose programme the page shows (an exhibition's or a Book Day's programme is its opening, in the news).
PROGRAMME_KINDS = ("talk", "conference")


@dataclass
class PublicEvent:
    record: EventRecord  # the public copy (public_record)
    updated_at: dt.datetime
    photo: PublicPhoto | None = None

    @property
    def last_day(self) -> dt.date:
        return when.day_of(self.record.end if self.record.end is not None else self.record.start)


@dataclass
class PublicPhoto:
    source: Path
    caption: str


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def public_record(record: EventRecord) -> EventRecord:
    """What the website may say of `record`: internal texts and the event's people left out."""
    programme = record.programme if record.kind in PROGRAMME_KINDS else []
    return dataclasses.replace(
        record,
        description=record.public_description,
        notes=None,
        people=[],
        programme=programme,
        attendance=None,
        online_views=None,
        items_displayed=None,
    )


def _public_condition() -> peewee.Expression:
    event = models.Event
    return (event.publication == "public") | ((event.publication == "auto") & event.kind.in_(vocab.PUBLIC_KINDS))


def public_events(first: dt.date, months: int) -> list[PublicEvent]:
    """The published events running between `first` and the end of the `months` months it starts, in date order."""
    event = models.Event
    end = add_months(first, months)
    rows = (
        event.select(event.id, event.updated_at)
        .where(
            event.deleted_at.is_null()
            & _public_condition()
            & (event.start_date < end)
            & (peewee.fn.COALESCE(event.end_date, event.start_date) >= first)
        )
        .tuples()
    )
    updated = {event_id: stamp for event_id, stamp in rows}
    records = event_reading.load_records(list(updated))
    records.sort(key=lambda record: (when.day_of(record.start), when.is_timed(record.start), record.start, record.id))
    return [PublicEvent(public_record(record), updated[record.id], _page_photo(record.id)) for record in records]


def _page_photo(event_id: int) -> PublicPhoto | None:
    """The page's picture: the first photo chosen for the news item, when its file is there (an event's other
    photos are the office's, not published)."""
    from nlv_events.core.media_models import Photo

    chosen = (
        Photo.select()
        .where((Photo.event == event_id) & (Photo.chosen == True))  # noqa: E712 (peewee's comparison)
        .order_by(Photo.sort_order, Photo.id)
        .first()
    )
    if chosen is None:
        return None
    source = photo_files.file_of(chosen)
    return PublicPhoto(source, chosen.caption) if source.is_file() else None
