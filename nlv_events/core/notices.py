"""Warnings the user must read that arise deep below whoever shows them: a printout written without some of its
characters, say. The command line prints them on stderr, the window shows them in a message; a service only
tells them here, and never decides how they are shown."""

from __future__ import annotations

from collections.abc import Callable

Listener = Callable[[str], None]
_listeners: list[Listener] = []


def listen(listener: Listener) -> None:
    """Have `listener(message)` called for every warning from now on."""
    if listener not in _listeners:
        _listeners.append(listener)


def stop_listening(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def warn(message: str) -> None:
    """Tell the user `message` (translated already), wherever they are."""
    for listener in list(_listeners):
        listener(message)
