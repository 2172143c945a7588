"""Logging to a rotating file in the user's data folder, where bug reports can find the tracebacks."""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path

import platformdirs

from nlv_events import APP_NAME, ORGANISATION_NAME
from nlv_events.log_rotation import SharedRotatingFile

LOG_FILENAME = "nlv-events.log"


def log_dir() -> Path:
    return platformdirs.user_log_path(APP_NAME, ORGANISATION_NAME)


class PrivateFormatter(logging.Formatter):
    """Tracebacks keep where and what kind of error, never the error's message: messages quote event titles, names
    and contacts (a database's "Key (name)=(Nguyễn Văn A) already exists"), which are personal data. No line shows
    a database address's password."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text  # another handler may have cached the full traceback on the record
        record.exc_text = None
        try:
            return hide_passwords(super().format(record))
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def]
        kind, error, trace = ei
        if error is None:
            return super().formatException(ei)
        summary = traceback.TracebackException(kind, error, trace)
        seen: set[int] = set()
        pending = [summary]
        while pending:
            current = pending.pop()
            if id(current) in seen:
                continue
            seen.add(id(current))
            current._str = WITHHELD  # type: ignore[attr-defined]
            if getattr(current, "text", None) is not None:
                current.text = None  # a SyntaxError would quote the line it failed on
            if hasattr(current, "__notes__"):
                current.__notes__ = None
            pending += [chained for chained in (current.__cause__, current.__context__) if chained is not None]
        return "".join(summary.format()).rstrip("\n")


WITHHELD = "(message withheld: it may hold personal data)"

# The password of an address such as postgresql://user:password@server/db, up to the token's last "@": a password
# typed raw may hold "@", "#" or "/" itself.
_URL_PASSWORD = re.compile(r"(\b[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@\"'“”]*:)[^\s\"'“”]*@(?=[^\s@\"'“”]*(?:[\s\"'“”]|$))")


def hide_passwords(text: str) -> str:
    """`text` with the password of every database address in it replaced by asterisks: no message or log line
    shows one, whoever quoted the address (the database driver quotes it whole in some of its errors)."""
    return _URL_PASSWORD.sub(r"\1***@", text) if "://" in text else text


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to the rotating log file; returns its path, or None when it cannot be written."""
    root = logging.getLogger()
    if any(getattr(handler, "_nlv_events", False) for handler in root.handlers):
        return Path(next(h.baseFilename for h in root.handlers if getattr(h, "_nlv_events", False)))
    path = log_dir() / LOG_FILENAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = SharedRotatingFile(path, max_bytes=1_000_000, backup_count=5)
    except OSError:
        # Never let logging stop the app; the records go nowhere rather than onto the user's screen.
        handler = logging.NullHandler()
        path = None
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._nlv_events = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
