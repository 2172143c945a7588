"""The photos (their record, not the files) and the news item of an event in the interchange file.

Each event may carry `photos` and `news_item`; files without them import as before and leave the photos and news
item of the store as they are. Photos are matched by their SHA-256 within the event and are only added or updated,
never removed, by an import; the files themselves travel with the photos folder (see docs/data-format.md).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nlv_events.core import when
from nlv_events.core.event_reading import in_values
from nlv_events.core.media_models import NewsItem, Photo, PhotoPerson
from nlv_events.core.models import EventPerson, Person
from nlv_events.core.text import clean
from nlv_events.i18n import _
from nlv_events.services.interchange import json_types, rows_kept
from nlv_events.services.interchange.parts import EventExporter, InterchangePart, Place, refuse_unknown, register
from nlv_events.services.media import event_photos

EVENT_KEYS = {"photos", "news_item"}
PHOTO_KEYS = {"path", "original_name", "sha256", "taken_at", "caption", "photographer", "chosen", "order", "people"}
NEWS_KEYS = {"title", "lead", "body", "credit"}
_SHA256 = re.compile(json_types.SHA256_PATTERN)


@dataclass
class MediaData:
    """What the file says of one event's photos and news item."""

    photos: list[dict[str, Any]] | None = None  # None: the file says nothing of photos
    news: dict[str, str] | None = None
    people_named: set[str] = field(default_factory=set)
    # The stored event found to hold all of this already (MediaPart.differs): storing it there writes nothing.
    unchanged_on: int | None = None


def exporter() -> Callable[[int], dict[str, Any]]:
    """`to_dict`, asking the database only for the events that have photos or a news item (an export of a hundred
    thousand events must not cost two more queries each)."""
    with_photos = {row.event_id for row in Photo.select(Photo.event).distinct()}
    with_news = {row.event_id for row in NewsItem.select(NewsItem.event)}
    return lambda event_id: to_dict(event_id) if event_id in with_photos or event_id in with_news else {}


def to_dict(event_id: int) -> dict[str, Any]:
    """The keys to add to the event's interchange object (none when it has no photos and no kept news item)."""
    data: dict[str, Any] = {}
    photos = event_photos.photos(event_id)
    if photos:
        shown = event_photos.people_shown([photo.id for photo in photos])
        names = {
            link.id: link.person.name
            for link in EventPerson.select(EventPerson, Person).join(Person).where(EventPerson.event == event_id)
        }
        data["photos"] = [
            {
                "path": photo.path,
                "original_name": photo.original_name,
                "sha256": photo.digest,
                "taken_at": photo.taken_at.isoformat(timespec="seconds") if photo.taken_at else None,
                "caption": photo.caption,
                "photographer": photo.photographer,
                "chosen": photo.chosen,
                "order": photo.sort_order,
                "people": [names[i] for i in shown[photo.id] if i in names],
            }
            for photo in photos
        ]
    item = NewsItem.get_or_none(NewsItem.event == event_id)
    if item is not None:
        data["news_item"] = {"title": item.title, "lead": item.lead, "body": item.body, "credit": item.credit}
    return data


def parse(data: dict[str, Any], place) -> MediaData:
    """Check the event's `photos` and `news_item`; `place` says where in the file, for messages."""
    part = MediaData()
    if data.get("photos") is not None:
        if not isinstance(data["photos"], list):
            raise place.fail("photos", _("expected a list."))
        part.photos = [_photo(value, place, f"photos[{index}]") for index, value in enumerate(data["photos"], 1)]
        part.people_named = {name for photo in part.photos for name in photo["people"]}
    if data.get("news_item") is not None:
        news = data["news_item"]
        if not isinstance(news, dict):
            raise place.fail("news_item", _("expected an object."))
        refuse_unknown(news, NEWS_KEYS, place, "news_item.")
        part.news = {key: _text(news, key, place, "news_item.") for key in NEWS_KEYS}
        if not part.news["title"]:
            raise place.fail("news_item.title", _("this field is required."))
    return part


