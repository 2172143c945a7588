"""Opening a file with the program the system gives its kind (the command line's `attach … open`; the window uses
QDesktopServices)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from nlv_events.core.errors import UserError
from nlv_events.i18n import _


def open_with_system(path: Path) -> None:
    if not path.is_file():
        raise UserError(_("{name} is missing from the media folder: it was moved or deleted.").format(name=path))
    try:
        if sys.platform == "win32":
            os.startfile(path)  # type: ignore[attr-defined]  # Windows only
        else:
            subprocess.Popen(["open" if sys.platform == "darwin" else "xdg-open", str(path)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    except OSError as error:
        raise UserError(_("Cannot open {name}: {reason}").format(name=path.name, reason=error.strerror)) from error
