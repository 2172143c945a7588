"""Invitations, name cards and the reception list, read back from the printed page."""

import datetime as dt
import io
import logging

import pdfplumber
import pypdfium2
import pytest
from pypdf import PdfReader

from nlv_events.core.errors import UserError
from nlv_events.services.guests import address_book, documents, guest_list, guest_replies
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.guests.invitations import InvitationOptions, time_phrase
from tests.unit.conftest import pdf_text
from tests.unit.services.guest_helpers import EMAIL, PHONE, THUY, add_many, review_id

OPTIONS = InvitationOptions(number="25", day=dt.date(2022, 12, 12), signer_name="Nguyễn Xuân Dũng", qr=True,
                            contact="Phòng Thông tin – Truyền thông, Thư viện Quốc gia Việt Nam")


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, white space folded. Read by PDFium: pypdf parses the font's whole character map again on
    every page (6 s for the 119 letters here, 0.4 s with PDFium, the same text)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [" ".join(page.get_textpage().get_text_bounded().split()) for page in document]
    finally:
        document.close()


def test_time_is_written_out_as_in_official_letters():
    assert time_phrase(dt.datetime(2022, 12, 26, 8, 0)) == "vào hồi 08 giờ 00, thứ Hai, ngày 26 tháng 12 năm 2022"
    assert time_phrase(dt.datetime(2023, 1, 8, 14, 30)) == "vào hồi 14 giờ 30, Chủ nhật, ngày 08 tháng 01 năm 2023"
    assert time_phrase(dt.date(2022, 4, 21)) == "vào thứ Năm, ngày 21 tháng 4 năm 2022"
    # After the label "Thời gian:" the letter gives the time alone.
    assert time_phrase(dt.datetime(2022, 12, 26, 8, 0), lead=False) == "08 giờ 00, thứ Hai, ngày 26 tháng 12 năm 2022"


def test_120_guests_merge_into_one_invitation_pdf(demo_db, assert_embedded_truetype):
    event = review_id()
    guest_list.add_guest(event, THUY)
    ids = add_many(event, 119)
    guest_replies.set_state(ids[:2], "invited")
    guest_replies.set_state(ids[:1], "declined")  # a guest who declined gets no letter
    pdf = documents.invitations_bytes(event, OPTIONS)
    pages = page_texts(pdf)
    assert len(pages) == 119
    first = pages[0]
    for expected in (
        "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        "Số: 25/GM-TVQG",
        "Hà Nội, ngày 12 tháng 12 năm 2022",
        "GIẤY MỜI",
        "Kính gửi: Bà Trịnh Thị Thủy – Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch",
        "trân trọng kính mời Bà tới dự và chỉ đạo Hội nghị Tổng kết công tác năm 2022",
        "Thời gian: 08 giờ 00, thứ Hai, ngày 26 tháng 12 năm 2022.",
        "Mọi chi tiết xin liên hệ: Phòng Thông tin – Truyền thông",
        "GIÁM ĐỐC",
        "Nguyễn Xuân Dũng",
        "Nơi nhận:",
        "- Lưu: VT, TTTT.",
    ):
        assert expected in first, expected
    assert "Kính gửi: Ông Nguyễn Văn Khách 002 – Giám đốc Thư viện tỉnh số 2" in pages[1]
    assert "Khách 001" not in " ".join(pages)
    assert all(page.count("Kính gửi:") == 1 for page in pages)
    assert all("Thời gian: 08 giờ 00, thứ Hai, ngày 26 tháng 12 năm 2022." in page for page in pages)
    assert not any("vào hồi" in page for page in pages)
    # Only the Ministry's leader is asked "to attend and direct"; the provincial libraries' directors "to attend".
    assert all("kính mời Ông tới dự Hội nghị Tổng kết" in page and "chỉ đạo" not in page for page in pages[1:])
    assert_embedded_truetype(pdf)


def test_invitations_filtered_by_state(demo_db):
    event = review_id()
    ids = add_many(event, 3)
    guest_replies.set_state(ids[1:], "invited")
    pdf = documents.invitations_bytes(event, InvitationOptions(states=("to_invite",)))
    assert len(page_texts(pdf)) == 1
    with pytest.raises(UserError):
        documents.invitations_bytes(event, InvitationOptions(states=("accepted",)))


def _chars_by_half(pdf: bytes):
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        half = page.height / 2
        chars = page.chars
    # pdfplumber's top grows downwards: the lower half (the front) has top > half.
    front = [c for c in chars if c["top"] > half]
    back = [c for c in chars if c["bottom"] < half]
    return front, back


def _line(chars, largest: bool, reverse: bool) -> str:
    """The name (the largest text) or the position, read in its own direction, without spaces."""
    biggest = max(c["size"] for c in chars)
    chosen = [c for c in chars if (c["size"] == biggest) == largest]
    ordered = sorted(chosen, key=lambda c: (-c["top"], -c["x0"]) if reverse else (c["top"], c["x0"]))
    return "".join(c["text"] for c in ordered).replace(" ", "")


