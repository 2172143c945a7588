"""Photos of an event: copied into the media folder, read with Pillow (EXIF date, orientation), thumbnails cached.

The media folder is beside the SQLite file ("<name>-media"), or the shared folder of the settings (required for a
PostgreSQL database). The record stores paths relative to it, so the folder can move. The originals the user
adds, and the copies in the media folder, are never changed: every rotation and resizing writes a new file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import threading
import warnings
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import peewee
import platformdirs
from PIL import Image, ImageOps, UnidentifiedImageError

from nlv_events import APP_NAME, ORGANISATION_NAME
from nlv_events.core.errors import UserError
from nlv_events.core.media_models import Photo, PhotoPerson
from nlv_events.core.models import Event, EventPerson, Person, database_proxy
from nlv_events.core.settings import current_settings
from nlv_events.core.text import clean, fold
from nlv_events.i18n import _

THUMBNAIL_SIZE = 320
MEDIA_SUFFIX = "-media"
EXIF_ORIENTATION = 0x0112
EXIF_DATETIME = 0x0132
EXIF_IFD = 0x8769
EXIF_DATETIME_ORIGINAL = 0x9003
Progress = Callable[[int, int], None]


def media_root(folder: str | None = None) -> Path:
    """The folder photos are kept in: `folder` (or the setting) when given, else beside the SQLite file."""
    chosen = current_settings().get("media.folder") if folder is None else folder
    if chosen:
        return Path(chosen).expanduser()
    database = database_proxy.obj
    if isinstance(database, peewee.SqliteDatabase) and database.database not in ("", ":memory:"):
        path = Path(database.database)
        return path.parent / f"{path.stem}{MEDIA_SUFFIX}"
    raise UserError(
        _("The photos of a shared database are kept in a shared folder: choose it in Settings (Photos folder) first.")
    )


def thumbnail_cache() -> Path:
    return platformdirs.user_cache_path(APP_NAME, ORGANISATION_NAME) / "thumbnails"


@dataclass
class ImageFacts:
    taken_at: dt.datetime | None
    orientation: int
    width: int  # as shown, after orientation
    height: int


def open_image(path: Path) -> Image.Image:
    """Open `path` with Pillow, turning every way a file can be unfit into a UserError that names it."""
    try:
        with warnings.catch_warnings():
            # A picture of more pixels than Pillow's limit is refused before it is decoded (a decompression bomb
            # would take the memory of the whole PC), whether Pillow would only warn or refuse.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise UserError(
            _("{name} is too large to be a photo (more than {limit} megapixels): reduce it first.").format(
                name=path.name, limit=Image.MAX_IMAGE_PIXELS // 1_000_000
            )
        ) from error
    except UnidentifiedImageError as error:
        raise UserError(
            _("{name} is not a picture NLV Events can read: add JPEG, PNG, TIFF or WebP photos.").format(name=path.name)
        ) from error
    except FileNotFoundError as error:
        raise UserError(_("{name} is missing: it was moved or deleted.").format(name=path)) from error
    except OSError as error:
        raise UserError(
            _("Cannot read {name}: {reason}").format(name=path.name, reason=error.strerror or error)
        ) from error
    return image


def _damaged(path: Path, error: Exception) -> UserError:
    return UserError(
        _("{name} is damaged or incomplete ({reason}): copy it again from the camera or the card.").format(
            name=path.name, reason=error
        )
    )


def _exif_time(value: object) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(str(value).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None


def read_facts(image: Image.Image) -> ImageFacts:
    exif = image.getexif()
    orientation = exif.get(EXIF_ORIENTATION, 1)
    if not isinstance(orientation, int) or not 1 <= orientation <= 8:
        orientation = 1
    taken = _exif_time(exif.get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL)) or _exif_time(exif.get(EXIF_DATETIME))
    width, height = image.size
    if orientation in (5, 6, 7, 8):  # turned a quarter: shown the other way round
        width, height = height, width
    return ImageFacts(taken, orientation, width, height)


def upright(image: Image.Image, size: int | None = None) -> Image.Image:
    """The picture decoded (at about `size` pixels when given: JPEG decodes at 1/2…1/8 scale), turned upright."""
    if size is not None:
        image.draft("RGB", (size, size))
    image.load()
    turned = ImageOps.exif_transpose(image)
    if turned.mode not in ("RGB", "RGBA", "L", "LA", "CMYK"):  # 16-bit scans, palettes: modes resizing refuses
        turned = turned.convert("RGBA" if turned.mode in ("P", "PA") else "RGB")
    if size is not None:
        turned.thumbnail((size, size), Image.Resampling.LANCZOS)
    return turned


def inspect(path: Path) -> ImageFacts:
    """Check that `path` is a whole, readable picture and read its facts (decodes it at thumbnail size)."""
    with open_image(path) as image:
        facts = read_facts(image)
        try:
            upright(image, THUMBNAIL_SIZE)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise _damaged(path, error) from error
    return facts


def digest_of(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def thumbnail_path(digest: str, size: int = THUMBNAIL_SIZE) -> Path:
    return thumbnail_cache() / digest[:2] / f"{digest}-{size}.jpg"


def _write_thumbnail(image: Image.Image, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".part")
    image.convert("RGB").save(temporary, "JPEG", quality=80)
    os.replace(temporary, target)


def thumbnail(photo: Photo, root: Path | None = None, size: int = THUMBNAIL_SIZE) -> Path:
    """The cached upright thumbnail of `photo`, made from the media folder's copy when not cached yet."""
    target = thumbnail_path(photo.digest, size)
    if target.exists():
        return target
    source = file_of(photo, root)
    with open_image(source) as image:
        try:
            small = upright(image, size)
        except (OSError, SyntaxError, ValueError) as error:
            raise _damaged(source, error) from error
        _write_thumbnail(small, target)
    return target


