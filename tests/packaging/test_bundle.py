"""The installer's contents: the PyInstaller bundle builds here and is the whole app: every sub-command, every
feature's resources, the window, in a folder whose name has Vietnamese letters, spaces and brackets."""

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

import nlv_events
from tests.marc_files import book, marc_bytes
from tests.photo_files import camera_jpeg

ROOT = Path(__file__).parents[2]
PYINSTALLER = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
BUNDLE_LIMIT = 150 * 1024 * 1024  # "150M" as `du -sh` and `make package` print it
needs_pyinstaller = pytest.mark.skipif(
    PYINSTALLER is None, reason="PyInstaller is installed by `make test` (the package extra)"
)
# The bundle is built once, for this module: under pytest-xdist (`--dist loadfile`, pyproject.toml) all its tests
# go to one worker, which builds it while the others run the rest of the suite.


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
    assert "PrivilegesRequired=lowest" in script  # per user, without administrator rights, by default
    # {localappdata}\Programs per user, Program Files for all users: never an administrator's own folder
    assert "DefaultDirName={code:InstallFolder}" in script
    assert "{localappdata}\\Programs\\NLV Events" in script and "{commonpf}\\NLV Events" in script
    assert not any(line.strip() == "[UninstallDelete]" for line in script.splitlines())
    assert "desktopicon" in script and "{group}\\NLV Events" in script


def test_installer_speaks_vietnamese_first_on_any_windows():
    script = (ROOT / "packaging" / "windows" / "nlv-events.iss").read_text(encoding="utf-8")
    languages = re.findall(r'^Name: "(\w+)"; MessagesFile:', script, re.MULTILINE)
    assert languages == ["vietnamese", "english"]  # the first is the default when detection is off
    assert "LanguageDetectionMethod=none" in script  # not English because Windows is in English
    assert "ShowLanguageDialog=yes" in script  # English stays one click away


def test_windows_build_installs_32_bit_wine_before_it_makes_the_prefix():
    script = (ROOT / "packaging" / "windows" / "build.sh").read_text(encoding="utf-8")
    main = script[script.index("\nmain() {") :]
    assert main.index("thirty_two_bit_wine") < main.index("fresh_prefix")
    assert "ShowDotFiles" in script  # Wine hides ".rels" from the installer's compiler otherwise