def test_name_cards_read_upright_from_both_sides(demo_db):
    event = review_id()
    guest = guest_list.add_guest(event, THUY)
    guest_list.update_guest(guest, position="Ủy viên Ban Cán sự Đảng, Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch")
    long_name = guest_list.add_guest(event, GuestEntry(name="Nguyễn Thị Phương Thảo Hoàng Minh Châu Lê Thị Ngọc Anh",
                                                   honorific="PGS.TS."))
    others = add_many(event, 2)
    guest_replies.set_state([guest, long_name, *others], "invited")
    guest_replies.set_state([guest, long_name], "accepted")
    guest_replies.set_state(others[:1], "deputy", deputy_name="Ông Lê Văn Thay", deputy_position="Phó Giám đốc")
    pdf = documents.name_cards_bytes(event)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3  # two accepted and one deputy; the guest still to reply gets none
    texts = [page.extract_text() for page in reader.pages]
    assert "Ông Lê Văn Thay" in texts[1] and "Khách 001" not in texts[1]  # the deputy's card, in precedence

    front, back = _chars_by_half(pdf)
    # The front reads normally: upright glyphs, left to right, the name above the position.
    assert front and all(c["matrix"][0] > 0 and c["matrix"][3] > 0 for c in front)
    # The back is turned half a circle: glyphs upside down, reading right to left on the page, name nearer the fold.
    assert back and all(c["matrix"][0] < 0 and c["matrix"][3] < 0 for c in back)
    assert _line(front, largest=True, reverse=False) == _line(back, largest=True, reverse=True) == "BàTrịnhThịThủy"
    assert "ThứtrưởngBộVănhóa" in _line(front, largest=False, reverse=False)
    assert "ThứtrưởngBộVănhóa" in _line(back, largest=False, reverse=True)
    name_top = min(c["top"] for c in front if c["size"] == max(x["size"] for x in front))
    assert name_top < min(c["top"] for c in front if c["size"] < max(x["size"] for x in front))

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        long_card = document.pages[2]
        sizes = {round(c["size"]) for c in long_card.chars}
        assert all(0 <= c["x0"] and c["x1"] <= long_card.width for c in long_card.chars)  # shrunk, never clipped
        assert max(sizes) < 60


def test_reception_list_in_precedence_with_head_table(demo_db):
    event = review_id()
    ids = add_many(event, 4)
    guest_list.add_guest(event, THUY)
    every = [entry.id for entry in guest_list.guest_list(event)]
    guest_replies.set_state(every, "invited")
    guest_replies.set_state(every[:4], "accepted")
    guest_list.update_guest(every[4], seat="A1")  # a guest not at the head table keeps the seat the office noted
    pdf = documents.reception_list_bytes(event, head_table=3)
    text = pdf_text(pdf)
    assert "DANH SÁCH ĐẠI BIỂU" in text
    assert text.index("Trịnh Thị Thủy") < text.index("Khách 001") < text.index("Khách 004")
    assert "A1" in text
    plan = text[text.index("BÀN ĐẠI BIỂU"):]
    # Seen from the hall: the second guest, the first in the centre, the third.
    assert plan.index("Khách 001") < plan.index("Trịnh Thị Thủy") < plan.index("Khách 002")
    assert ids


def test_no_contact_detail_reaches_a_printout_or_the_log(demo_db, caplog):
    # The level the app logs at (logs.setup_logging); peewee's DEBUG echo of SQL parameters is never switched on.
    caplog.set_level(logging.INFO)
    event = review_id()
    guest = guest_list.add_guest(event, THUY)
    person = guest_list.guest_list(event)[0].person_id
    address_book.set_contacts(person, EMAIL, PHONE)
    guest_replies.set_state([guest], "invited", channel="email")
    guest_replies.set_state([guest], "accepted")
    printed = [
        documents.invitations_bytes(event, OPTIONS),
        documents.name_cards_bytes(event),
        documents.reception_list_bytes(event),
    ]
    for pdf in printed:
        text = pdf_text(pdf)
        assert "Trịnh Thị Thủy" in text
        assert EMAIL not in text and "0912" not in text
    assert EMAIL not in caplog.text and "0912" not in caplog.text
    assert address_book.address_book("trinh thi thuy")[0].email is None  # contacts only when asked for
    assert address_book.address_book("trinh thi thuy", contacts=True)[0].email == EMAIL


def test_english_letters_address_the_guest_as_you(demo_db):
    from nlv_events import i18n

    event = review_id()
    guest_list.add_guest(event, THUY)
    i18n.setup_i18n("en")
    text = pdf_text(documents.invitations_bytes(event, InvitationOptions(day=dt.date(2022, 12, 12))))
    assert "To: Bà Trịnh Thị Thủy – Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch" in text
    assert "honoured to invite you to Year-end review" in text
    assert "Time: 08:00 on Monday, 26 December 2022." in text
    assert "DIRECTOR" in text and "- As above;" in text and "Hanoi, 12 December 2022" in text
