"""What the screenshot scripts share: the language asked on their command line, and the app started on the demo
year in folders and a database of their own (the user's own are never touched)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"


@dataclass
class DemoWindow:
    home: Path  # the temporary folder holding the settings, the data and the database
    suffix: str  # of the pictures' names: "" in Vietnamese, ".en" in English
    application: object  # the QApplication


def start(prefix: str) -> DemoWindow:
    """Read --lang, point the user folders at a new temporary folder named after `prefix`, and open a database
    there with the demo year loaded, in that language."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    language = parser.parse_args().lang
    home = Path(tempfile.mkdtemp(prefix=prefix))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(home)
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from nlv_events import i18n
    from nlv_events.core import database
    from nlv_events.services.workspace import demo

    i18n.setup_i18n(language)
    application = QApplication.instance() or QApplication([])
    database.open_database(str(home / "screens.sqlite3"))
    demo.load_demo()
    return DemoWindow(home, "" if language == "vi" else ".en", application)
