"""The printouts moved onto the shared renderers, read back as the office would: the invitation's PDF and Word
version say the same, its decree header stands where the programme's does, cards and labels keep their paper."""

import datetime as dt
import io
import re

import docx
import pdfplumber
import pytest

from nlv_events import printing
from nlv_events.core import event_reading, store
from nlv_events.core.errors import UserError
from nlv_events.core.exhibit_records import ItemEntry
from nlv_events.core.models import Event
from nlv_events.printing.decree import DecreeOptions
from nlv_events.printing.model import Document, Text
from nlv_events.services.exhibits import introduction, labels
from nlv_events.services.guests import documents, guest_list, guest_replies, invitations
from nlv_events.services.guests.invitations import InvitationOptions
from nlv_events.services.reports import programme
from tests.unit.services.exhibits.test_exhibit_printouts import _exhibition
from tests.unit.services.guest_helpers import THUY, add_many, review_id

DAY = dt.date(2022, 12, 12)
OPTIONS = InvitationOptions(number="25", day=DAY, signer_name="Nguyễn Xuân Dũng", qr=True,
                            signer_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")  # fmt: skip
HEADER_LINES = ("THƯ VIỆN QUỐC GIA VIỆT NAM", "Số: 25/GM-TVQG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 12 tháng 12 năm 2022")  # fmt: skip
A4_LANDSCAPE, A5, A6 = (842, 595), (420, 595), (298, 420)


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [folded(page.extract_text() or "") for page in document.pages]


def page_sizes(pdf: bytes) -> set[tuple[int, int]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return {(round(page.width), round(page.height)) for page in document.pages}


def _two_guests() -> int:
    event = review_id()
    guest_list.add_guest(event, THUY)
    add_many(event, 1)
    return event


def test_the_invitation_pdf_and_docx_say_the_same_under_the_same_header(demo_db):
    event = _two_guests()
    _record, letters = invitations.prepare(event, OPTIONS)
    pages = pdf_pages(documents.invitations_bytes(event, OPTIONS))
    word = docx.Document(io.BytesIO(documents.invitations_bytes(event, OPTIONS, "docx")))
    paragraphs = [folded(paragraph.text) for paragraph in word.paragraphs]
    tables = [folded(" ".join(cell.text for cell in table.rows[0].cells)) for table in word.tables]
    assert len(pages) == len(letters) == 2
    assert len(tables) == 4  # each letter: its header and its signature
    for index, letter in enumerate(letters):
        header, signature = tables[2 * index], tables[2 * index + 1]
        for expected in HEADER_LINES:
            assert expected in pages[index] and expected in header, expected
        assert f"Kính gửi: {letter.addressee}" in pages[index] and f"Kính gửi: {letter.addressee}" in paragraphs
        for body_line in letter.body:
            assert folded(body_line) in pages[index] and folded(body_line) in paragraphs, body_line
        for expected in ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Xuân Dũng", "Nơi nhận:", "- Như trên;",
                         "- Lưu: VT, TTTT."):  # fmt: skip
            assert expected in pages[index] and expected in signature, expected
    assert len(word.inline_shapes) == 2  # the QR code under each letter's recipients, as in the PDF


def _header_words(pdf: bytes) -> dict[str, tuple[float, float]]:
    """Where each word of the header's fixed lines stands on page 1 (x0, top), the date line left out."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[0].extract_words()
    fixed = " ".join(HEADER_LINES[:1] + HEADER_LINES[2:4]) + " BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH"
    return {word["text"]: (round(word["x0"], 1), round(word["top"], 1)) for word in words[:40]
            if word["text"] in fixed.split()}  # fmt: skip


def test_an_invitations_decree_header_stands_where_the_programmes_does(demo_db):
    event = _two_guests()
    letter = _header_words(documents.invitations_bytes(event, OPTIONS))
    record = event_reading.load_record(Event.get(Event.ref == "demo-2022-review"))
    official = _header_words(programme.render(record, "a4", DecreeOptions(number="15", date=DAY)))
    assert len(letter) >= 12
    assert letter == official


def test_name_cards_stay_a4_landscape_with_a_fold_line_and_no_page_number(demo_db):
    event = _two_guests()
    guest_replies.set_state([entry.id for entry in guest_list.guest_list(event)], "invited")
    guest_replies.set_state([entry.id for entry in guest_list.guest_list(event)], "accepted")
    pdf = documents.name_cards_bytes(event)
    assert page_sizes(pdf) == {A4_LANDSCAPE}
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            folds = [item for item in page.lines if abs(item["top"] - page.height / 2) < 1]
            assert folds and max(item["x1"] for item in folds) - min(item["x0"] for item in folds) > page.width - 1
            assert not [char for char in page.chars if char["text"].isdigit() and round(char["size"]) == 13]


@pytest.mark.parametrize(("size", "paper"), [("a6", A6), ("a5", A5)])
def test_labels_keep_their_card_size_a_card_per_item(size, paper):
    items = [ItemEntry("Tuyên ngôn độc lập", creator="Hồ Chí Minh", call_number="VV 1", caption="Bản in năm 1945"),
             ItemEntry("Nhật ký trong tù", call_number="VV 2")]  # fmt: skip
    pdf = labels.render(items, size)
    assert page_sizes(pdf) == {paper}
    pages = pdf_pages(pdf)
    assert pages == ["Tuyên ngôn độc lập Hồ Chí Minh Bản in năm 1945 Ký hiệu kho: VV 1",
                     "Nhật ký trong tù Ký hiệu kho: VV 2"]  # fmt: skip
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        biggest = max(char["size"] for char in document.pages[0].chars)
    assert biggest == pytest.approx(24 if size == "a6" else 24 * 1.4, abs=0.1)  # large type, larger on A5


def test_a_long_introduction_shrinks_onto_one_page(db):
    event_id = _exhibition(items=6, parts=2)
    record = event_reading.load_record(event_id)
    record.description = "\n".join(f"Đoạn giới thiệu số {n}: " + "tư liệu quý " * 40 for n in range(30))
    store.save_event(record)
    pages = pdf_pages(introduction.render(event_id))
    assert len(pages) == 1
    assert "GIỚI THIỆU TRIỂN LÃM" in pages[0] and "Đoạn giới thiệu số 29" in pages[0]


def test_printing_write_picks_the_format_by_extension_and_refuses_others(tmp_path):
    document = Document("Thử", [Text("Một dòng", "body")])
    printing.write(document, tmp_path / "a.PDF")
    printing.write(document, tmp_path / "a.docx")
    assert (tmp_path / "a.PDF").read_bytes().startswith(b"%PDF")
    assert [paragraph.text for paragraph in docx.Document(str(tmp_path / "a.docx")).paragraphs] == ["Một dòng"]
    with pytest.raises(UserError, match=r"a\.odt.*\.pdf / \.docx"):
        printing.write(document, tmp_path / "a.odt")
    assert not (tmp_path / "a.odt").exists()
