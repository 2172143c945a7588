"""`nlv-events invitations ID --send [--dry-run] [--resend]` and `nlv-events mail-password`: invitations by e-mail
(services/guests/invitation_mail.py), the password kept in the system's keyring."""

from __future__ import annotations

import argparse
import getpass
import sys

from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext


def register(commands, common: argparse.ArgumentParser) -> dict:
    commands.add_parser(
        "mail-password", parents=[common], help="keep the mail server's password in the system's keyring"
    )
    return {"mail-password": _command_mail_password}


def _command_mail_password(arguments: argparse.Namespace) -> int:
    from nlv_events.services.guests import mail_settings

    mail = mail_settings.mail_settings()
    if not mail.login:
        raise UserError(_("Set the login on the mail server (mail.login) first."))
    prompt = _("Password of {account}: ").format(account=mail.account)
    password = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise UserError(_("No password was given; nothing was kept."))
    mail_settings.store_password(mail, password)
    print(_("The password of {account} is kept in the system's keyring.").format(account=mail.account))
    return 0


def send(arguments: argparse.Namespace, options) -> int:
    from nlv_events.services.guests import invitation_mail, mail_settings

    if arguments.dry_run:
        return _dry_run(invitation_mail.plan(arguments.event_id, options))
    mail = mail_settings.mail_settings()
    mail_plan, report = invitation_mail.send_invitations(
        arguments.event_id, options, mail, mail_settings.stored_password(mail), resend=arguments.resend
    )
    for item, reason in report.refused:
        sys.stderr.write(
            "nlv-events: "
            + _("{guest} <{address}> was refused: {reason}").format(
                guest=item.guest.addressed_name, address=item.address, reason=reason
            )
            + "\n"
        )
    count = len(report.sent)
    print(ngettext("Sent {count} invitation by e-mail.", "Sent {count} invitations by e-mail.", count).format(
        count=count))
    _without_address(mail_plan.without_address)
    return 1 if report.refused else 0


def _dry_run(mail_plan) -> int:
    from nlv_events.i18n import formats  # Babel: loaded by the command that writes a date, not by every start

    for item in mail_plan.outgoing:
        line = f"{item.guest.addressed_name} <{item.address}>: {item.file_name}"
        if item.sent_at is not None:
            line += " " + _("(sent {moment})").format(moment=formats.format_moment(item.sent_at))
        print(line)
    count = len(mail_plan.outgoing)
    print(ngettext("{count} invitation would be sent; nothing was sent.",
                   "{count} invitations would be sent; nothing was sent.", count).format(count=count))
    _without_address(mail_plan.without_address)
    return 0


def _without_address(names: list[str]) -> None:
    if names:
        print(_("Without an e-mail address (their letters go another way): {names}").format(names=", ".join(names)))
