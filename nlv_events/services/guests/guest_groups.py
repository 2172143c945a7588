"""The editable guest groups (Lãnh đạo Bộ, Báo chí …) in their order of protocol."""

from __future__ import annotations

from collections.abc import Sequence

from nlv_events.core import guard
from nlv_events.core.errors import UserError
from nlv_events.core.guest_models import GuestGroup
from nlv_events.core.models import database_proxy
from nlv_events.core.settings import current_settings
from nlv_events.core.text import clean, fold
from nlv_events.i18n import _


def groups() -> list[GuestGroup]:
    """The guest groups in order of protocol."""
    return list(GuestGroup.select().order_by(GuestGroup.rank, GuestGroup.id))


def save_groups(names: Sequence[str]) -> None:
    """Make the groups exactly `names`, in that order: kept groups keep their id (and their guests), new ones are
    added, missing ones removed (their guests keep their place with no group)."""
    cleaned = [clean(name) for name in names if clean(name)]
    if len({fold(name) for name in cleaned}) != len(cleaned):
        raise UserError(_("Two guest groups have the same name; give each group its own name."))
    with guard.database_errors(), database_proxy.atomic():
        existing = {fold(group.name): group for group in GuestGroup.select()}
        kept = set()
        for rank, name in enumerate(cleaned, start=1):
            group = existing.get(fold(name))
            if group is None:
                GuestGroup.create(name=name, rank=rank)
            else:
                GuestGroup.update(name=name, rank=rank).where(GuestGroup.id == group.id).execute()
                kept.add(group.id)
        removed = [group.id for group in existing.values() if group.id not in kept]
        if removed:
            GuestGroup.delete().where(GuestGroup.id.in_(removed)).execute()


def leader_group_count(count: int | None = None) -> int:
    """How many groups from the top of the order of protocol are superiors (the Ministry's and the Party's
    leaders), whose letters say "tới dự và chỉ đạo": `count` when given, else the setting (1: Lãnh đạo Bộ)."""
    if count is None:
        try:
            count = int(current_settings().get("invitations.leader_groups"))
        except ValueError:
            count = 1
    return max(count, 0)


def leader_groups(count: int | None = None) -> list[str]:
    """The names of the superiors' groups: the first `count` (default: the setting) in the order of protocol."""
    return [group.name for group in groups()[: leader_group_count(count)]]


def find_group(name: str | None) -> GuestGroup | None:
    """The group called `name` (ignoring case and accents); None for no name; UserError for an unknown one."""
    if not clean(name):
        return None
    for group in groups():
        if fold(group.name) == fold(name):
            return group
    known = ", ".join(group.name for group in groups())
    raise UserError(_("There is no guest group “{name}”; the groups are: {groups}.").format(name=name, groups=known))
