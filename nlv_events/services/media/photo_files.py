"""The files of an event's photos: where the media folder is, reading them with Pillow (EXIF date, orientation),
their digests and cached thumbnails. The copies in the media folder are never changed: every rotation and resizing
writes a new file."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PIL import Image, ImageOps, UnidentifiedImageError

from nlv_events import APP_NAME, ORGANISATION_NAME
from nlv_events.core.database import open_file
from nlv_events.core.errors import UserError
from nlv_events.core.media_models import Photo
from nlv_events.core.settings import current_settings
from nlv_events.core.text import fold
from nlv_events.i18n import _

THUMBNAIL_SIZE = 320
MEDIA_SUFFIX = "-media"
EXIF_ORIENTATION = 0x0112
EXIF_DATETIME = 0x0132
EXIF_IFD = 0x8769
EXIF_DATETIME_ORIGINAL = 0x9003


def media_root(folder: str | None = None) -> Path:
    """The folder photos are kept in: `folder` (or the setting) when given, else beside the SQLite file."""
    chosen = current_settings().get("media.folder") if folder is None else folder
    if chosen:
        return Path(chosen).expanduser()
    path = open_file()  # the file's path also when it was opened read-only, through a "file:…?mode=ro" URI
    if path is not None:
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


def damaged(path: Path, error: Exception) -> UserError:
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
            raise damaged(path, error) from error
    return facts


def digest_of(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def thumbnail_path(digest: str, size: int = THUMBNAIL_SIZE) -> Path:
    return thumbnail_cache() / digest[:2] / f"{digest}-{size}.jpg"


def write_thumbnail(image: Image.Image, target: Path) -> None:
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
            raise damaged(source, error) from error
        write_thumbnail(small, target)
    return target


def file_of(photo: Photo, root: Path | None = None) -> Path:
    return (root or media_root()) / Path(*photo.path.split("/"))


def slug(text: str, words: int | None = None) -> str:
    """Folded, hyphenated: "Hội nghị Tổng kết" → "hoi-nghi-tong-ket" (file names the web server takes as is)."""
    parts = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in fold(text)).split()
    return "-".join(parts[:words] if words else parts)
