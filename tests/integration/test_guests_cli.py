"""The guests' commands: import, list, invitations (PDF and DOCX), name cards, reception list, errors in one line."""

import csv
import io
import json

import docx
import pytest
from pypdf import PdfReader

from nlv_events.core import database
from nlv_events.core.models import Event
from tests.integration.cli_runner import run

GUESTS_CSV = (
    "Danh xưng,Họ và tên,Chức vụ,Cơ quan,Nhóm,Email,Điện thoại\n"
    "Bà,Trịnh Thị Thủy,Thứ trưởng,\"Bộ Văn hóa, Thể thao và Du lịch\",Lãnh đạo Bộ,thuy@example.vn,0912 345 678\n"
    "Ông,Nguyễn Văn Bình,Giám đốc,Thư viện Hà Nội,\"Thư viện tỉnh, thành phố\",,\n"
)


@pytest.fixture(autouse=True)
def _close_after():
    yield
    database.close_database()


@pytest.fixture
def review(capsys, db_path, tmp_path):
    assert run(capsys, "demo", "--db", str(db_path))[0] == 0
    database.open_database(str(db_path))
    event_id = Event.get(Event.ref == "demo-2022-review").id
    database.close_database()
    path = tmp_path / "khach.csv"
    path.write_text(GUESTS_CSV, encoding="utf-8")
    code, _out, err = run(capsys, "guests", str(event_id), "--db", str(db_path), "--import", str(path))
    assert code == 0, err
    assert "thêm 2 khách mời" in err
    return event_id


def test_guest_list_as_json_and_csv_without_contacts_unless_asked(capsys, db_path, review):
    code, out, _err = run(capsys, "guests", str(review), "--db", str(db_path), "--format", "json")
    listed = json.loads(out)
    assert code == 0 and [guest["name"] for guest in listed] == ["Trịnh Thị Thủy", "Nguyễn Văn Bình"]
    assert "thuy@example.vn" not in out and "0912" not in out
    code, out, _err = run(capsys, "guests", str(review), "--db", str(db_path), "--format", "csv", "--contacts")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["email"] == "thuy@example.vn" and rows[0]["state"] == "to_invite"
    code, out, _err = run(capsys, "guests", str(review), "--db", str(db_path))
    assert "Bà Trịnh Thị Thủy – Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch" in out
    assert "2 khách mời: đã mời 0" in out


def test_invitations_as_pdf_and_docx(capsys, db_path, review, tmp_path):
    pdf = tmp_path / "giay-moi.pdf"
    code, out, err = run(capsys, "invitations", str(review), "--db", str(db_path), "-o", str(pdf), "--number", "25",
                         "--date", "2022-12-12", "--qr")
    assert code == 0, err
    assert "2 giấy mời" in out
    pages = PdfReader(pdf).pages
    assert len(pages) == 2 and "Kính gửi: Ông Nguyễn Văn Bình – Giám đốc Thư viện Hà Nội" in pages[1].extract_text()
    word = tmp_path / "giay-moi.docx"
    code, _out, err = run(capsys, "invitations", str(review), "--db", str(db_path), "-o", str(word), "--number", "25",
                          "--signer-title", "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC", "--signer", "Nguyễn Xuân Dũng")
    assert code == 0, err
    document = docx.Document(str(word))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert text.count("GIẤY MỜI") == 2
    assert "Kính gửi: Bà Trịnh Thị Thủy – Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch" in text
    assert "Thời gian: 08 giờ 00, thứ Hai, ngày 26 tháng 12 năm 2022." in text and "vào hồi" not in text
    assert "kính mời Bà tới dự và chỉ đạo Hội nghị" in text  # the Deputy Minister (Lãnh đạo Bộ) directs
    assert "kính mời Ông tới dự Hội nghị" in text  # the city library's director attends
    assert "Số: 25/GM-TVQG" in document.tables[0].rows[0].cells[0].text
    assert "PHÓ GIÁM ĐỐC" in document.tables[1].rows[0].cells[1].text
    assert "thuy@example.vn" not in text


def test_leader_groups_option_sets_which_letters_say_chi_dao(capsys, db_path, review, tmp_path):
    pdf = tmp_path / "giay-moi.pdf"
    code, _out, err = run(capsys, "invitations", str(review), "--db", str(db_path), "-o", str(pdf),
                          "--leader-groups", "0")
    assert code == 0, err
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages]
    assert "kính mời Bà tới dự Hội nghị" in pages[0] and not any("chỉ đạo" in page for page in pages)


def test_replies_and_a_deputy_with_form_of_address_from_the_command_line(capsys, db_path, review, tmp_path):
    base = ("guests", str(review), "--db", str(db_path))
    assert run(capsys, *base, "--set-state", "invited", "--guest", "1", "--guest", "2")[0] == 0
    assert run(capsys, *base, "--set-state", "accepted", "--guest", "1")[0] == 0
    code, _out, err = run(capsys, *base, "--set-state", "deputy", "--guest", "2", "--deputy", "Phạm Văn Thành",
                          "--deputy-honorific", "Ông", "--deputy-position", "Phó Giám đốc Thư viện Hà Nội",
                          "--format", "json")
    assert code == 0, err
    code, out, _err = run(capsys, *base, "--format", "json")
    assert json.loads(out)[1]["deputy"] == "Ông Phạm Văn Thành"
    cards = tmp_path / "the-ten.pdf"
    assert run(capsys, "name-cards", str(review), "--db", str(db_path), "-o", str(cards))[0] == 0
    assert "Ông Phạm Văn Thành" in PdfReader(cards).pages[1].extract_text()
    code, _out, err = run(capsys, *base, "--set-state", "accepted", "--guest", "9")
    assert code == 1 and "9" in err and len(err.strip().splitlines()) == 1
    code, _out, err = run(capsys, *base, "--set-state", "accepted")
    assert code == 1 and "--guest" in err


def test_name_cards_and_reception_list(capsys, db_path, review, tmp_path):
    code, _out, err = run(capsys, "name-cards", str(review), "--db", str(db_path), "-o", str(tmp_path / "c.pdf"))
    assert code == 1 and "Chưa có khách mời nào nhận lời" in err  # nobody has accepted yet
    code, _out, err = run(capsys, "reception-list", str(review), "--db", str(db_path), "-o", str(tmp_path / "r.pdf"))
    assert code == 1 and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "argv, message",
    [
        (["invitations", "999", "-o", "x.pdf"], "999"),
        (["invitations", "{event}", "-o", "x.txt"], ".pdf"),
        (["invitations", "{event}", "-o", "x.pdf", "--date", "26/12/2022"], "2022-12-12"),
        (["guests", "{event}", "--import", "missing.xlsx"], "missing.xlsx"),
    ],
)
def test_errors_are_one_line(capsys, db_path, review, tmp_path, argv, message):
    argv = [part.format(event=review) for part in argv]
    code, _out, err = run(capsys, *argv, "--db", str(db_path))
    lines = err.strip().splitlines()
    assert code != 0 and len(lines) == 1 and "Traceback" not in err
    assert message in lines[0]


def test_unsure_merge_without_a_terminal_asks_for_merge_option(capsys, db_path, review, tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("Họ và tên,Cơ quan\nNguyễn Văn Bình,Thư viện Hải Phòng\n", encoding="utf-8")
    code, _out, err = run(capsys, "guests", str(review), "--db", str(db_path), "--import", str(other))
    assert code == 1 and "--merge" in err
    code, _out, err = run(capsys, "guests", str(review), "--db", str(db_path), "--import", str(other),
                          "--merge", "same")
    assert code == 0 and "cập nhật 1" in err
