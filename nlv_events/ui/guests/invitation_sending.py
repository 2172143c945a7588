"""The Guests tab's "Send by e-mail…": each invited guest with an address gets their letter and the event's .ics
(services/guests/invitation_mail.py), sent off the GUI thread under a progress dialog that can stop it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QWidget

from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext
from nlv_events.ui.shell import ask
from nlv_events.ui.shell.workers import BackgroundTask


def _title() -> str:
    return _("Send invitations by e-mail")


def _question(mail_plan) -> str:
    count = len(mail_plan.outgoing)
    lines = [
        ngettext(
            "Send the invitation to {count} guest by e-mail?",
            "Send the invitations to {count} guests by e-mail?",
            count,
        ).format(count=count)
    ]
    again = len(mail_plan.already_sent)
    if again:
        lines.append(
            ngettext(
                "{count} of them was already sent it and will receive it again.",
                "{count} of them were already sent it and will receive it again.",
                again,
            ).format(count=again)
        )
    if mail_plan.without_address:
        lines.append(
            _("Without an e-mail address (their letters go another way): {names}").format(
                names=", ".join(mail_plan.without_address)
            )
        )
    return "\n\n".join(lines)


def _password(parent: QWidget, mail) -> str | None:
    """The kept password, or one asked for now and kept in the system's keyring; None when the user gave none."""
    from nlv_events.services.guests import mail_settings

    if not mail.login:
        return ""
    password = mail_settings.stored_password(mail)
    if password:
        return password
    password, given = QInputDialog.getText(
        parent,
        _title(),
        _("Password of {account} (kept in the system's keyring):").format(account=mail.account),
        QLineEdit.EchoMode.Password,
    )
    if not given or not password:
        return None
    mail_settings.store_password(mail, password)
    return password


def send_by_email(tab) -> None:
    """Ask what to send, confirm (saying who was already sent it), then send in the background."""
    from nlv_events.services.guests import invitation_mail, mail_settings
    from nlv_events.ui.guests.printing_menu import InvitationDialog

    title = _title()
    try:
        mail = mail_settings.mail_settings()
        dialog = InvitationDialog(tab, action=_("Send"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        options = dialog.options()
        mail_plan = invitation_mail.plan(tab.event_id, options)
        if not mail_plan.outgoing:
            raise UserError(_("No guest to invite has an e-mail address."))
        if not ask.confirm(tab, title, _question(mail_plan)):
            return
        password = _password(tab, mail)
    except UserError as error:
        ask.warn(tab, title, str(error))
        return
    if password is None:
        return

    def job(progress, is_cancelled):
        return invitation_mail.send_invitations(
            tab.event_id, options, mail, password, resend=True, progress=progress, is_cancelled=is_cancelled
        )[1]

    tab.mail_task = BackgroundTask(tab, _("Sending the invitations…"), job)
    tab.mail_task.done.connect(lambda report: _finished(tab, report))
    tab.mail_task.error.connect(lambda message: (tab.reload(), ask.warn(tab, title, message)))
    tab.mail_task.cancelled.connect(tab.reload)
    tab.mail_task.start()


def _finished(tab, report) -> None:
    tab.reload()
    count = len(report.sent)
    lines = [
        ngettext("Sent {count} invitation by e-mail.", "Sent {count} invitations by e-mail.", count).format(count=count)
    ]
    for item, reason in report.refused:
        lines.append(
            _("{guest} <{address}> was refused: {reason}").format(
                guest=item.guest.addressed_name, address=item.address, reason=reason
            )
        )
    (ask.warn if report.refused else ask.inform)(tab, _title(), "\n".join(lines))
