"""The guests' printouts read as the protocol office writes them: who is asked to direct, how the addressee, the
deputy, a long position and the head table read on the printed page."""

import datetime as dt
import io
import json

import pdfplumber
import pytest

from nlv_events.core.settings import Settings
from nlv_events.services.guests import documents, guest_groups, guest_interchange, guest_replies, titles
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.guests.invitations import InvitationOptions
from tests.unit.services.guest_helpers import THUY, review_id

OPTIONS = InvitationOptions(number="25", day=dt.date(2022, 12, 12))
NGA = GuestEntry(name="Kiều Thúy Nga", honorific="Bà", position="Vụ trưởng Vụ Thư viện",
                 organisation="Bộ Văn hóa, Thể thao và Du lịch", group="Vụ, Cục thuộc Bộ")
DUNG = GuestEntry(name="Nguyễn Xuân Dũng", honorific="Ông", position="Phó Giám đốc",
                  organisation="Thư viện Quốc gia Việt Nam", group="Đơn vị trong Bộ")
KY = GuestEntry(name="Nguyễn Thế Kỷ", honorific="Ông",
                position="Chủ tịch Hội đồng Lý luận phê bình văn học nghệ thuật Trung ương",
                organisation="Ban Tuyên giáo Trung ương", group="Khách mời khác")
SECRETARY = GuestEntry(name="Nguyễn Văn A", honorific="Đồng chí", position="Bí thư Tỉnh ủy",
                       organisation="Tỉnh ủy Điện Biên", group="Khách mời khác")
UNIT = GuestEntry(name="Vụ Thư viện", organisation="Bộ Văn hóa, Thể thao và Du lịch", group="Vụ, Cục thuộc Bộ")
COLONEL = GuestEntry(name="Hoàng Thị Phương Thảo Nguyên Ngọc Diệp", honorific="Thượng tá",
                     position="Phó Giám đốc Trung tâm Thông tin Khoa học Quân sự, Bộ Quốc phòng kiêm Chủ nhiệm Câu "
                              "lạc bộ Sách", organisation="Bộ Quốc phòng", group="Khách mời khác")


