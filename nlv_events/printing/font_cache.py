"""Parsed TrueType faces kept between runs, so a one-shot printout does not parse its four fonts each time.

ReportLab reads a TrueType file whole when a font is registered: its tables, the widths of its 2 600 glyphs, its
character map. For Liberation Serif that is 6-8 ms a face, 25-30 ms of every `nlv-events programme` (a fifth of what
the app adds to ReportLab's own start). The parsed face is kept in the user's cache folder, keyed by the font file's
size and time and by ReportLab's version (the fields of a parsed face are ReportLab's own, and may change with it);
anything unexpected — a missing, stale or unreadable entry, another ReportLab — falls back to parsing the file, and
the entry is written again. The same approach fpdf took for its fonts' metrics.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import tempfile
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

log = logging.getLogger(__name__)
FORMAT = 1  # of the entries: raised when what is kept changes
# Fresh for each font object, never kept: per-document subsetting state, the encoding and the scaling function.
_FONT_FRESH = ("face", "state", "encoding")
_FACE_FRESH = ("_pdfScale",)


def cache_dir() -> Path:
    import platformdirs

    from nlv_events import APP_NAME, ORGANISATION_NAME

    return platformdirs.user_cache_path(APP_NAME, ORGANISATION_NAME) / "fonts"


def _entry(path: Path) -> Path:
    stat = path.stat()
    version = reportlab.Version.replace(".", "_")
    return cache_dir() / f"{path.stem}-{stat.st_size}-{stat.st_mtime_ns}-rl{version}-v{FORMAT}.pickle"


def _scale(units_per_em: int):
    """ReportLab's glyph-space to PDF-space scaling for a face of `units_per_em` (as ttfonts.extractInfo makes it)."""
    if units_per_em == 1000:
        return lambda value: value
    factor = 1000 / units_per_em
    return lambda value: value * factor


def _from_entry(name: str, entry: Path) -> TTFont:
    with entry.open("rb") as stream:
        kept = pickle.load(stream)
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(kept["face"])
    face._pdfScale = _scale(face.unitsPerEm)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(kept["font"])
    font.fontName = name
    font.face, font.encoding, font.state = face, TTEncoding(), WeakKeyDictionary()
    return font


def _keep(font: TTFont, entry: Path) -> None:
    kept = {
        "font": {key: value for key, value in font.__dict__.items() if key not in _FONT_FRESH},
        "face": {key: value for key, value in font.face.__dict__.items() if key not in _FACE_FRESH},
    }
    entry.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".font-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(kept, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)  # another process writing the same entry writes the same bytes
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def ttfont(name: str, path: Path) -> TTFont:
    """The TrueType font `name` from the file at `path`, parsed once per file (and ReportLab version) per user."""
    entry: Path | None = None
    try:
        entry = _entry(path)
        if entry.exists():
            return _from_entry(name, entry)
    except Exception as error:  # a damaged entry is only a slower start: parse, and write it again
        log.warning("font cache entry for %s not used: %s", path.name, type(error).__name__)
    font = TTFont(name, str(path))
    if entry is not None:
        try:
            _keep(font, entry)
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as error:
            log.warning("font cache entry for %s not written: %s", path.name, type(error).__name__)
    return font
