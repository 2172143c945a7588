"""Importing a guest list: headers mapped to fields, errors naming row and column, nothing half-imported, merge."""

import pytest
from openpyxl import Workbook

from nlv_events.core import queries
from nlv_events.core.errors import UserError
from nlv_events.core.models import Person
from nlv_events.services.guests import guest_list, spreadsheet_import
from nlv_events.services.guests.guest_list import GuestEntry
from tests.unit.services.guest_helpers import THUY, review_id

pytestmark = pytest.mark.both_databases

HEADER = ["STT", "Danh xưng", "Họ và tên", "Chức vụ", "Cơ quan", "Nhóm", "Email", "Điện thoại"]


def workbook(path, rows, header=HEADER):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_headers_map_to_fields_and_guests_are_added(demo_db, tmp_path):
    event = review_id()
    path = workbook(tmp_path / "khach.xlsx", [
        [1, "Bà", "Trịnh Thị Thủy", "Thứ trưởng", "Bộ Văn hóa, Thể thao và Du lịch", "Lãnh đạo Bộ", "t@bvhttdl.gov.vn",
         912345678],
        [2, "Ông", "Nguyễn Văn Bình", "Giám đốc", "Thư viện Hà Nội", "Thư viện tỉnh, thành phố", None, None],
        [None, None, None, None, None, None, None, None],  # an empty row is skipped
    ])
    plan = spreadsheet_import.preview(path)
    assert sorted(plan.mapping.values()) == sorted(["honorific", "name", "position", "organisation", "group", "email",
                                                    "phone"])
    assert [row.row for row in plan.rows] == [2, 3] and not plan.problems
    summary = spreadsheet_import.apply(event, plan)
    assert (summary.added, summary.updated) == (2, 0)
    listed = guest_list.guest_list(event)
    assert [entry.addressee for entry in listed] == [
        "Bà Trịnh Thị Thủy – Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch",
        "Ông Nguyễn Văn Bình – Giám đốc Thư viện Hà Nội",
    ]
    person = Person.get(Person.name == "Trịnh Thị Thủy")
    assert (person.email, person.phone) == ("t@bvhttdl.gov.vn", "912345678")


def test_errors_name_row_and_column_and_nothing_is_imported(demo_db, tmp_path):
    event = review_id()
    path = workbook(tmp_path / "loi.xlsx", [
        [1, "Ông", "Lê Văn A", "Giám đốc", "Thư viện X", "Lãnh đạo Bộ", "khong-phai-email", None],
        [2, "Ông", None, "Giám đốc", "Thư viện Y", None, None, None],
        [3, "Ông", "Lê Văn B", None, None, "Nhóm lạ", None, "abc"],
        [4, "Ông", "lê văn a", None, None, None, None, None],
    ])
    plan = spreadsheet_import.preview(path)
    problems = [str(problem) for problem in plan.problems]
    assert problems[0].startswith("Dòng 2, cột G (Email):")
    assert any(p.startswith("Dòng 3, cột C (Họ và tên): thiếu họ tên") for p in problems)
    assert any(p.startswith("Dòng 4, cột F (Nhóm): không có nhóm khách mời “Nhóm lạ”") for p in problems)
    assert any(p.startswith("Dòng 4, cột H (Điện thoại):") for p in problems)
    assert any(p.startswith("Dòng 5, cột C (Họ và tên): khách mời này đã có ở dòng 2") for p in problems)
    with pytest.raises(UserError, match="Dòng 2, cột G"):
        spreadsheet_import.apply(event, plan)
    assert guest_list.guest_list(event) == []
    assert not Person.select().where(Person.name == "Lê Văn A").exists()


def test_bad_files_are_refused_with_a_reason(demo_db, tmp_path):
    (tmp_path / "a.csv").write_bytes(b"Ho va ten\nNguy\xe9n\n")  # Latin-1, as an old Excel saves it
    with pytest.raises(UserError, match="UTF-8"):
        spreadsheet_import.preview(tmp_path / "a.csv")
    (tmp_path / "b.xlsx").write_text("not a workbook")
    with pytest.raises(UserError, match="XLSX"):
        spreadsheet_import.preview(tmp_path / "b.xlsx")
    (tmp_path / "c.csv").write_text("Tên cơ quan;Ghi chú\nX;Y\n", encoding="utf-8")
    with pytest.raises(UserError, match="Họ và tên"):
        spreadsheet_import.preview(tmp_path / "c.csv")
    (tmp_path / "d.txt").write_text("Họ và tên\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"\.xlsx"):
        spreadsheet_import.preview(tmp_path / "d.txt")
    with pytest.raises(UserError):
        spreadsheet_import.preview(tmp_path / "missing.csv")


def test_csv_with_chosen_mapping_merges_and_asks_when_unsure(demo_db, tmp_path):
    event = review_id()
    # The address book already knows both from another event.
    first = next(e.id for e in queries.events() if e.id != event)
    guest_list.add_guest(first, THUY)
    guest_list.add_guest(first, GuestEntry(name="Nguyễn Văn Bình", organisation="Thư viện Hà Nội"))
    guest_list.add_guest(first, GuestEntry(name="Lê Thị Hoa", organisation="Thư viện Đà Nẵng"))
    (tmp_path / "g.csv").write_text(
        "Người được mời;Đơn vị;Chức danh\n"
        "Trịnh Thị Thủy;Bộ Văn hóa, Thể thao và Du lịch;Thứ trưởng\n"  # same name and organisation: same person
        "Le Thi Hoa;Thư viện Đà Nẵng;Giám đốc\n"  # the same letters without accents: ask
        "Nguyễn Văn Bình;Thư viện Hải Phòng;Phó Giám đốc\n",  # same name, another organisation: ask
        encoding="utf-8",
    )
    mapping = {"Người được mời": "name", "Đơn vị": "organisation", "Chức danh": "position"}
    plan = spreadsheet_import.preview(tmp_path / "g.csv", mapping)
    assert [row.match for row in plan.rows] == ["same", "unsure", "unsure"]
    assert plan.rows[1].candidate == "Lê Thị Hoa (Thư viện Đà Nẵng)"
    assert plan.rows[2].candidate == "Nguyễn Văn Bình (Thư viện Hà Nội)"
    with pytest.raises(UserError, match="3, 4"):
        spreadsheet_import.apply(event, plan)  # nobody answered
    summary = spreadsheet_import.apply(event, plan, {3: False, 4: False})
    assert summary.added == 3
    names = [entry.name for entry in guest_list.guest_list(event)]
    assert names == ["Trịnh Thị Thủy", "Le Thi Hoa", "Nguyễn Văn Bình"]
    assert guest_list.guest_list(event)[2].organisation == "Thư viện Hải Phòng"  # as at this event
    # "Not the same person": a second Nguyễn Văn Bình, a person of his own (issue 25, 4: people are not their name).
    assert Person.select().where(Person.name == "Nguyễn Văn Bình").count() == 2
    assert Person.select().where(Person.name == "Trịnh Thị Thủy").count() == 1
