"""The third bad-input catalogue (issue 25): what the guest and catalogue imports and the spreadsheets the app writes
are given by an attacker or a hurried user — formulas, control characters, absurd figures, huge cells, files in
another encoding or no catalogue at all. Each is refused in one line or shown as text; nothing half-stored."""

import ast
import csv
import datetime as dt
import io
import random
import sqlite3
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest

from nlv_events.core import database, sheets, store
from nlv_events.core.errors import UserError, ValidationError
from nlv_events.core.exhibit_records import ExhibitData, ItemEntry, SectionEntry
from nlv_events.core.guest_models import Guest
from nlv_events.core.models import Person
from nlv_events.core.records import EventRecord
from nlv_events.services.exhibits import structure
from nlv_events.services.guests import guest_batches, guest_interchange, spreadsheet_import
from nlv_events.services.guests import guest_list as guest_list_service
from nlv_events.services.guests.guest_list import GuestEntry, add_guest, guest_list
from tests.integration.cli_runner import run
from tests.marc_files import book, marc_bytes, marcxml_bytes

FORMULAS = ("=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/x","Bấm vào đây")', "+1+1", "-2+3", "@SUM(A1)")


@pytest.fixture(autouse=True)
def _close_after():
    yield
    database.close_database()


@pytest.fixture
def exhibition(db_path) -> int:
    database.open_database(str(db_path))
    event_id = store.save_event(
        EventRecord(kind="exhibition", title="Trưng bày sách quý", start=dt.date(2024, 3, 1), status="held")
    ).id
    database.close_database()
    return event_id


@pytest.fixture
def conference(db_path) -> int:
    database.open_database(str(db_path))
    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    database.close_database()
    return event_id


def _items(db_path, event_id: int) -> list[ItemEntry]:
    database.open_database(str(db_path))
    try:
        return structure.load(event_id).items
    finally:
        database.close_database()


def _guests(db_path) -> int:
    database.open_database(str(db_path))
    try:
        return Guest.select().count()
    finally:
        database.close_database()


def _one_line(err: str) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err and "Unexpected" not in err and "bất ngờ" not in err


# 5. Formula injection: every CSV and XLSX the app writes shows such text, never runs it.
def test_the_checklist_xlsx_writes_formula_titles_as_text(capsys, tmp_path, db_path, exhibition):
    sheet = tmp_path / "danh-muc.csv"
    rows = [["Tên tài liệu", "Số lượng", "Ký hiệu kho"]] + [[title, 2, "VV 1"] for title in FORMULAS]
    with sheet.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    code, _out, err = run(capsys, "exhibit", str(exhibition), "--import", str(sheet), "--db", str(db_path))
    assert code == 0, err
    output = tmp_path / "danh-muc.xlsx"
    assert run(capsys, "checklist", str(exhibition), "-o", str(output), "--db", str(db_path))[0] == 0
    rows = list(openpyxl.load_workbook(output).active.iter_rows())
    assert not [cell.value for row in rows for cell in row if cell.data_type == "f"]  # no live formula anywhere
    items = {row[1].value: row[6].value for row in rows if len(row) > 6}
    assert all(items["'" + title] == 2 for title in FORMULAS)  # shown as typed; the quantities stay numbers


def test_guests_as_csv_write_formula_text_as_text(capsys, tmp_path, db_path, conference):
    sheet = tmp_path / "khach.csv"
    sheet.write_text(
        "Họ và tên,Cơ quan,Ghi chú\n"
        + "".join(f'"{name.replace(chr(34), chr(34) * 2)}",@Công ty,-ghi chú\n' for name in FORMULAS[:2])
        + "Nguyễn Văn An,Thư viện,+84 hẹn lại\n",
        encoding="utf-8",
    )
    code, _out, err = run(capsys, "guests", str(conference), "--import", str(sheet), "--db", str(db_path))
    assert code == 0, err
    code, out, _err = run(capsys, "guests", str(conference), "--format", "csv", "--db", str(db_path))
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))  # the mark Excel reads UTF-8 by
    assert [row["name"] for row in rows] == ["'" + FORMULAS[0], "'" + FORMULAS[1], "Nguyễn Văn An"]
    assert {row["organisation"] for row in rows[:2]} == {"'@Công ty"} and rows[2]["notes"] == "'+84 hẹn lại"
    assert [row["precedence"] for row in rows] == ["1", "2", "3"]  # numbers as they are


