"""The layers import only downward: the store and the services never load Qt."""

import subprocess
import sys

CODE = """
import sys, pkgutil, importlib
import nlv_events.core, nlv_events.printing, nlv_events.services
for package in (nlv_events.core, nlv_events.printing, nlv_events.services):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
import nlv_events.cli
print(any(name.startswith("PySide6") for name in sys.modules))
"""


def test_core_services_and_cli_import_without_qt():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
