"""How invitations leave by e-mail: the SMTP settings (core/settings.py, "mail.*") and the password, which lives in
the system's keyring (Windows Credential Manager, the Secret Service) and never in the settings file or a log."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass

from nlv_events.core.errors import UserError
from nlv_events.core.settings import Settings, current_settings
from nlv_events.i18n import _

KEYRING_SERVICE = "NLV Events mail"
SECURITIES = ("none", "starttls", "ssl")


@dataclass(frozen=True)
class MailSettings:
    server: str
    port: int
    security: str  # one of SECURITIES
    login: str
    sender: str
    per_minute: int

    @property
    def account(self) -> str:
        """The keyring's name for the password: the login at the server."""
        return f"{self.login}@{self.server}"


def _number(settings: Settings, key: str, low: int, high: int) -> int:
    text = settings.get(key).strip()
    if not text.isdigit() or not low <= int(text) <= high:
        raise UserError(
            _("The setting {key} is “{value}”: give a whole number from {low} to {high}.").format(
                key=key, value=text, low=low, high=high
            )
        )
    return int(text)


def mail_settings(settings: Settings | None = None) -> MailSettings:
    """The mail settings, checked: a server and a sender are needed, the port and rate are numbers."""
    settings = settings or current_settings()
    server, sender = settings.get("mail.server").strip(), settings.get("mail.sender").strip()
    security = settings.get("mail.security").strip().lower()
    if not server:
        raise UserError(_("Set the mail server (mail.server) before sending invitations by e-mail."))
    if "@" not in sender:
        raise UserError(_("Set the sender's address (mail.sender) before sending invitations by e-mail."))
    if security not in SECURITIES:
        raise UserError(
            _("The setting mail.security is “{value}”: use none, starttls or ssl.").format(value=security)
        )
    return MailSettings(
        server=server,
        port=_number(settings, "mail.port", 1, 65535),
        security=security,
        login=settings.get("mail.login").strip(),
        sender=sender,
        per_minute=_number(settings, "mail.per_minute", 1, 600),
    )


def store_password(mail: MailSettings, password: str) -> None:
    """Keep the mail password in the system's keyring, under the login at the server."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, mail.account, password)
    except KeyringError as error:
        raise UserError(_("The system's keyring refused the password: {reason}").format(reason=error)) from None


def stored_password(mail: MailSettings) -> str | None:
    """The password kept for this login, or None (none kept, or no keyring on this system)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, mail.account)
    except KeyringError:
        return None


def connect(mail: MailSettings, password: str | None, timeout: float = 30) -> smtplib.SMTP:
    """An open, logged-in connection to the mail server; its refusal is a UserError naming the server (never the
    password)."""
    context = ssl.create_default_context()
    try:
        if mail.security == "ssl":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(mail.server, mail.port, timeout=timeout, context=context)
        else:
            connection = smtplib.SMTP(mail.server, mail.port, timeout=timeout)
            if mail.security == "starttls":
                connection.starttls(context=context)
        if mail.login:
            if not password:
                connection.close()
                raise UserError(
                    _("No password is kept for {account}: give it first (nlv-events mail-password).").format(
                        account=mail.account
                    )
                )
            connection.login(mail.login, password)
    except smtplib.SMTPAuthenticationError:
        raise UserError(_("The mail server {server} refused the login {login}.").format(
            server=mail.server, login=mail.login)) from None
    except (OSError, smtplib.SMTPException) as error:
        raise UserError(
            _("Cannot reach the mail server {server}:{port}: {reason}").format(
                server=mail.server, port=mail.port, reason=error
            )
        ) from None
    return connection
