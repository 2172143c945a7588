"""Sub-commands contributed by feature areas (guests, exhibits, planning, media…), one module each.

Each module here defines `register(commands, common) -> dict[str, handler]`: it adds its sub-parsers to
`commands` (with `parents=[common]` for --db and --lang) and returns the handlers by command name. The modules
import their services lazily inside the handlers, so `nlv-events --version` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable

Handler = Callable[[argparse.Namespace], int]


def register_all(commands, common: argparse.ArgumentParser) -> dict[str, Handler]:
    handlers: dict[str, Handler] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        handlers.update(module.register(commands, common))
    return handlers
