"""`make test` spreads the suite over workers with the project's own pytest settings: a fixture a test file shares
(the bundle of tests/packaging/test_bundle.py) is still made once, not once a worker."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
SHARED_ONCE = '''
import os
import pytest


@pytest.fixture(scope="module")
def built():
    with open(os.environ["BUILDS"], "a") as builds:
        builds.write(os.environ.get("PYTEST_XDIST_WORKER", "serial") + "\\n")


@pytest.mark.parametrize("number", range(6))
def test_uses_what_was_built(built, number):
    pass
'''
OTHERS = '''
import pytest


@pytest.mark.parametrize("number", range(6))
def test_elsewhere(number):
    pass
'''


def test_a_fixture_of_one_test_file_is_made_once_across_the_workers(tmp_path):
    (tmp_path / "test_shared.py").write_text(SHARED_ONCE)
    (tmp_path / "test_others.py").write_text(OTHERS)
    builds = tmp_path / "builds.txt"
    # No conftest.py is looked for above the test's own folder: pytest looked through each folder above it, among
    # them the suite's temporary folder, which holds a folder for each test run so far (3.5-5.8 s in the whole
    # suite, 2.5 s alone; now 1.5 s).
    # Only the plugins the project's settings name (xdist's --dist, pytest-qt's qt_* keys) are loaded: each worker
    # importing every installed plugin (Hypothesis's among them) took half the test's time and decides nothing here.
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path), "-n", "2",
         "--confcutdir", str(tmp_path),
         "-p", "xdist.plugin", "-p", "pytestqt.plugin", "-p", "no:cacheprovider", "-q", str(tmp_path)],
        cwd=tmp_path,
        env={**os.environ, "BUILDS": str(builds), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:]
    assert "12 passed" in done.stdout
    assert len(builds.read_text().split()) == 1
