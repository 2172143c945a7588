"""Issue 33 on the command line: `nlv-events site` and `nlv-events invitations ID --send`, with their refusals in
one line."""

import io
import re
import sys

import pytest

from nlv_events.core import database
from nlv_events.core.models import Event
from nlv_events.i18n import _
from tests.integration.cli_runner import run
from tests.unit.services.guests.mail_server import (  # noqa: F401 (memory_keyring: a fixture)
    PASSWORD,
    mail_server,
    mail_settings_for,
    memory_keyring,
)

WROTE = "Wrote the calendar of {events} events to {folder}: {written} files written, {unchanged} unchanged."


def written_count(out: str) -> int:
    """How many files the command says it wrote, read through its message in the language the test runs in."""
    pattern = re.escape(_(WROTE)).replace(r"\{written\}", r"(?P<written>\d+)")
    for name in ("events", "folder", "unchanged"):
        pattern = pattern.replace(re.escape("{" + name + "}"), ".+?")
    return int(re.search(pattern, out).group("written"))

GUESTS_CSV = (
    "Danh xưng,Họ và tên,Chức vụ,Cơ quan,Nhóm,Email,Điện thoại\n"
    "Bà,Lê Thu Hà,Giám đốc,Thư viện Hà Nội,\"Thư viện tỉnh, thành phố\",ha.le@example.vn,0912 345 678\n"
    "Ông,Nguyễn Văn Bình,Giám đốc,Thư viện Hải Phòng,\"Thư viện tỉnh, thành phố\",,\n"
)


@pytest.fixture
def review(capsys, db_path, tmp_path):
    assert run(capsys, "demo", "--db", str(db_path))[0] == 0
    database.open_database(str(db_path))
    event_id = Event.get(Event.ref == "demo-2022-review").id
    database.close_database()
    path = tmp_path / "khach.csv"
    path.write_text(GUESTS_CSV, encoding="utf-8")
    assert run(capsys, "guests", str(event_id), "--db", str(db_path), "--import", str(path))[0] == 0
    return event_id


def test_site_writes_the_calendar_and_a_second_run_changes_nothing(capsys, review, db_path, tmp_path):
    folder = tmp_path / "web"
    code, out, err = run(capsys, "site", "--db", str(db_path), "-o", str(folder), "--from", "2022-01-01")
    assert code == 0, err
    assert (folder / "index.html").is_file() and (folder / "atom.xml").is_file()
    code, out, _err = run(capsys, "site", "--db", str(db_path), "-o", str(folder), "--from", "2022-01-01")
    assert code == 0 and written_count(out) == 0  # the second run rewrites nothing
    code, _out, err = run(capsys, "site", "--db", str(db_path), "-o", str(folder), "--months", "1200")
    assert code == 1 and err.count("\n") == 1 and "60" in err


@pytest.mark.usefixtures("memory_keyring")
def test_invitations_are_sent_once_listed_first_and_again_only_when_asked(capsys, review, db_path):
    base = ("invitations", str(review), "--db", str(db_path), "--send")
    code, out, err = run(capsys, *base, "--dry-run")
    assert code == 0, err
    assert "Bà Lê Thu Hà <ha.le@example.vn>" in out and "Nguyễn Văn Bình" in out  # the one without an address
    with mail_server() as (inbox, port):
        mail_settings_for(port)
        code, _out, err = run(capsys, *base)
        assert code == 1 and "mail-password" in err and err.count("\n") == 1  # no password kept yet
        stdin = sys.stdin
        sys.stdin = io.StringIO(PASSWORD + "\n")
        try:
            assert run(capsys, "mail-password", "--db", str(db_path))[0] == 0
        finally:
            sys.stdin = stdin
        code, out, err = run(capsys, *base)
        assert code == 0, err
        assert len(inbox.messages) == 1 and inbox.messages[0][0] == ["ha.le@example.vn"]
        code, _out, err = run(capsys, *base)
        assert code == 1 and "--resend" in err and len(inbox.messages) == 1
        code, _out, err = run(capsys, *base, "--resend")
        assert code == 0 and len(inbox.messages) == 2
    code, out, _err = run(capsys, *base, "--dry-run")
    assert "ha.le@example.vn" in out and PASSWORD not in out


def test_invitations_want_a_file_or_sending(capsys, review, db_path):
    code, _out, err = run(capsys, "invitations", str(review), "--db", str(db_path))
    assert code == 1 and err.count("\n") == 1 and "--send" in err


def test_site_into_a_file_says_why_in_the_users_words(capsys, db_path, tmp_path):
    in_the_way = tmp_path / "lich.pdf"
    in_the_way.write_bytes(b"%PDF-1.4")
    code, _out, err = run(capsys, "site", "--db", str(db_path), "-o", str(in_the_way))
    assert code == 1 and err.count("\n") == 1
    assert _("a file of that name is in the way of the folder") in err and "File exists" not in err
    assert in_the_way.read_bytes() == b"%PDF-1.4"
