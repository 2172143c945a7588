"""Invitations sent by e-mail: each invited guest with an address gets their own letter (PDF), a short Vietnamese
message and the event's .ics; the guest records when, to which address and with which file.

A dry run lists what would go. Messages leave at most `mail.per_minute` a minute (the clock and the pause are
given, so tests do not wait); an address the server refuses is reported and the others go on. A guest already sent
their invitation is not sent it again unless asked (`resend`). Addresses are never logged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import logging
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage

import jinja2

from nlv_events.core import database, event_reading, guard, versioned
from nlv_events.core.errors import UserError
from nlv_events.core.guest_models import Guest
from nlv_events.core.records import EventRecord
from nlv_events.i18n import _, ngettext
from nlv_events.printing.output import render_as
from nlv_events.services.guests import address_book, guest_list, invitation_document, invitations, mail_settings
from nlv_events.services.guests.guest_list import GuestEntry
from nlv_events.services.guests.invitations import InvitationOptions
from nlv_events.services.guests.mail_settings import MailSettings
from nlv_events.services.media import photo_files
from nlv_events.services.reports import ics
from nlv_events.services.site.selection import public_record

log = logging.getLogger(__name__)
MESSAGE_TEMPLATE = "email.txt"  # first line the subject, then the body (resources/invitations, or the office's own)


@dataclass
class Outgoing:
    """One guest's invitation by e-mail, as the dry run lists it."""

    guest: GuestEntry
    address: str
    file_name: str
    sent_at: dt.datetime | None  # when it was sent before, if it was


@dataclass
class MailPlan:
    record: EventRecord
    outgoing: list[Outgoing]
    without_address: list[str]  # guests to invite who have no e-mail address: their letters go by hand

    @property
    def already_sent(self) -> list[Outgoing]:
        return [item for item in self.outgoing if item.sent_at is not None]


@dataclass
class SendReport:
    sent: list[Outgoing] = field(default_factory=list)
    refused: list[tuple[Outgoing, str]] = field(default_factory=list)  # with the server's reason


def signed_scan(record: EventRecord, options: InvitationOptions) -> bytes | None:
    """The signed and scanned letter to send instead of the printed one: a PDF attached to the event as a scan and
    linked to the register entry of its invitations (the letter's number when one is asked, else the newest);
    None when the office has attached none. An image scan is not sent: a letter goes out as PDF."""
    from nlv_events.core.attachment_models import Attachment
    from nlv_events.core.register_models import RegisterEntry
    from nlv_events.services.attachments import attachment_files
    from nlv_events.services.register import numbering

    query = (
        Attachment.select()
        .join(RegisterEntry)
        .where(
            (Attachment.event == record.id)
            & (Attachment.kind == "scan")
            & (RegisterEntry.event == record.id)
            & (RegisterEntry.symbol == options.symbol)
        )
        .order_by(RegisterEntry.day.desc(), RegisterEntry.number.desc(), Attachment.id.desc())
    )
    # The number asked for as the register reads it: "01/GM-TVQG", "01" and "1" are its number 1.
    asked = numbering.wanted(options.number, options.symbol)  # None, or "next" (no number): the newest
    wanted = asked.number if asked is not None else None
    scans = [row for row in query if row.original_name.lower().endswith(".pdf")]
    chosen = next((row for row in scans if row.register_entry.number == wanted), scans[0] if scans else None)
    if chosen is None:
        return None
    path = attachment_files.file_of(attachment_files.find(record.id, chosen.id))
    try:
        return path.read_bytes()
    except OSError as error:
        raise UserError(
            _("The signed scan {name} cannot be read: {reason}").format(name=chosen.original_name,
                                                                         reason=error.strerror)
        ) from None


def plan(event_id: int, options: InvitationOptions) -> MailPlan:
    """Who would be sent what: the guests in the chosen states, in order of precedence, with their address."""
    record = event_reading.load_record(event_id)
    entries = guest_list.guest_list(event_id, options.states)
    contacts = address_book.contacts_of([entry.person_id for entry in entries if entry.person_id is not None])
    sent = dict(Guest.select(Guest.id, Guest.invitation_sent_at).where(Guest.event == event_id).tuples())
    outgoing, without = [], []
    for entry in entries:
        address = (contacts.get(entry.person_id, (None, None))[0] or "").strip()  # type: ignore[arg-type]
        if "@" not in address:
            without.append(entry.addressed_name)
            continue
        name = f"giay-moi-{entry.precedence:03d}-{photo_files.slug(entry.name, 6)}.pdf"
        outgoing.append(Outgoing(entry, address, name, sent.get(entry.id)))
    return MailPlan(record, outgoing, without)


def _message_template() -> jinja2.Template:
    path = invitations.template_path(MESSAGE_TEMPLATE)
    try:
        return jinja2.Template(path.read_text(encoding="utf-8"), undefined=jinja2.StrictUndefined)
    except (OSError, jinja2.TemplateSyntaxError) as error:
        message = _("The e-mail template {path} cannot be used: {reason}")
        raise UserError(message.format(path=path, reason=error)) from None


