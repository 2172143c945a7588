"""Where the app's shipped files (fonts, demo data, icons, user guide) are: inside a PyInstaller bundle, inside
the installed package (a wheel ships them as nlv_events/_shipped), or in the checkout beside the source."""

from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    # The package is always a folder on disk (a wheel is unpacked, the bundle has _MEIPASS), so its files are
    # found beside this module; importlib.resources would cost a one-shot command its import (zipfile and more).
    shipped = Path(__file__).resolve().parents[1] / "_shipped"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2]  # an editable install or a checkout


def docs_dir() -> Path:
    """The folder of the user guide and its pictures."""
    return _root() / "docs"


def resources_dir() -> Path:
    """The `resources/` folder: fonts, icons, demo data and the other files the app ships."""
    return _root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
