"""The window's action registry: each action declared once, with its menu, toolbar place, shortcut and icon.

How to add an action
--------------------
Write one function that takes the main window, and register it where your feature lives::

    from nlv_events.i18n import N_
    from nlv_events.ui.shell import actions

    @actions.register("guests", N_("&Guests…"), menu="edit", section=30, shortcut="Ctrl+G", needs_event=True)
    def show_guests(window) -> None:
        GuestsDialog(window.current_event_id(), window).exec()

An action that only calls one of the window's methods is one line:
``actions.register_call("venues", N_("&Venues…"), "show_venues", menu="edit", section=30)``.

Then import your module once in ``nlv_events/ui/shell/main_actions.py``, beside ``from nlv_events.ui.shell import
file_actions`` (ui/shell/file_actions.py is a complete example).

The window builds its menus and toolbar from the registry: within a menu, actions go in order of ``section`` and
then of registration, with a separator wherever the section changes; ``toolbar`` places the action on the main
toolbar the same way (``None`` keeps it off). ``needs_event`` enables it only while an event
is selected; the text is translated again whenever the language changes. The window keeps each built QAction as
``window.actions[name]`` and as the attribute ``window.<name>_action``.

Menus are "file", "edit", "view", "plan" and "help" (see ``MENUS``); a new menu is one more entry there, a
submenu one more entry in ``SUBMENUS``. ``before="tallies"`` puts an action just before another of its menu (the
guests' printouts sit before Tallies although their module registers later). ``enabled`` is any other enabled rule
(the window evaluates every rule in ``update_enabled`` whenever the selection or the undo stack changes);
``checked`` makes the action checkable, exclusive within its submenu, ticked where the rule holds. ``translate=False``
keeps a text as written (a language's own name).

This is the only module that makes a QAction (tests/unit/test_ui_rules.py checks it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from nlv_events.i18n import N_, _

if TYPE_CHECKING:
    from nlv_events.ui.shell.main_window import MainWindow

Shortcut = str | QKeySequence.StandardKey

MENUS: tuple[tuple[str, str], ...] = (
    ("file", N_("&File")),
    ("edit", N_("&Edit")),
    ("view", N_("&View")),
    ("plan", N_("P&lan")),
    ("help", N_("&Help")),
)
SUBMENUS: dict[str, str] = {"language": N_("&Language")}

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
    before: str | None = None
    submenu: str | None = None
    enabled: Callable[[MainWindow], bool] | None = None
    checked: Callable[[MainWindow], bool] | None = None
    translate: bool = True

    def is_enabled(self, window: MainWindow) -> bool:
        if self.needs_event and window.current_event_id() is None:
            return False
        return self.enabled is None or self.enabled(window)


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
    before: str | None = None,
    submenu: str | None = None,
    enabled: Callable[[MainWindow], bool] | None = None,
    checked: Callable[[MainWindow], bool] | None = None,
    translate: bool = True,
) -> Callable[[Callable[[MainWindow], object]], Callable[[MainWindow], object]]:
    """Declare the action `name` run by the decorated function (see the module's docstring)."""
    if menu is not None and menu not in dict(MENUS):
        raise ValueError(f"unknown menu {menu!r}")
    if submenu is not None and submenu not in SUBMENUS:
        raise ValueError(f"unknown submenu {submenu!r}")
    shortcuts = shortcut if isinstance(shortcut, tuple) else (() if shortcut is None else (shortcut,))

    def decorate(run: Callable[[MainWindow], object]) -> Callable[[MainWindow], object]:
        order = REGISTRY[name].order if name in REGISTRY else len(REGISTRY)
        REGISTRY[name] = ActionSpec(
            name, text, run, menu, section, shortcuts, icon, toolbar, needs_event, context, order,
            before, submenu, enabled, checked, translate,
        )  # fmt: skip
        return run

    return decorate


def register_call(name: str, text: str, method: str, *arguments: object, **options) -> None:
    """Declare the action `name` that calls the window's own `method` (with `arguments`): most of the window's
    actions are that one call, declared in one line each (ui/shell/main_actions.py)."""

    def run(window: MainWindow) -> object:
        return getattr(window, method)(*arguments)

    run.__name__ = method
    register(name, text, **options)(run)


def _icon(window: MainWindow, name: str) -> QIcon:
    fallback = _STYLE_ICONS.get(name)
    return QIcon.fromTheme(name, window.style().standardIcon(fallback) if fallback else QIcon())


def build(window: MainWindow) -> dict[str, QAction]:
    """Make every registered action for `window`, its menus (window.menus) and the main toolbar's actions."""
    built: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in sorted(REGISTRY.values(), key=lambda spec: spec.order):
        action = _make(window, spec)
        if spec.checked is not None:
            group = groups.get(spec.submenu or spec.menu or "")
            if group is None:
                group = groups[spec.submenu or spec.menu or ""] = QActionGroup(window)
                group.setExclusive(True)
            group.addAction(action)
        built[spec.name] = action
        setattr(window, f"{spec.name}_action", action)
    window.menus = {}
    for menu_name, _title in MENUS:
        menu = window.menuBar().addMenu("")
        menu.setObjectName(f"{menu_name}Menu")
        window.menus[menu_name] = menu
        _fill(menu, [spec for spec in REGISTRY.values() if spec.menu == menu_name], built, "section", window)
    return built


def _make(window: MainWindow, spec: ActionSpec) -> QAction:
    action = QAction(window)
    action.setObjectName(f"{spec.name}Action")
    if spec.icon:
        action.setIcon(_icon(window, spec.icon))
    if spec.shortcuts:
        action.setShortcuts([QKeySequence(shortcut) for shortcut in spec.shortcuts])
    if spec.context is not None:
        action.setShortcutContext(spec.context)
    if spec.checked is not None:
        action.setCheckable(True)
        action.setChecked(spec.checked(window))
    if not spec.translate:
        action.setText(spec.text)
    action.triggered.connect(lambda _checked=False, run=spec.run: run(window))
    window.addAction(action)
    return action


def fill_toolbar(toolbar: QToolBar, built: dict[str, QAction]) -> None:
    _fill(toolbar, [spec for spec in REGISTRY.values() if spec.toolbar is not None], built, "toolbar")


def _placed(specs: list[ActionSpec], key: str) -> list[ActionSpec]:
    """`specs` in order of `key` then registration, each one with `before` moved just before the action it names."""
    ordered = sorted(specs, key=lambda spec: (getattr(spec, key), spec.order))
    staying = {spec.name for spec in ordered if spec.before is None}
    placed = [spec for spec in ordered if spec.before not in staying]
    for spec in ordered:
        if spec.before in staying:
            placed.insert(next(at for at, other in enumerate(placed) if other.name == spec.before), spec)
    return placed


def _fill(
    target: QMenu | QToolBar,
    specs: list[ActionSpec],
    built: dict[str, QAction],
    key: str,
    window: MainWindow | None = None,
) -> None:
    previous = None
    submenus: dict[str, QMenu] = {}
    for spec in _placed(specs, key):
        group = getattr(spec, key)
        if previous is not None and group != previous:
            target.addSeparator()
        previous = group
        if spec.submenu is None or window is None or not isinstance(target, QMenu):
            target.addAction(built[spec.name])
            continue
        if spec.submenu not in submenus:
            submenus[spec.submenu] = window.menus[spec.submenu] = target.addMenu("")
        submenus[spec.submenu].addAction(built[spec.name])


def retranslate(window: MainWindow) -> None:
    """Every menu's and action's text in the language in force, and each checkable action ticked by its rule."""
    for menu_name, title in (*MENUS, *SUBMENUS.items()):
        window.menus[menu_name].setTitle(_(title))
    for name, action in window.actions.items():
        spec = REGISTRY[name]
        if spec.translate:
            action.setText(_(spec.text))
        if spec.checked is not None:
            action.setChecked(spec.checked(window))


def update_enabled(window: MainWindow) -> None:
    """Enable each action by its rule (an event selected, something to undo, …)."""
    for name, action in window.actions.items():
        spec = REGISTRY[name]
        if spec.needs_event or spec.enabled is not None:
            action.setEnabled(spec.is_enabled(window))