def compose(item: Outgoing, record: EventRecord, options: InvitationOptions, mail: MailSettings) -> EmailMessage:
    """The guest's message: the short text of the template, their letter (the signed scan when there is one, else
    the printed PDF) and the event's .ics."""
    letter = invitations.letters(record, [item.guest], options)[0]
    pdf = signed_scan(record, options) or render_as(invitation_document.document(record, [letter], options), ".pdf")
    try:
        subject, _blank, body = _message_template().render(**letter.context).partition("\n")
    except jinja2.UndefinedError as error:
        raise UserError(
            _("The invitation template uses an unknown placeholder: {reason}").format(reason=error.message)
        ) from None
    message = EmailMessage()
    message["Subject"] = subject.strip()
    message["From"] = mail.sender
    message["To"] = email.utils.formataddr((item.guest.addressed_name, item.address))
    message["Date"] = email.utils.formatdate(localtime=True)
    message["Message-ID"] = email.utils.make_msgid(domain=mail.sender.rsplit("@", 1)[-1])
    message.set_content(body.strip() + "\n")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=item.file_name)
    # The guest is outside the library: their calendar says what the public calendar says, never the description or
    # notes, which may be internal.
    calendar = ics.build_calendar([public_record(record)]).to_ical().decode("utf-8")  # text, sent as UTF-8
    message.add_attachment(calendar, subtype="calendar", filename="su-kien.ics")
    return message


def _record_sent(item: Outgoing, moment: dt.datetime) -> None:
    """The guest was sent their invitation: when, where, which file; a guest still to invite is now invited (by
    e-mail). Written whatever a colleague changed meanwhile (these columns are only ever set here)."""
    values: dict = {
        "invitation_sent_at": moment,
        "invitation_sent_to": item.address,
        "invitation_sent_file": item.file_name,
    }
    with guard.database_errors(), database.database_proxy.atomic():
        state = Guest.select(Guest.state).where(Guest.id == item.guest.id).scalar()
        if state == "to_invite":
            values.update(state="invited", invited_on=moment.date(), invited_by="email")
        versioned.write(Guest, item.guest.id, None, values)  # type: ignore[arg-type]


def refuse_resending(mail_plan: MailPlan) -> None:
    """Refuse to send a second time to guests already sent their invitation (the caller asks first)."""
    count = len(mail_plan.already_sent)
    if count:
        raise UserError(
            ngettext(
                "{count} guest was already sent the invitation by e-mail; send again only when asked to (--resend).",
                "{count} guests were already sent the invitation by e-mail; send again only when asked to (--resend).",
                count,
            ).format(count=count)
        )


def send(
    mail_plan: MailPlan,
    options: InvitationOptions,
    mail: MailSettings,
    connection: smtplib.SMTP,
    *,
    clock: Callable[[], float] = time.monotonic,
    pause: Callable[[float], None] = time.sleep,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> SendReport:
    """Send each planned message on the open `connection`, no faster than `mail.per_minute`."""
    report = SendReport()
    interval = 60.0 / mail.per_minute
    next_at = clock()
    total = len(mail_plan.outgoing)
    for done, item in enumerate(mail_plan.outgoing):
        if is_cancelled is not None and is_cancelled():
            break
        if progress is not None:
            progress(done, total)
        message = compose(item, mail_plan.record, options, mail)
        wait = next_at - clock()
        if wait > 0:
            pause(wait)
        next_at = max(next_at, clock()) + interval
        try:
            connection.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            reason = next(iter(error.recipients.values()), (0, b""))[1]
            report.refused.append((item, _reason_text(reason)))
            continue
        except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as error:
            report.refused.append((item, _reason_text(error.smtp_error)))
            continue
        except (OSError, smtplib.SMTPException) as error:
            raise UserError(
                _("The mail server stopped answering after {count} invitations: {reason}").format(
                    count=len(report.sent), reason=error
                )
            ) from None
        _record_sent(item, dt.datetime.now().replace(microsecond=0))
        report.sent.append(item)
        log.info("invitation of guest %s sent by e-mail", item.guest.id)
    if progress is not None:
        progress(total, total)
    return report


def _reason_text(reason: bytes | str) -> str:
    return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)


def send_invitations(
    event_id: int,
    options: InvitationOptions,
    mail: MailSettings,
    password: str | None,
    *,
    resend: bool = False,
    **sending,
) -> tuple[MailPlan, SendReport]:
    """Plan, refuse a second sending unless `resend`, connect, send (see `send` for `sending`), close."""
    mail_plan = plan(event_id, options)
    if not mail_plan.outgoing:
        raise UserError(
            _("No guest of “{title}” to invite has an e-mail address.").format(title=mail_plan.record.title)
        )
    if not resend:
        refuse_resending(mail_plan)
    connection = mail_settings.connect(mail, password)
    try:
        report = send(mail_plan, options, mail, connection, **sending)
    finally:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            connection.quit()
    return mail_plan, report
