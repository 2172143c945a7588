"""The command line: each sub-command, and every error path ends in one clear line and a non-zero code."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from nlv_events import __version__
from nlv_events.core import database
from tests.integration.cli_runner import run


@pytest.fixture(autouse=True)
def _close_after():
    yield
    database.close_database()


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"nlv-events {__version__}"


def test_demo_then_events_lists_the_year(capsys, db_path):
    code, out, _ = run(capsys, "demo", "--db", str(db_path))
    assert code == 0 and "32" in out
    code, out, _ = run(capsys, "events", "--db", str(db_path), "--year", "2022", "--kind", "exhibition")
    assert code == 0
    assert "Hà Nội – Điện Biên Phủ trên không: 50 năm bản hùng ca" in out
    assert out.strip().endswith("20 sự kiện")


def test_events_search_without_accents_in_json(capsys, db_path):
    run(capsys, "demo", "--db", str(db_path))
    code, out, _ = run(capsys, "events", "--db", str(db_path), "--search", "chan hung van hoa doc", "--format", "json")
    assert code == 0
    items = json.loads(out)
    assert [item["kind"] for item in items] == ["book_day"]
    assert isinstance(items[0]["id"], int)
    assert items[0]["theme"] == "Chấn hưng và phát triển Văn hoá đọc"
    assert len(items[0]["programme"]) >= 10


def test_events_as_csv_in_english(capsys, db_path):
    run(capsys, "demo", "--db", str(db_path))
    _code, out, _ = run(capsys, "events", "--db", str(db_path), "--year", "2022", "--format", "csv", "--lang", "en")
    assert out.startswith("\ufeff")  # the byte-order mark: Excel on Windows then reads the text as UTF-8
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert rows[0] == ["ID", "Kind", "Title", "Dates", "Venue", "Status"]
    assert len(rows) == 33
    assert any(row[1] == "Training course" for row in rows)


def test_export_import_round_trip_through_files(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    exported = tmp_path / "2022.json"
    code, out, _ = run(capsys, "export", str(exported), "--db", str(db_path), "--year", "2022")
    assert code == 0 and exported.exists()
    fresh = tmp_path / "fresh.sqlite3"
    code, out, _ = run(capsys, "import", str(exported), "--db", str(fresh))
    assert code == 0 and "thêm 32 sự kiện" in out
    code, out, _ = run(capsys, "import", str(exported), "--db", str(fresh))
    assert "thêm 0 sự kiện" in out and "giữ nguyên 32" in out


def test_database_from_environment_variable(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("NLV_EVENTS_DB", str(tmp_path / "env.sqlite3"))
    run(capsys, "demo")
    assert (tmp_path / "env.sqlite3").exists()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["import", "/no/such/file.json"], "không tồn tại"),
        (["events", "--year", "abc"], "không phải là một năm"),
        (["events", "--kind", "party"], "“party”"),
        (["frobnicate"], "frobnicate"),
        (["export", "/no/such/folder/out.json"], "/no/such/folder/out.json"),
    ],
)
def test_errors_are_one_line_and_non_zero(capsys, db_path, argv, expected):
    code, _, err = run(capsys, *argv, *(["--db", str(db_path)] if argv[0] in {"import", "export", "events"} else []))
    assert code != 0
    assert expected in one_line_error(err)


def test_broken_and_invalid_files_name_the_problem(capsys, tmp_path, db_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    code, _, err = run(capsys, "import", str(broken), "--db", str(db_path))
    assert code == 1 and "JSON" in one_line_error(err)

    invalid = tmp_path / "invalid.json"
    invalid.write_text(
        json.dumps(
            {
                "format": "nlv-events/1",
                "events": [
                    {"kind": "talk", "title": "Một", "start": "2023-01-01"},
                    {"kind": "talk", "title": "Hai", "start": "2023-01-05", "end": "2023-01-01"},
                ],
            }
        ),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", str(invalid), "--db", str(db_path))
    line = one_line_error(err)
    assert code == 1 and "sự kiện thứ 2" in line and "thời gian kết thúc" in line
    code, out, _ = run(capsys, "events", "--db", str(db_path))
    assert "0 sự kiện" in out  # nothing half-imported


def test_english_messages(capsys, db_path):
    code, _, err = run(capsys, "import", "/no/such/file.json", "--lang", "en", "--db", str(db_path))
    assert code == 1
    assert one_line_error(err) == "nlv-events: The file /no/such/file.json does not exist."


def test_the_installed_command_runs_as_a_real_process(tmp_path):
    env = {**os.environ, "NLV_EVENTS_DB": str(tmp_path / "proc.sqlite3")}
    result = subprocess.run(
        [sys.executable, "-m", "nlv_events", "events", "--search", "x"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "0 sự kiện" in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "nlv_events", "import", "missing.json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "nlv-events: Tệp missing.json không tồn tại."


def test_tallies_to_screen_and_files(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    code, out, _ = run(capsys, "tallies", "2022", "--db", str(db_path))
    assert code == 0 and json.loads(out)["kinds"]["exhibition"]["events"] == 20
    for suffix in ("json", "csv", "xlsx", "docx"):
        target = tmp_path / f"tallies.{suffix}"
        code, out, _ = run(capsys, "tallies", "2022", "-o", str(target), "--db", str(db_path))
        assert code == 0 and target.stat().st_size > 0, suffix
    code, _, err = run(capsys, "tallies", "2022", "-o", str(tmp_path / "x.pdf"), "--db", str(db_path))
    assert code == 1 and ".xlsx" in one_line_error(err)
    assert not (tmp_path / "x.pdf").exists()


def test_ics_export(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    code, out, _ = run(capsys, "ics", "--year", "2022", "-o", str(tmp_path / "events.ics"), "--db", str(db_path))
    assert code == 0 and "32" in out
    assert (tmp_path / "events.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_unwritable_output_leaves_no_file(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = run(capsys, "tallies", "2022", "-o", str(locked / "t.xlsx"), "--db", str(db_path))
        if os.geteuid() != 0:  # root writes anywhere; the message path is covered by the missing-folder case
            assert code == 1 and "t.xlsx" in one_line_error(err)
        assert not any(p.name.endswith(".part") for p in locked.iterdir())
    finally:
        locked.chmod(0o700)


def _event_id(capsys, db_path, search):
    _code, out, _ = run(capsys, "events", "--db", str(db_path), "--search", search, "--format", "json")
    return json.loads(out)[0]["id"]


def test_programme_and_year_report_pdfs(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    review = _event_id(capsys, db_path, "tong ket cong tac nam 2022")
    for layout in ("a4", "booklet"):
        target = tmp_path / f"programme-{layout}.pdf"
        code, _out, err = run(
            capsys, "programme", str(review), "-o", str(target), "--layout", layout, "--db", str(db_path)
        )
        assert code == 0, err
        assert target.read_bytes().startswith(b"%PDF")
    code, _, _ = run(
        capsys, "programme", str(review), "-o", str(tmp_path / "en.pdf"), "--lang", "en", "--db", str(db_path)
    )
    assert code == 0
    code, _, _ = run(capsys, "year-report", "2022", "-o", str(tmp_path / "2022.pdf"), "--db", str(db_path))
    assert code == 0 and (tmp_path / "2022.pdf").stat().st_size > 10_000


def test_word_versions_and_the_decree_options(capsys, tmp_path, db_path):
    from docx import Document

    run(capsys, "demo", "--db", str(db_path))
    review = _event_id(capsys, db_path, "tong ket cong tac nam 2022")
    target = tmp_path / "review.docx"
    options = ["--number", "125", "--date", "2022-12-20", "--signer", "Nguyễn Xuân Dũng"]
    code, _out, err = run(capsys, "programme", str(review), "-o", str(target), *options, "--db", str(db_path))
    assert code == 0, err
    document = Document(str(target))
    header_block = document.tables[0].rows[0].cells
    assert "Số: 125/CTr-TVQG" in header_block[0].text
    assert "Hà Nội, ngày 20 tháng 12 năm 2022" in header_block[1].text
    assert "Nguyễn Xuân Dũng" in document.tables[-1].rows[0].cells[1].text
    target = tmp_path / "2022.docx"
    code, _out, err = run(capsys, "year-report", "2022", "-o", str(target), "--number", "7", "--db", str(db_path))
    assert code == 0, err
    text = "\n".join(paragraph.text for paragraph in Document(str(target)).paragraphs)
    assert "Kèm theo Báo cáo số 07/BC-TVQG" in text  # the register holds 7 as 07, the decree's two digits


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["programme", "{review}", "-o", "{tmp}/x.pdf", "--date", "20/12/2022"], "2023-01-05"),
        (["programme", "{review}", "-o", "{tmp}/x.docx", "--layout", "booklet"], ".pdf"),
        (["programme", "99999", "-o", "{tmp}/x.pdf"], "Không có sự kiện số 99999"),
        (["programme", "{exhibition}", "-o", "{tmp}/x.pdf"], "chưa có chương trình"),
        (["programme", "{review}", "-o", "/no/such/folder/x.pdf"], "/no/such/folder/x.pdf"),
        (["programme", "abc", "-o", "{tmp}/x.pdf"], "abc"),
        (["year-report", "20222", "-o", "{tmp}/x.pdf"], "20222"),
    ],
)
def test_printing_errors_are_one_clear_line(capsys, tmp_path, db_path, argv, expected):
    run(capsys, "demo", "--db", str(db_path))
    ids = {
        "review": _event_id(capsys, db_path, "tong ket cong tac nam 2022"),
        "exhibition": _event_id(capsys, db_path, "dien bien phu tren khong"),
    }
    filled = [part.format(tmp=tmp_path, **ids) for part in argv]
    code, _, err = run(capsys, *filled, "--db", str(db_path))
    assert code != 0
    assert expected in one_line_error(err)
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize(
    "argv",
    [["events", "--year", "2022", "--format", "csv"], ["tallies", "2022", "--format", "csv"],
     ["guests", "32", "--format", "csv"]],
)  # fmt: skip
def test_every_csv_starts_with_the_byte_order_mark_excel_needs(capsys, db_path, tmp_path, argv):
    run(capsys, "demo", "--db", str(db_path))
    code, out, err = run(capsys, *argv, "--db", str(db_path))
    assert code == 0, err
    assert out.startswith("\ufeff") and out.count("\ufeff") == 1
    target = tmp_path / "tallies.csv"
    if argv[0] == "tallies":  # written to a file: the same bytes, one mark
        run(capsys, *argv, "--db", str(db_path), "-o", str(target))
        assert target.read_bytes().startswith(b"\xef\xbb\xbf") and target.read_bytes().count(b"\xef\xbb\xbf") == 1
