"""Issue 33, point 4: invitations sent by e-mail to a real SMTP server (aiosmtpd), each guest their own letter."""

from __future__ import annotations

import datetime as dt
import logging
import re

import icalendar
import pytest

from nlv_events import logs
from nlv_events.core.errors import UserError
from nlv_events.core.guest_models import Guest
from nlv_events.core.register_models import RegisterEntry
from nlv_events.core.settings import Settings, settings_path
from nlv_events.i18n import ngettext
from nlv_events.services.guests import address_book, invitation_mail, mail_settings
from nlv_events.services.guests import guest_list as guests
from nlv_events.services.guests.invitations import InvitationOptions
from tests.unit.conftest import pdf_text
from tests.unit.services.guest_helpers import add_many, review_id

from .mail_server import LOGIN, PASSWORD, REFUSED, mail_server, mail_settings_for, memory_keyring  # noqa: F401 (memory_keyring: a fixture)

# The refusal, in the language the test runs in (two guests: the plural's form)
ALREADY_SENT = ngettext(
    "{count} guest was already sent the invitation by e-mail; send again only when asked to (--resend).",
    "{count} guests were already sent the invitation by e-mail; send again only when asked to (--resend).",
    2,
)


def _thirty_guests_with_addresses() -> tuple[int, dict[str, str]]:
    """The review conference with 31 guests: 30 with an address (one the server refuses), one without."""
    event_id = review_id()
    ids = add_many(event_id, 31)
    addresses = {}
    for number, entry in enumerate(guests.guest_list(event_id)[:30], start=1):
        address = REFUSED if number == 7 else f"khach{number:03d}@thuvien-tinh.vn"
        address_book.set_contacts(entry.person_id, address, None)  # type: ignore[arg-type]
        addresses[address] = entry.name
    assert len(ids) == 31
    return event_id, addresses


@pytest.mark.usefixtures("memory_keyring")
def test_thirty_guests_each_receive_their_own_letter_and_the_calendar(demo_db):
    log_file = logs.setup_logging()
    event_id, addresses = _thirty_guests_with_addresses()
    pauses: list[float] = []
    now = [1000.0]

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        now[0] += seconds

    with mail_server() as (inbox, port):
        mail = mail_settings.mail_settings(mail_settings_for(port))
        mail_settings.store_password(mail, PASSWORD)
        mail_plan, report = invitation_mail.send_invitations(
            event_id, InvitationOptions(), mail, mail_settings.stored_password(mail), clock=lambda: now[0], pause=pause
        )

    assert len(mail_plan.outgoing) == 30 and len(mail_plan.without_address) == 1
    assert [(item.address, reason) for item, reason in report.refused] == [(REFUSED, "5.1.1 Không có hộp thư này")]
    assert len(report.sent) == 29 and len(inbox.messages) == 29
    assert sum(pauses) == pytest.approx(29 * 2.0)  # 30 a minute: one every two seconds, the first at once
    for recipients, message in inbox.messages:
        (address,) = recipients
        name = addresses[address]
        assert address in message["To"] and name in message["To"]
        assert message["Subject"].startswith("Giấy mời: ")
        body = message.get_body(("plain",)).get_content()
        assert "trân trọng kính mời Ông" in body
        attachments = {part.get_content_type(): part for part in message.iter_attachments()}
        letter = pdf_text(attachments["application/pdf"].get_content())
        assert name in letter and "GIẤY MỜI" in letter
        assert letter.count("GIẤY MỜI") == 1  # their own letter, not the whole list's
        calendar = icalendar.Calendar.from_ical(attachments["text/calendar"].get_content())
        assert str(calendar.walk("VEVENT")[0]["summary"]).startswith("Hội nghị")
    sent = {row.person.name: row for row in Guest.select().where(Guest.invitation_sent_at.is_null(False))}
    assert len(sent) == 29 and all(row.state == "invited" and row.invited_by == "email" for row in sent.values())
    assert all(
        row.invitation_sent_to in addresses and row.invitation_sent_file.endswith(".pdf") for row in sent.values()
    )
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = settings_path().read_text(encoding="utf-8") + (log_file.read_text(encoding="utf-8") if log_file else "")
    assert PASSWORD not in written and "khach001@thuvien-tinh.vn" not in written
    assert PASSWORD not in "".join(p.read_text("utf-8", "replace") for p in logs.log_dir().rglob("*") if p.is_file())