def _photo(value: Any, place, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise place.fail(key, _("expected an object."))
    prefix = key + "."
    refuse_unknown(value, PHOTO_KEYS, place, prefix)
    path = _text(value, "path", place, prefix)
    if not path or path.startswith(("/", "\\")) or ".." in path.replace("\\", "/").split("/") or ":" in path:
        raise place.fail(prefix + "path", _("expected a path inside the photos folder, such as events/…/anh.jpg."))
    digest = _text(value, "sha256", place, prefix)
    if not _SHA256.match(digest):
        raise place.fail(prefix + "sha256", _("expected the photo's SHA-256 (64 hexadecimal digits)."))
    taken_text = _text(value, "taken_at", place, prefix)
    try:
        taken = when.parse_day_and_time(taken_text) if taken_text else None
    except ValueError:
        raise place.fail(prefix + "taken_at", _("expected a date and time such as 2022-12-26T08:30:00.")) from None
    chosen, order = value.get("chosen", False), value.get("order", 0)
    if not isinstance(chosen, bool):
        raise place.fail(prefix + "chosen", _("expected true or false."))
    if isinstance(order, bool) or not isinstance(order, int):
        raise place.fail(prefix + "order", _("expected a whole number, found {value}.").format(value=json.dumps(order)))
    people = value.get("people") or []
    if not isinstance(people, list) or not all(isinstance(name, str) for name in people):
        raise place.fail(prefix + "people", _("expected a list of names."))
    return {
        "path": path.replace("\\", "/"),
        "original_name": _file_name(value, place, prefix) or path.rsplit("/", 1)[-1],
        "digest": digest,
        "taken_at": taken,
        "caption": _text(value, "caption", place, prefix),
        "photographer": _text(value, "photographer", place, prefix),
        "chosen": chosen,
        "sort_order": order,
        "people": [clean(name) for name in people],
    }


def _text(data: dict, key: str, place, prefix: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise place.fail(prefix + key, _("expected text, found {value}.").format(value=json.dumps(value)))
    return clean(value)


def _file_name(data: dict, place, prefix: str) -> str:
    """The photo's file name exactly as it was: a name is not prose, and "a b  c.jpeg" with its two spaces is
    another file than "a b c.jpeg" (the name finds the file again when the photos folder has moved)."""
    value = data.get("original_name")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise place.fail(prefix + "original_name", _("expected text, found {value}.").format(value=json.dumps(value)))
    return value


@dataclass
class _Held:
    """What a stored event holds of what the file says (its photos, its news item), to compare the file's with."""

    appearances: dict[str, int] = field(default_factory=dict)  # the event's people: name → their appearance's id
    photos: dict[str, Photo] = field(default_factory=dict)  # by SHA-256
    shown: dict[int, set[int]] = field(default_factory=dict)  # photo id → the appearances shown in it
    news: NewsItem | None = None


def _held(event_id: int, part: MediaData) -> _Held:
    """Read only what the file speaks of: a file without photos or news item asks nothing."""
    held = _Held()
    if part.photos is not None:
        held.appearances = {
            link.person.name: link.id
            for link in EventPerson.select(EventPerson, Person).join(Person).where(EventPerson.event == event_id)
        }
        held.photos = {photo.digest: photo for photo in Photo.select().where(Photo.event == event_id)}
        held.shown = {photo.id: set() for photo in held.photos.values()}
        if held.shown:
            links = PhotoPerson.select(PhotoPerson.photo, PhotoPerson.event_person).where(
                PhotoPerson.photo.in_(list(held.shown))).tuples()  # fmt: skip
            for photo_id, appearance_id in links:
                held.shown[photo_id].add(appearance_id)
    if part.news is not None:
        held.news = NewsItem.get_or_none(NewsItem.event == event_id)
    return held


def _photo_fields(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if key != "people"}


def _same(stored: Any, given: Any) -> bool:
    """A stored value as the file gives it: no text is "", a moment is to the second (as exported)."""
    if isinstance(stored, dt.datetime):
        stored = stored.replace(microsecond=0)
    return (stored if stored is not None else "") == (given if given is not None else "")


def _fields_differ(photo: Photo, fields: dict[str, Any]) -> bool:
    return any(not _same(getattr(photo, key), value) for key, value in fields.items())


def _photo_differs(photo: Photo | None, values: dict[str, Any], held: _Held) -> bool:
    if photo is None or _fields_differ(photo, _photo_fields(values)):
        return True
    return {held.appearances.get(name) for name in values["people"]} != held.shown.get(photo.id, set())


def _news_differs(item: NewsItem | None, news: dict[str, str]) -> bool:
    return item is None or any(not _same(getattr(item, key), value) for key, value in news.items())


def differs(event_id: int, part: MediaData) -> bool:
    """Whether storing `part` would change the event's photos (their values, the people shown) or news item."""
    if part.photos is None and part.news is None:
        return False
    held = _held(event_id, part)
    if part.photos is not None and (
        part.people_named - set(held.appearances)
        or any(_photo_differs(held.photos.get(values["digest"]), values, held) for values in part.photos)
    ):
        return True
    return part.news is not None and _news_differs(held.news, part.news)


def apply(event_id: int, part: MediaData, place) -> None:
    """Store what the file says of the event's photos and news item (inside the import's transaction): only what
    differs, so that re-importing an unchanged file leaves the photos, the people shown in them (with their ids) and
    the news item (with the time of its last change) as they are."""
    if part.photos is None and part.news is None:
        return
    held = _held(event_id, part)
    if part.photos is not None:
        unknown = sorted(part.people_named - set(held.appearances))
        if unknown:
            raise place.fail(
                "photos", _("{name} is shown in a photo but is not among the event's people.").format(name=unknown[0])
            )
        for values in part.photos:
            _store_photo(event_id, values, held)
    if part.news is not None and _news_differs(held.news, part.news):
        item = held.news or NewsItem(event=event_id)
        for key, value in part.news.items():
            setattr(item, key, value)
        item.updated_at = dt.datetime.now().replace(microsecond=0)
        item.save()


def _store_photo(event_id: int, values: dict[str, Any], held: _Held) -> None:
    """The photo of `values` added, or changed where it differs (its version stepped, so a dialog open on it is
    told); the people shown in it linked or unlinked one by one, the links that stay keeping their ids."""
    fields = _photo_fields(values)
    photo = held.photos.get(values["digest"])
    if photo is None:
        photo = held.photos[values["digest"]] = Photo.create(event=event_id, **fields)
    elif _fields_differ(photo, fields):
        Photo.update(**fields, version=Photo.version + 1).where(Photo.id == photo.id).execute()
    wanted = {held.appearances[name] for name in values["people"]}
    shown = held.shown.get(photo.id, set())
    gone = shown - wanted
    if gone:
        PhotoPerson.delete().where((PhotoPerson.photo == photo.id) & PhotoPerson.event_person.in_(gone)).execute()
    for appearance_id in dict.fromkeys(held.appearances[name] for name in values["people"]):
        if appearance_id not in shown:
            PhotoPerson.create(photo=photo.id, event_person=appearance_id)
    held.shown[photo.id] = wanted


def schema() -> dict[str, dict[str, Any]]:
    """The JSON Schema of "photos" and "news_item"."""
    photo = {key: json_types.optional(json_types.TEXT) for key in sorted(PHOTO_KEYS)}
    photo.update(
        path=json_types.REQUIRED_TEXT,
        sha256={"type": "string", "pattern": json_types.SHA256_PATTERN},
        taken_at=json_types.optional(json_types.MOMENT),
        chosen=json_types.FLAG,
        order=json_types.COUNT,
        people=json_types.optional(json_types.list_of(json_types.TEXT)),
    )
    news = {key: json_types.optional(json_types.TEXT) for key in sorted(NEWS_KEYS)}
    news["title"] = json_types.REQUIRED_TEXT
    return {
        "photos": json_types.optional(json_types.list_of(json_types.obj(photo, ["path", "sha256"]))),
        "news_item": json_types.obj(news, ["title"], nullable=True),
    }


@dataclass
class MediaKept:
    """The photos, the people shown in them and the news item of events an import found stored."""

    photos: rows_kept.RowsKept
    news: rows_kept.RowsKept
    shown: dict[int, list[dict[str, Any]]]  # each event's links of a photo to a person of the event


def _shown(event_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {event_id: [] for event_id in event_ids}
    links = (PhotoPerson.select(PhotoPerson.id, PhotoPerson.photo, PhotoPerson.event_person, Photo.event)
             .join(Photo).where(in_values(Photo.event, event_ids)).order_by(PhotoPerson.id).dicts())  # fmt: skip
    for link in links:
        found[link.pop("event")].append(link)
    return found


def keep(event_ids: list[int]) -> MediaKept:
    return MediaKept(rows_kept.keep(Photo, event_ids), rows_kept.keep(NewsItem, event_ids), _shown(event_ids))


def take_back(kept: MediaKept) -> None:
    """The photos (with the people shown) and news item of each kept event as they were; a person of the event
    the take-back of the event could not bring back under the same id is no longer shown."""
    now = _shown(list(kept.shown))
    changed = set(rows_kept.changed_events(kept.photos))
    changed |= {event_id for event_id, links in kept.shown.items() if now[event_id] != links}
    if changed:
        rows_kept.bring_back(kept.photos, sorted(changed))
        links = [link for event_id in sorted(changed) for link in kept.shown[event_id]]
        present = {row_id for (row_id,) in EventPerson.select(EventPerson.id).where(
            EventPerson.id.in_([link["event_person"] for link in links])).tuples()}
        links = [link for link in links if link["event_person"] in present]
        for start in range(0, len(links), 300):
            PhotoPerson.insert_many(links[start : start + 300]).execute()
    rows_kept.take_back(kept.news)


class MediaPart(InterchangePart):
    """Each event's "photos" and "news_item", one MediaData per event of the file, in order."""

    name = "media"
    order = 20
    event_keys = frozenset(EVENT_KEYS)

    def parse(self, data: dict[str, Any], events: list[Any]) -> list[MediaData]:
        return [parse(value, Place(event=number)) for number, value in enumerate(events, 1)]

    def differs(self, parsed: list[MediaData], number: int, event_id: int) -> bool:
        changes = differs(event_id, parsed[number - 1])
        if not changes:
            parsed[number - 1].unchanged_on = event_id  # store_event need not ask the database again
        return changes

    def store_event(self, parsed: list[MediaData], number: int, event_id: int) -> None:
        if parsed[number - 1].unchanged_on != event_id:
            apply(event_id, parsed[number - 1], Place(event=number))

    def keep(self, event_ids: list[int]) -> MediaKept:
        return keep(event_ids)

    def take_back(self, kept: MediaKept) -> None:
        take_back(kept)

    def exporter(self, contacts: bool) -> EventExporter:
        media_of = exporter()
        return lambda event_id, data: data.update(media_of(event_id))

    def event_schema(self) -> dict[str, dict[str, Any]]:
        return schema()


register(MediaPart())