def file_of(photo: Photo, root: Path | None = None) -> Path:
    return (root or media_root()) / Path(*photo.path.split("/"))


def slug(text: str, words: int | None = None) -> str:
    """Folded, hyphenated: "Hội nghị Tổng kết" → "hoi-nghi-tong-ket" (file names the web server takes as is)."""
    parts = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in fold(text)).split()
    return "-".join(parts[:words] if words else parts)


def _event(event_id: int) -> Event:
    event = Event.get_or_none((Event.id == event_id) & Event.deleted_at.is_null())
    if event is None:
        raise UserError(_("There is no event number {id}.").format(id=event_id))
    return event


def _target_name(folder: Path, original: Path) -> Path:
    stem = slug(original.stem)[:60] or "photo"
    suffix = original.suffix.lower()[:8] or ".img"
    candidate, number = folder / f"{stem}{suffix}", 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{stem}-{number}{suffix}"
    return candidate


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
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(
            _("Cannot create the photos folder {path}: {reason}").format(path=folder, reason=error.strerror or error)
        ) from error
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
                photo = _store_one(event, Path(source), facts, digest, folder, root, known, caption, photographer)
            except UserError as error:
                result.problems.append(str(error))
            else:
                result.added.append(photo)
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
            raise _damaged(source, error) from error
    try:
        digest = digest_of(source)
    except OSError as error:
        raise UserError(_("Cannot read {name}: {reason}").format(name=source.name, reason=error.strerror)) from error
    if not thumbnail_path(digest).exists():
        try:
            _write_thumbnail(small, thumbnail_path(digest))
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
    known: set[str],
    caption: str,
    photographer: str,
) -> Photo:
    if digest in known:
        raise UserError(_("{name} is already among this event's photos.").format(name=source.name))
    target = _target_name(folder, source)
    temporary = target.with_name(target.name + ".part")
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise UserError(
            _("Cannot copy {name} into the photos folder: {reason}").format(
                name=source.name, reason=error.strerror or error
            )
        ) from error
    try:
        photo = Photo.create(
            event=event,
            path=target.relative_to(root).as_posix(),
            original_name=source.name,
            digest=digest,
            taken_at=facts.taken_at,
            orientation=facts.orientation,
            width=facts.width,
            height=facts.height,
            caption=clean(caption),
            photographer=clean(photographer),
        )
    except peewee.DatabaseError:
        target.unlink(missing_ok=True)  # the record did not take it: leave no stray copy behind
        raise
    known.add(digest)
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
) -> Photo:
    """Change what is given; `people` are the EventPerson ids shown in the photo (of the photo's event only)."""
    photo = Photo.get_or_none(Photo.id == photo_id)
    if photo is None:
        raise UserError(_("The photo no longer exists: someone may have removed it."))
    with database_proxy.atomic():
        if caption is not None:
            photo.caption = clean(caption)
        if photographer is not None:
            photo.photographer = clean(photographer)
        if chosen is not None:
            photo.chosen = chosen
        if sort_order is not None:
            photo.sort_order = sort_order
        photo.save()
        if people is not None:
            allowed = {
                link.id for link in EventPerson.select(EventPerson.id).where(EventPerson.event == photo.event_id)
            }
            PhotoPerson.delete().where(PhotoPerson.photo == photo).execute()
            for person_id in dict.fromkeys(people):
                if person_id in allowed:
                    PhotoPerson.create(photo=photo, event_person=person_id)
    return photo


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
