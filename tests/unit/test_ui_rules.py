"""ui/ keeps its rules: it calls services (no database import), makes QActions only in the registry, stays small."""

from __future__ import annotations

import ast
from pathlib import Path

import nlv_events

UI = Path(nlv_events.__file__).parent / "ui"
REGISTRY_MODULE = UI / "shell" / "actions.py"

# The database and its objects: the window reaches them only through nlv_events.services.
FORBIDDEN = (
    "peewee",
    "playhouse",
    "nlv_events.core.models",
    "nlv_events.core.database",
    "nlv_events.core.store",
    "nlv_events.core.queries",
    "nlv_events.core.migrations",
)


def _forbidden(module: str) -> bool:
    parts = module.split(".")
    if parts[:2] == ["nlv_events", "core"] and len(parts) > 2 and parts[2].endswith("_models"):
        return True
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    """Every module `node` may load: `from nlv_events.core import store` loads nlv_events.core.store."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    return [base] + [f"{base}.{alias.name}" for alias in node.names]


def _ui_modules() -> list[Path]:
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) > 50, "the walk found too few ui modules"
    return modules


def _violations(source: str, path: Path) -> list[str]:
    """What breaks the rules in `source`, the text of the ui module at `path`."""
    where = path.relative_to(UI.parent).as_posix()
    found = []
    for node in ast.walk(ast.parse(source, filename=str(path))):  # every level: top, in functions, TYPE_CHECKING
        if isinstance(node, ast.Import | ast.ImportFrom) and not getattr(node, "level", 0):
            wrong = [name for name in _imported(node) if _forbidden(name)]
            found += [(node.lineno, f"{where}:{node.lineno} imports {name}") for name in wrong]
        if isinstance(node, ast.Call) and path != REGISTRY_MODULE:
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called == "QAction":
                found.append((node.lineno, f"{where}:{node.lineno} constructs a QAction outside ui/shell/actions.py"))
    return [message for _line, message in sorted(found)]


def test_ui_imports_no_database_module_and_builds_no_action_of_its_own():
    problems = [problem for path in _ui_modules() for problem in _violations(path.read_text(encoding="utf-8"), path)]
    assert problems == []


def test_the_rules_catch_imports_at_every_level_and_any_qaction():
    code = (
        "import peewee\n"
        "from nlv_events.core import store, vocab\n"
        "from nlv_events.core.records import EventRecord\n"
        "def later():\n"
        "    from nlv_events.core.guest_models import Guest\n"
        "    import playhouse.shortcuts\n"
        "    return QtGui.QAction(None), QAction(None)\n"
    )
    found = _violations(code, UI / "events" / "sample.py")
    assert [message.split(" ", 1)[1] for message in found] == [
        "imports peewee",
        "imports nlv_events.core.store",
        "imports nlv_events.core.guest_models",
        "imports nlv_events.core.guest_models.Guest",
        "imports playhouse.shortcuts",
        "constructs a QAction outside ui/shell/actions.py",
        "constructs a QAction outside ui/shell/actions.py",
    ]
    assert _violations(code.replace("QAction(", "QMenu("), REGISTRY_MODULE)[-1].endswith("playhouse.shortcuts")


def test_no_ui_module_over_400_lines_and_no_function_over_80():
    too_long = []
    for path in _ui_modules():
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(UI.parent).as_posix()
        if len(text.splitlines()) > 400:
            too_long.append(f"{where}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
                if node.end_lineno - first + 1 > 80:
                    too_long.append(f"{where}:{first} {node.name}(): {node.end_lineno - first + 1} lines")
    assert too_long == []


# Signals that pass a `checked` flag to their slot: a slot with a parameter of its own (a path, an item) takes the
# flag for it, and `def import_file(self, path=None)` clicked gets path=False and does nothing.
CHECKED_SIGNALS = ("clicked", "triggered")


def _parameters(function: ast.FunctionDef) -> list[str]:
    """The parameters a signal could fill: not `self`, not *args."""
    names = [argument.arg for argument in (*function.args.posonlyargs, *function.args.args)]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def _functions_by_name(trees: dict[Path, ast.Module]) -> dict[str, list[tuple[Path, ast.FunctionDef]]]:
    found: dict[str, list[tuple[Path, ast.FunctionDef]]] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                found.setdefault(node.name, []).append((path, node))
    return found


def _slot_traps(trees: dict[Path, ast.Module]) -> list[str]:
    """Each `….clicked.connect(slot)` / `….triggered.connect(slot)` whose slot has a parameter the flag would fill:
    the slot is looked up in its own module first, then (a mixin's method) in every ui module."""
    functions = _functions_by_name(trees)
    traps = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect"
                    and isinstance(node.func.value, ast.Attribute) and node.func.value.attr in CHECKED_SIGNALS
                    and node.args):
                continue
            slot = node.args[0]
            name = slot.attr if isinstance(slot, ast.Attribute) else getattr(slot, "id", None)
            candidates = functions.get(name or "", [])
            here = [function for where, function in candidates if where == path]
            for function in here or [function for _where, function in candidates]:
                if _parameters(function):
                    where = path.relative_to(UI.parent).as_posix()
                    traps.append(f"{where}:{node.lineno} {name}({', '.join(_parameters(function))})")
                    break
    return sorted(traps)


def test_no_button_or_action_fills_a_slots_parameter_with_its_checked_flag():
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _ui_modules()}
    assert _slot_traps(trees) == []


def test_the_slot_rule_catches_a_parameter_filled_by_the_flag():
    code = (
        "class Tab:\n"
        "    def build(self):\n"
        "        self.import_button.clicked.connect(self.import_file)\n"
        "        self.save_button.clicked.connect(self.save)\n"
        "        action.triggered.connect(lambda _checked=False: self.import_file())\n"
        "    def import_file(self, path=None): ...\n"
        "    def save(self, *_args): ...\n"
    )
    assert _slot_traps({UI / "guests" / "sample.py": ast.parse(code)}) == ["ui/guests/sample.py:3 import_file(path)"]
