"""Photos of an event: copied into the media folder, read with Pillow (EXIF date, orientation), thumbnails cached.

The media folder is beside the SQLite file ("<name>-media"), or the shared folder of the settings (required for a
PostgreSQL database). The record stores paths relative to it, so the folder can move. The originals the user
adds, and the copies in the media folder, are never changed: every rotation and resizing writes a new file.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import peewee

from nlv_events.core import guard, history, row_records, versioned
from nlv_events.core.errors import ConflictError, UserError
from nlv_events.core.files import copy_whole, make_folder
from nlv_events.core.media_models import Photo, PhotoPerson
from nlv_events.core.models import Event, EventPerson, Person, database_proxy
from nlv_events.core.text import clean
from nlv_events.i18n import _

# The files' side of photos (photo_files.py), named here too: callers see one photos service.
from nlv_events.services.media.photo_files import (
    THUMBNAIL_SIZE,
    ImageFacts,
    damaged,
    digest_of,
    file_of,
    media_root,
    open_image,
    read_facts,
    slug,
    thumbnail_path,
    upright,
    write_thumbnail,
)

Progress = Callable[[int, int], None]


def _event(event_id: int) -> Event:
    event = Event.get_or_none((Event.id == event_id) & Event.deleted_at.is_null())
    if event is None:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    return event


def _target_name(folder: Path, original: Path, digest: str, root: Path) -> Path:
    """A free name in the event's folder for a copy of `original`, or the name of the same picture copied there by
    an adding that was stopped (a crash, a power cut) before the record took it: that copy is used again rather
    than left behind beside a second one."""
    stem = slug(original.stem)[:60] or "photo"
    suffix = original.suffix.lower()[:8] or ".img"
    candidate, number = folder / f"{stem}{suffix}", 1
    while candidate.exists():
        if _left_without_record(candidate, digest, root):
            return candidate
        number += 1
        candidate = folder / f"{stem}-{number}{suffix}"
    return candidate


def _left_without_record(candidate: Path, digest: str, root: Path) -> bool:
    """Whether `candidate` holds the picture of `digest` and no photo of the record is kept in it."""
    if Photo.select().where(Photo.path == candidate.relative_to(root).as_posix()).exists():
        return False
    try:
        return candidate.is_file() and digest_of(candidate) == digest
    except OSError:
        return False


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp")


def image_files(paths: Iterable[Path]) -> list[Path]:
    """The files of `paths`, a folder standing for the pictures directly in it (by name, in name order)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES))
        else:
            files.append(path)
    return files


@dataclass
class AddResult:
    added: list[Photo] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one message per file that was not added
    # Files whose picture the event already has (the same content): left out, which is no problem: adding a folder
    # again after an adding was stopped halfway adds the rest.
    already: list[Path] = field(default_factory=list)


def add_photos(
    event_id: int,
    files: Sequence[Path],
    caption: str = "",
    photographer: str = "",
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    root: Path | None = None,
) -> AddResult:
    """Copy each picture into the media folder and record it; a file that cannot be added is named in `problems`
    and leaves the others (and the record) as they were."""
    event = _event(event_id)
    root = root or media_root()
    folder = root / "events" / event.ref
    make_folder(folder, _("Cannot create the photos folder {path}: {reason}"))
    known = {photo.digest for photo in Photo.select(Photo.digest).where(Photo.event == event)}
    result = AddResult()
    # Reading and decoding run two files at a time (Pillow and hashlib let go of the GIL while they work); the
    # copies and the record are made here, one file after the other, in the order given.
    with ThreadPoolExecutor(max_workers=PREPARING_THREADS, initializer=_yield_to_the_window) as pool:
        prepared = [pool.submit(_prepare, Path(source)) for source in files]
        for done, (source, future) in enumerate(zip(files, prepared, strict=True)):
            if is_cancelled is not None and is_cancelled():
                for waiting in prepared[done:]:
                    waiting.cancel()
                break
            try:
                facts, digest = future.result()
                if digest in known:
                    result.already.append(Path(source))
                else:
                    photo = _store_one(event, Path(source), facts, digest, folder, root, caption, photographer)
                    known.add(digest)
                    result.added.append(photo)
            except UserError as error:
                result.problems.append(str(error))
            if progress is not None:
                progress(done + 1, len(files))
    return result


PREPARING_THREADS = 2


