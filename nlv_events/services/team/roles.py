"""The roles a PostgreSQL server enforces: viewer, editor and admin are group roles with grants, so a viewer cannot
change a row even with psql, and an editor may add to the change history but never rewrite it.

- nlv_viewer: reads every table (a guest's e-mail and phone aside: the person table is granted column by column).
- nlv_editor: reads and changes the events and their parts; may only INSERT into (and read) the change history; the
  year's plan targets it only reads.
- nlv_admin: an editor who also sets the plan targets; its logins are made with CREATEROLE, so they add people.

`set_up` (`nlv-events users init`) is run once by the owner of the tables (the login that created the database)
and again after an upgrade that adds tables. A person is a login that is a member of one of the groups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import peewee

from nlv_events.core import guard, guest_models, who
from nlv_events.core.errors import UserError
from nlv_events.core.models import database_proxy
from nlv_events.i18n import _

GROUPS = {"viewer": "nlv_viewer", "editor": "nlv_editor", "admin": "nlv_admin"}
ROLE_NAMES = tuple(GROUPS)
HISTORY_TABLE = "change_history"
# Tables only an admin changes: the year's targets are the head of office's.
ADMIN_TABLES = ("annual_plan",)
# A guest's contacts: personal data a viewer never reads (issue #30), the address their invitation was mailed to
# among them.
PRIVATE_COLUMNS = {"person": ("email", "phone"), "guest": guest_models.CONTACT_COLUMNS}
# A login's name: what psql accepts without quoting, so that IT can type it as it is.
_LOGIN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class Login:
    name: str
    role: str


def _server() -> peewee.PostgresqlDatabase:
    database = database_proxy.obj
    if not isinstance(database, peewee.PostgresqlDatabase):
        raise UserError(
            _("People and roles are kept by a PostgreSQL server; on a database file roles are not enforced.")
        )
    return database


def _execute(sql: str, params: tuple = ()) -> list[tuple]:
    """One statement on the server's own cursor: not through peewee's query log, since a password may be in it."""
    database = _server()
    with guard.database_errors(), database.atomic():
        cursor = database.connection().cursor()
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def set_up() -> None:
    """Create the three groups (when missing) and grant each what it may do on the tables there are now."""
    database = _server()
    tables = [name for name in database.get_tables() if name != "schema_migration"]
    data = [name for name in tables if name != HISTORY_TABLE]
    statements = [
        # Another database on the same server may create a group at the same moment: the second one is a no-op.
        *(
            f"DO $$ BEGIN CREATE ROLE {group} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation "
            "THEN NULL; END $$"
            for group in GROUPS.values()
        ),
        "GRANT USAGE ON SCHEMA public TO nlv_viewer, nlv_editor, nlv_admin",
        "GRANT SELECT ON schema_migration TO nlv_viewer, nlv_editor, nlv_admin",
        f"GRANT SELECT ON {', '.join(_quoted(t) for t in tables)} TO nlv_viewer, nlv_editor",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(_quoted(t) for t in data if t not in ADMIN_TABLES)} "
        "TO nlv_editor",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(ADMIN_TABLES)} TO nlv_admin",
        f"GRANT INSERT ON {HISTORY_TABLE} TO nlv_editor",
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {HISTORY_TABLE} FROM nlv_viewer, nlv_editor, nlv_admin, PUBLIC",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO nlv_editor",
        "GRANT nlv_editor TO nlv_admin",
    ]
    for table, private in PRIVATE_COLUMNS.items():
        if table in tables:
            columns = [column.name for column in database.get_columns(table) if column.name not in private]
            statements += [
                f"REVOKE SELECT ON {table} FROM nlv_viewer",
                f"GRANT SELECT ({', '.join(_quoted(c) for c in columns)}) ON {table} TO nlv_viewer",
            ]
    for statement in statements:
        _execute(statement)


def current_role() -> str | None:
    """What the person connected may do: "viewer", "editor" or "admin"; None on a database file (nothing is
    enforced there). The tables' owner and a superuser are admins; a login in no group is a viewer."""
    database = database_proxy.obj
    if not isinstance(database, peewee.PostgresqlDatabase):
        return None
    (superuser, owner), = database.execute_sql(
        "SELECT rolsuper, pg_has_role(current_user, (SELECT tableowner FROM pg_tables "
        "WHERE schemaname = 'public' AND tablename = 'event'), 'MEMBER') FROM pg_roles WHERE rolname = current_user"
    ).fetchall()
    if superuser or owner:
        return "admin"
    for role in ("admin", "editor"):
        if _member_of(GROUPS[role]):
            return role
    return "viewer"


def _member_of(group: str) -> bool:
    found = _server().execute_sql(
        "SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles WHERE rolname = %s", (group,)
    ).fetchone()
    return bool(found and found[0])


def logins() -> list[Login]:
    """The people of the team: every login in one of the groups, with its highest role, by name."""
    rows = _execute(
        "SELECT member.rolname, array_agg(grp.rolname) FROM pg_auth_members link "
        "JOIN pg_roles member ON member.oid = link.member JOIN pg_roles grp ON grp.oid = link.roleid "
        "WHERE grp.rolname = ANY(%s) AND member.rolcanlogin GROUP BY member.rolname ORDER BY member.rolname",
        (list(GROUPS.values()),),
    )
    order = {group: index for index, group in enumerate(reversed(GROUPS.values()))}
    found = []
    for name, groups in rows:
        best = min(groups, key=lambda group: order[group])
        found.append(Login(name, next(role for role, group in GROUPS.items() if group == best)))
    return found


def _checked_login(name: str) -> str:
    if not _LOGIN.match(name):
        raise UserError(
            _("“{name}” cannot be a login: use small letters without accents, digits and _, up to 63.").format(
                name=name
            )
        )
    return name


def _checked_role(role: str) -> str:
    if role not in GROUPS:
        raise UserError(_("Unknown role “{role}”: use one of {roles}.").format(role=role, roles=", ".join(GROUPS)))
    return role


def add_login(name: str, password: str, role: str) -> None:
    """Create a login with `password` in the group of `role`. The password reaches the server hashed (SCRAM), so
    that neither the server's statement log nor this app's log ever holds it."""
    import psycopg2.extensions

    _checked_login(name)
    _checked_role(role)
    if not password:
        raise UserError(_("A login needs a password."))
    if _execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)):
        raise UserError(_("There is already a login “{name}” on the server.").format(name=name))
    hashed = psycopg2.extensions.encrypt_password(password, name, _server().connection(), "scram-sha-256")
    _execute(f"CREATE ROLE {_quoted(name)} LOGIN PASSWORD %s", (hashed,))
    set_role(name, role)


def set_role(name: str, role: str) -> None:
    """Put a login in the group of `role` (and out of the others); an admin's login may create roles."""
    _checked_role(role)
    _existing(name)
    for other, group in GROUPS.items():
        if other != role:
            _execute(f"REVOKE {group} FROM {_quoted(name)}")
    _execute(f"GRANT {GROUPS[role]} TO {_quoted(name)}")
    _execute(f"ALTER ROLE {_quoted(name)} {'CREATEROLE' if role == 'admin' else 'NOCREATEROLE'}")


def remove_login(name: str) -> None:
    """Drop a login (its saves stay in the history under its name); nobody removes their own."""
    _existing(name)
    if name == who.current_user():
        raise UserError(_("You cannot remove your own login: ask another admin."))
    _execute(f"DROP ROLE {_quoted(name)}")


def _existing(name: str) -> None:
    _checked_login(name)
    if not _execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)):
        raise UserError(_("There is no login “{name}” on the server.").format(name=name))
