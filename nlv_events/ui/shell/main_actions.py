"""The main window's actions, one function each (menus and toolbar are built from these; see ui/shell/actions.py).

The features' own actions register in their modules, imported here once: file_actions (import, export, backups,
settings, help), the guests' printouts (ui/guests/printing_menu.py) and the Plan menu (ui/planning/plan_menu.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from nlv_events import i18n
from nlv_events.i18n import N_
from nlv_events.ui.attachments import attachments_tab  # noqa: F401 - registers the editor's Attachments tab
from nlv_events.ui.events import list_import  # noqa: F401 - registers File → Import an event list
from nlv_events.ui.guests import printing_menu  # noqa: F401 - registers the guests' printouts in the File menu
from nlv_events.ui.planning import plan_menu  # noqa: F401 - registers the Plan menu
from nlv_events.ui.press import press_tab  # noqa: F401 - registers the editor's Press coverage tab
from nlv_events.ui.register import register_dialog  # noqa: F401 - registers the register of outgoing documents
from nlv_events.ui.reports import site_export  # noqa: F401 - registers File → Export the calendar for the website
from nlv_events.ui.shell import file_actions  # noqa: F401 - registers import, export, backups, settings and help
from nlv_events.ui.shell.actions import register
from nlv_events.ui.tasks import tasks_menu  # noqa: F401 - registers the tasks' actions and the editor's Tasks tab
from nlv_events.ui.team import history_tab  # noqa: F401 - registers the editor's History tab

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow

Key = QKeySequence.StandardKey

# --- File ------------------------------------------------------------------------------------------------------


@register(
    "print",
    N_("&Print programme…"),
    menu="file",
    shortcut=Key.Print,
    icon="document-print",
    toolbar=30,
    needs_event=True,
)
def print_programme(window: MainWindow) -> None:
    window.print_programme("a4")


@register("booklet", N_("Print programme as a &booklet…"), menu="file", shortcut="Ctrl+Shift+P", needs_event=True)
def print_booklet(window: MainWindow) -> None:
    window.print_programme("booklet")


@register("year_list", N_("&Year-end list…"), menu="file", shortcut="Ctrl+L", icon="x-year-list", toolbar=30)
def print_year_list(window: MainWindow) -> None:
    window.print_year_list()


@register("tallies", N_("&Tallies…"), menu="file", shortcut="Ctrl+T", icon="x-tallies", toolbar=30)
def show_tallies(window: MainWindow) -> None:
    window.show_tallies()


@register("demo", N_("Load &demo data (year 2022)"), menu="file", section=10)
def load_demo(window: MainWindow) -> None:
    window.load_demo()


@register("remove_sample", N_("&Remove sample data…"), menu="file", section=10)
def remove_sample(window: MainWindow) -> None:
    window.remove_sample_data()


@register("quit", N_("&Quit"), menu="file", section=90, shortcut=Key.Quit, icon="application-exit")
def quit_window(window: MainWindow) -> None:
    window.close()


# --- Edit ------------------------------------------------------------------------------------------------------


@register(
    "undo",
    N_("&Undo"),
    menu="edit",
    shortcut=Key.Undo,
    icon="edit-undo",
    toolbar=20,
    enabled=lambda window: window.undo_stack.canUndo(),
)
def undo(window: MainWindow) -> None:
    window.undo_change()  # a conflict with a colleague's later save is told, not raised


@register(
    "redo",
    N_("&Redo"),
    menu="edit",
    shortcut=("Ctrl+Shift+Z", Key.Redo),
    icon="edit-redo",
    toolbar=20,
    enabled=lambda window: window.undo_stack.canRedo(),
)
def redo(window: MainWindow) -> None:
    window.redo_change()


@register("new", N_("&New event"), menu="edit", section=10, shortcut=Key.New, icon="document-new", toolbar=10)
def new_event(window: MainWindow) -> None:
    window.new_event()


@register(
    "edit",
    N_("&Open event"),
    menu="edit",
    section=10,
    shortcut="Return",
    icon="document-edit",
    needs_event=True,
    context=Qt.ShortcutContext.WidgetShortcut,
)
def edit_event(window: MainWindow) -> None:
    window.edit_event(window.current_event_id())


@register(
    "duplicate",
    N_("D&uplicate"),
    menu="edit",
    section=10,
    shortcut="Ctrl+D",
    icon="edit-copy",
    toolbar=10,
    needs_event=True,
)
def duplicate_event(window: MainWindow) -> None:
    window.duplicate_event()


@register(
    "next_year", N_("Duplicate to another &year…"), menu="edit", section=10, shortcut="Ctrl+Shift+D", needs_event=True
)
def duplicate_to_year(window: MainWindow) -> None:
    window.duplicate_to_next_year()


@register(
    "delete",
    N_("&Delete"),
    menu="edit",
    section=20,
    shortcut=Key.Delete,
    icon="edit-delete",
    toolbar=10,
    needs_event=True,
    context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
)
def delete_event(window: MainWindow) -> None:
    window.delete_event()


@register("deleted", N_("Deleted &events…"), menu="edit", section=20)
def show_deleted_events(window: MainWindow) -> None:
    window.show_deleted_events()


@register("venues", N_("&Venues…"), menu="edit", section=30)
def show_venues(window: MainWindow) -> None:
    window.show_venues()


# --- View and Help ---------------------------------------------------------------------------------------------


@register("find", N_("&Find"), menu="view", shortcut=Key.Find, icon="edit-find")
def find(window: MainWindow) -> None:
    window.focus_search()


@register("reload", N_("&Reload"), menu="view", shortcut="F5", icon="view-refresh")
def reload(window: MainWindow) -> None:
    window.reload()


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
