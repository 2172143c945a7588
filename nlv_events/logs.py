"""Logging to a rotating file in the user's data folder, where bug reports can find the tracebacks."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

from nlv_events import APP_NAME, ORGANISATION_NAME

LOG_FILENAME = "nlv-events.log"


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, ORGANISATION_NAME)


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to the rotating log file; returns its path, or None when it cannot be written."""
    root = logging.getLogger()
    if any(getattr(handler, "_nlv_events", False) for handler in root.handlers):
        return Path(next(h.baseFilename for h in root.handlers if getattr(h, "_nlv_events", False)))
    path = log_dir() / LOG_FILENAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        # Never let logging stop the app; the records go nowhere rather than onto the user's screen.
        handler = logging.NullHandler()
        path = None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._nlv_events = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
