"""Press coverage from the command line: articles added to events (http/https links only), counted in
`tallies YEAR --format json` per kind of event and per outlet, and listed in the year-end list's notes with
--press."""

from __future__ import annotations

import io
import json
import re

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from nlv_events.core import database
from nlv_events.i18n import _
from tests.integration.cli_runner import run


@pytest.fixture(autouse=True)
def _closed():
    yield
    database.close_database()


def _event_id(capsys, db_path, search: str) -> int:
    _code, out, _ = run(capsys, "events", "--db", str(db_path), "--search", search, "--format", "json")
    return json.loads(out)[0]["id"]


def _add(capsys, db_path, event_id: int, outlet: str, day: str, title: str, *more: str):
    return run(capsys, "press", str(event_id), "add", "--outlet", outlet, "--date", day, "--title", title, *more,
               "--db", str(db_path))  # fmt: skip


def test_press_coverage_is_counted_in_the_tallies_and_listed_with_press(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    review = _event_id(capsys, db_path, "tong ket cong tac nam 2022")
    for outlet, title, kind in (("Nhân Dân", "Thư viện Quốc gia tổng kết năm 2022", "print"),
                                ("VTV1", "Bản tin thời sự", "tv"), ("Nhân Dân", "Bài thứ hai", "online")):  # fmt: skip
        code, _out, err = _add(capsys, db_path, review, outlet, "2022-12-27", title, "--kind", kind,
                               "--url", "https://nhandan.vn/tv-qg")  # fmt: skip
        assert code == 0, err
    code, out, _err = run(capsys, "press", str(review), "--format", "json", "--db", str(db_path))
    assert code == 0 and [article["outlet"] for article in json.loads(out)] == ["Nhân Dân", "Nhân Dân", "VTV1"]

    code, out, err = run(capsys, "tallies", "2022", "--format", "json", "--db", str(db_path))
    assert code == 0, err
    figures = json.loads(out)
    kind = json.loads(run(capsys, "events", "--db", str(db_path), "--search", "tong ket cong tac nam 2022",
                          "--format", "json")[1])[0]["kind"]  # fmt: skip
    assert figures["kinds"][kind]["press_articles"] == 3
    assert figures["total"]["press_articles"] == 3
    assert figures["press_outlets"] == {"Nhân Dân": 2, "VTV1": 1}
    for suffix in ("xlsx", "docx"):
        code, _out, err = run(capsys, "tallies", "2022", "-o", str(tmp_path / f"t.{suffix}"), "--db", str(db_path))
        assert code == 0, err
    press_sheet = load_workbook(tmp_path / "t.xlsx")[_("Press")[:31]]  # the sheet's name, as the workbook is written
    assert ("Nhân Dân", 2) in list(press_sheet.iter_rows(values_only=True))
    word = Document(str(tmp_path / "t.docx"))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "Nhân Dân" in cells and "VTV1" in cells

    target = tmp_path / "list.pdf"
    assert run(capsys, "year-report", "2022", "-o", str(target), "--press", "--db", str(db_path))[0] == 0
    pages = PdfReader(io.BytesIO(target.read_bytes())).pages
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))
    assert "Nhân Dân 27/12/2022" in text and "VTV1 27/12/2022" in text
    plain = tmp_path / "plain.pdf"
    assert run(capsys, "year-report", "2022", "-o", str(plain), "--db", str(db_path))[0] == 0
    assert "VTV1" not in re.sub(r"\s+", " ", PdfReader(plain).pages[0].extract_text())


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--url", "javascript:alert(1)"], "http"),
        (["--url", "ftp://example.vn/a"], "http"),
        (["--kind", "paper"], "paper"),
    ],
)
def test_a_bad_article_is_refused_in_one_line(capsys, db_path, options, expected):
    run(capsys, "demo", "--db", str(db_path))
    review = _event_id(capsys, db_path, "tong ket cong tac nam 2022")
    code, _out, err = _add(capsys, db_path, review, "Nhân Dân", "2022-12-27", "Tin", *options)
    lines = err.strip().splitlines()
    assert code in (1, 2) and len(lines) >= 1 and expected in err and "Traceback" not in err
    assert json.loads(run(capsys, "press", str(review), "--format", "json", "--db", str(db_path))[1]) == []


def test_press_coverage_and_its_clipping_move_through_a_full_export(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    review = _event_id(capsys, db_path, "tong ket cong tac nam 2022")
    clipping = tmp_path / "Bài báo Văn hóa.jpg"
    clipping.write_bytes(b"scan of the article")
    assert run(capsys, "attach", str(review), "add", str(clipping), "--kind", "scan", "--db", str(db_path))[0] == 0
    attached = json.loads(run(capsys, "attach", str(review), "--format", "json", "--db", str(db_path))[1])[0]["id"]
    assert _add(capsys, db_path, review, "Báo Văn hóa", "2022-12-28", "Nhìn lại một năm", "--url",
                "https://baovanhoa.vn/a", "--kind", "online", "--clipping", str(attached))[0] == 0  # fmt: skip
    code, _out, err = _add(capsys, db_path, review, "VTV1", "2022-12-28", "Tin", "--clipping", "9999")
    assert code == 1 and "9999" in err  # not one of the event's attachments
    exported = tmp_path / "all.zip"
    assert run(capsys, "export", "--full", str(exported), "--db", str(db_path))[0] == 0
    other = tmp_path / "other.sqlite3"
    for _time in range(2):  # imported twice: the article is there once
        code, _out, err = run(capsys, "import", str(exported), "--db", str(other))
        assert code == 0, err
    moved = _event_id(capsys, other, "tong ket cong tac nam 2022")
    code, out, _err = run(capsys, "press", str(moved), "--format", "json", "--db", str(other))
    assert [(a["outlet"], a["date"], a["url"], a["kind"]) for a in json.loads(out)] == [
        ("Báo Văn hóa", "2022-12-28", "https://baovanhoa.vn/a", "online")]
    files = json.loads(run(capsys, "attach", str(moved), "--format", "json", "--db", str(other))[1])
    assert json.loads(out)[0]["clipping"] == files[0]["id"] and files[0]["name"] == "Bài báo Văn hóa.jpg"