def _writes_spreadsheets(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("writer", "DictWriter"):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "openpyxl" and any(
            alias.name == "Workbook" for alias in node.names
        ):
            return True
    return False


def test_every_module_that_writes_a_csv_or_xlsx_neutralises_its_cells():
    package = Path(__file__).resolve().parents[2] / "nlv_events"
    writers = [path for path in package.rglob("*.py") if _writes_spreadsheets(ast.parse(path.read_text("utf-8")))]
    # the tallies and the checklist workbooks, and core/cells.csv_text, which makes every CSV (events, guests, tallies)
    assert len(writers) >= 3
    for path in writers:
        assert "neutralise" in path.read_text("utf-8"), f"{path.name} writes cells without core/cells.neutralise"


# 6. The store's text rules and sane figures, on every path in: the same on SQLite and PostgreSQL.
BAD_GUESTS = [
    ("Nguyễn\x00Văn An", "Thư viện"),
    ("Trần Văn Bình", "Sở \x1b[31mVăn hóa"),
    ("Lê Thị\nCúc", "Thư viện"),
    ("Phạm " + "Văn " * 75 + "Dũng", "Thư viện"),
]


@pytest.mark.both_databases
def test_a_guest_file_breaking_the_text_rules_is_refused_whole_on_both_databases(db, tmp_path):
    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    sheet = tmp_path / "khach.csv"
    with sheet.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["Họ và tên", "Cơ quan"], ["Hoàng Văn Em", "Thư viện"], *BAD_GUESTS])
    plan = spreadsheet_import.preview(sheet)
    assert [problem.row for problem in plan.problems] == [3, 4, 5, 6]
    messages = [problem.message for problem in plan.problems]
    assert "U+0000" in messages[0] and "U+001B" in messages[1] and "một dòng" in messages[2]
    assert "quá dài" in messages[3] and "tối đa 255" in messages[3]
    with pytest.raises(UserError, match="Dòng 3, cột A"):
        spreadsheet_import.apply(event_id, plan)
    assert Guest.select().count() == 0
    with pytest.raises(ValidationError, match=r"U\+0000"):
        add_guest(event_id, GuestEntry(name="Nguyễn\x00Văn An"))
    with pytest.raises(UserError, match=r"guests\[1\]\.organisation"):
        guest_interchange.parse([{"name": "Hoàng Văn Em", "organisation": "Sở\x1bVăn hóa"}], _interchange_fail)


def _interchange_fail(key: str, problem: str) -> UserError:
    return UserError(f"{key}: {problem}")


CATALOGUE_CSV = (
    "Tên tài liệu,Ký hiệu kho,Số lượng\n"
    "Nhật ký trong tù,VV 1,1\n"
    f"Ký hiệu dài,{'VV' * 200},1\n"
    "Số lượng tràn,VV 3,12345678901234567890\n"
    '"Nhan đề\x00ẩn",VV 4,1\n'
)


def test_the_catalogue_dry_run_names_exactly_what_the_import_refuses(capsys, tmp_path, db_path, exhibition):
    sheet = tmp_path / "danh-muc.csv"
    sheet.write_text(CATALOGUE_CSV, encoding="utf-8")
    dry = run(capsys, "exhibit", str(exhibition), "--import", str(sheet), "--dry-run", "--db", str(db_path))
    real = run(capsys, "exhibit", str(exhibition), "--import", str(sheet), "--db", str(db_path))
    assert (dry[0], real[0]) == (3, 3)
    assert dry[2] == real[2]  # the same records refused, with the same words
    skipped = real[2].splitlines()
    assert [line.split(":")[0] for line in skipped] == ["Bỏ qua bản ghi 3", "Bỏ qua bản ghi 4", "Bỏ qua bản ghi 5"]
    assert "quá dài (400 ký tự; tối đa 100)" in skipped[0] and "12345678901234567890" in skipped[1]
    assert "U+0000" in skipped[2]
    assert [item.title for item in _items(db_path, exhibition)] == ["Nhật ký trong tù"]


