"""One language-changed signal: widgets re-translate themselves on it (as Frescobaldi's app.translateUI)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from nlv_events import i18n


class _Hub(QObject):
    language_changed = Signal(str)


_hub: _Hub | None = None


def hub() -> _Hub:
    global _hub
    if _hub is None:
        _hub = _Hub()
    return _hub


def translate_ui(retranslate: Callable[[], object]) -> None:
    """Call `retranslate` now and again whenever the language changes.

    `retranslate` is a method of a QObject (a widget, a model): Qt disconnects it when that object goes. A plain
    Python object would stay connected, and re-translate widgets already deleted."""
    if not isinstance(getattr(retranslate, "__self__", None), QObject):
        raise TypeError("translate_ui takes a method of a QObject")
    retranslate()
    hub().language_changed.connect(retranslate)


def set_language(language: str) -> None:
    """Switch the interface to `language`; every widget that asked re-translates itself."""
    i18n.setup_i18n(language)
    hub().language_changed.emit(language)
