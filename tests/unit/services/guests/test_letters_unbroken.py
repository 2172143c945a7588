"""What must never break on the printed letters and lists: a telephone number (in the PDF and in Word as LibreOffice
lays it out), a title abbreviation in the head-table plan's narrow boxes, and the letter's number, typed whole or
alone, printed once."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pytest

from nlv_events.printing import decree
from nlv_events.services.guests import documents, guest_replies
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.guests.invitations import InvitationOptions
from tests.office import read_pages
from tests.unit.services.guest_helpers import THUY, review_id
from tests.unit.services.guests.test_guest_protocol import add, pages_of

PHONES = ("024 3936 4219", "0912-345-678")
# Contact lines of growing length, so that one of them ends a line in the middle of each number.
CONTACTS = [f"Bà Nguyễn Phương Nhung, Phòng Thông tin{' và' * words}, điện thoại: {PHONES[0]} hoặc {PHONES[1]}"
            for words in range(12, 36, 2)]


def letter_lines(pages) -> list[str]:
    """The text of each printed line, however far a justified line spreads its words."""
    lines: dict[tuple[int, int], list] = {}
    for number, page in enumerate(pages):
        for line in page.lines:
            lines.setdefault((number, round(line.top)), []).append(line)
    return [" ".join(part.text for part in sorted(parts, key=lambda part: part.x0)) for parts in lines.values()]


def _pdf_pages(content: bytes):
    path = Path(tempfile.mkdtemp(prefix="nlv-events-letters-")) / "letters.pdf"
    path.write_bytes(content)
    return read_pages(path)


def _letter(event: int, suffix: str, contact: str) -> bytes:
    options = InvitationOptions(number="215", day=dt.date(2022, 12, 12), contact=contact)
    return documents.render_as(documents.invitations_document(event, options)[0], suffix)


def _whole_on_a_line(lines: list[str]) -> None:
    """One letter's lines hold each number whole on one of them."""
    for phone in PHONES:
        assert any(phone in line for line in lines), (phone, [line for line in lines if phone[:3] in line])


# One test a contact line: all of them in one test took longer than the five seconds a test may take.
@pytest.mark.parametrize("contact", CONTACTS, ids=[f"{len(contact)} characters" for contact in CONTACTS])
def test_a_telephone_number_is_never_cut_at_a_line_end_in_the_pdf(demo_db, contact):
    event = review_id()
    add(event, THUY)
    _whole_on_a_line(letter_lines(_pdf_pages(_letter(event, ".pdf", contact))))


@pytest.mark.parametrize("contact", CONTACTS[::2], ids=[f"{len(contact)} characters" for contact in CONTACTS[::2]])
def test_a_telephone_number_is_never_cut_at_a_line_end_in_word(demo_db, office, contact):
    event = review_id()
    add(event, THUY)
    _whole_on_a_line(letter_lines(office.pages(_letter(event, ".docx", contact))))


def test_a_title_abbreviation_is_never_cut_inside_in_the_head_table_plan(demo_db):
    event = review_id()
    professors = [GuestEntry(name=f"Ưng Văn Ẩn {number}", honorific="PGS.TS.", position="Giảng viên",
                             organisation="Trường Đại học Văn hóa Hà Nội", group="Khách mời khác")
                  for number in range(10)]  # fmt: skip
    ids = add(event, THUY, *professors)
    guest_replies.set_state(ids, "invited")
    guest_replies.set_state(ids, "accepted")
    lines = letter_lines(_pdf_pages(documents.reception_list_bytes(event, head_table=11)))
    plan = " ".join(lines[next(index for index, line in enumerate(lines) if "SƠ ĐỒ" in line or "HEAD" in line):])
    # a box narrower than "PGS.TS." puts "PGS." over "TS.", never "PGS.TS" over "." nor one over another
    assert plan.count("PGS.") == 10 and not re.search(r"PGS(?!\.)|(^| )\.", plan), plan
    assert all(word in plan.split() for word in ("Bà", "Trịnh", "Thị", "Thủy")), plan  # no box squeezed


@pytest.mark.parametrize("typed", ["215", "215/GM-TVQG", "Số: 215/GM-TVQG", "215 / GM-TVQG"])
def test_the_number_typed_alone_or_whole_prints_once_with_its_symbol(demo_db, typed):
    event = review_id()
    add(event, THUY)
    (page,) = pages_of(documents.invitations_bytes(event, InvitationOptions(number=typed, day=dt.date(2022, 12, 12))))
    assert "Số: 215/GM-TVQG " in page and page.count("GM-TVQG") == 1
    # every numbered document takes its number the same way
    assert decree.document_number(typed, "GM-TVQG") == "215/GM-TVQG"
