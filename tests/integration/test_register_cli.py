"""`--number next` on the printing commands and `nlv-events register`: a programme printed under the next number is
in the register with its number, title, signer and the file's SHA-256; a number typed twice for two documents is
refused in one line; the register prints (PDF, Word, under the decree's header) and exports XLSX."""

from __future__ import annotations

import hashlib
import io
import json
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from nlv_events.core import database
from tests.integration.cli_runner import run


@pytest.fixture(autouse=True)
def _closed():
    yield
    database.close_database()


def _pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def _event_with_programme(capsys, db_path) -> tuple[int, str]:
    _code, out, _ = run(capsys, "events", "--db", str(db_path), "--search", "tong ket cong tac nam 2022",
                        "--format", "json")  # fmt: skip
    event = json.loads(out)[0]
    return event["id"], event["title"]


def _register(capsys, db_path, *options: str) -> list[dict]:
    code, out, err = run(capsys, "register", "2022", "--format", "json", "--db", str(db_path), *options)
    assert code == 0, err
    return json.loads(out)["entries"]


def test_a_programme_printed_with_the_next_number_is_in_the_register(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    event_id, title = _event_with_programme(capsys, db_path)
    printed = []
    for name in ("first.pdf", "second.docx"):
        target = tmp_path / name
        code, _out, err = run(capsys, "programme", str(event_id), "-o", str(target), "--number", "next",
                              "--date", "2022-12-20", "--signer", "Nguyễn Xuân Dũng", "--db", str(db_path))  # fmt: skip
        assert code == 0, err
        printed.append(target)
    assert "01/CTr-TVQG" in _pdf_text(printed[0])
    listed = _register(capsys, db_path)
    assert [entry["number_text"] for entry in listed] == ["01/CTr-TVQG", "02/CTr-TVQG"]
    first = listed[0]
    assert first["date"] == "2022-12-20" and first["event_id"] == event_id
    assert title in first["title"] and first["signer"] == "Nguyễn Xuân Dũng"
    assert first["sha256"] == hashlib.sha256(printed[0].read_bytes()).hexdigest()
    assert listed[1]["sha256"] == hashlib.sha256(printed[1].read_bytes()).hexdigest()

    code, out, _err = run(capsys, "register", "2022", "--kind", "CTr", "--db", str(db_path))
    assert code == 0 and "02/CTr-TVQG  20/12/2022" in out and "Nguyễn Xuân Dũng" in out
    # each line starts with the entry's id, which `attach --entry` asks for; the JSON gives it too
    assert [line.split()[0] for line in out.splitlines()] == [str(entry["id"]) for entry in listed]
    scan = tmp_path / "ban-ky.pdf"
    scan.write_bytes(printed[1].read_bytes())
    attach = ["attach", str(event_id), "add", str(scan), "--kind", "scan", "--entry", str(listed[1]["id"])]
    assert run(capsys, *attach, "--db", str(db_path))[0] == 0
    code, out, _err = run(capsys, "attach", str(event_id), "--format", "json", "--db", str(db_path))
    assert code == 0 and [item["register_entry"] for item in json.loads(out)] == [listed[1]["id"]]


def test_a_number_typed_for_a_second_document_is_refused_in_one_line(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    event_id, _title = _event_with_programme(capsys, db_path)
    year_list = ["year-report", "2022", "-o", str(tmp_path / "list.pdf"), "--date", "2022-12-20"]
    assert run(capsys, *year_list, "--number", "7", "--db", str(db_path))[0] == 0
    # The programme under the report's number is another kind: its own series.
    programme = ["programme", str(event_id), "-o", str(tmp_path / "p.pdf"), "--date", "2022-12-21"]
    assert run(capsys, *programme, "--number", "7", "--db", str(db_path))[0] == 0
    code, _out, err = run(capsys, "year-report", "2022", "-o", str(tmp_path / "again.pdf"), "--date",
                          "2022-12-22", "--number", "7/BC-TVQG", "--news-links", "--db", str(db_path))  # fmt: skip
    assert code == 0, err  # the same list printed again under its number: a re-print
    code, _out, err = run(capsys, *programme, "--number", "7/BC-TVQG", "--db", str(db_path))
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1 and "Traceback" not in err
    assert "07/BC-TVQG" in lines[0] and "--reprint" in lines[0]
    assert run(capsys, *programme, "--number", "7/BC-TVQG", "--reprint", "--db", str(db_path))[0] == 0
    listed = _register(capsys, db_path)
    assert [(entry["number_text"], entry["reprints"]) for entry in listed] == [("07/BC-TVQG", 2), ("07/CTr-TVQG", 0)]


def test_the_register_prints_under_the_decree_header_and_exports_xlsx(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    event_id, title = _event_with_programme(capsys, db_path)
    run(capsys, "programme", str(event_id), "-o", str(tmp_path / "p.pdf"), "--number", "next", "--date",
        "2022-12-20", "--db", str(db_path))  # fmt: skip
    for name in ("register.pdf", "register.docx", "register.xlsx"):
        code, out, err = run(capsys, "register", "2022", "-o", str(tmp_path / name), "--lang", "en", "--db",
                             str(db_path))  # fmt: skip
        assert code == 0, err
        assert "1 entry" in out
    text = _pdf_text(tmp_path / "register.pdf")
    assert "NATIONAL LIBRARY OF VIETNAM" in text and "REGISTER OF OUTGOING DOCUMENTS 2022" in text
    assert "01/CTr-TVQG" in text
    from docx import Document

    word = Document(str(tmp_path / "register.docx"))
    assert "NATIONAL LIBRARY OF VIETNAM" in " ".join(word.tables[0].rows[0].cells[0].text.split())
    assert "01/CTr-TVQG" in "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    sheet = load_workbook(tmp_path / "register.xlsx").active
    assert sheet.cell(3, 1).value == "01/CTr-TVQG" and title in sheet.cell(3, 4).value


def test_register_refuses_what_it_cannot_do_in_one_line(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    for options, expected in ((["--kind", "XX"], "XX"), (["--format", "xlsx"], "-o"),
                              (["-o", str(tmp_path / "r.txt")], "r.txt")):  # fmt: skip
        code, _out, err = run(capsys, "register", "2022", *options, "--db", str(db_path))
        lines = err.strip().splitlines()
        assert code == 1 and len(lines) == 1 and expected in lines[0], err


def test_every_printing_command_takes_the_next_number_of_its_kind(capsys, tmp_path, db_path):
    run(capsys, "demo", "--db", str(db_path))
    event_id, _title = _event_with_programme(capsys, db_path)
    guests = tmp_path / "khach.csv"
    guests.write_text("Họ và tên,Chức vụ,Cơ quan\nNguyễn Văn Bình,Giám đốc,Thư viện Hà Nội\n", encoding="utf-8")
    assert run(capsys, "guests", str(event_id), "--import", str(guests), "--db", str(db_path))[0] == 0
    commands = (
        ["plan", "2023", "-o", str(tmp_path / "plan.pdf"), "--date", "2022-12-01"],
        ["invitations", str(event_id), "-o", str(tmp_path / "letters.pdf"), "--date", "2022-12-02"],
        ["year-report", "2022", "-o", str(tmp_path / "list.docx"), "--date", "2022-12-03"],
        ["plan", "2023", "-o", str(tmp_path / "plan2.docx"), "--date", "2022-12-04", "--signer-name", "B"],
    )
    for command in commands:
        code, _out, err = run(capsys, *command, "--number", "next", "--db", str(db_path))
        assert code == 0, (command, err)
    listed = _register(capsys, db_path)
    assert [entry["number_text"] for entry in listed] == ["01/KH-TVQG", "01/GM-TVQG", "01/BC-TVQG", "02/KH-TVQG"]
    assert all(len(entry["sha256"]) == 64 for entry in listed)


def test_the_kinds_of_document_are_listed_added_and_renamed(capsys, tmp_path, db_path):
    code, out, _err = run(capsys, "document-kinds", "--db", str(db_path))
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == ["CTr", "GM", "KH", "BC", "BB", "TTr", "LCT"]
    assert run(capsys, "document-kinds", "add", "QĐ", "Quyết định", "--db", str(db_path))[0] == 0
    assert run(capsys, "document-kinds", "rename", "QĐ", "Quyết định của Giám đốc", "--db", str(db_path))[0] == 0
    code, out, _err = run(capsys, "document-kinds", "--db", str(db_path))
    assert "QĐ      Quyết định của Giám đốc" in out
    for command in (["add", "QĐ", "Trùng"], ["add", "A/B", "Sai"], ["rename", "XX", "Không có"]):
        code, _out, err = run(capsys, "document-kinds", *command, "--db", str(db_path))
        assert code == 1 and len(err.strip().splitlines()) == 1, err


def test_a_typed_number_prints_as_the_register_holds_it(capsys, tmp_path, db_path):
    """"5" typed is entered as 05/CTr-TVQG: the printout says 05 too (Nghị định 30/2020), not "5" beside a register
    that says "05"; a number the year cannot hold (0) is refused in one line, nothing written."""
    run(capsys, "demo", "--db", str(db_path))
    event_id, _title = _event_with_programme(capsys, db_path)
    programme = ["programme", str(event_id), "--date", "2022-12-20", "--db", str(db_path)]
    for typed, name in (("5", "five.pdf"), ("007", "seven.pdf")):
        code, _out, err = run(capsys, *programme, "-o", str(tmp_path / name), "--number", typed)
        assert code == 0, err
    assert "Số: 05/CTr-TVQG" in _pdf_text(tmp_path / "five.pdf")
    assert "Số: 07/CTr-TVQG" in _pdf_text(tmp_path / "seven.pdf")
    assert [entry["number_text"] for entry in _register(capsys, db_path)] == ["05/CTr-TVQG", "07/CTr-TVQG"]
    for typed in ("0", "00/CTr-TVQG"):
        code, _out, err = run(capsys, *programme, "-o", str(tmp_path / "zero.pdf"), "--number", typed)
        assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert not (tmp_path / "zero.pdf").exists()
    assert len(_register(capsys, db_path)) == 2


def test_the_registers_summary_column_is_not_called_a_tally(capsys, tmp_path, db_path):
    """The register's column of what each document is about is its trích yếu (Nghị định 30/2020): it shared the
    msgid "Summary" with the tallies' sheet ("Tổng hợp", a tally), and the printed register read "Tổng hợp"."""
    run(capsys, "demo", "--db", str(db_path))
    event_id, _title = _event_with_programme(capsys, db_path)
    run(capsys, "programme", str(event_id), "-o", str(tmp_path / "p.pdf"), "--number", "next", "--date",
        "2022-12-20", "--db", str(db_path))  # fmt: skip
    assert run(capsys, "register", "2022", "-o", str(tmp_path / "vi.pdf"), "--db", str(db_path))[0] == 0
    assert "Tổng hợp" not in _pdf_text(tmp_path / "vi.pdf")
    assert run(capsys, "register", "2022", "-o", str(tmp_path / "en.pdf"), "--lang", "en", "--db", str(db_path))[0] == 0
    assert "Summary of contents" in _pdf_text(tmp_path / "en.pdf")
