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
    # One parser with the action as its first word, so that --db and --lang may come anywhere after it.
    users.add_argument("action", choices=("init", "list", "add", "role", "remove"),
                       help="init: the roles and their grants (the tables' owner); list; add LOGIN; role LOGIN ROLE; "
                            "remove LOGIN")
    users.add_argument("name", nargs="?", metavar="LOGIN")
    users.add_argument("new_role", nargs="?", choices=ROLES, metavar="ROLE")
    users.add_argument("--role", choices=ROLES, default="editor", help="the role of a login added (default editor)")
    users.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line of standard input"
    )
    return {"users": _command_users}


def _command_users(arguments: argparse.Namespace) -> int:
    from nlv_events.commands.common import open_named_database
    from nlv_events.services.team import roles

    action = arguments.action
    if action in ("add", "role", "remove") and not arguments.name:
        raise UserError(_("Name the login: nlv-events users {action} LOGIN").format(action=action))
    if action == "role" and not arguments.new_role:
        raise UserError(_("Name the role: nlv-events users role LOGIN viewer|editor|admin"))
    open_named_database(arguments)
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
        roles.set_role(arguments.name, arguments.new_role)
        print(_("Login “{name}” is now {role}.").format(name=arguments.name, role=arguments.new_role))
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
