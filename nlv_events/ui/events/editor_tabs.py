"""The editor's registered tabs: what `event_editor.register_tab` adds to every editor (see event_editor.py)."""

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


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # marked with N_()
    create: Callable[[EventEditor], QWidget]
    kinds: frozenset[str] | None = None


EDITOR_TABS: list[TabSpec] = []


def register_tab(key: str, title: str, create: Callable[[EventEditor], QWidget], kinds: set[str] | None = None) -> None:
    """Add a tab to every editor opened from now on (see ui/events/event_editor.py's docstring)."""
    EDITOR_TABS[:] = [spec for spec in EDITOR_TABS if spec.key != key]
    EDITOR_TABS.append(TabSpec(key, title, create, frozenset(kinds) if kinds is not None else None))
