"""Questions to the user in one small, patchable place (tests replace these functions)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from nlv_events.core.errors import UserError
from nlv_events.i18n import _

Result = TypeVar("Result")


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(_("Yes"), QMessageBox.ButtonRole.YesRole)
    box.addButton(_("No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def save_discard_cancel(parent: QWidget | None, title: str, question: str) -> str:
    """ "save", "discard" or "cancel"."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, question, QMessageBox.StandardButton.NoButton, parent)
    save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def inform(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def warn(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def unless_refused(parent: QWidget | None, title: str, action: Callable[[], Result]) -> Result | None:
    """What `action` returns; None when it was refused (a UserError: a rule, a colleague's change), after telling
    the user why in a warning — the form keeps what they typed."""
    try:
        return action()
    except UserError as error:
        warn(parent, title, str(error))
        return None


def done_unless_refused(parent: QWidget | None, title: str, action: Callable[[], object]) -> bool:
    """Whether `action`, one that returns nothing (a removal), went through; False when it was refused, after
    telling the user why (unless_refused)."""

    def run() -> bool:
        action()
        return True

    return unless_refused(parent, title, run) is not None
