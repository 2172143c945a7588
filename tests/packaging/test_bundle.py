"""The installer's contents: the PyInstaller bundle builds here and starts headless, with every resource inside."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import nlv_events

ROOT = Path(__file__).parents[2]


def test_version_lives_in_one_place():
    version = nlv_events.__version__
    info = (ROOT / "packaging" / "windows" / "version-info.txt").read_text(encoding="utf-8")
    numbers = (*(int(part) for part in version.split(".")), 0)
    assert f"filevers={numbers}".replace(" ", "") in info.replace(" ", "")
    assert f"StringStruct('ProductVersion', '{version}')" in info
    installer = (ROOT / "packaging" / "windows" / "nlv-events.iss").read_text(encoding="utf-8")
    assert re.search(rf'#define AppVersion "{re.escape(version)}"', installer)


def test_installer_is_per_user_and_keeps_user_data():
    script = (ROOT / "packaging" / "windows" / "nlv-events.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in script
    assert "{localappdata}\\Programs" in script
    assert not any(line.strip() == "[UninstallDelete]" for line in script.splitlines())
    assert "desktopicon" in script and "{group}\\NLV Events" in script


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None,
    reason="PyInstaller is installed by `make test` (the package extra)",
)
def test_bundle_builds_and_starts_headless(tmp_path):
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    subprocess.run(
        [
            pyinstaller,
            "--noconfirm",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(ROOT / "packaging" / "nlv-events.spec"),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )
    program = tmp_path / "dist" / "nlv-events" / ("nlv-events.exe" if os.name == "nt" else "nlv-events")
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home),
        "XDG_CONFIG_HOME": str(home),
        "XDG_STATE_HOME": str(home),
        "NLV_EVENTS_DB": str(tmp_path / "bundle.sqlite3"),
    }

    def run(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(program), *arguments], env=env, capture_output=True, text=True, timeout=120)

    version = run("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"nlv-events {nlv_events.__version__}"
    assert run("demo").returncode == 0
    picture = tmp_path / "window.png"
    shown = run("gui", "--screenshot", str(picture))
    assert shown.returncode == 0, shown.stderr
    assert picture.stat().st_size > 50_000  # a real window with the demo year, not an empty frame
    printed = run("year-report", "2022", "-o", str(tmp_path / "2022.pdf"))  # fonts travel in the bundle
    assert printed.returncode == 0, printed.stderr
    english = run("events", "--lang", "en", "--year", "2022")
    assert "Training course" in english.stdout  # the compiled catalogs travel too
