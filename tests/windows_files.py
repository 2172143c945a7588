"""Windows' rule that an open file cannot be deleted, renamed or replaced, imitated on Linux for tests."""

import os
from pathlib import Path

from nlv_events.core import database
from nlv_events.core.models import database_proxy


def _is_open(path: str | os.PathLike) -> bool:
    bound = database_proxy.obj
    if bound is None or bound.is_closed() or database.open_file() is None:
        return False
    return any(Path(path) == part for part in database.companion_files(database.open_file()))


def refuse_open_database(monkeypatch) -> list[str]:
    """Deleting, renaming or replacing the open database (or its -wal, -shm) fails as Windows makes it fail; the
    list returned collects the paths refused."""
    refused: list[str] = []

    def guarded(original):
        def call(first, *rest, **options):
            for path in (first, *rest[:1]):
                if _is_open(path):
                    refused.append(str(path))
                    raise PermissionError(32, "The process cannot access the file because it is being used", path)
            return original(first, *rest, **options)

        return call

    for name in ("unlink", "remove", "replace", "rename"):
        monkeypatch.setattr(os, name, guarded(getattr(os, name)))
    return refused
