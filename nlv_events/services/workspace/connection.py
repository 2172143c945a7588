"""The database connection as the window's threads see it: which file by default, and closing a worker's own."""

from __future__ import annotations

from pathlib import Path

from nlv_events.core.database import default_database_path
from nlv_events.core.models import database_proxy


def close_thread_connection() -> None:
    """peewee keeps one connection per thread: a worker's must not outlive its thread."""
    database = database_proxy.obj
    if database is not None and not database.is_closed():
        database.close()


def default_database_file() -> Path:
    """The database used when neither --db nor the environment names one."""
    return default_database_path()


# libpq's modes (https://www.postgresql.org/docs/current/libpq-ssl.html): verify-full checks the server's
# certificate and name against the CA file, which a shared database reached over the office network should use.
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


def with_tls(target: str, sslmode: str, ca_file: str) -> str:
    """A PostgreSQL address with the settings' TLS choice (`sslmode`, the CA file as `sslrootcert`) added where the
    address does not say its own; a file, or empty settings, as it is. UserError for a mode libpq does not know or
    a CA file that is not there."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    from nlv_events.core.errors import UserError
    from nlv_events.i18n import _

    sslmode, ca_file = sslmode.strip(), ca_file.strip()
    if not target.startswith(("postgres://", "postgresql://")) or not (sslmode or ca_file):
        return target
    if sslmode and sslmode not in SSL_MODES:
        raise UserError(
            _("Unknown TLS mode “{mode}”: use one of {modes}.").format(mode=sslmode, modes=", ".join(SSL_MODES))
        )
    if ca_file and not Path(ca_file).expanduser().is_file():
        raise UserError(_("The CA certificate file {path} is not there.").format(path=ca_file))
    parts = urlsplit(target)
    query = dict(parse_qsl(parts.query))
    if sslmode:
        query.setdefault("sslmode", sslmode)
    if ca_file:
        query.setdefault("sslrootcert", str(Path(ca_file).expanduser()))
    return urlunsplit(parts._replace(query=urlencode(query)))
