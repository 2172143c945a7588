"""The user's settings, declared once as data and kept in a JSON file in the user's configuration folder."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from nlv_events import APP_NAME, ORGANISATION_NAME
from nlv_events.i18n import N_


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    description: str


SETTINGS: tuple[Setting, ...] = (
    Setting("language", "vi", N_("Interface language (vi or en)")),
    Setting("organisation.parent", "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", N_("Parent body, printed top left")),
    Setting("organisation.name", "THƯ VIỆN QUỐC GIA VIỆT NAM", N_("Library, printed under the parent body")),
    Setting("organisation.city", "Hà Nội", N_("City of the place-and-date line")),
    Setting("organisation.parent_en", "MINISTRY OF CULTURE, SPORTS AND TOURISM", N_("Parent body in English")),
    Setting("organisation.name_en", "NATIONAL LIBRARY OF VIETNAM", N_("Library in English")),
    Setting("organisation.city_en", "Hanoi", N_("City in English")),
    Setting("documents.programme_symbol", "CTr-TVQG", N_("Symbol after a programme's number")),
    Setting("documents.report_symbol", "BC-TVQG", N_("Symbol of the report the year-end list is attached to")),
    Setting("documents.schedule_symbol", "LCT-TVQG", N_("Symbol after the week's work schedule's number")),
    Setting("documents.authority", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", N_("Signing authority (lines separated by /)")),
    Setting("documents.signer", "", N_("Name of the signer")),
    Setting("documents.recipients", "Như trên; Lưu: VT, VP", N_("Recipients (Nơi nhận), separated by ;")),
    Setting("documents.preparer", "", N_("Name under Người lập biểu on the year-end list")),
    # Issue #30: on a database file the change history names people by this; on a server, by their login.
    Setting("user.name", "", N_("Your name in the change history of a database file (empty: your system user name; "
                                "on a PostgreSQL server your login is used, and roles are enforced only there)")),
    Setting("register.shared_series", "0",
            N_("Register numbers: one numbering for every kind of document (1) or one per kind (0)")),
    Setting("attachments.max_mb", "50", N_("Largest file that can be attached to an event, in megabytes")),
    Setting("database", "", N_("Database file or PostgreSQL URL (empty: the default file)")),
    # Issue #30: TLS to a shared server, added to its address unless the address says its own.
    Setting("database.sslmode", "", N_("TLS to the PostgreSQL server: disable, prefer, require, verify-ca or "
                                       "verify-full (empty: the server's default)")),
    Setting("database.ca_file", "", N_("CA certificate file that signed the PostgreSQL server's certificate")),
    Setting("backups.folder", "", N_("Backups folder (empty: beside the database)")),
    Setting("media.folder", "", N_("Photos folder (empty: beside the database file; required for PostgreSQL)")),
    Setting("news.author", "", N_('Author of the news items, for the credit line "Tin: …"')),
    Setting("invitations.leader_groups", "1",
            N_("How many guest groups, from the top of the order of protocol, are superiors whose letters say "
               "“tới dự và chỉ đạo”")),
    # Invitations sent by e-mail (services/guests/invitation_mail.py); the password is in the system's keyring.
    Setting("mail.server", "", N_("Outgoing mail server (SMTP) for invitations sent by e-mail")),
    Setting("mail.port", "587", N_("Port of the mail server")),
    Setting("mail.security", "starttls", N_("Security of the mail connection: none, starttls or ssl")),
    Setting("mail.login", "", N_("Login on the mail server (empty: none)")),
    Setting("mail.sender", "", N_("Sender address of the invitations")),
    Setting("mail.per_minute", "20", N_("Most invitations sent in a minute")),
)
DEFAULTS = {setting.key: setting.default for setting in SETTINGS}
SETTINGS_FILENAME = "settings.json"


def settings_path() -> Path:
    return platformdirs.user_config_path(APP_NAME, ORGANISATION_NAME) / SETTINGS_FILENAME


class Settings:
    """Values by key, falling back to the declared defaults; unknown keys in the file are ignored."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self._values: dict[str, str] = {}
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}  # a missing or damaged file means the defaults; it is rewritten on the next save
        if isinstance(stored, dict):
            self._values = {key: str(value) for key, value in stored.items() if key in DEFAULTS}

    def get(self, key: str) -> str:
        return self._values.get(key, DEFAULTS[key])

    def set(self, key: str, value: str) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._values[key] = value

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".part")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(self._values, stream, ensure_ascii=False, indent=2)
        os.replace(temporary, self.path)
        _forget(self.path)


_current: Settings | None = None


def current_settings() -> Settings:
    """The process's settings: read from the file once, read again only after a save.

    The settings dialog saves; whatever saves a Settings makes the next call read the file it wrote. A change of
    configuration folder (tests point it elsewhere) reads the new folder's file.
    """
    global _current
    path = settings_path()
    if _current is None or _current.path != path:
        _current = Settings(path)
    return _current


def _forget(path: Path) -> None:
    global _current
    if _current is not None and _current.path == path:
        _current = None
