"""The installer's script names only files we have, and its Vietnamese messages cover all of Inno Setup's."""

import re
from pathlib import Path

import pytest

from tests.packaging.test_programs import programs_built_on

ROOT = Path(__file__).parents[2]
WINDOWS = ROOT / "packaging" / "windows"
SCRIPT = WINDOWS / "nlv-events.iss"
VIETNAMESE = WINDOWS / "languages" / "Vietnamese.isl"
KEY_LIST = WINDOWS / "languages" / "default-isl-keys.txt"
# Where `make windows` unpacks the npm innosetup package (Inno Setup's compiler and its Default.isl).
FETCHED_DEFAULT = ROOT / "build" / "windows" / "npm" / "node_modules" / "innosetup" / "bin" / "Default.isl"
# What Inno Setup itself ships beside ISCC.exe ("compiler:" paths): its English messages, not Vietnamese.
COMPILER_FILES = {"Default.isl"}


def _entries(text: str) -> dict[tuple[str, str], str]:
    """{(section, key): value} of an Inno Setup messages file, comments left out."""
    entries, section = {}, None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        if header := re.fullmatch(r"\[(\w+)\]", line):
            section = header.group(1)
            continue
        key, _, value = line.partition("=")
        entries[(section, key)] = value
    return entries


def _marks(section: str, value: str) -> list[str]:
    """What a translation must keep: the placeholders (%1, [name]…) and whether there is an accelerator (&)."""
    if section == "LangOptions":
        return []
    marks = sorted(set(re.findall(r"%\d|\[[a-z/]+\]", value)))
    if "&" in value.replace("&&", ""):
        marks.append("&")
    return marks


def _key_list() -> dict[tuple[str, str], list[str]]:
    lines = [line.split() for line in KEY_LIST.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {(section, key): marks for section, key, *marks in lines}


def _script_files(section: str, parameter: str) -> list[str]:
    """The file names the .iss gives as PARAMETER: "…" in [SECTION]."""
    text = SCRIPT.read_text(encoding="utf-8")
    body = re.search(rf"^\[{section}\]\n(.*?)(?=^\[|\Z)", text, re.MULTILINE | re.DOTALL).group(1)
    return re.findall(rf'{parameter}: "([^"]+)"', body)


def _from_script(name: str) -> Path:
    return (SCRIPT.parent / name.replace("\\", "/")).resolve()


def test_every_messages_file_of_the_script_exists():
    files = _script_files("Languages", "MessagesFile")
    assert len(files) == 2
    for name in files:
        if name.startswith("compiler:"):
            assert name.removeprefix("compiler:") in COMPILER_FILES, f"{name}: Inno Setup does not ship it"
        else:
            assert _from_script(name).is_file(), name
    assert "languages\\Vietnamese.isl" in files


def test_every_other_file_the_script_names_exists(monkeypatch):
    text = SCRIPT.read_text(encoding="utf-8")
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.MULTILINE).group(1)
    assert _from_script(icon).is_file(), icon
    # The program's files are the PyInstaller bundle: the folder and the exe the spec names.
    spec = (ROOT / "packaging" / "nlv-events.spec").read_text(encoding="utf-8")
    assert _script_files("Files", "Source") == ["{#BundleDir}\\*"]
    bundle = re.search(r'COLLECT\(.*name="([^"]+)"\)', spec).group(1)
    assert f'#define BundleDir "..\\..\\dist\\{bundle}"' in text  # where `make package` puts it
    # The shortcuts open the program the spec builds without a console (tests/packaging/test_programs.py).
    programs = programs_built_on("win32", monkeypatch)
    program = next(name for name, console in programs.items() if not console)
    assert set(_script_files("Icons", "Filename")) == {f"{{app}}\\{program}.exe", "{uninstallexe}"}
    assert f"UninstallDisplayIcon={{app}}\\{program}.exe" in text


def test_vietnamese_messages_cover_every_key_with_its_placeholders():
    vietnamese = _entries(VIETNAMESE.read_text(encoding="utf-8-sig"))
    expected = _key_list()
    assert sorted(set(expected) - set(vietnamese)) == []
    assert sorted(set(vietnamese) - set(expected)) == []
    wrong = {key: value for key, value in vietnamese.items() if _marks(key[0], value) != expected[key]}
    assert wrong == {}


def test_vietnamese_messages_are_vietnamese():
    raw = VIETNAMESE.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: read as Unicode by every Inno Setup 6
    vietnamese = _entries(raw.decode("utf-8-sig"))
    assert vietnamese[("LangOptions", "LanguageName")] == "Tiếng Việt"
    assert vietnamese[("LangOptions", "LanguageID")] == "$042A"
    assert vietnamese[("Messages", "ButtonNext")] == "&Tiếp >"
    assert vietnamese[("CustomMessages", "CreateDesktopIcon")] == "Tạo lối tắt trên &màn hình nền"
    english_left = [key for key, value in vietnamese.items() if re.search(r"\b(the|Setup will|Please|Click)\b", value)]
    assert english_left == []


@pytest.mark.skipif(not FETCHED_DEFAULT.is_file(), reason="Inno Setup is fetched by `make windows`")
def test_key_list_matches_the_fetched_default_isl():
    default = _entries(FETCHED_DEFAULT.read_text(encoding="utf-8-sig"))
    assert {key: _marks(key[0], value) for key, value in default.items()} == _key_list()