def pages_of(pdf: bytes) -> list[str]:
    """Each page's text as pdfplumber reads it, white space folded (a wrapped line reads on)."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [" ".join((page.extract_text() or "").split()) for page in document.pages]


def letter_for(pages: list[str], name: str) -> str:
    (page,) = [page for page in pages if name in page.split("GIẤY MỜI", 1)[1].split("trân trọng")[0]]
    return page


def add(event: int, *entries: GuestEntry) -> list[int]:
    return [guests.add_guest(event, entry) for entry in entries]


def test_only_the_leaders_groups_are_asked_to_attend_and_direct(demo_db, tmp_path, monkeypatch):
    event = review_id()
    add(event, THUY, NGA, DUNG, KY)
    pages = pages_of(documents.invitations_bytes(event, OPTIONS))
    assert "kính mời Bà tới dự và chỉ đạo Hội nghị Tổng kết" in letter_for(pages, "Trịnh Thị Thủy")
    for name, you in (("Kiều Thúy Nga", "Bà"), ("Nguyễn Xuân Dũng", "Ông"), ("Nguyễn Thế Kỷ", "Ông")):
        letter = letter_for(pages, name)
        assert f"kính mời {you} tới dự Hội nghị Tổng kết" in letter and "chỉ đạo" not in letter, name
    # The office widens the superiors to the first two groups: the Ministry's department heads direct too.
    pages = pages_of(documents.invitations_bytes(event, InvitationOptions(leader_groups=2)))
    assert "tới dự và chỉ đạo" in letter_for(pages, "Kiều Thúy Nga")
    assert "chỉ đạo" not in letter_for(pages, "Nguyễn Xuân Dũng")
    # … or keeps it in its settings (the Groups dialog writes it), which the letters follow by default.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    settings = Settings()
    settings.set("invitations.leader_groups", "0")
    settings.save()
    assert guest_groups.leader_groups() == []
    pages = pages_of(documents.invitations_bytes(event, OPTIONS))
    assert not any("chỉ đạo" in page for page in pages)


def test_the_time_follows_its_label_without_vao_hoi(demo_db):
    event = review_id()
    add(event, DUNG)
    (page,) = pages_of(documents.invitations_bytes(event, OPTIONS))
    assert "Thời gian: 08 giờ 00, thứ Hai, ngày 26 tháng 12 năm 2022." in page
    assert "vào hồi" not in page


def test_kinh_gui_joins_position_and_organisation_as_the_office_writes_them(demo_db):
    event = review_id()
    add(event, THUY, NGA, SECRETARY, UNIT, COLONEL)
    pages = pages_of(documents.invitations_bytes(event, OPTIONS))
    addressees = [page.split("Kính gửi: ", 1)[1].split(" Thư viện Quốc gia Việt Nam trân trọng")[0] for page in pages]
    assert sorted(addressees) == sorted([
        "Bà Trịnh Thị Thủy – Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch",
        "Bà Kiều Thúy Nga – Vụ trưởng Vụ Thư viện, Bộ Văn hóa, Thể thao và Du lịch",
        "Vụ Thư viện, Bộ Văn hóa, Thể thao và Du lịch",
        "Thượng tá Hoàng Thị Phương Thảo Nguyên Ngọc Diệp – Phó Giám đốc Trung tâm Thông tin Khoa học Quân sự, Bộ "
        "Quốc phòng kiêm Chủ nhiệm Câu lạc bộ Sách",
        "Đồng chí Nguyễn Văn A – Bí thư Tỉnh ủy Điện Biên",
    ])


@pytest.mark.parametrize(
    "position, organisation, line",
    [
        ("Thứ trưởng", "Bộ Văn hóa, Thể thao và Du lịch", "Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch"),
        ("Bí thư Tỉnh ủy", "Tỉnh ủy Điện Biên", "Bí thư Tỉnh ủy Điện Biên"),
        ("Bí thư tỉnh ủy", "Tỉnh ủy Điện Biên", "Bí thư tỉnh ủy Điện Biên"),  # compared ignoring case
        ("Vụ trưởng Vụ Thư viện", "Bộ Văn hóa, Thể thao và Du lịch",
         "Vụ trưởng Vụ Thư viện, Bộ Văn hóa, Thể thao và Du lịch"),
        ("Trưởng phòng Thông tin – Truyền thông", "Thư viện Quốc gia Việt Nam",
         "Trưởng phòng Thông tin – Truyền thông, Thư viện Quốc gia Việt Nam"),
        ("Giám đốc", "Thư viện tỉnh Quảng Ninh", "Giám đốc Thư viện tỉnh Quảng Ninh"),
        ("Phó Giám đốc", "Thư viện Quốc gia Việt Nam", "Phó Giám đốc Thư viện Quốc gia Việt Nam"),
        ("Chủ tịch Quỹ Hòa bình và Phát triển Việt Nam", "Quỹ Hòa bình và Phát triển Việt Nam",
         "Chủ tịch Quỹ Hòa bình và Phát triển Việt Nam"),
        ("", "Báo Nhân Dân", "Báo Nhân Dân"),
        ("Phóng viên", None, "Phóng viên"),
    ],
)
def test_title_line_says_each_word_of_the_organisation_once(position, organisation, line):
    assert titles.title_line(position, organisation) == line


def test_a_unit_is_told_from_a_person():
    assert titles.is_unit("Vụ Thư viện") and titles.is_unit("Báo Nhân Dân")
    assert not titles.is_unit("Vũ Dương Thúy Ngà")  # the surname Vũ is not the word Vụ
    assert not titles.is_unit("Vụ Thư viện", "Ông")
    assert not titles.is_unit("Nguyễn Văn A")


def _deputy_event() -> tuple[int, int]:
    event = review_id()
    thuy, ky = add(event, THUY, KY)
    guest_replies.set_state([thuy, ky], "invited")
    guest_replies.set_state([thuy], "accepted")
    guest_replies.set_state([ky], "deputy", deputy_honorific="Ông", deputy_name="Phạm Văn Thành",
                     deputy_position="Phó Chủ tịch Hội đồng Lý luận phê bình văn học nghệ thuật Trung ương")
    return event, ky


def test_the_deputy_is_addressed_on_the_card_and_the_list(demo_db):
    event, _ky = _deputy_event()
    cards = pages_of(documents.name_cards_bytes(event))
    # Both faces of the tent card: the back, turned upside down, reads backwards on the page.
    assert "Ông Phạm Văn Thành" in cards[1] and "Ông Phạm Văn Thành"[::-1] in cards[1]
    assert "Nguyễn Thế Kỷ" not in cards[1]
    with pdfplumber.open(io.BytesIO(documents.reception_list_bytes(event))) as document:
        table = document.pages[0].extract_tables()[0]
    assert [" ".join((row[1] or "").split()) for row in table[1:]] == [
        "Bà Trịnh Thị Thủy", "Ông Phạm Văn Thành (thay Ông Nguyễn Thế Kỷ)"]


def test_the_deputys_form_of_address_is_kept_once_and_travels_in_the_interchange_file(demo_db):
    event, ky = _deputy_event()
    guest_replies.set_state([ky], "deputy", deputy_honorific="Ông", deputy_name="Ông Phạm Văn Thành")  # typed twice
    assert guests.guest_list(event)[1].deputy_name == "Ông Phạm Văn Thành"
    exported = guest_interchange.export(event)
    assert exported[1]["deputy"]["name"] == "Ông Phạm Văn Thành"
    # A newer file gives the form of address apart; an older file the name alone (or the deputy as text).
    parsed = guest_interchange.parse(
        [{"name": "A", "deputy": {"honorific": "Bà", "name": "Lê Thị Hoa", "position": "Phó Vụ trưởng"}},
         {"name": "B", "deputy": {"name": "Ông Phạm Văn Thành"}},
         {"name": "C", "deputy": "Trần Văn Nam"}],
        lambda key, problem: ValueError(key))
    assert [data.deputy_name for data in parsed] == ["Bà Lê Thị Hoa", "Ông Phạm Văn Thành", "Trần Văn Nam"]
    with pytest.raises(ValueError, match=r"deputy\.honorific"):
        guest_interchange.parse([{"name": "A", "deputy": {"honorific": 1, "name": "X"}}],
                                lambda key, problem: ValueError(key))
    assert json.dumps(exported, ensure_ascii=False)


def _position_lines(pdf: bytes, page_number: int) -> list[str]:
    """The position's lines on the card's front (the lower half, read from the hall), top to bottom."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[page_number]
        front = page.crop((0, page.height / 2, page.width, page.height))
        name_size = max(char["size"] for char in front.chars)
        lines = front.filter(lambda item: item.get("object_type") != "char" or item["size"] < name_size)
        return (lines.extract_text() or "").splitlines()


