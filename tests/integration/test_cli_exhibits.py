"""The exhibition sub-commands as a user types them: import with its exit status, printouts, clear errors."""

import openpyxl
import pytest
from pypdf import PdfReader

from nlv_events.core import database, store
from nlv_events.core.records import EventRecord
from nlv_events.services.exhibits import structure
from tests.integration.cli_runner import run
from tests.marc_files import book, cp1251_book, damaged_marcxml, marc_bytes


@pytest.fixture
def exhibition(db_path):
    import datetime as dt

    database.open_database(str(db_path))
    event_id = store.save_event(
        EventRecord(kind="exhibition", title="Trưng bày sách quý", start=dt.date(2024, 3, 1), status="held")
    ).id
    talk_id = store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2024, 3, 2))).id
    database.close_database()
    return event_id, talk_id


def _marc(tmp_path, truncated: bool):
    path = tmp_path / "export.mrc"
    records = [book(f"Sách quý số {n}", "Lê Quý Đôn", call_number=f"VV {n}", marc8=n == 2) for n in (1, 2, 3)]
    data = marc_bytes(records)
    if truncated:
        data += marc_bytes([book("Cắt cụt")])[:-25]
    path.write_bytes(data)
    return path


def test_dry_run_shows_the_preview_and_adds_nothing(capsys, tmp_path, db_path, exhibition):
    event_id, _ = exhibition
    path = _marc(tmp_path, truncated=True)
    code, out, err = run(capsys, "exhibit", str(event_id), "--import", str(path), "--dry-run", "--db", str(db_path))
    assert code == 3
    assert "Sẽ thêm 3 tài liệu" in out and "Sách quý số 2" in out and "Chưa thêm gì" in out
    assert "Bỏ qua bản ghi 4: bản ghi bị cắt cụt" in err
    database.open_database(str(db_path))
    assert structure.load(event_id).items == []


def test_import_adds_the_readable_records_and_exits_3_when_some_were_skipped(capsys, tmp_path, db_path, exhibition):
    event_id, _ = exhibition
    code, out, err = run(capsys, "exhibit", str(event_id), "--import", str(_marc(tmp_path, True)), "--db", str(db_path))
    assert (code, "Đã thêm 3 tài liệu" in out) == (3, True)
    code, out, err = run(
        capsys,
        "exhibit",
        str(event_id),
        "--import",
        str(_marc(tmp_path, False)),
        "--section",
        "Phần hai",
        "--db",
        str(db_path),
    )
    assert (code, err) == (0, "")
    code, out, _err = run(capsys, "exhibit", str(event_id), "--db", str(db_path))
    assert "I. Tài liệu nhập từ mục lục: 3 tài liệu" in out and "II. Phần hai: 3 tài liệu" in out
    assert "Số tài liệu trưng bày trong số liệu tổng hợp: 6" in out


def test_printouts_from_the_command_line(capsys, tmp_path, db_path, exhibition):
    event_id, _ = exhibition
    run(capsys, "exhibit", str(event_id), "--import", str(_marc(tmp_path, False)), "--db", str(db_path))
    database.open_database(str(db_path))
    data = structure.load(event_id)
    data.items[0].lender = "Viện Hán Nôm"
    structure.save(event_id, data)
    database.close_database()
    assert run(capsys, "checklist", str(event_id), "-o", str(tmp_path / "c.pdf"), "--db", str(db_path))[0] == 0
    assert run(capsys, "checklist", str(event_id), "-o", str(tmp_path / "c.xlsx"), "--db", str(db_path))[0] == 0
    assert run(capsys, "labels", str(event_id), "-o", str(tmp_path / "l.pdf"), "--db", str(db_path))[0] == 0
    assert run(capsys, "exhibit", str(event_id), "--intro", str(tmp_path / "i.pdf"), "--db", str(db_path))[0] == 0
    code, _out, _err = run(
        capsys,
        "handover",
        str(event_id),
        "--lender",
        "Viện Hán Nôm",
        "-o",
        str(tmp_path / "h.pdf"),
        "--db",
        str(db_path),
    )
    assert code == 0
    assert len(PdfReader(tmp_path / "l.pdf").pages) == 3
    assert len(PdfReader(tmp_path / "i.pdf").pages) == 1
    handover_text = PdfReader(tmp_path / "h.pdf").pages[0].extract_text()
    assert "Sách quý số 1" in handover_text and "Sách quý số 2" not in handover_text
    rows = list(openpyxl.load_workbook(tmp_path / "c.xlsx").active.iter_rows(values_only=True))
    assert rows[-1][0] == "Tổng cộng" and rows[-1][6] == 3


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["exhibit", "{id}", "--import", "{tmp}/items.txt"], "không nhận ra loại tệp"),
        (["exhibit", "{talk}", "--import", "{tmp}/items.mrc"], "không phải triển lãm"),
        (["checklist", "{id}", "-o", "{tmp}/c.pdf"], "chưa có tài liệu"),
        (["checklist", "{id}", "-o", "{tmp}/c.doc"], ".pdf / .xlsx"),
        (["handover", "{id}", "--lender", "Ai", "-o", "{tmp}/h.pdf"], "Ai"),
        (["exhibit", "999", "--import", "{tmp}/items.mrc"], "999"),
    ],
)
def test_bad_input_is_one_line_without_a_traceback(capsys, tmp_path, db_path, exhibition, argv, message):
    event_id, talk_id = exhibition
    (tmp_path / "items.txt").write_text("x")
    (tmp_path / "items.mrc").write_bytes(marc_bytes([book("Sách")]))
    values = {"id": str(event_id), "talk": str(talk_id), "tmp": str(tmp_path)}
    code, _out, err = run(capsys, *[part.format(**values) for part in argv], "--db", str(db_path))
    assert code == 1
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_damaged_and_mis_encoded_catalogue_files_give_clean_messages_and_exit_3(capsys, tmp_path, db_path, exhibition):
    event_id, _ = exhibition
    xml = tmp_path / "damaged.xml"
    xml.write_bytes(damaged_marcxml())
    code, out, err = run(capsys, "exhibit", str(event_id), "--import", str(xml), "--db", str(db_path), "--lang", "en")
    assert code == 3 and "Added 2 items" in out
    assert "Skipped record 2: the record has a <datafield> without its “tag” attribute." in err
    assert err.count("\n") == 4 and "KeyError" not in err and "Traceback" not in err

    dat = tmp_path / "EXPORT.DAT"
    records = [book("Sách quý", "Lê Quý Đôn", marc8=True)] + [
        cp1251_book(f"Война и мир {n}", "Толстой") for n in (1, 2)
    ]
    dat.write_bytes(marc_bytes(records))
    code, out, err = run(capsys, "exhibit", str(event_id), "--import", str(dat), "--db", str(db_path), "--lang", "en")
    assert code == 3 and "Added 1 item from" in out
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == ["Skipped record 2", "Skipped record 3"]
    assert lines[2].startswith("2 records have text in an undeclared encoding") and lines[2].endswith(": 2, 3.")
    assert len(lines) == 3  # pymarc's own decoding messages do not reach the terminal


def test_a_dat_export_is_imported_like_an_mrc(capsys, tmp_path, db_path, exhibition):
    event_id, _ = exhibition
    path = tmp_path / "oclc.dat"
    path.write_bytes(marc_bytes([book(f"Sách quý số {n}", "Lê Quý Đôn") for n in (1, 2)]))
    code, out, err = run(capsys, "exhibit", str(event_id), "--import", str(path), "--db", str(db_path))
    assert (code, err) == (0, "") and "Đã thêm 2 tài liệu" in out
