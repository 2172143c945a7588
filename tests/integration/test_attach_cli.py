"""Attachments from the command line: files with Vietnamese names copied into the media folder, listed, removed;
a file over the limit, a missing file and a folder each refused in one line; and a full export (.zip) imported into
an empty database brings the attachments and their files with it."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from nlv_events.core import database
from nlv_events.core.settings import current_settings
from tests.integration.cli_runner import run
from tests.refusals import refuse_to_read


@pytest.fixture(autouse=True)
def _closed():
    yield
    database.close_database()


def _review(capsys, db_path) -> int:
    run(capsys, "demo", "--db", str(db_path))
    _code, out, _ = run(capsys, "events", "--db", str(db_path), "--search", "tong ket cong tac nam 2022",
                        "--format", "json")  # fmt: skip
    return json.loads(out)[0]["id"]


def _listed(capsys, db, event_id: int) -> list[dict]:
    code, out, err = run(capsys, "attach", str(event_id), "--format", "json", "--db", str(db))
    assert code == 0, err
    return json.loads(out)


def test_attachments_travel_in_a_full_export_into_an_empty_database(capsys, tmp_path, db_path):
    event_id = _review(capsys, db_path)
    submission = tmp_path / "Tờ trình tổ chức Hội nghị.pdf"
    submission.write_bytes(b"%PDF-1.4 to trinh")
    poster = tmp_path / "Áp phích – bản in.png"
    poster.write_bytes(b"\x89PNG poster")
    code, out, err = run(capsys, "attach", str(event_id), "add", str(submission), "--kind", "submission",
                         "--db", str(db_path))  # fmt: skip
    assert code == 0, err
    assert run(capsys, "attach", str(event_id), "add", str(poster), "--kind", "poster", "--db", str(db_path))[0] == 0
    listed = _listed(capsys, db_path, event_id)
    assert [(item["name"], item["kind"]) for item in listed] == [("Tờ trình tổ chức Hội nghị.pdf", "submission"),
                                                                  ("Áp phích – bản in.png", "poster")]  # fmt: skip
    stored = db_path.parent / f"{db_path.stem}-media" / listed[0]["path"]
    assert stored.read_bytes() == submission.read_bytes() and stored.name.isascii()

    bundle = tmp_path / "toan-bo.zip"
    code, _out, err = run(capsys, "export", str(bundle), "--full", "--db", str(db_path))
    assert code == 0, err
    assert f"media/{listed[1]['path']}" in zipfile.ZipFile(bundle).namelist()

    other = tmp_path / "other" / "empty.sqlite3"
    other.parent.mkdir()
    code, _out, err = run(capsys, "import", str(bundle), "--db", str(other))
    assert code == 0, err
    _code, out, _ = run(capsys, "events", "--db", str(other), "--search", "tong ket cong tac nam 2022", "--format",
                        "json")  # fmt: skip
    moved = _listed(capsys, other, json.loads(out)[0]["id"])
    assert [item["name"] for item in moved] == ["Tờ trình tổ chức Hội nghị.pdf", "Áp phích – bản in.png"]
    for item, source in zip(moved, (submission, poster), strict=True):
        copy = other.parent / "empty-media" / item["path"]
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == item["sha256"] == hashlib.sha256(
            source.read_bytes()).hexdigest()  # fmt: skip


def test_a_big_file_a_missing_file_and_a_folder_are_refused_in_one_line(capsys, tmp_path, db_path, monkeypatch):
    event_id = _review(capsys, db_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # this test's own settings file
    settings = current_settings()
    settings.set("attachments.max_mb", "1")
    settings.save()
    big = tmp_path / "Bản quét lớn.pdf"
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    folder = tmp_path / "thư mục"
    folder.mkdir()
    small = tmp_path / "nhỏ.pdf"
    small.write_bytes(b"small")
    for source, expected in ((big, "1 MB"), (tmp_path / "không có.pdf", "không có.pdf"), (folder, "thư mục")):
        code, _out, err = run(capsys, "attach", str(event_id), "add", str(small), str(source), "--db", str(db_path))
        lines = err.strip().splitlines()
        assert code == 1 and len(lines) == 1 and expected in lines[0] and "Traceback" not in err, err
    assert _listed(capsys, db_path, event_id) == []  # one bad file among several adds none


def test_an_attachment_is_removed_and_its_copy_with_it(capsys, tmp_path, db_path):
    event_id = _review(capsys, db_path)
    scan = tmp_path / "Bản ký.pdf"
    scan.write_bytes(b"%PDF scan")
    run(capsys, "attach", str(event_id), "add", str(scan), "--kind", "scan", "--db", str(db_path))
    item = _listed(capsys, db_path, event_id)[0]
    stored = db_path.parent / f"{db_path.stem}-media" / item["path"]
    assert stored.exists()
    assert run(capsys, "attach", str(event_id), "remove", str(item["id"]), "--db", str(db_path))[0] == 0
    assert _listed(capsys, db_path, event_id) == [] and not stored.exists()
    code, _out, err = run(capsys, "attach", str(event_id), "remove", str(item["id"]), "--db", str(db_path))
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_a_scan_is_linked_only_to_a_register_entry_of_its_own_event(capsys, tmp_path, db_path):
    """`--entry` of another event's document is refused in one line naming the entry and its event, and nothing is
    attached: the e-mailed invitations send the scan of the event's own entry and passed over such a link."""
    from nlv_events.core.register_models import RegisterEntry

    review = _review(capsys, db_path)
    code, _out, err = run(capsys, "programme", str(review), "-o", str(tmp_path / "ct.pdf"), "--number", "next",
                          "--date", "2022-12-20", "--db", str(db_path))  # fmt: skip
    assert code == 0, err
    _code, out, _err = run(capsys, "events", "--db", str(db_path), "--search", "ky uc ha noi", "--format", "json")
    talk = json.loads(out)[0]["id"]
    database.open_database(str(db_path))
    entry = RegisterEntry.get(RegisterEntry.event == review).id
    database.close_database()
    scan = tmp_path / "Chương trình đã ký.pdf"
    scan.write_bytes(b"%PDF signed programme")
    code, _out, err = run(capsys, "attach", str(talk), "add", str(scan), "--kind", "scan", "--entry", str(entry),
                          "--db", str(db_path))  # fmt: skip
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1 and "Traceback" not in err, err
    assert "01/CTr-TVQG" in lines[0] and f"{review} " in lines[0] and "Tổng kết" in lines[0]
    assert _listed(capsys, db_path, talk) == []  # nothing attached
    code, _out, err = run(capsys, "attach", str(review), "add", str(scan), "--kind", "scan", "--entry", str(entry),
                          "--db", str(db_path))  # fmt: skip
    assert code == 0, err
    assert [item["register_entry"] for item in _listed(capsys, db_path, review)] == [entry]


def test_a_file_that_cannot_be_read_is_refused_in_one_line(capsys, tmp_path, db_path, monkeypatch):
    event_id = _review(capsys, db_path)
    readable = tmp_path / "Tờ trình.pdf"
    readable.write_bytes(b"%PDF to trinh")
    locked = tmp_path / "Quyết định.pdf"
    locked.write_bytes(b"%PDF quyet dinh")
    refuse_to_read(monkeypatch, locked)
    for language in ("vi", "en"):
        code, _out, err = run(capsys, "attach", str(event_id), "add", str(readable), str(locked), "--lang", language,
                              "--db", str(db_path))  # fmt: skip
        lines = err.strip().splitlines()
        assert code == 1 and len(lines) == 1 and "Traceback" not in err, err
        assert "Quyết định.pdf" in lines[0] and "Unexpected" not in err and "bất ngờ" not in err
    assert "no permission to read it" in lines[0]  # what is wrong, and how to fix it, in English too
    assert _listed(capsys, db_path, event_id) == []  # the readable file given with it is not attached either
