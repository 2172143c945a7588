"""What the person working may do, for the window to hide or disable the rest and say why.

On a server the role is asked once when the database is opened (`refresh`): the server enforces it anyway, this
only spares a viewer a refusal after typing. On a database file nothing is enforced: everyone may do everything.
"""

from __future__ import annotations

import logging

import peewee

from nlv_events.core import who
from nlv_events.i18n import _
from nlv_events.services.team import roles

# The role each action needs at least; a file (role None) allows them all.
_NEEDS = {"edit": "editor", "restore": "admin", "plan": "admin", "contacts": "editor"}
_RANK = {"viewer": 0, "editor": 1, "admin": 2}

log = logging.getLogger(__name__)
_state: dict[str, str | None] = {"role": None, "user": ""}


def refresh() -> None:
    """Ask the store who is working and in which role (after opening a database). A store that cannot say leaves
    the role unknown (None: nothing disabled; the server still refuses what the role may not do)."""
    try:
        _state["role"] = roles.current_role()
        _state["user"] = who.current_user()
    except (peewee.DatabaseError, peewee.InterfaceError) as error:
        log.warning("the role could not be read: %s", type(error).__name__)
        _state["role"], _state["user"] = None, who.system_user()


def role() -> str | None:
    return _state["role"]


def user() -> str:
    return _state["user"] or ""


def may(action: str) -> tuple[bool, str]:
    """Whether the person may do `action` ("edit", "restore", "plan", "contacts"), and if not, why, in words."""
    current = _state["role"]
    needed = _NEEDS[action]
    if current is None or _RANK[current] >= _RANK[needed]:
        return True, ""
    return False, _("Your role on the shared database is {role}: this needs {needed}. Ask the team's admin.").format(
        role=role_label(current), needed=role_label(needed)
    )


def role_label(name: str) -> str:
    return {"viewer": _("viewer"), "editor": _("editor"), "admin": _("admin")}[name]


def describe() -> str:
    """Who is working, for the status bar: "Lan · editor" on a server, "Lan" on a file."""
    current = _state["role"]
    return user() if current is None else f"{user()} · {role_label(current)}"
