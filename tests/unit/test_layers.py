"""The layers import only downward: the store, the printouts, the services and the commands never load Qt.

This runs the imports for real, in a fresh interpreter; tests/unit/test_imports.py reads every import statement
(inside functions too) and holds the whole order of the layers."""

import subprocess
import sys

CODE = """
import sys, pkgutil, importlib
import nlv_events.core, nlv_events.printing, nlv_events.services, nlv_events.commands
for package in (nlv_events.core, nlv_events.printing, nlv_events.services, nlv_events.commands):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
import nlv_events.cli
parser, handlers = nlv_events.cli.build_parser()
print(len(handlers), any(name.startswith("PySide6") for name in sys.modules))
"""


def test_core_printing_services_commands_and_cli_import_without_qt():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    commands, qt_loaded = result.stdout.split()
    assert int(commands) >= 24 and qt_loaded == "False"
