"""ReportLab's paragraph modules imported with two patterns compiled when first used, not as they are imported.

`reportlab.platypus.paragraph` compiles, as it is imported, a case-insensitive pattern for web addresses whose
character classes run over the whole Basic Multilingual Plane (`\\xa1-\\uffff`): Python's `re` folds the case of each
of those 65 000 characters, 25-40 ms of every process that prints, by far the largest part of importing ReportLab's
paragraphs (`python -X importtime`, docs/performance.md, issue #35). ReportLab matches it only to break a web address
that a hyphenating paragraph must split, which most printouts never ask. `reportlab.lib.textsplit`, which it
imports, compiles a pattern over the CJK blocks (2-4 ms) for a wrapping function nothing of ours calls.

`install()` puts a finder before the import system's own that hands those two modules to their own loaders, which
execute them while `re.compile` answers, for those two patterns alone, an object that compiles the pattern the first
time it is used. The modules are otherwise ReportLab's; a ReportLab whose patterns read otherwise is imported exactly
as it comes. (Importing platypus at one place, inside such a swap, would be simpler, but the place would have to
come before every other import of ReportLab, and importing the package for its neutral model alone would then cost
platypus's 60 ms.)
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

# Each module, and how the pattern it may leave for later begins (ReportLab 4-5's `uri_pat`, and textsplit's `rx`).
LEFT_FOR_LATER = {
    "reportlab.platypus.paragraph": "(^(?:[a-z0-9\\.\\-\\+]*)://)",
    "reportlab.lib.textsplit": "([\u2e80-\uffff])",
}
_STARTS = tuple(LEFT_FOR_LATER.values())


class PatternOnFirstUse:
    """A regular expression compiled (by `re.compile`, so into its cache) the first time one of its public
    attributes is read: `pattern.match(text)`, `pattern.sub(…)` behave as the compiled pattern's. It is not an
    `re.Pattern` itself (`isinstance` says no, and `re.sub(pattern, …)` refuses it): ReportLab only calls its
    methods. A copy or a pickle of it is the compiled pattern."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:  # two threads may both compile it: the same pattern either way
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # an unset slot (a copy being made), or a dunder: not the pattern's to answer
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return re.compile, (self._source, self._flags)

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"<pattern {self._source[:30]!r}…, {state}>"


class _CompileSwap:
    """`re.compile` answering a `PatternOnFirstUse` for the patterns of LEFT_FOR_LATER while at least one of their
    modules executes, in any thread, and the real one again once the last has finished (a count, so that two
    modules executing at once in two threads cannot leave it swapped)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._executing = 0
        self._compile_now = re.compile

    def compile_later(self, pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(_STARTS):
            return PatternOnFirstUse(pattern, flags)
        return self._compile_now(pattern, flags)

    def __enter__(self) -> None:
        with self._lock:
            if self._executing == 0:
                self._compile_now = re.compile
                re.compile = self.compile_later
            self._executing += 1

    def __exit__(self, *exception: object) -> None:
        with self._lock:
            self._executing -= 1
            if self._executing == 0:
                re.compile = self._compile_now


_swap = _CompileSwap()


class _Loader:
    """A module's own loader, executing it inside the swap; the finder is told once it has run."""

    def __init__(self, loader: Any, finder: _Finder) -> None:
        self._loader = loader
        self._finder = finder

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._finder.executed(module.__name__)
        with _swap:
            self._loader.exec_module(module)

    def __getattr__(self, name: str) -> Any:  # get_source, is_package, …: the real loader's
        return getattr(self._loader, name)


class _Finder:
    """Finds each of the modules through the finders after it and hands it to `_Loader`; gone from the import system
    once both have been executed (a mere lookup, `importlib.util.find_spec`, uses up nothing)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.waiting = {name for name in LEFT_FOR_LATER if name not in sys.modules}

    def find_spec(self, name: str, path: Sequence[str] | None, target: ModuleType | None = None) -> ModuleSpec | None:
        if name not in self.waiting:
            return None
        for finder in list(sys.meta_path):
            find = getattr(finder, "find_spec", None) if finder is not self else None
            spec = find(name, path, target) if find is not None else None
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _Loader(spec.loader, self)
                return spec
        return None

    def executed(self, name: str) -> None:
        with self._lock:
            self.waiting.discard(name)
            if not self.waiting and self in sys.meta_path:
                sys.meta_path.remove(self)


def install() -> None:
    """Leave ReportLab's two patterns to their first use, in whichever of their modules is not imported yet."""
    if any(isinstance(finder, _Finder) for finder in sys.meta_path):
        return
    finder = _Finder()
    if finder.waiting:
        sys.meta_path.insert(0, finder)
