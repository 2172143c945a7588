"""Where the app's shipped files (fonts, demo data, icons) are: beside the source, or inside a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parents[2]


def docs_dir() -> Path:
    """The `docs/` folder (user guide and its pictures), shipped inside the bundle too."""
    return _root() / "docs"


def resources_dir() -> Path:
    """The `resources/` folder: inside a PyInstaller bundle, or at the top of the source tree."""
    return _root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
