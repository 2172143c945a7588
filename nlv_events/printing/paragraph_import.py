"""ReportLab's paragraph modules imported with two patterns compiled when first used, not as they are imported.

`reportlab.platypus.paragraph` compiles, as it is imported, a case-insensitive pattern for web addresses whose
character classes run over the whole Basic Multilingual Plane (`\\xa1-\\uffff`): Python's `re` folds the case of each
of those 65 000 characters, 25-40 ms of every process that prints, by far the largest part of importing ReportLab's
paragraphs (`python -X importtime`, docs/performance.md, issue #35). ReportLab matches it only to break a web address
that a hyphenating paragraph must split, which most printouts never ask. `reportlab.lib.textsplit`, which it
imports, compiles a pattern over the CJK blocks (2-4 ms) for a wrapping function nothing of ours calls.

`install()` puts a finder before the import system's own that executes those modules with `re.compile` answering,
for those patterns alone, an object that compiles the pattern the first time it is used. The modules are otherwise
ReportLab's, executed by its own loaders; a ReportLab whose patterns read otherwise is imported exactly as it comes.
"""

from __future__ import annotations

import re
import sys
from importlib.machinery import ModuleSpec
from types import ModuleType

# Each module, and how the pattern it may leave for later begins (ReportLab 4-5's `uri_pat`, and textsplit's `rx`).
LEFT_FOR_LATER = {
    "reportlab.platypus.paragraph": "(^(?:[a-z0-9\\.\\-\\+]*)://)",
    "reportlab.lib.textsplit": "([\u2e80-\uffff])",
}


class PatternOnFirstUse:
    """A regular expression compiled (by `re.compile`, so into its cache) the first time any of its attributes is
    read: `pattern.match(text)` behaves as the compiled pattern's."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:  # two threads may both compile it: the same pattern either way
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"<pattern {self._source[:30]!r}…, {state}>"


class _Loader:
    """A module's own loader, executing it with its pattern left to its first use."""

    def __init__(self, loader, pattern_start: str) -> None:
        self._loader = loader
        self._pattern_start = pattern_start

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        compile_now, start = re.compile, self._pattern_start

        def compile_later(pattern, flags=0):
            if isinstance(pattern, str) and pattern.startswith(start):
                return PatternOnFirstUse(pattern, flags)
            return compile_now(pattern, flags)

        re.compile = compile_later
        try:
            self._loader.exec_module(module)
        finally:
            re.compile = compile_now

    def __getattr__(self, name: str):  # get_source, is_package, …: the real loader's
        return getattr(self._loader, name)


class _Finder:
    """Finds each of the modules once, through the finders after it, and hands it to `_Loader`; gone from the import
    system once it has found them all."""

    def __init__(self) -> None:
        self.waiting = {name: start for name, start in LEFT_FOR_LATER.items() if name not in sys.modules}

    def find_spec(self, name: str, path, target=None) -> ModuleSpec | None:
        start = self.waiting.pop(name, None)
        if start is None:
            return None
        if not self.waiting:
            sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None) if finder is not self else None
            spec = find(name, path, target) if find is not None else None
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = _Loader(spec.loader, start)
                return spec
        return None


def install() -> None:
    """Leave ReportLab's two patterns to their first use, in whichever of their modules is not imported yet."""
    if any(isinstance(finder, _Finder) for finder in sys.meta_path):
        return
    finder = _Finder()
    if finder.waiting:
        sys.meta_path.insert(0, finder)