def test_a_long_position_breaks_between_word_pairs_before_an_organisation_word(demo_db):
    event = review_id()
    (colonel,) = add(event, COLONEL)
    guest_replies.set_state([colonel], "invited")
    guest_replies.set_state([colonel], "accepted")
    lines = _position_lines(documents.name_cards_bytes(event), 0)
    assert lines == ["Phó Giám đốc Trung tâm Thông tin Khoa học Quân sự,",
                     "Bộ Quốc phòng kiêm Chủ nhiệm Câu lạc bộ Sách"]


def test_head_table_guests_have_their_seat_and_a_unit_sits_nowhere(demo_db):
    event = review_id()
    ids = add(event, UNIT, COLONEL, SECRETARY, DUNG)
    guest_replies.set_state(ids, "invited")
    guest_replies.set_state(ids, "accepted")
    guests.update_guest(ids[2], seat="Hàng 2, ghế 5")  # the secretary, third person in precedence
    pdf = documents.reception_list_bytes(event, head_table=2)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        table, plan = document.pages[0].extract_tables()[:2]
    rows = {" ".join((row[1] or "").split()): " ".join((row[3] or "").split()) for row in table[1:]}
    assert rows == {
        "Vụ Thư viện": "",
        "Ông Nguyễn Xuân Dũng": "Bàn đại biểu, ghế 1",
        "Thượng tá Hoàng Thị Phương Thảo Nguyên Ngọc Diệp": "Bàn đại biểu, ghế 2",
        "Đồng chí Nguyễn Văn A": "Hàng 2, ghế 5",
    }
    # The plan from the hall: seat 2 (the second guest, on the first one's right), then seat 1 in the centre.
    assert plan[0] == ["2", "1"]
    assert "Vụ Thư viện" not in " ".join(cell or "" for row in plan for cell in row)
    assert [" ".join(cell.split()) for cell in plan[1]] == [
        "Thượng tá Hoàng Thị Phương Thảo Nguyên Ngọc Diệp", "Ông Nguyễn Xuân Dũng"]


def test_a_deputys_stored_name_splits_back_into_form_of_address_and_name():
    assert guest_replies.split_addressed("Ông Phạm Văn Thành") == ("Ông", "Phạm Văn Thành")
    assert guest_replies.split_addressed("PGS.TS. Lê Thị Hoa") == ("PGS.TS.", "Lê Thị Hoa")
    # An older record: the name alone.
    assert guest_replies.split_addressed("Phạm Văn Thành") == (None, "Phạm Văn Thành")
    assert guest_replies.deputy_as_addressed("Bà", "bà Lê Thị Hoa") == "bà Lê Thị Hoa"  # typed twice: kept once
