"""The window's action registry: each action declared once, with its menu, toolbar place, shortcut and icon.

How to add an action
--------------------
Write one function that takes the main window, and register it where your feature lives::

    from nlv_events.i18n import N_
    from nlv_events.ui.shell import actions

    @actions.register("guests", N_("&Guests…"), menu="edit", section=30, shortcut="Ctrl+G", needs_event=True)
    def show_guests(window) -> None:
        GuestsDialog(window.current_event_id(), window).exec()

then import your module once in ``nlv_events/ui/shell/main_actions.py``, beside ``from nlv_events.ui.shell import
file_actions`` (ui/shell/file_actions.py is a complete example).

The window builds its menus and toolbar from the registry: within a menu, actions go in order of ``section`` and
then of registration, with a separator wherever the section changes; ``toolbar`` places the action on the main
toolbar the same way (``None`` keeps it off). ``needs_event`` enables it only while an event
is selected; the text is translated again whenever the language changes. The window keeps each built QAction as
``window.actions[name]`` and as the attribute ``window.<name>_action``.

Menus are "file", "edit", "view" and "help" (see ``MENUS``); a new menu is one more entry there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from nlv_events.i18n import N_, _

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow

Shortcut = str | QKeySequence.StandardKey

MENUS: tuple[tuple[str, str], ...] = (
    ("file", N_("&File")),
    ("edit", N_("&Edit")),
    ("view", N_("&View")),
    ("help", N_("&Help")),
)

# Windows has no icon theme: Qt's own style icons stand in for the freedesktop names.
_STYLE_ICONS = {
    "document-new": QStyle.StandardPixmap.SP_FileIcon,
    "edit-copy": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "edit-delete": QStyle.StandardPixmap.SP_TrashIcon,
    "edit-undo": QStyle.StandardPixmap.SP_ArrowBack,
    "edit-redo": QStyle.StandardPixmap.SP_ArrowForward,
    "document-print": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "view-refresh": QStyle.StandardPixmap.SP_BrowserReload,
    "document-open": QStyle.StandardPixmap.SP_DialogOpenButton,
    "application-exit": QStyle.StandardPixmap.SP_DialogCloseButton,
    "x-year-list": QStyle.StandardPixmap.SP_FileDialogListView,
    "x-tallies": QStyle.StandardPixmap.SP_ComputerIcon,
}


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str  # marked with N_(), translated when shown
    run: Callable[[MainWindow], object]
    menu: str | None
    section: int = 0
    shortcuts: tuple[Shortcut, ...] = ()
    icon: str | None = None
    toolbar: int | None = None
    needs_event: bool = False
    context: Qt.ShortcutContext | None = None
    order: int = 0


REGISTRY: dict[str, ActionSpec] = {}


def register(
    name: str,
    text: str,
    *,
    menu: str | None,
    section: int = 0,
    shortcut: Shortcut | tuple[Shortcut, ...] | None = None,
    icon: str | None = None,
    toolbar: int | None = None,
    needs_event: bool = False,
    context: Qt.ShortcutContext | None = None,
) -> Callable[[Callable[[MainWindow], object]], Callable[[MainWindow], object]]:
    """Declare the action `name` run by the decorated function (see the module's docstring)."""
    if menu is not None and menu not in dict(MENUS):
        raise ValueError(f"unknown menu {menu!r}")
    shortcuts = shortcut if isinstance(shortcut, tuple) else (() if shortcut is None else (shortcut,))

    def decorate(run: Callable[[MainWindow], object]) -> Callable[[MainWindow], object]:
        order = REGISTRY[name].order if name in REGISTRY else len(REGISTRY)
        REGISTRY[name] = ActionSpec(
            name, text, run, menu, section, shortcuts, icon, toolbar, needs_event, context, order
        )
        return run

    return decorate


def _icon(window: MainWindow, name: str) -> QIcon:
    fallback = _STYLE_ICONS.get(name)
    return QIcon.fromTheme(name, window.style().standardIcon(fallback) if fallback else QIcon())


def build(window: MainWindow) -> dict[str, QAction]:
    """Make every registered action for `window`, its menus (window.menus) and the main toolbar's actions."""
    built: dict[str, QAction] = {}
    for spec in sorted(REGISTRY.values(), key=lambda spec: spec.order):
        action = QAction(window)
        action.setObjectName(f"{spec.name}Action")
        if spec.icon:
            action.setIcon(_icon(window, spec.icon))
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(shortcut) for shortcut in spec.shortcuts])
        if spec.context is not None:
            action.setShortcutContext(spec.context)
        action.triggered.connect(lambda _checked=False, run=spec.run: run(window))
        window.addAction(action)
        built[spec.name] = action
        setattr(window, f"{spec.name}_action", action)
    window.menus = {}
    for menu_name, _title in MENUS:
        menu = window.menuBar().addMenu("")
        window.menus[menu_name] = menu
        _fill(menu, [spec for spec in REGISTRY.values() if spec.menu == menu_name], built, "section")
    return built


def fill_toolbar(toolbar: QToolBar, built: dict[str, QAction]) -> None:
    _fill(toolbar, [spec for spec in REGISTRY.values() if spec.toolbar is not None], built, "toolbar")


def _fill(target: QMenu | QToolBar, specs: list[ActionSpec], built: dict[str, QAction], key: str) -> None:
    previous = None
    for spec in sorted(specs, key=lambda spec: (getattr(spec, key), spec.order)):
        group = getattr(spec, key)
        if previous is not None and group != previous:
            target.addSeparator()
        target.addAction(built[spec.name])
        previous = group


def retranslate(window: MainWindow) -> None:
    for menu_name, title in MENUS:
        window.menus[menu_name].setTitle(_(title))
    for name, action in window.actions.items():
        action.setText(_(REGISTRY[name].text))


def update_enabled(window: MainWindow, has_event: bool) -> None:
    for name, action in window.actions.items():
        if REGISTRY[name].needs_event:
            action.setEnabled(has_event)
