"""The office's staff: the people tasks are given to, each saved through the versioned save."""

from __future__ import annotations

from dataclasses import dataclass

from nlv_events.core import guard, versioned
from nlv_events.core.errors import UserError
from nlv_events.core.models import database_proxy
from nlv_events.core.task_models import Staff
from nlv_events.i18n import _


@dataclass
class StaffRecord:
    name: str
    position: str = ""
    unit: str = ""
    role: str = ""
    login: str = ""
    id: int | None = None
    version: int | None = None


def _record(member: Staff) -> StaffRecord:
    return StaffRecord(member.name, member.position or "", member.unit or "", member.role or "", member.login or "",
                       member.id, member.version)


def members() -> list[StaffRecord]:
    return [_record(member) for member in Staff.select().order_by(Staff.name, Staff.id)]


def by_login(login: str) -> StaffRecord | None:
    """The member of staff whose login is `login` (the team's user accounts), or None."""
    member = Staff.get_or_none(Staff.login == login) if login else None
    return _record(member) if member else None


def by_name(name: str) -> StaffRecord | None:
    wanted = name.strip().casefold()
    return next((member for member in members() if member.name.casefold() == wanted), None)


def save(record: StaffRecord) -> StaffRecord:
    """Store one member (new when without id); ConflictError when a colleague saved them since."""
    name = record.name.strip()
    if not name:
        raise UserError(_("A member of staff needs a name."))
    columns = {"name": name, "position": record.position.strip() or None, "unit": record.unit.strip() or None,
               "role": record.role.strip() or None, "login": record.login.strip() or None}
    with guard.database_errors(), database_proxy.atomic():
        if record.id is None:
            member_id = Staff.insert(**columns).execute()
        else:
            member_id = record.id
            what = _("the member of staff “{name}”").format(name=name)
            versioned.write_or_conflict(Staff, member_id, record.version, columns,
                                        lambda: versioned.conflict_error(what, []))
    return _record(Staff.get_by_id(member_id))


def remove(member_id: int) -> None:
    """Take a member off the list; their tasks stay, without an owner."""
    with guard.database_errors():
        Staff.delete().where(Staff.id == member_id).execute()