def test_a_marc_extent_of_ten_billion_volumes_is_refused(capsys, tmp_path, db_path, exhibition):
    path = tmp_path / "export.mrc"
    path.write_bytes(marc_bytes([book("Toàn tập", pages="9999999999 tập"), book("Tuyển tập", pages="3 tập")]))
    code, _out, err = run(capsys, "exhibit", str(exhibition), "--import", str(path), "--db", str(db_path))
    assert code == 3 and "Bỏ qua bản ghi 1" in err and "9999999999" in err
    assert [(item.title, item.quantity) for item in _items(db_path, exhibition)] == [("Tuyển tập", 3)]


@pytest.mark.both_databases
@pytest.mark.parametrize(
    ("item", "refused"),
    [
        (ItemEntry(title="Sách", call_number="VV\x1b1"), r"U\+001B"),
        (ItemEntry(title="Sách", call_number="V" * 400), r"400 ký tự; tối đa 100"),
        (ItemEntry(title="Sách", quantity=12345678901234567890), "12345678901234567890"),
        (ItemEntry(title="Sách\ncó dòng mới"), "một dòng"),
    ],
)
def test_an_item_the_store_cannot_keep_is_refused_by_the_window_s_save_on_both_databases(db, item, refused):
    event_id = store.save_event(EventRecord(kind="exhibition", title="Trưng bày", start=dt.date(2024, 3, 1))).id
    with pytest.raises(ValidationError, match=refused):
        structure.save(event_id, ExhibitData(sections=[SectionEntry("Phần một", [item])]))
    assert structure.load(event_id).items == []


# 9. Load and memory: spreadsheets within caps, refused in one line past them.
def _xlsx_with_one_cell(path: Path, text: str) -> Path:
    """A workbook whose second row holds `text` twice, of any length (openpyxl itself writes at most Excel's 32 767
    characters a cell: the text is put into the sheet's part here, as another program may write it)."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["Họ và tên", "Tên tài liệu"])
    workbook.active.append(["PLACEHOLDER", "PLACEHOLDER"])
    plain = tmp = path.with_suffix(".tmp")
    workbook.save(plain)
    with zipfile.ZipFile(tmp) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            data = source.read(part.filename)
            if part.filename.startswith("xl/"):
                data = data.replace(b"PLACEHOLDER", text.encode("utf-8"))
            target.writestr(part.filename, data)
    tmp.unlink()
    return path


def test_a_small_xlsx_holding_a_huge_cell_is_refused_before_it_is_read(
    capsys, tmp_path, db_path, conference, exhibition, monkeypatch
):
    path = _xlsx_with_one_cell(tmp_path / "bom.xlsx", "A" * 3_000_000)
    assert path.stat().st_size < 100_000  # a small file that would inflate a hundredfold
    monkeypatch.setattr(sheets, "MAX_PART_BYTES", 1_000_000)  # 1 MB here stands for the real cap

    def never(*_args, **_kwargs):
        raise AssertionError("openpyxl was asked to read a workbook past the cap")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    for command in (["guests", str(conference)], ["exhibit", str(exhibition)]):
        code, _out, err = run(capsys, *command, "--import", str(path), "--db", str(db_path))
        assert code == 1 and "xl/worksheets/sheet1.xml" in err and "MB" in err
        _one_line(err)


def test_a_cell_longer_than_any_text_the_store_keeps_is_refused(capsys, tmp_path, db_path, conference):
    path = _xlsx_with_one_cell(tmp_path / "dai.xlsx", "A" * 60_000)
    code, _out, err = run(capsys, "guests", str(conference), "--import", str(path), "--db", str(db_path))
    assert code == 1 and "dòng 2, cột 1" in err and "60000" in err
    _one_line(err)


def test_a_one_megabyte_csv_cell_is_a_clean_message(capsys, tmp_path, db_path, conference, exhibition):
    path = tmp_path / "o.csv"
    path.write_text("Họ và tên,Tên tài liệu\n" + "B" * 1_000_000 + ",x\n", encoding="utf-8")
    for command in (["guests", str(conference)], ["exhibit", str(exhibition)]):
        code, _out, err = run(capsys, *command, "--import", str(path), "--db", str(db_path))
        assert code == 1 and "50000" in err
        _one_line(err)
    assert _guests(db_path) == 0


def test_a_spreadsheet_past_the_file_size_cap_is_refused_unread(capsys, tmp_path, db_path, conference, monkeypatch):
    path = tmp_path / "lon.csv"
    path.write_text("Họ và tên\n" + "Nguyễn Văn An\n" * 100, encoding="utf-8")
    monkeypatch.setattr(sheets, "MAX_FILE_BYTES", 1000)
    code, _out, err = run(capsys, "guests", str(conference), "--import", str(path), "--db", str(db_path))
    assert code == 1 and "MB" in err
    _one_line(err)


# 13. Catalogue files in an encoding they do not declare, or not catalogues at all.
def test_a_western_csv_is_not_read_as_vietnamese_windows_text(capsys, tmp_path, db_path, exhibition):
    path = tmp_path / "sao-paulo.csv"
    path.write_bytes("title,quantity\nSão Paulo,2\n".encode("cp1252"))
    code, _out, err = run(capsys, "exhibit", str(exhibition), "--import", str(path), "--db", str(db_path))
    assert code == 1 and "--encoding" in err
    _one_line(err)
    assert _items(db_path, exhibition) == []
    code, _out, err = run(
        capsys, "exhibit", str(exhibition), "--import", str(path), "--encoding", "cp1252", "--db", str(db_path)
    )
    assert code == 0, err
    assert [item.title for item in _items(db_path, exhibition)] == ["São Paulo"]


def _windows_1258(text: str) -> bytes:
    """`text` as Excel on a Vietnamese Windows saves it: â, ê, ơ … as letters of their own, the tones as marks."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            shape = "".join(mark for mark in marks if mark in "\u0302\u0306\u031b")  # â ă ơ: letters of their own
            tones = "".join(mark for mark in marks if mark not in shape)
            out += (unicodedata.normalize("NFC", base + shape) + tones).encode("cp1258")
    return out


