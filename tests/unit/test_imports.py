"""The package's shape, read from the source: imports run one way, no module imports itself round a circle, and
no module or function grows past what one reader takes in.

Every import counts: at the top of a module, inside a function (how the commands and the window keep their start
fast) and under TYPE_CHECKING. The layers, lowest first:

    base      nlv_events (the package's constants), i18n, logs, log_rotation, one_shot: import only base
    core      models, store, rules, text, settings: import only core and base
    printing  the neutral document and its renderers: import only printing, core and base
    services  one package per feature: import only services, printing, core and base
    ui        the Qt widgets: import ui and anything below it; never commands, cli or app
    app       wires the window: imports ui and anything below it; never commands or cli
    commands  one module per feature's sub-commands: import commands and anything below ui; never ui itself. The
              `gui` command reaches the window through app.run_gui, the one door from the command line to Qt
    cli       the parser skeleton and dispatch: imports commands, core (errors, settings, the database's closing) and
              base; the services only through a command, the window only through the `gui` command
    __main__  `python -m nlv_events`: imports cli
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import nlv_events

PACKAGE = Path(nlv_events.__file__).parent
MIGRATIONS = "nlv_events.core.migrations"
MODULE_LINES = 400
FUNCTION_LINES = 80

BASE = {"base"}
ALLOWED: dict[str, set[str]] = {
    "base": BASE,
    "core": BASE | {"core"},
    "printing": BASE | {"core", "printing"},
    "services": BASE | {"core", "printing", "services"},
    "ui": BASE | {"core", "printing", "services", "ui"},
    "app": BASE | {"core", "printing", "services", "ui"},
    "commands": BASE | {"core", "printing", "services", "commands", "app"},
    "cli": BASE | {"core", "commands"},
    "__main__": BASE | {"cli"},
}
LAYER_PACKAGES = ("core", "printing", "services", "ui", "commands")
BASE_MODULES = ("nlv_events", "nlv_events.i18n", "nlv_events.logs", "nlv_events.log_rotation", "nlv_events.one_shot")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def source_files() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@cache
def parsed(name: str) -> ast.Module:
    path = source_files()[name]
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def layer(name: str) -> str:
    parts = name.split(".")
    if name.startswith(BASE_MODULES[1] + ".") or name in BASE_MODULES:
        return "base"
    if len(parts) > 1 and parts[1] in LAYER_PACKAGES:
        return parts[1]
    return parts[1]  # app, cli, __main__


def _known(name: str) -> str | None:
    """The module of ours that `name` names, or the package holding the name imported from it."""
    while name:
        if name in source_files():
            return name
        name = name.rpartition(".")[0]
    return None


def _package_of(name: str) -> str:
    return name if source_files()[name].name == "__init__.py" else name.rpartition(".")[0]


def _targets(name: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
        return
    base = node.module or ""
    if node.level:
        package = _package_of(name).split(".")
        base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
    for alias in node.names:
        yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in source_files() else base


# Where statements nest: an import or a function is a statement, so it is found by walking these alone and never the
# expressions, which are most of a module's nodes (a walk of every node took three times as long).
STATEMENT_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")
Function = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True)
class Statements:
    """What the tests read from one module: its imports, each with whether it sits under `if TYPE_CHECKING:` (a name
    for the type checker that never runs), and its functions."""

    imports: tuple[tuple[ast.Import | ast.ImportFrom, bool], ...]
    functions: tuple[Function, ...]


@cache
def statements(name: str) -> Statements:
    """One walk over the module's statements, wherever they nest: in functions, classes, branches, `try`, `with`."""
    imports: list[tuple[ast.Import | ast.ImportFrom, bool]] = []
    functions: list[Function] = []
    work: list[tuple[ast.AST, bool]] = [(statement, False) for statement in reversed(parsed(name).body)]
    while work:
        node, guarded = work.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            imports.append((node, guarded))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(node)
        checking = isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for field in STATEMENT_FIELDS:
            inner = guarded or (checking and field == "body")
            work.extend((child, inner) for child in reversed(getattr(node, field, None) or ()))
    return Statements(tuple(imports), tuple(functions))


