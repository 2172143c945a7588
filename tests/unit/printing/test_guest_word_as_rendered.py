"""The guests' Word versions as Word users see them, laid out by LibreOffice: the invitation letters one to a page
with the decree's header whole and the contact line unbroken, and the reception list without a header row or an
empty piece of a row left at a page's foot."""

from __future__ import annotations

import datetime as dt

from nlv_events.printing.output import render_as
from nlv_events.services.guests import documents, guest_list, guest_replies
from nlv_events.services.guests.invitations import InvitationOptions
from tests.unit.printing.test_word_as_rendered import HEADER_LINES, line_of, pdf_page_count
from tests.unit.services.guest_helpers import THUY, add_many, review_id

CONTACT = "Mọi chi tiết xin liên hệ: Phòng Thông tin – Truyền thông, điện thoại 024 3825 5397"
OPTIONS = InvitationOptions(number="215/GM-TVQG", day=dt.date(2022, 12, 12), signer_name="Nguyễn Xuân Dũng",
                            contact=CONTACT)  # fmt: skip


def test_invitation_letters_in_word_are_one_a_page_with_the_header_and_phone_whole(demo_db, office):
    event = review_id()
    guest_list.add_guest(event, THUY)
    add_many(event, 11)
    document, letters = documents.invitations_document(event, OPTIONS)
    pdf, docx = render_as(document, ".pdf"), render_as(document, ".docx")

    pages = office.pages(docx)
    assert letters == 12
    assert len(pages) == pdf_page_count(pdf) == 12  # a letter never runs onto a second sheet in Word either
    for page in pages:
        for text in HEADER_LINES:
            assert line_of(page, text) is not None, f"{text!r} wraps: {page.text[:200]}"
        assert "Số: 215/GM-TVQG" in page.text and "GM-TVQG/GM-TVQG" not in page.text
        assert "024 3825 5397" in page.text, "the phone number breaks across lines"
        assert page.text.count("Kính gửi:") == 1
    assert "Bà Trịnh Thị Thủy" in pages[0].text


def test_the_reception_list_in_word_leaves_no_header_row_alone_at_a_page_foot(demo_db, office):
    event = review_id()
    guest_list.add_guest(event, THUY)
    add_many(event, 70)
    every = [entry.id for entry in guest_list.guest_list(event)]
    guest_replies.set_state(every, "invited")
    guest_replies.set_state(every[:20], "accepted")
    document = documents.reception_list_document(event, head_table=5, day=dt.date(2022, 12, 20))
    pdf, docx = render_as(document, ".pdf"), render_as(document, ".docx")

    pages = office.pages(docx)
    assert len(pages) <= pdf_page_count(pdf) + 1
    printed = " ".join(" ".join(page.text.split()) for page in pages)
    assert all(f"Thư viện tỉnh số {number} " in f"{printed} " for number in range(1, 71))  # no row lost
    for page in pages[:-1]:
        last = page.lines[-1].text
        # the table's header row is repeated at the top of a page, never printed last at a foot
        assert not last.startswith(("STT", "TT ")), f"a page ends with the header row: {last!r}"
        assert any(char.isdigit() for char in " ".join(line.text for line in page.lines[-3:])), page.text[-200:]
