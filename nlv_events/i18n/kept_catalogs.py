"""Translation catalogs read from their .mo files once, then kept ready to use in the user's cache folder.

Python's gettext reads a compiled catalog message by message in Python: the Vietnamese one's 1 500 messages took
3-5 ms of every start, a one-shot `nlv-events programme` as much as the window (issue #35). The catalog as gettext
reads it (its messages, its header and its plural rule) is kept with `marshal`, keyed by the .mo file's size and
time and by Python's version (marshal's format is Python's own); anything unexpected — a missing, stale or
unreadable entry — is read from the .mo file as before, and the entry written again. The same approach as the
parsed fonts (printing/font_cache.py).
"""

from __future__ import annotations

import contextlib
import gettext
import marshal
import os
import sys
import tempfile
from pathlib import Path

FORMAT = 1  # of the entries: raised when what is kept changes


def cache_dir() -> Path:
    import platformdirs

    from nlv_events import APP_NAME, ORGANISATION_NAME

    return platformdirs.user_cache_path(APP_NAME, ORGANISATION_NAME) / "catalogs"


def _entry(path: Path) -> Path:
    stat = path.stat()
    python = f"{sys.version_info[0]}{sys.version_info[1]}"
    language = path.parent.parent.name
    return cache_dir() / f"{language}-{path.stem}-{stat.st_size}-{stat.st_mtime_ns}-py{python}-v{FORMAT}.marshal"


class KeptTranslations(gettext.GNUTranslations):
    """GNUTranslations whose catalog is read from its kept entry when there is one (see the module)."""

    def _parse(self, fp) -> None:  # type: ignore[no-untyped-def]
        entry = None
        with contextlib.suppress(Exception):  # no entry to be had: the .mo file is read as always
            entry = _entry(Path(fp.name))
            kept = marshal.loads(entry.read_bytes())
            plural = gettext.c2py(kept["plural"]) if kept["plural"] is not None else _germanic_plural
            self._info, self._charset, self._catalog = kept["info"], kept["charset"], kept["catalog"]
            self.plural = plural
            return
        self._info, self._charset = {}, None  # as gettext found them
        super()._parse(fp)
        if entry is not None:
            with contextlib.suppress(OSError, ValueError):  # not kept: the next start reads the file again
                _keep(entry, self._info, self._charset, self._catalog)


def _germanic_plural(n: int) -> int:
    return int(n != 1)  # gettext's rule for a catalog whose header names none


def _plural_rule(info: dict[str, str]) -> str | None:
    """The plural expression of the header, as gettext reads it ("nplurals=1; plural=0;" -> "0")."""
    forms = info.get("plural-forms")
    return forms.split(";")[1].split("plural=")[1] if forms else None


def _keep(entry: Path, info: dict[str, str], charset: str | None, catalog: dict) -> None:
    kept = {"info": info, "charset": charset, "catalog": catalog, "plural": _plural_rule(info)}
    entry.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".catalog-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(marshal.dumps(kept))
        os.replace(temporary, entry)  # another process writing the same entry writes the same bytes
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
