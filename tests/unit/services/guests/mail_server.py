"""A real SMTP server for the tests (aiosmtpd), in a thread, with a login and an address it refuses."""

from __future__ import annotations

import contextlib
import email
import email.policy
import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage

import keyring
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyring.backend import KeyringBackend

LOGIN = "truyenthong"
PASSWORD = "Mk-Bi-Mat-7431!xq"  # appears in no file and no log
REFUSED = "khach.sai@example.vn"


@dataclass
class Inbox:
    messages: list[tuple[list[str], EmailMessage]] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == REFUSED:
            return "550 5.1.1 Không có hộp thư này"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), parsed))  # type: ignore[arg-type]
        return "250 Message accepted"


def _authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
    valid = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        LOGIN.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=valid)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def mail_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    # The server's own log (every command it reads) is the test's mail server's, not the app's: kept out of the
    # app's log file, which the tests search for the password and the addresses.
    server_log = logging.getLogger("mail.log")
    server_log.propagate = False
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=_authenticate, auth_require_tls=False)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()
        server_log.propagate = True


class MemoryKeyring(KeyringBackend):
    """The system keyring as a test holds it: in memory, set with keyring.set_keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    held = MemoryKeyring()
    keyring.set_keyring(held)
    yield held
    keyring.set_keyring(before)


def mail_settings_for(port: int):
    """The settings file pointing at the test's server (no TLS on localhost), 30 messages a minute."""
    from nlv_events.core.settings import Settings

    settings = Settings()
    for key, value in {
        "mail.server": "127.0.0.1",
        "mail.port": str(port),
        "mail.security": "none",
        "mail.login": LOGIN,
        "mail.sender": "truyenthong@nlv.gov.vn",
        "mail.per_minute": "30",
    }.items():
        settings.set(key, value)
    settings.save()
    return settings