def test_a_guest_list_in_vietnamese_windows_text_is_read_when_its_encoding_is_named(
    capsys, tmp_path, db_path, conference
):
    path = tmp_path / "khach-cu.csv"
    path.write_bytes(_windows_1258("Họ và tên,Cơ quan\nNguyễn Văn Ấn,Thư viện\n"))
    code, _out, err = run(capsys, "guests", str(conference), "--import", str(path), "--db", str(db_path))
    assert code == 1 and "--encoding" in err and _guests(db_path) == 0
    command = ["guests", str(conference), "--import", str(path), "--encoding", "cp1258", "--db", str(db_path)]
    assert run(capsys, *command)[0] == 0
    code, out, _err = run(capsys, "guests", str(conference), "--format", "json", "--db", str(db_path))
    assert '"name": "Nguyễn Văn Ấn"' in out


def test_utf16_csv_is_read_by_its_mark_and_refused_cleanly_without(capsys, tmp_path, db_path, exhibition):
    content = "Tên tài liệu\tSố lượng\nĐường Kách mệnh\t2\n"
    unmarked = tmp_path / "utf16-le.csv"
    unmarked.write_bytes(content.encode("utf-16-le"))
    code, _out, err = run(capsys, "exhibit", str(exhibition), "--import", str(unmarked), "--db", str(db_path))
    assert code == 1 and "UTF-16" in err
    _one_line(err)
    marked = tmp_path / "utf16.csv"
    marked.write_bytes(content.encode("utf-16"))
    code, _out, err = run(capsys, "exhibit", str(exhibition), "--import", str(marked), "--db", str(db_path))
    assert code == 0, err
    assert [(item.title, item.quantity) for item in _items(db_path, exhibition)] == [("Đường Kách mệnh", 2)]


def _bad_escape_record():
    from pymarc import Field, Indicators, Subfield

    record = book("placeholder", marc8=True)
    record.remove_fields("245")
    record.add_field(
        Field(tag="245", indicators=Indicators("1", "0"), subfields=[Subfield("a", "S\x1b(Zach \x1b$1qu\x1bs")])
    )
    return record