def _yield_to_the_window() -> None:
    """Decoding threads run at a lower priority, so the window's thread gets the processor first when it needs it.

    Linux sets a priority per thread (its id is a process id to setpriority); elsewhere the call does not exist or
    is refused, and the threads run at normal priority."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError):
        pass


def _prepare(source: Path) -> tuple[ImageFacts, str]:
    """Check the picture, read its facts and digest, and cache its thumbnail (no database here: any thread)."""
    if not source.is_file():
        raise UserError(_("{name} is missing: it was moved or deleted.").format(name=source))
    with open_image(source) as image:
        facts = read_facts(image)
        try:
            small = upright(image, THUMBNAIL_SIZE)
        except (OSError, SyntaxError, ValueError) as error:
            raise damaged(source, error) from error
    try:
        digest = digest_of(source)
    except OSError as error:
        raise UserError(_("Cannot read {name}: {reason}").format(name=source.name, reason=error.strerror)) from error
    if not thumbnail_path(digest).exists():
        try:
            write_thumbnail(small, thumbnail_path(digest))
        except (OSError, ValueError) as error:
            raise UserError(
                _("Cannot make the thumbnail of {name}: {reason}").format(name=source.name, reason=error)
            ) from error
    return facts, digest


def _store_one(
    event: Event,
    source: Path,
    facts: ImageFacts,
    digest: str,
    folder: Path,
    root: Path,
    caption: str,
    photographer: str,
) -> Photo:
    target = _target_name(folder, source, digest, root)
    copy_whole(source, target, _("Cannot copy {name} into the photos folder: {reason}"))
    try:
        with database_proxy.atomic():
            photo = Photo.create(
                event=event,
                path=target.relative_to(root).as_posix(),
                original_name=source.name,
                digest=digest,
                caption=clean(caption),
                photographer=clean(photographer),
                **row_records.column_values(facts, Photo),  # when it was taken, its orientation and size
            )
            history.rows_added(Photo, [photo.id])
    except peewee.DatabaseError:
        target.unlink(missing_ok=True)  # the record did not take it: leave no stray copy behind
        raise
    return photo


def _by_time(photo: Photo) -> tuple:
    return (photo.taken_at is None, photo.taken_at or dt.datetime.min, photo.id)


def photos(event_id: int) -> list[Photo]:
    """The event's photos by time taken (those without a date last, in the order they were added)."""
    return sorted(Photo.select().where(Photo.event == event_id), key=_by_time)


def news_photos(event_id: int, limit: int = 8) -> list[Photo]:
    """The photos of the news item: the chosen ones in their order, or else the first `limit` by time taken."""
    everything = photos(event_id)
    chosen = sorted((p for p in everything if p.chosen), key=lambda p: (p.sort_order, _by_time(p)))
    return chosen or everything[:limit]


def update_photo(
    photo_id: int,
    *,
    caption: str | None = None,
    photographer: str | None = None,
    chosen: bool | None = None,
    sort_order: int | None = None,
    people: Sequence[int] | None = None,
    version: int | None = None,
) -> Photo:
    """Change what is given; `people` are the EventPerson ids shown in the photo (of the photo's event only).
    `version` is the photo's as the user loaded it: a colleague's change since is a ConflictError naming what the
    photo reads now, and nothing is written. Returns the photo as stored, with its new version."""
    photo = Photo.get_or_none(Photo.id == photo_id)
    if photo is None:
        raise UserError(_("The photo no longer exists: someone may have removed it."))
    given = {"caption": caption, "photographer": photographer, "chosen": chosen, "sort_order": sort_order}
    values = {name: clean(value) if isinstance(value, str) else value for name, value in given.items()}
    with guard.database_errors(), database_proxy.atomic():
        changes = {name: value for name, value in values.items() if value is not None}
        versioned.write_or_conflict(Photo, photo.id, version, changes, partial(_conflict, photo.id))
        photo = Photo.get_by_id(photo.id)
        if people is not None:
            allowed = {
                link.id for link in EventPerson.select(EventPerson.id).where(EventPerson.event == photo.event_id)
            }
            PhotoPerson.delete().where(PhotoPerson.photo == photo).execute()
            for person_id in dict.fromkeys(people):
                if person_id in allowed:
                    PhotoPerson.create(photo=photo, event_person=person_id)
    return photo


def _conflict(photo_id: int) -> ConflictError:
    """The message for a change to a photo a colleague changed or removed first: what it reads now."""
    photo = Photo.get_or_none(Photo.id == photo_id)
    if photo is None:
        return versioned.gone_error(_("this photo"))
    now = [_("caption “{caption}”").format(caption=photo.caption), _("photographer “{name}”").format(
        name=photo.photographer)]
    if photo.chosen:
        now.append(_("chosen for the news item"))
    return versioned.conflict_error(_("the photo “{name}”").format(name=photo.original_name), now)


