"""`nlv-events users`: the team's logins on a PostgreSQL server and their roles (viewer, editor, admin)."""

from __future__ import annotations

import argparse
import getpass
import sys

from nlv_events.core.errors import UserError
from nlv_events.i18n import _

ROLES = ("viewer", "editor", "admin")


def register(commands, common: argparse.ArgumentParser) -> dict:
    users = commands.add_parser(
        "users", parents=[common], help="the team's logins on a PostgreSQL server and their roles (for the admin)"
    )
    actions = users.add_subparsers(dest="users_action", metavar="ACTION", required=True)
    actions.add_parser("init", help="create the roles viewer, editor and admin and their grants (the tables' owner)")
    actions.add_parser("list", help="the logins and their roles")
    add = actions.add_parser("add", help="create a login; its password is asked, never shown")
    add.add_argument("name", metavar="LOGIN")
    add.add_argument("--role", choices=ROLES, default="editor")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line of standard input"
    )
    role = actions.add_parser("role", help="give a login another role")
    role.add_argument("name", metavar="LOGIN")
    role.add_argument("role", choices=ROLES)
    remove = actions.add_parser("remove", help="remove a login (its changes stay in the history)")
    remove.add_argument("name", metavar="LOGIN")
    return {"users": _command_users}


def _command_users(arguments: argparse.Namespace) -> int:
    from nlv_events.commands.common import open_named_database
    from nlv_events.services.team import roles

    open_named_database(arguments)
    action = arguments.users_action
    if action == "init":
        roles.set_up()
        print(_("The roles viewer, editor and admin are ready, with their grants on every table."))
    elif action == "list":
        for login in roles.logins():
            print(f"{login.name}\t{login.role}")
    elif action == "add":
        roles.add_login(arguments.name, _password(arguments), arguments.role)
        print(_("Login “{name}” added as {role}.").format(name=arguments.name, role=arguments.role))
    elif action == "role":
        roles.set_role(arguments.name, arguments.role)
        print(_("Login “{name}” is now {role}.").format(name=arguments.name, role=arguments.role))
    else:
        roles.remove_login(arguments.name)
        print(_("Login “{name}” removed.").format(name=arguments.name))
    return 0


def _password(arguments: argparse.Namespace) -> str:
    """The new login's password: typed twice without echo, or the first line of standard input."""
    if arguments.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(_("Password for {name}: ").format(name=arguments.name))
    if getpass.getpass(_("The same password again: ")) != first:
        raise UserError(_("The two passwords differ; nothing was changed."))
    return first