def test_bad_marc8_escapes_are_reported_not_imported_garbled(capsys, tmp_path, db_path, exhibition):
    path = tmp_path / "escapes.mrc"
    path.write_bytes(marc_bytes([book("Sách tốt", marc8=True), _bad_escape_record()]))
    code, _out, err = run(capsys, "exhibit", str(exhibition), "--import", str(path), "--db", str(db_path))
    assert code == 3 and "Bỏ qua bản ghi 2" in err and "MARC-8" in err
    assert [item.title for item in _items(db_path, exhibition)] == ["Sách tốt"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.mrc", b""),
        ("page.xml", b"<?xml version='1.0'?><html><body><p>Not a catalogue</p></body></html>"),
        ("noise.mrc", bytes(random.Random(25).randrange(256) for _ in range(5000))),
        ("noise.dat", bytes(random.Random(26).randrange(256) for _ in range(5000))),
    ],
)
def test_a_file_without_one_catalogue_record_exits_1(capsys, tmp_path, db_path, exhibition, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "exhibit", str(exhibition), "--import", str(path), "--db", str(db_path))
    assert code == 1 and out == ""
    _one_line(err)
    assert _items(db_path, exhibition) == []


def test_a_marcxml_record_with_a_bad_leader_is_named(capsys, tmp_path, db_path, exhibition):
    good = marcxml_bytes([book("Bản ghi tốt"), book("Đầu biểu hỏng")]).decode("utf-8")
    first, _leader, rest = good.rpartition("<leader>")
    damaged = first + "<leader>00000n\u00e1m a2200000 a 4500" + rest[rest.index("</leader>") :]
    path = tmp_path / "leader.xml"
    path.write_text(damaged, encoding="utf-8")
    code, _out, err = run(capsys, "exhibit", str(exhibition), "--import", str(path), "--db", str(db_path))
    assert code == 3 and "Bỏ qua bản ghi 2" in err and "đầu biểu" in err
    only = tmp_path / "only.xml"
    only.write_text(damaged.replace(good[good.index("<record>") : good.index("</record>") + 9], ""), "utf-8")
    code, _out, err = run(capsys, "exhibit", str(exhibition), "--import", str(only), "--db", str(db_path))
    assert code == 1 and "bản ghi 1: đầu biểu (leader) của bản ghi bị hỏng" in err
    _one_line(err)
    assert [item.title for item in _items(db_path, exhibition)] == ["Bản ghi tốt"]


def test_the_part_cap_reads_the_sizes_the_archive_declares(tmp_path):
    path = _xlsx_with_one_cell(tmp_path / "ok.xlsx", "Nguyễn Văn An")
    with zipfile.ZipFile(path) as archive:
        assert max(part.file_size for part in archive.infolist()) < sheets.MAX_PART_BYTES
    assert sheets.read_xlsx(path)[1] == ["Nguyễn Văn An", "Nguyễn Văn An"]