def sub_commands(help_text: str) -> list[str]:
    """The sub-commands `nlv-events --help` lists: the names indented by four spaces under COMMAND."""
    listing = help_text.split("\n  COMMAND\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in listing.splitlines() if re.match(r"    \S", line)]


class Bundle:
    """The built program, run with its own user folders and a database in a folder with "ệ", " " and "["."""

    def __init__(self, program: Path, work: Path) -> None:
        self.program = program
        self.work = work
        home = work / "home"
        self.environment = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(home),
            "XDG_CONFIG_HOME": str(home),
            "XDG_STATE_HOME": str(home),
            "XDG_CACHE_HOME": str(home / "cache"),
            "NLV_EVENTS_DB": str(work / "sự kiện.sqlite3"),
            "COLUMNS": "120",
        }

    def run(self, *arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(self.program), *arguments],
            env=self.environment,
            cwd=self.work,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=180,
        )

    def ok(self, *arguments: str) -> str:
        done = self.run(*arguments)
        assert done.returncode == 0, f"{arguments}: {done.stderr}"
        return done.stdout


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Bundle:
    if PYINSTALLER is None:
        pytest.skip("PyInstaller is installed by `make test` (the package extra)")
    build = tmp_path_factory.mktemp("bundle")
    built = subprocess.run(
        [
            PYINSTALLER,
            "--noconfirm",
            "--distpath",
            str(build / "dist"),
            "--workpath",
            str(build / "build"),
            str(ROOT / "packaging" / "nlv-events.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    program = build / "dist" / "nlv-events" / ("nlv-events.exe" if os.name == "nt" else "nlv-events")
    work = build / "Dữ liệu sự kiện [test]"
    work.mkdir()
    made = Bundle(program, work)
    made.ok("demo")
    return made


@pytest.mark.slow
@needs_pyinstaller
def test_the_bundle_is_at_most_150_mb(bundle):
    folder = bundle.program.parent
    size = sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_dir())
    print(f"the bundle: {size / 1024 / 1024:.1f}M in {sum(1 for _ in folder.rglob('*'))} files")  # pytest -rP
    assert size <= BUNDLE_LIMIT, f"{size / 1024 / 1024:.0f}M"
    never_loaded = [path for path in folder.rglob("*") if re.search(r"Qt6Quick|Qt6Qml|virtualkeyboard", path.name)]
    assert never_loaded == []


@pytest.mark.slow
@needs_pyinstaller
def test_the_bundle_has_every_sub_command_of_the_source(bundle):
    source = subprocess.run(
        [sys.executable, "-m", "nlv_events", "--help"],
        env=bundle.environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    expected = sub_commands(source)
    assert len(expected) >= 24
    assert sub_commands(bundle.ok("--help")) == expected
    for command in expected:
        helped = bundle.run(command, "--help")
        assert helped.returncode == 0 and "usage: nlv-events " + command in helped.stdout, (command, helped.stderr)


def _events(bundle: Bundle) -> list[dict]:
    return json.loads(bundle.ok("events", "--format", "json", "--year", "2022"))


def _first(events: list[dict], kind: str, title: str = "") -> str:
    return str(next(event["id"] for event in events if event["kind"] == kind and title in event["title"]))


def _is_docx(path: Path) -> bool:
    with zipfile.ZipFile(path) as document:
        return {"word/document.xml", "_rels/.rels"} <= set(document.namelist())


@pytest.mark.slow
@needs_pyinstaller
def test_the_window_starts_headless_and_the_core_commands_run(bundle):
    version = bundle.ok("--version")
    assert version.strip() == f"nlv-events {nlv_events.__version__}"
    picture = bundle.work / "cửa sổ.png"
    bundle.ok("gui", "--screenshot", str(picture))
    assert picture.stat().st_size > 50_000  # a real window with the demo year, not an empty frame
    assert "Training course" in bundle.ok("events", "--lang", "en", "--year", "2022")  # the catalogs travel
    assert "32 sự kiện" in bundle.ok("events", "--year", "2022")
    bundle.ok("tallies", "2022")
    exported = bundle.work / "xuất 2022.json"
    bundle.ok("export", str(exported), "--year", "2022")
    # The bundle's export holds to the published schema, as every export made in the tests' own process does.
    published = json.loads((ROOT / "docs" / "nlv-events-1.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(exported.read_text(encoding="utf-8")), published)
    bundle.ok("ics", "--year", "2022", "-o", str(bundle.work / "lịch 2022.ics"))
    bundle.ok("backup", "-o", str(bundle.work / "sao lưu.sqlite3"))
    bundle.ok("check")


@pytest.mark.slow
@needs_pyinstaller
def test_the_printouts_run_from_the_bundle(bundle):
    from pypdf import PdfReader

    report = bundle.work / "Báo cáo năm 2022.pdf"
    bundle.ok("year-report", "2022", "-o", str(report))  # fonts travel in the bundle
    assert "2022" in PdfReader(report).pages[0].extract_text()
    word = bundle.work / "Báo cáo năm 2022.docx"
    bundle.ok("year-report", "2022", "-o", str(word))
    assert _is_docx(word)
    book_day = _first(_events(bundle), "book_day")
    programme = bundle.work / "chương trình.pdf"
    bundle.ok("programme", book_day, "-o", str(programme), "--layout", "booklet")  # pypdf without cryptography
    assert programme.stat().st_size > 10_000


@pytest.mark.slow
@needs_pyinstaller
def test_one_command_of_each_feature_runs_from_the_bundle(bundle):
    events = _events(bundle)
    exhibition = _first(events, "exhibition")
    catalogue = bundle.work / "danh mục.mrc"
    catalogue.write_bytes(marc_bytes([book(f"Sách quý số {n}", "Lê Quý Đôn", call_number=f"VV {n}") for n in (1, 2)]))
    bundle.ok("exhibit", exhibition, "--import", str(catalogue))
    bundle.ok("checklist", exhibition, "-o", str(bundle.work / "danh mục.xlsx"))
    bundle.ok("labels", exhibition, "-o", str(bundle.work / "nhãn.pdf"))
    assert re.search(r"\b2\b", bundle.ok("exhibit", exhibition))  # the two items imported
    bundle.ok("exhibit", exhibition, "--intro", str(bundle.work / "giới thiệu.pdf"))

    review = _first(events, "conference", "2022")
    bundle.ok("guests", review, "--import", str(ROOT / "resources" / "demo" / "khach-moi-mau.csv"))
    letters = bundle.work / "giấy mời.docx"
    bundle.ok("invitations", review, "-o", str(letters))  # the Word template travels
    assert _is_docx(letters)
    assert "Lý Thị Mai" in bundle.ok("guests", review)

    photo = camera_jpeg(bundle.work / "ảnh hội nghị.jpg")
    bundle.ok("photos", review, "add", str(photo))  # Pillow in the bundle
    assert "ảnh hội nghị" in bundle.ok("photos", review)
    bundle.ok("news", review, "-o", str(bundle.work / "tin bài.docx"))

    assert "Đảng Cộng sản Việt Nam" in bundle.ok("anniversaries", "2025", "--round-only")  # the catalogue travels
    plan = bundle.work / "kế hoạch 2025.docx"
    bundle.ok("plan", "2025", "-o", str(plan))
    assert _is_docx(plan)


@pytest.mark.slow
@needs_pyinstaller
def test_the_team_features_run_from_the_bundle(bundle):
    """The features found at run time that came with the team's work: the task templates (a migration's seed), the
    week's schedule in Word, the site's templates and stylesheet (package data), the register's workbook, an
    attachment, the change history, and an event list read back from the app's own Word file."""
    events = _events(bundle)
    talk = _first(events, "talk", "Ký ức Hà Nội")
    assert json.loads(bundle.ok("tasks", talk, "--from-template", "--format", "json"))  # the seeded template
    week = bundle.work / "lịch tuần.docx"
    bundle.ok("week", "2022-12-19", "-o", str(week))
    assert _is_docx(week)

    site = bundle.work / "trang web"
    bundle.ok("site", "-o", str(site), "--from", "2022-01-01", "--months", "24")
    assert (site / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert list(site.glob("*.css")) or list(site.glob("**/*.css"))  # the stylesheet travels

    review = _first(events, "conference", "2022")
    programme = bundle.work / "chương trình.pdf"
    bundle.ok("programme", review, "-o", str(programme), "--number", "next", "--date", "2022-12-20")
    register = bundle.work / "sổ văn bản.xlsx"
    bundle.ok("register", "2022", "--format", "xlsx", "-o", str(register))
    assert zipfile.is_zipfile(register)

    bundle.ok("attach", talk, "add", str(programme), "--kind", "scan")
    assert "chương trình.pdf" in bundle.ok("attach", talk, "list")
    assert json.loads(bundle.ok("history", talk, "--format", "json"))

    listing = bundle.work / "danh mục 2022.docx"
    bundle.ok("year-report", "2022", "-o", str(listing))
    assert "32" in bundle.ok("import", str(listing), "--dry-run")
