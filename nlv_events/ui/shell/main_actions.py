"""The main window's actions, one function each (menus and toolbar are built from these; see ui/shell/actions.py).

The features' own actions register in their modules, imported here once: file_actions (import, export, backups,
settings, help), the guests' printouts (ui/guests/printing_menu.py) and the Plan menu (ui/planning/plan_menu.py).
The editor's tabs of other features are named here too, in `_import_editor_tabs`, imported when the first editor
is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from nlv_events import i18n
from nlv_events.i18n import N_
from nlv_events.ui.events import (
    editor_tabs,
    list_import,  # noqa: F401 - registers File → Import an event list
)
from nlv_events.ui.guests import printing_menu  # noqa: F401 - registers the guests' printouts in the File menu
from nlv_events.ui.planning import plan_menu  # noqa: F401 - registers the Plan menu
from nlv_events.ui.register import register_menu  # noqa: F401 - registers the register of outgoing documents
from nlv_events.ui.reports import site_export  # noqa: F401 - registers File → Export the calendar for the website
from nlv_events.ui.shell import file_actions  # noqa: F401 - registers import, export, backups, settings and help
from nlv_events.ui.shell.actions import register, register_call
from nlv_events.ui.tasks import tasks_menu  # noqa: F401 - registers the tasks' actions

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow

Key = QKeySequence.StandardKey


def _import_editor_tabs() -> None:
    """The editor's tabs of other features, in the order they show: imported when the first editor is built, not
    with the window, whose start would load their services for nothing (issue #35)."""
    from nlv_events.ui.attachments import attachments_tab  # noqa: F401 - registers the Attachments tab
    from nlv_events.ui.press import press_tab  # noqa: F401 - registers the Press coverage tab
    from nlv_events.ui.tasks import tasks_tab  # noqa: F401 - registers the Tasks tab
    from nlv_events.ui.team import history_tab  # noqa: F401 - registers the History tab


editor_tabs.register_tabs_later(_import_editor_tabs)

# --- File ------------------------------------------------------------------------------------------------------

register_call(
    "print", N_("&Print programme…"), "print_programme", "a4",
    menu="file", shortcut=Key.Print, icon="document-print", toolbar=30, needs_event=True,
)  # fmt: skip
register_call(
    "booklet", N_("Print programme as a &booklet…"), "print_programme", "booklet",
    menu="file", shortcut="Ctrl+Shift+P", needs_event=True,
)  # fmt: skip
register_call(
    "year_list", N_("&Year-end list…"), "print_year_list",
    menu="file", shortcut="Ctrl+L", icon="x-year-list", toolbar=30,
)  # fmt: skip
register_call(
    "tallies", N_("&Tallies…"), "show_tallies", menu="file", shortcut="Ctrl+T", icon="x-tallies", toolbar=30
)
register_call("demo", N_("Load &demo data (year 2022)"), "load_demo", menu="file", section=10)
register_call("remove_sample", N_("&Remove sample data…"), "remove_sample_data", menu="file", section=10)
register_call("quit", N_("&Quit"), "close", menu="file", section=90, shortcut=Key.Quit, icon="application-exit")

# --- Edit ------------------------------------------------------------------------------------------------------

# A conflict with a colleague's later save is told by the window, not raised.
register_call(
    "undo", N_("&Undo"), "undo_change",
    menu="edit", shortcut=Key.Undo, icon="edit-undo", toolbar=20, enabled=lambda window: window.undo_stack.canUndo(),
)  # fmt: skip
register_call(
    "redo", N_("&Redo"), "redo_change",
    menu="edit", shortcut=("Ctrl+Shift+Z", Key.Redo), icon="edit-redo", toolbar=20,
    enabled=lambda window: window.undo_stack.canRedo(),
)  # fmt: skip
register_call(
    "new", N_("&New event"), "new_event",
    menu="edit", section=10, shortcut=Key.New, icon="document-new", toolbar=10,
)  # fmt: skip


@register(
    "edit", N_("&Open event"),
    menu="edit", section=10, shortcut="Return", icon="document-edit", needs_event=True,
    context=Qt.ShortcutContext.WidgetShortcut,
)  # fmt: skip
def edit_event(window: MainWindow) -> None:
    window.edit_event(window.current_event_id())


register_call(
    "duplicate", N_("D&uplicate"), "duplicate_event",
    menu="edit", section=10, shortcut="Ctrl+D", icon="edit-copy", toolbar=10, needs_event=True,
)  # fmt: skip
register_call(
    "next_year", N_("Duplicate to another &year…"), "duplicate_to_next_year",
    menu="edit", section=10, shortcut="Ctrl+Shift+D", needs_event=True,
)  # fmt: skip
register_call(
    "delete", N_("&Delete"), "delete_event",
    menu="edit", section=20, shortcut=Key.Delete, icon="edit-delete", toolbar=10, needs_event=True,
    context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
)  # fmt: skip
register_call("deleted", N_("Deleted &events…"), "show_deleted_events", menu="edit", section=20)
register_call("venues", N_("&Venues…"), "show_venues", menu="edit", section=30)

# --- View and Help ---------------------------------------------------------------------------------------------

register_call("find", N_("&Find"), "focus_search", menu="view", shortcut=Key.Find, icon="edit-find")
register_call("reload", N_("&Reload"), "reload", menu="view", shortcut="F5", icon="view-refresh")

# Each language by its own name, whatever the language in force; the one in force is ticked.
LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


def _register_language(code: str, name: str) -> None:
    @register(
        f"language_{code}",
        name,
        menu="view",
        submenu="language",
        checked=lambda _window: i18n.current_language() == code,
        translate=False,
    )
    def use_language(window: MainWindow) -> None:
        window.set_language(code)


for _code, _name in LANGUAGES:
    _register_language(_code, _name)
