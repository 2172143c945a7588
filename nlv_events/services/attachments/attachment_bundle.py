"""The full export: one zip holding the interchange file and the media it names (attachments and photos), and its
import into another database, the files put back in that database's media folder.

The zip holds `nlv-events.json` and, under `media/`, each file at its place in the media folder. Only the places the
JSON names are read back from a zip (a name of another shape, "../x" or "/etc/x", is never written anywhere).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from nlv_events.core.errors import UserError
from nlv_events.core.files import atomic_output
from nlv_events.i18n import _
from nlv_events.services.attachments.attachment_files import copy_in
from nlv_events.services.media.photo_files import media_root

DOCUMENT_NAME = "nlv-events.json"
MEDIA_PREFIX = "media/"


def media_paths(document: dict[str, Any]) -> list[str]:
    """The places in the media folder the document names: every event's attachments and photos."""
    places: list[str] = []
    for event in document.get("events") or []:
        if not isinstance(event, dict):
            continue
        for key in ("attachments", "photos"):
            for item in event.get(key) or []:
                if isinstance(item, dict) and isinstance(item.get("path"), str):
                    places.append(item["path"])
    return list(dict.fromkeys(places))


def _safe(place: str) -> bool:
    parts = place.split("/")
    return bool(place) and not place.startswith("/") and ".." not in parts and ":" not in place and "\\" not in place


def write_full(document: dict[str, Any], path: str | os.PathLike[str], root: Path | None = None) -> list[str]:
    """Write `document` and its media files into the zip at `path` (whole or not at all); returns the places whose
    file is missing from the media folder (the record goes, the file cannot)."""
    if Path(path).suffix.lower() != ".zip":
        raise UserError(_("{file}: a full export is a .zip file.").format(file=path))
    root = root or media_root()
    missing: list[str] = []
    with atomic_output(path, "wb") as stream, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(DOCUMENT_NAME, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        for place in media_paths(document):
            source = root / Path(*place.split("/"))
            if _safe(place) and source.is_file():
                bundle.write(source, MEDIA_PREFIX + place, zipfile.ZIP_STORED)  # scans and photos are compressed
            else:
                missing.append(place)
    return missing


def read_full(path: str | os.PathLike[str], root: Path | None = None) -> bytes:
    """Put the media files of the zip at `path` into the media folder (a file already there is kept) and return the
    bytes of its interchange file, to be imported as any other."""
    try:
        bundle = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise UserError(_("The file {path} does not exist.").format(path=path)) from None
    except (zipfile.BadZipFile, OSError) as error:
        message = _("{path} is not a full export (a zip file): {reason}")
        raise UserError(message.format(path=path, reason=error)) from None
    with bundle:
        try:
            raw = bundle.read(DOCUMENT_NAME)
        except KeyError:
            raise UserError(_("{path} holds no {name}: it is not a full export of NLV Events.").format(
                path=path, name=DOCUMENT_NAME)) from None  # fmt: skip
        try:
            named = media_paths(json.loads(raw.decode("utf-8-sig")))
        except (ValueError, UnicodeDecodeError):
            return raw  # the import says what is wrong with the file
        root = root or media_root()
        present = set(bundle.namelist())
        with tempfile.TemporaryDirectory() as scratch:
            for place in named:
                member = MEDIA_PREFIX + place
                if not _safe(place) or member not in present or (root / Path(*place.split("/"))).exists():
                    continue
                unpacked = Path(scratch) / "file"
                with bundle.open(member) as source, unpacked.open("wb") as target:
                    shutil.copyfileobj(source, target)
                copy_in(unpacked, place, root)
    return raw