@cache
def imports_of(name: str, run_time_only: bool = False) -> frozenset[str]:
    """Every module of ours that `name` imports, wherever in the module the import is written; with
    `run_time_only`, leaving out those under TYPE_CHECKING."""
    found = set()
    for node, under_type_checking in statements(name).imports:
        if run_time_only and under_type_checking:
            continue
        for target in _targets(name, node):
            known = _known(target) if target.startswith("nlv_events") else None
            if known is not None and known != name:
                found.add(known)
    return frozenset(found)


def test_the_walk_sees_imports_inside_functions_and_under_type_checking():
    assert "nlv_events.app" in imports_of("nlv_events.commands.workspace")  # `gui`, imported when it runs
    assert "nlv_events.core.database" in imports_of("nlv_events.commands.exhibits")
    assert "nlv_events.ui.shell.main_window" in imports_of("nlv_events.ui.shell.actions")  # under TYPE_CHECKING
    assert "nlv_events.ui.shell.main_window" not in imports_of("nlv_events.ui.shell.actions", run_time_only=True)


def test_every_module_has_its_layer():
    assert {name: layer(name) for name in (
        "nlv_events", "nlv_events.i18n.formats", "nlv_events.core.migrations", "nlv_events.printing.model",
        "nlv_events.services.guests.titles", "nlv_events.ui.shell.main_window", "nlv_events.commands.common",
        "nlv_events.app", "nlv_events.cli", "nlv_events.__main__",
    )} == {
        "nlv_events": "base", "nlv_events.i18n.formats": "base", "nlv_events.core.migrations": "core",
        "nlv_events.printing.model": "printing", "nlv_events.services.guests.titles": "services",
        "nlv_events.ui.shell.main_window": "ui", "nlv_events.commands.common": "commands", "nlv_events.app": "app",
        "nlv_events.cli": "cli", "nlv_events.__main__": "__main__",
    }
    assert set(map(layer, source_files())) <= set(ALLOWED)


def test_imports_run_one_way_down_the_layers():
    wrong = [
        f"{name} ({layer(name)}) imports {target} ({layer(target)})"
        for name in source_files()
        for target in sorted(imports_of(name))
        if layer(target) not in ALLOWED[layer(name)]
    ]
    assert wrong == []


def _strongly_connected(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Tarjan's algorithm, without recursion (the graph is a few hundred modules deep at worst)."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = lowest[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = lowest[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph[successor]))))
                    break
                if successor in on_stack:
                    lowest[node] = min(lowest[node], index[successor])
            else:
                work.pop()
                if work:
                    lowest[work[-1][0]] = min(lowest[work[-1][0]], lowest[node])
                if lowest[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(sorted(component))
    return components


def _parents(name: str) -> set[str]:
    """The packages Python runs before `name`: importing a package's module is not the package importing it."""
    parts = name.split(".")
    return {".".join(parts[:end]) for end in range(1, len(parts))}


def test_no_modules_import_each_other_round_a_circle():
    """A window action takes the window as its argument and names its type for the checker: the action registry
    imports MainWindow under TYPE_CHECKING while the window imports its actions. Such an import never runs, so it
    cannot hand a module over half made; those are left out here and only here (the layers count them)."""
    graph = {name: frozenset(imports_of(name, run_time_only=True) - _parents(name)) for name in source_files()}
    circles = [component for component in _strongly_connected(graph) if len(component) > 1]
    assert circles == []


def test_the_circle_finder_finds_a_circle():
    graph = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}
    assert sorted(map(sorted, _strongly_connected(graph))) == [["a", "b", "c"], ["d"]]


def test_no_module_over_400_lines_nor_function_over_80():
    too_long = []
    for name, path in source_files().items():
        if name.startswith(MIGRATIONS + "."):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MODULE_LINES:
            too_long.append(f"{name}: {lines} lines")
        for function in statements(name).functions:
            length = (function.end_lineno or function.lineno) - function.lineno + 1
            if length > FUNCTION_LINES:
                too_long.append(f"{name}.{function.name} (line {function.lineno}): {length} lines")
    assert too_long == []
