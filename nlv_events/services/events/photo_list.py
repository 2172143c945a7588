"""An event's photos as the window shows them: plain data (PhotoView), never the stored rows themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from nlv_events.services.media import event_photos, photo_files


@dataclass(frozen=True)
class PhotoView:
    id: int
    path: str  # relative to the media folder, "/"-separated (what photo_files.thumbnail reads, with digest)
    digest: str
    original_name: str
    taken_at: dt.datetime | None
    width: int
    height: int
    caption: str
    photographer: str
    chosen: bool
    sort_order: int
    version: int  # as loaded: the window saves a change against it (a colleague's change since is a conflict)


@dataclass
class Added:
    ids: list[int] = field(default_factory=list)  # the photos added, in the order of the files
    problems: list[str] = field(default_factory=list)  # one message per file that was not added
    already: int = 0  # files whose picture the event has already: left out, not a problem


def _view(photo) -> PhotoView:
    return PhotoView(
        photo.id,
        photo.path,
        photo.digest,
        photo.original_name,
        photo.taken_at,
        photo.width,
        photo.height,
        photo.caption,
        photo.photographer,
        photo.chosen,
        photo.sort_order,
        photo.version,
    )


def photos(event_id: int) -> list[PhotoView]:
    """The event's photos by time taken (those without a date last, in the order they were added)."""
    return [_view(photo) for photo in event_photos.photos(event_id)]


def missing(event_id: int, root: Path) -> list[PhotoView]:
    """The event's photos whose file is not in the media folder `root`."""
    return [_view(photo) for photo in event_photos.missing(event_id, root)]


def update(photo_id: int, **changes: object) -> PhotoView:
    """Change the caption, photographer, choice, order or people shown (see event_photos.update_photo)."""
    return _view(event_photos.update_photo(photo_id, **changes))  # type: ignore[arg-type]


def recover_missing(folder: Path, event_id: int, root: Path | None) -> tuple[int, list[PhotoView]]:
    """How many missing photos came back from `folder`, and which are still missing."""
    recovered, still = event_photos.recover_missing(folder, event_id, root)
    return recovered, [_view(photo) for photo in still]


def add(event_id: int, files: Sequence[Path], root: Path, progress, is_cancelled) -> Added:
    """Copy and record the pictures (see event_photos.add_photos), off the GUI thread."""
    result = event_photos.add_photos(event_id, files, progress=progress, is_cancelled=is_cancelled, root=root)
    return Added([photo.id for photo in result.added], result.problems, len(result.already))


def thumbnail(photo: PhotoView, root: Path) -> Path:
    """The cached upright thumbnail of `photo` (only files: no database connection, so any thread may ask)."""
    return photo_files.thumbnail(photo, root)  # type: ignore[arg-type]  # it reads the digest and the path
