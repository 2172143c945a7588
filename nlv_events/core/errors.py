"""The one exception type for problems a user can cause and fix."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; `str(error)` is a translated message fit to show them."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """An event (or a part of one) breaks a rule of the store; `field` names the field at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ConflictError(UserError):
    """Someone else saved the event since it was opened; `changed` names the fields that differ."""

    def __init__(self, message: str, changed: list[str]) -> None:
        super().__init__(message)
        self.changed = changed


class NothingToRestore(UserError):
    """A restore asked for the version the record is already at: nothing is saved (a restore writes a new version,
    which here would change nothing but the version's number)."""
