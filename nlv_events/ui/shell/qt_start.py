"""Work PySide does at every import once it is loaded, spared where the app has no use for it (issue #35)."""

from __future__ import annotations

import sys
from types import ModuleType

FEATURE_MODULE = "PySide6.support.feature"


def _uses_pyside(module: ModuleType) -> bool:
    """Whether `module` holds anything of PySide6 by name: one of its modules, classes or functions."""
    for value in list(vars(module).values()):
        name = value.__name__ if isinstance(value, ModuleType) else getattr(value, "__module__", None)
        if isinstance(name, str) and name.startswith(("PySide6", "shiboken6")):
            return True
    return False


def skip_feature_source_scan() -> bool:
    """Stop PySide reading the source file of every module imported after it.

    For its optional `from __feature__ import snake_case, true_property`, which this app never uses, PySide marks
    each newly imported module as using PySide or not by reading the module's whole source text and looking for
    "PySide6" in it (`_mod_uses_pyside` in shibokensupport/feature.py): 200 files read when the window starts from
    an installed or checked-out app, a quarter of the CPU time of importing the window's modules. The same mark is
    made here from the names the module holds. Returns whether PySide had the check to replace (a later PySide
    may not: then nothing changes).
    """
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside
    return True
