"""Hán and Nôm characters in the printouts, drawn with a font found on the computer at run time.

The library exhibits Hán-Nôm documents, so their titles reach the checklist, the labels and the programmes. No
bundled font covers CJK ideographs (a font that covers the Nôm characters of Extension B weighs tens of megabytes,
too much for the installer), but every Windows PC has SimSun, SimSun-ExtB and MingLiU-ExtB, and Linux machines may
have HanaMin or the Nôm Na Tống font. The first that has a character draws it; the PDF embeds only the glyphs used.
"""

from __future__ import annotations

import logging
import os
import sys
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

PREFIX = "NLVIdeographs"
# (file name, face in a collection), the office's Windows fonts first. TrueType outlines only: ReportLab cannot
# embed the CFF outlines of Noto CJK or Source Han.
CANDIDATES: tuple[tuple[str, int], ...] = (
    ("simsun.ttc", 0),  # SimSun: the CJK Unified Ideographs and Extension A
    ("simsunb.ttf", 0),  # SimSun-ExtB: Extension B, where most Nôm characters are
    ("mingliub.ttc", 0),  # MingLiU-ExtB
    ("NomNaTong-Regular.ttf", 0),  # Nôm Na Tống, the Vietnamese Nôm Preservation Foundation's font
    ("HanaMinA.ttf", 0),
    ("HanaMinB.ttf", 0),
    ("uming.ttc", 0),
    ("wqy-zenhei.ttc", 0),
)


def font_folders() -> list[Path]:
    """Where this computer keeps its fonts, the user's own first."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [local / "Microsoft" / "Windows" / "Fonts", windows / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    shared = [Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]
    return [home / ".local" / "share" / "fonts", home / ".fonts", *shared]


@cache
def found() -> tuple[tuple[Path, int], ...]:
    """The candidate fonts present here, in the candidates' order (the folders are walked once a process)."""
    wanted = {name.lower(): index for name, index in CANDIDATES}
    paths: dict[str, Path] = {}
    for folder in font_folders():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for file in files:
                if file.lower() in wanted and file.lower() not in paths:
                    paths[file.lower()] = Path(root) / file
    return tuple((paths[name.lower()], index) for name, index in CANDIDATES if name.lower() in paths)


@cache
def _registered(position: int) -> tuple[str, frozenset[int]] | None:
    """The registered name and the characters of the `position`-th font found, or None if it cannot be read."""
    path, face = found()[position]
    name = f"{PREFIX}{position}"
    try:
        font = TTFont(name, str(path), subfontIndex=face)
    except Exception as error:  # a damaged or CFF-outlined file: the next candidate may serve
        log.warning("font %s not used: %s", path.name, error)
        return None
    pdfmetrics.registerFont(font)
    return name, frozenset(font.face.charToGlyph)


def font_for(character: str) -> str | None:
    """The registered name of the first font found that draws `character`, or None."""
    code = ord(character)
    for position in range(len(found())):
        registered = _registered(position)
        if registered is not None and code in registered[1]:
            return registered[0]
    return None


def forget() -> None:
    """Look for the fonts again (after fonts are installed; in tests)."""
    found.cache_clear()
    _registered.cache_clear()