@pytest.mark.usefixtures("memory_keyring")
def test_sending_again_is_refused_unless_asked(demo_db):
    event_id = review_id()
    add_many(event_id, 2)
    for number, entry in enumerate(guests.guest_list(event_id), start=1):
        address_book.set_contacts(entry.person_id, f"khach{number}@example.vn", None)  # type: ignore[arg-type]
    with mail_server() as (inbox, port):
        mail = mail_settings.mail_settings(mail_settings_for(port))
        options = InvitationOptions()
        invitation_mail.send_invitations(event_id, options, mail, PASSWORD, pause=lambda _s: None)
        with pytest.raises(UserError, match=re.escape(ALREADY_SENT.format(count=2))):
            invitation_mail.send_invitations(event_id, options, mail, PASSWORD, pause=lambda _s: None)
        assert len(inbox.messages) == 2
        _plan, report = invitation_mail.send_invitations(
            event_id, options, mail, PASSWORD, resend=True, pause=lambda _s: None
        )
        assert len(report.sent) == 2 and len(inbox.messages) == 4
    assert all(item.sent_at is not None for item in invitation_mail.plan(event_id, options).outgoing)


def test_unset_mail_settings_are_told_before_anything_is_sent(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(UserError, match=r"mail\.server"):
        mail_settings.mail_settings(settings)
    settings.set("mail.server", "mail.nlv.gov.vn")
    settings.set("mail.sender", "truyenthong@nlv.gov.vn")
    settings.set("mail.per_minute", "nhiều")
    with pytest.raises(UserError, match=r"mail\.per_minute"):
        mail_settings.mail_settings(settings)


@pytest.mark.usefixtures("memory_keyring")
def test_the_signed_scan_linked_to_the_invitations_register_entry_is_what_each_guest_receives(demo_db, tmp_path):
    """Point 4: the signed and scanned letter goes out, when the office has attached it to the register entry of
    the invitations; without one, each guest gets their printed letter (the test above)."""
    from nlv_events.services.attachments import attachment_files
    from nlv_events.services.guests import documents

    event_id = review_id()
    add_many(event_id, 2)
    for number, entry in enumerate(guests.guest_list(event_id), start=1):
        address_book.set_contacts(entry.person_id, f"khach{number}@example.vn", None)  # type: ignore[arg-type]
    options = InvitationOptions(number="next", day=dt.date(2022, 12, 12), signer_name="Nguyễn Xuân Dũng")
    documents.write_invitations(event_id, tmp_path / "giay-moi.pdf", options)  # takes the register's next number
    entry = RegisterEntry.get((RegisterEntry.event == event_id) & (RegisterEntry.symbol == "GM-TVQG"))
    scan = tmp_path / "Giấy mời đã ký.pdf"
    scan.write_bytes(documents.invitations_bytes(event_id, InvitationOptions(number=f"{entry.number}/GM-TVQG",
                                                                             signer_name="ĐÃ KÝ VÀ ĐÓNG DẤU")))
    attachment_files.link_to_entry(attachment_files.add(event_id, scan, "scan"), entry.id)

    with mail_server() as (inbox, port):
        mail = mail_settings.mail_settings(mail_settings_for(port))
        invitation_mail.send_invitations(event_id, InvitationOptions(), mail, PASSWORD, pause=lambda _s: None)

    assert len(inbox.messages) == 2
    for _recipients, message in inbox.messages:
        letter = next(part for part in message.iter_attachments() if part.get_content_type() == "application/pdf")
        assert letter.get_content() == scan.read_bytes()  # the signed copy, as scanned
        assert "ĐÃ KÝ VÀ ĐÓNG DẤU" in pdf_text(letter.get_content())


def test_the_calendar_a_guest_receives_says_what_the_public_may_read(demo_db):
    """The event's description and notes may be internal (docs/site.md): the .ics mailed to an outside guest
    carried the description ("kinh phí", who fetches whom), where it should say the public description."""
    from nlv_events.core import event_reading
    from nlv_events.services.events import event_store

    event_id = review_id()
    record = event_reading.load_record(event_id)
    record.description = "Nội bộ: kinh phí 45 triệu đồng; xe đón đại biểu Bộ lúc 7 giờ 15."
    record.public_description = "Hội nghị tổng kết công tác năm 2022 của Thư viện Quốc gia Việt Nam."
    event_store.save(record, event_reading.load_record(event_id))
    add_many(event_id, 1)
    address_book.set_contacts(guests.guest_list(event_id)[0].person_id, "khach@example.vn", None)  # type: ignore[arg-type]
    with mail_server() as (inbox, port):
        mail = mail_settings.mail_settings(mail_settings_for(port))
        invitation_mail.send_invitations(event_id, InvitationOptions(), mail, PASSWORD, pause=lambda _s: None)
    (_recipients, message), = inbox.messages
    attachments = {part.get_content_type(): part for part in message.iter_attachments()}
    entry = icalendar.Calendar.from_ical(attachments["text/calendar"].get_content()).walk("VEVENT")[0]
    description = str(entry.get("description", ""))
    assert "kinh phí" not in description and "xe đón" not in description
    assert "Hội nghị tổng kết công tác năm 2022 của Thư viện Quốc gia Việt Nam." in description


def test_the_scan_of_the_number_asked_for_is_sent_as_the_register_writes_it(demo_db, tmp_path):
    """Two rounds of invitations, 01/GM-TVQG and 02/GM-TVQG, each with its signed scan: asked for "01/GM-TVQG" (or
    "01", as the register and the letter write it), the guests were sent the newest scan, the second round's,
    since "01" was compared with the number 1 as text."""
    from nlv_events.services.attachments import attachment_files
    from nlv_events.services.guests import documents

    event_id = review_id()
    add_many(event_id, 1)
    address_book.set_contacts(guests.guest_list(event_id)[0].person_id, "khach@example.vn", None)  # type: ignore[arg-type]
    scans = {}
    for round_number in (1, 2):
        options = InvitationOptions(number="next", day=dt.date(2022, 12, 10 + round_number))
        documents.write_invitations(event_id, tmp_path / f"giay-moi-{round_number}.pdf", options)
        entry = RegisterEntry.get((RegisterEntry.event == event_id) & (RegisterEntry.number == round_number))
        scan = tmp_path / f"Giấy mời đã ký {round_number}.pdf"
        scan.write_bytes(documents.invitations_bytes(event_id, InvitationOptions(
            number=f"{round_number:02d}/GM-TVQG", signer_name=f"ĐÃ KÝ ĐỢT {round_number}")))
        attachment_files.link_to_entry(attachment_files.add(event_id, scan, "scan"), entry.id)
        scans[round_number] = scan.read_bytes()
    for asked in ("01/GM-TVQG", "01"):
        with mail_server() as (inbox, port):
            mail = mail_settings.mail_settings(mail_settings_for(port))
            invitation_mail.send_invitations(event_id, InvitationOptions(number=asked), mail, PASSWORD,
                                             resend=True, pause=lambda _s: None)  # fmt: skip
        (_recipients, message), = inbox.messages
        letter = next(part for part in message.iter_attachments() if part.get_content_type() == "application/pdf")
        assert letter.get_content() == scans[1], asked
