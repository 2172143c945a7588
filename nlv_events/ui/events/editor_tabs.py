"""The editor's registered tabs: what `register_tab` adds to every editor (see event_editor.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from nlv_events.core.records import EventRecord

if TYPE_CHECKING:
    from nlv_events.ui.events.event_editor import EventEditor


class EditorTab(Protocol):
    def load(self, record: EventRecord) -> None: ...

    def store(self, record: EventRecord) -> None: ...


class StoredEventTab(QWidget):
    """A registered tab that works on the stored event directly, each change saved at once (attachments, press
    coverage): it learns the event when the editor loads the record, and puts nothing back into it. A new event
    has no id yet: `enable(False)` until it is saved."""

    event_id: int | None = None

    def load(self, record: EventRecord) -> None:
        self.event_id = record.id
        self.enable(self.event_id is not None)
        self.reload()

    def store(self, record: EventRecord) -> None:
        """Nothing goes into the record: every change was saved when it was made."""

    def enable(self, stored: bool) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # marked with N_()
    create: Callable[[EventEditor], QWidget]
    kinds: frozenset[str] | None = None


EDITOR_TABS: list[TabSpec] = []
# Imports of the modules that register tabs, run when the first editor is built (see `register_tabs_later`).
_LATER: list[Callable[[], object]] = []


def register_tab(key: str, title: str, create: Callable[[EventEditor], QWidget], kinds: set[str] | None = None) -> None:
    """Add a tab to every editor opened from now on (see ui/events/event_editor.py's docstring)."""
    EDITOR_TABS[:] = [spec for spec in EDITOR_TABS if spec.key != key]
    EDITOR_TABS.append(TabSpec(key, title, create, frozenset(kinds) if kinds is not None else None))


def register_tabs_later(importing: Callable[[], object]) -> None:
    """Run `importing`, which imports modules that register tabs, when the first editor is built instead of now.

    The window names its features' tabs at start (ui/shell/main_actions.py) but needs none of them until an event is
    opened: imported then, their services (attachments, press, history, tasks) no longer load at every start of the
    window (issue #35). The tabs keep the order in which their modules are imported."""
    _LATER.append(importing)


def registered_tabs() -> list[TabSpec]:
    """Every registered tab in order of registration, the modules of `register_tabs_later` imported first."""
    while _LATER:
        _LATER.pop(0)()
    return EDITOR_TABS
