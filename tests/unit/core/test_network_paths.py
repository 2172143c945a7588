"""A database on a share or a mapped drive opens: the SQLite URI never takes the share's name as its authority."""

import sqlite3
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from nlv_events.core import database
from nlv_events.core.errors import UserError
from nlv_events.core.models import Event
from nlv_events.services.workspace import backup


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (PureWindowsPath(r"\\server\share\Sự kiện\nlv.sqlite3"), "file:////server/share/S%E1%BB%B1%20ki%E1%BB%87n/"),
        (PureWindowsPath(r"Z:\Phòng #2\nlv.sqlite3"), "file:///Z:/Ph%C3%B2ng%20%232/"),
        (PureWindowsPath(r"C:\Users\Lan [IT]\nlv.sqlite3"), "file:///C:/Users/Lan%20%5BIT%5D/"),
        (PurePosixPath("/home/lan/50% off/nlv.sqlite3"), "file:///home/lan/50%25%20off/"),
    ],
)
def test_the_uri_keeps_a_share_in_its_path_not_its_authority(path, uri):
    made = database.uri_for(path)
    assert made == uri + "nlv.sqlite3?mode=ro"
    assert not made.startswith("file://server")  # Windows' SQLite: "invalid uri authority"


def _saved_database(folder: Path) -> Path:
    path = folder / "Phòng [1]" / "nlv.sqlite3"
    database.open_database(str(path))
    Event.create(ref="share-1", kind="seminar", title="Hội thảo", start_date="2024-03-01")
    database.close_database()
    return path


def test_a_file_reached_by_a_double_slash_path_opens_read_only_and_backs_up(tmp_path):
    """On Linux "//tmp/…" is the same file as "/tmp/…" and gives the URI form of a share (file:////…)."""
    path = _saved_database(tmp_path)
    share_form = Path("/" + str(path))
    assert database.sqlite_uri(share_form).startswith("file:////")
    with sqlite3.connect(database.sqlite_uri(share_form), uri=True) as connection:
        assert connection.execute("SELECT count(*) FROM event").fetchone() == (1,)
    copy = backup.backup_to(str(share_form), tmp_path / "copy.sqlite3")
    backup.check_file(copy)
    database.open_database(str(share_form), read_only=True)
    try:
        assert Event.get().title == "Hội thảo"
    finally:
        database.close_database()


def test_a_share_that_is_gone_is_named_in_the_message(tmp_path):
    gone = tmp_path / "not-mounted" / "nlv.sqlite3"
    (tmp_path / "not-mounted").write_text("a file where the share's folder should be")
    with pytest.raises(UserError, match="not-mounted"):
        database.open_database(str(gone))
