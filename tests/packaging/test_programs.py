"""On Windows the bundle holds two programs, as Python's python.exe and pythonw.exe: `nlv-events.exe`, a console
program for the command line (the prompt waits for it, shows its output, gets its exit code), and
`nlv-eventsw.exe`, without a console, which the installer's shortcuts open."""

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).parents[2]
SPEC = ROOT / "packaging" / "nlv-events.spec"


def programs_built_on(platform: str, monkeypatch) -> dict[str, bool]:
    """{program name: console} as PyInstaller would build them from the spec on `platform`."""
    made: dict[str, dict] = {}
    collected: list = []
    analysis = SimpleNamespace(pure=[], scripts=["launcher"], binaries=["Qt6Core"], datas=["fonts"])
    namespace = {
        "SPECPATH": str(SPEC.parent),
        "Analysis": lambda *arguments, **options: analysis,
        "PYZ": lambda *arguments, **options: "pyz",
        "EXE": lambda *arguments, **options: made.setdefault(options["name"], options) and options["name"],
        "COLLECT": lambda *arguments, **options: collected.append((arguments, options)),
    }
    # The spec asks PyInstaller for the app's modules: imported here under the real platform, answered by a stand-in.
    hooks = pytest.importorskip("PyInstaller.utils.hooks", reason="PyInstaller is installed by `make test`")
    monkeypatch.setattr(hooks, "collect_submodules", lambda package: [f"{package}.commands.guests"])
    monkeypatch.setattr(sys, "platform", platform)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    ((arguments, options),) = collected
    assert options["name"] == "nlv-events"
    assert all(name in arguments for name in made), "every program goes into the one folder"
    return {name: options["console"] for name, options in made.items()}


def test_windows_gets_a_console_command_line_and_a_windowed_program(monkeypatch):
    assert programs_built_on("win32", monkeypatch) == {"nlv-events": True, "nlv-eventsw": False}


def test_linux_gets_one_program_for_both(monkeypatch):
    assert programs_built_on("linux", monkeypatch) == {"nlv-events": True}


@pytest.mark.parametrize("section", ["Icons", "Run"])
def test_the_shortcuts_and_the_first_start_open_the_windowed_program(section):
    script = (ROOT / "packaging" / "windows" / "nlv-events.iss").read_text(encoding="utf-8")
    body = re.search(rf"^\[{section}\]\n(.*?)(?=^\[|\Z)", script, re.MULTILINE | re.DOTALL)[1]
    programs = re.findall(r'Filename: "\{app\}\\([^"]+)"', body)
    assert programs and set(programs) == {"nlv-eventsw.exe"}
