"""The sub-commands of `nlv-events`, one module per feature area; cli.py only parses, dispatches and reports errors.

Two shapes of module live here:
- the core's (events, reports, workspace) declare `PARSERS` (command name -> function adding its sub-parser) and
  `HANDLERS` (command name -> handler). `CORE_COMMANDS` names the module of each, in the order `nlv-events --help`
  lists them, so that a command line naming a core command imports that one module and builds that one parser;
- a feature area's (exhibits, guests, media, planning…) defines `register(commands, common) -> dict[str, handler]`:
  it adds its sub-parsers to `commands` (with `parents=[common]` for --db and --lang) and returns the handlers by
  command name. They are found at run time, in the order of their names, after the core's; a new feature adds a
  module and nothing else.
Every module imports its services lazily inside the handlers, so `nlv-events --version` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

Handler = Callable[[argparse.Namespace], int]

CORE_COMMANDS: dict[str, str] = {
    "gui": "workspace",
    "demo": "workspace",
    "import": "events",
    "export": "events",
    "events": "events",
    "tallies": "reports",
    "ics": "reports",
    "programme": "reports",
    "year-report": "reports",
    "backup": "workspace",
    "restore": "workspace",
    "check": "workspace",
}
SHARED_MODULES = frozenset({"common"})  # what the commands share; no commands of its own


def register_core(name: str, commands, common: argparse.ArgumentParser) -> Handler:
    """Add the core command `name`'s sub-parser; its handler."""
    module = importlib.import_module(f"{__name__}.{CORE_COMMANDS[name]}")
    module.PARSERS[name](commands, common)
    return module.HANDLERS[name]


def register_all(commands, common: argparse.ArgumentParser) -> dict[str, Handler]:
    """Every command: the core's in their order, then each feature area's."""
    import pkgutil

    handlers = {name: register_core(name, commands, common) for name in CORE_COMMANDS}
    skipped = SHARED_MODULES | set(CORE_COMMANDS.values())
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if module_info.name not in skipped:
            module = importlib.import_module(f"{__name__}.{module_info.name}")
            handlers.update(module.register(commands, common))
    return handlers