def choose_in_order(event_id: int, photo_ids: Sequence[int]) -> None:
    """Make `photo_ids` (in this order) the photos of the news item, and no other."""
    with database_proxy.atomic():
        Photo.update(chosen=False, sort_order=0).where(Photo.event == event_id).execute()
        for order, photo_id in enumerate(photo_ids):
            Photo.update(chosen=True, sort_order=order).where(
                (Photo.id == photo_id) & (Photo.event == event_id)
            ).execute()


def remove_photo(photo_id: int, root: Path | None = None) -> None:
    """Take the photo off the event and delete the media folder's copy (the user's original stays where it was)."""
    photo = Photo.get_or_none(Photo.id == photo_id)
    if photo is None:
        return
    path = photo.path
    with database_proxy.atomic():
        history.rows_removing(Photo, [photo.id])
        photo.delete_instance(recursive=True)
    if not Photo.select().where(Photo.path == path).exists():
        try:
            file_of(photo, root).unlink(missing_ok=True)
        except OSError:
            pass  # a copy that cannot be deleted now is only a file too many


def people_shown(photo_ids: Sequence[int]) -> dict[int, list[int]]:
    """EventPerson ids shown in each photo."""
    shown: dict[int, list[int]] = {photo_id: [] for photo_id in photo_ids}
    if photo_ids:
        for link in PhotoPerson.select().where(PhotoPerson.photo.in_(list(photo_ids))):
            shown[link.photo_id].append(link.event_person_id)
    return shown


def appearances(event_id: int) -> list[tuple[int, str]]:
    """(EventPerson id, "Bà Trịnh Thị Thủy – Thứ trưởng") for the people of the event, in their order."""
    order = getattr(EventPerson, "sort_order", None) or EventPerson.position
    result = []
    for link in (
        EventPerson.select(EventPerson, Person)
        .join(Person)
        .where(EventPerson.event == event_id)
        .order_by(order, EventPerson.id)
    ):
        # The form of address and the job title move from Person onto the appearance (issue #11): read either.
        honorific = _text_field(link, "honorific") or _text_field(link.person, "honorific")
        job = _text_field(link, "position") or _text_field(link.person, "position")
        name = f"{honorific} {link.person.name}" if honorific else link.person.name
        result.append((link.id, f"{name} – {job}" if job else name))
    return result


def _text_field(row: peewee.Model, name: str) -> str:
    value = getattr(row, name, None) if name in row._meta.fields else None
    return value if isinstance(value, str) else ""


def missing(event_id: int | None = None, root: Path | None = None) -> list[Photo]:
    """The photos (of one event, or all) whose file is not in the media folder."""
    root = root or media_root()
    query = Photo.select()
    if event_id is not None:
        query = query.where(Photo.event == event_id)
    return [photo for photo in query if not file_of(photo, root).is_file()]


def recover_missing(folder: Path, event_id: int | None = None, root: Path | None = None) -> tuple[int, list[Photo]]:
    """Look for the missing photos in `folder` (where the media folder was moved or copied to) and copy the ones
    found, checked by content, back into the media folder. Returns how many came back and which are still missing."""
    root = root or media_root()
    lost = missing(event_id, root)
    if not lost:
        return 0, []
    by_name: dict[str, list[Path]] = {}
    for directory, _subfolders, names in os.walk(folder):
        for name in names:
            by_name.setdefault(name.casefold(), []).append(Path(directory) / name)
    recovered, still = 0, []
    for photo in lost:
        stored = Path(*photo.path.split("/"))
        candidates = [folder / stored, *by_name.get(stored.name.casefold(), [])]
        candidates += by_name.get(photo.original_name.casefold(), [])
        found = next((c for c in candidates if c.is_file() and digest_of(c) == photo.digest), None)
        if found is None:
            still.append(photo)
            continue
        target = file_of(photo, root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(found, target)
        recovered += 1
    return recovered, still


def counts_per_event(event_ids: Iterable[int]) -> dict[int, int]:
    ids = list(event_ids)
    counts = dict.fromkeys(ids, 0)
    if ids:
        query = Photo.select(Photo.event, peewee.fn.COUNT(Photo.id)).where(Photo.event.in_(ids)).group_by(Photo.event)
        for event_id, count in query.tuples():
            counts[event_id] = count
    return counts
