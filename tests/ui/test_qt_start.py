"""PySide's check of every imported module for its `__feature__` switch, made from the module's names instead of
its source text (ui/shell/qt_start.py)."""

import inspect
import sys

import pytest

from nlv_events.core import text
from nlv_events.ui.shell import main_window, qt_start


@pytest.fixture
def feature(monkeypatch):
    module = sys.modules[qt_start.FEATURE_MODULE]
    monkeypatch.setattr(module, "_mod_uses_pyside", module._mod_uses_pyside)  # put back after the test
    assert qt_start.skip_feature_source_scan()
    return module


def test_a_module_is_imported_without_its_source_being_read(feature, tmp_path, monkeypatch):
    (tmp_path / "nlv_fresh_module.py").write_text("from PySide6.QtCore import QObject\nVALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))

    def no_reading(module):
        raise AssertionError(f"the source of {module} was read")

    monkeypatch.setattr(inspect, "getsource", no_reading)
    fresh = __import__("nlv_fresh_module")  # through the import hook PySide installs, as an import statement
    monkeypatch.delitem(sys.modules, "nlv_fresh_module")
    assert fresh.VALUE == 1
    assert feature.pyside_feature_dict["nlv_fresh_module"] == 0  # marked as using PySide, as the source check did


def test_the_mark_agrees_with_the_source_check(feature):
    assert feature._mod_uses_pyside(main_window) and not feature._mod_uses_pyside(text)