# 10. A large guest list is written in batches: colleagues save in between, and it is still all or nothing.
def _guest_file(path: Path, count: int, first: str = "") -> Path:
    lines = ["Họ và tên,Cơ quan,Nhóm,Điện thoại", *([first] if first else [])]
    lines += [f"Khách mời số {n},Thư viện tỉnh số {n},,0912 000 {n:03d}" for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_large_guest_import_lets_others_save_between_batches(db, db_path, tmp_path, monkeypatch):
    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    add_guest(event_id, GuestEntry(name="Trịnh Thị Thủy", group="Lãnh đạo Bộ"))
    monkeypatch.setattr(guest_batches, "BATCH_SIZE", 10)
    real_batch = guest_batches._write_batch
    saved_between = []

    def and_then_someone_saves(*arguments):
        state = real_batch(*arguments)
        other = sqlite3.connect(db_path, timeout=0)  # no waiting: the import must not hold the lock now
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE guest SET notes = 'x' WHERE 0")
        other.commit()
        other.close()
        saved_between.append(len(state.order))
        return state

    monkeypatch.setattr(guest_batches, "_write_batch", and_then_someone_saves)
    plan = spreadsheet_import.preview(_guest_file(tmp_path / "khach.csv", 25))
    summary = spreadsheet_import.apply(event_id, plan)
    assert (summary.added, saved_between) == (25, [11, 21, 26])
    listed = guest_list(event_id)
    assert [entry.precedence for entry in listed] == list(range(1, 27))
    assert [entry.name for entry in listed][:2] == ["Trịnh Thị Thủy", "Khách mời số 0"]


def test_a_failing_guest_batch_takes_back_the_batches_already_written(db, tmp_path, monkeypatch):
    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    other_id = store.save_event(EventRecord(kind="talk", title="Tọa đàm", start=dt.date(2024, 3, 2))).id
    add_guest(event_id, GuestEntry(name="Khách mời số 3", organisation="Cũ"))
    add_guest(other_id, GuestEntry(name="Khách mời số 22"))  # known to the address book, not on this list
    people_before = Person.select().count()
    monkeypatch.setattr(guest_batches, "BATCH_SIZE", 10)
    plan = spreadsheet_import.preview(_guest_file(tmp_path / "khach.csv", 25))
    matches = {row.entry.name: row.match for row in plan.rows}
    assert (matches["Khách mời số 3"], matches["Khách mời số 22"]) == ("unsure", "same")
    failing = Person.get(Person.name == "Khách mời số 22").id
    real_last_appearance = guest_list_service.last_appearance

    def fail_on_the_twenty_second(person_id):
        if person_id == failing:
            raise database.peewee.OperationalError("database or disk is full")
        return real_last_appearance(person_id)

    monkeypatch.setattr(guest_list_service, "last_appearance", fail_on_the_twenty_second)
    with pytest.raises(UserError, match="đầy"):
        spreadsheet_import.apply(event_id, plan, {row.row: True for row in plan.unsure})
    assert [(entry.name, entry.organisation, entry.precedence) for entry in guest_list(event_id)] == [
        ("Khách mời số 3", "Cũ", 1)
    ]
    assert Person.select().count() == people_before
    assert Person.get(Person.name == "Khách mời số 3").phone is None  # the contact the import wrote is taken back


def test_a_cancelled_guest_import_takes_back_the_batches_written_and_tells_its_progress(db, tmp_path, monkeypatch):
    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    add_guest(event_id, GuestEntry(name="Khách mời số 3", organisation="Cũ"))
    people_before = Person.select().count()
    monkeypatch.setattr(guest_batches, "BATCH_SIZE", 10)
    plan = spreadsheet_import.preview(_guest_file(tmp_path / "khach.csv", 25))
    told: list[tuple[int, int]] = []
    with pytest.raises(guest_batches.Cancelled):
        spreadsheet_import.apply(event_id, plan, {row.row: True for row in plan.unsure}, lambda done, total:
                                 told.append((done, total)), lambda: len(told) == 2)  # fmt: skip
    assert told == [(10, 25), (20, 25)]  # Cancel seen before the third batch
    assert [(entry.name, entry.organisation, entry.precedence) for entry in guest_list(event_id)] == [
        ("Khách mời số 3", "Cũ", 1)
    ]
    assert Person.select().count() == people_before


IMPORTER = r"""
import sys
from pathlib import Path
from nlv_events.core import database
from nlv_events.services.guests import guest_batches, spreadsheet_import

database.open_database(sys.argv[1])
guest_batches.BATCH_SIZE = 20  # ten transactions each, so the two imports' batches take turns
event_id, path = int(sys.argv[2]), Path(sys.argv[3])
spreadsheet_import.apply(event_id, spreadsheet_import.preview(path))
"""


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_two_batched_guest_imports_into_one_list_at_once_number_every_guest_once(db, tmp_path, request):
    event_id = store.save_event(EventRecord(kind="conference", title="Hội nghị", start=dt.date(2024, 3, 1))).id
    url = request.getfixturevalue("postgres_server").url
    files = []
    for writer in ("A", "B"):
        rows = [f"Khách {writer} {n},{'Khách mời khác' if n % 3 == 0 else ''}" for n in range(200)]
        files.append(tmp_path / f"{writer}.csv")
        files[-1].write_text("Họ và tên,Nhóm\n" + "\n".join(rows) + "\n", encoding="utf-8")
    importers = [
        subprocess.Popen([sys.executable, "-c", IMPORTER, url, str(event_id), str(path)], stderr=subprocess.PIPE)
        for path in files
    ]
    errors = [importer.communicate(timeout=900)[1] for importer in importers]
    assert [importer.returncode for importer in importers] == [0, 0], [err[-800:] for err in errors]
    listed = guest_list(event_id)
    assert [entry.precedence for entry in listed] == list(range(1, 401))
    assert {entry.name for entry in listed} == {f"Khách {w} {n}" for w in "AB" for n in range(200)}
