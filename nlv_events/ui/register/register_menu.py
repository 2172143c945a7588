"""File → Register of outgoing documents: the action, with its dialog (register_dialog.py) imported when chosen,
not with the window (the register's services and the printing model are not needed to show the window)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nlv_events.i18n import N_
from nlv_events.ui.shell.actions import register

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow


@register("register", N_("Register of outgoing d&ocuments…"), menu="file", section=5)
def show_register(window: MainWindow) -> None:
    from nlv_events.ui.register.register_dialog import RegisterDialog

    window.register_dialog = RegisterDialog(window, window.selected_year())  # type: ignore[attr-defined]
    window.register_dialog.open()  # type: ignore[attr-defined]
