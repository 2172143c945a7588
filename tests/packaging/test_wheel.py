"""A plain `pip install` of the wheel, outside the checkout, can load the demo and print: the fonts, the demo
data, the catalogs and the migrations travel inside the package."""

import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.mark.slow
def test_wheel_installed_outside_the_checkout_loads_the_demo_and_prints(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("nlv_events-*.whl")
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=False)
    python = environment / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    # The dependencies come from the test environment (its .pth makes them visible without a download); the
    # package itself only from the wheel: the checkout is neither on the path nor the working folder.
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "test-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    home = tmp_path / "home"
    env = {
        **{key: value for key, value in os.environ.items() if key != "PYTHONPATH"},
        "XDG_DATA_HOME": str(home),
        "XDG_CONFIG_HOME": str(home),
        "XDG_STATE_HOME": str(home),
        "NLV_EVENTS_DB": str(tmp_path / "wheel.sqlite3"),
    }
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()

    def run(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(python), "-m", "nlv_events", *arguments],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    where = subprocess.run(
        [str(python), "-c", "import nlv_events; print(nlv_events.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(ROOT) not in where and str(environment) in where
    assert run("demo").returncode == 0
    listed = run("events", "--format", "json", "--search", "tong ket")
    assert listed.returncode == 0, listed.stderr
    import json

    (review,) = [
        event for event in json.loads(listed.stdout) if event["kind"] == "conference" and "2022" in event["title"]
    ]
    printed = run("programme", str(review["id"]), "-o", str(tmp_path / "programme.pdf"))
    assert printed.returncode == 0, printed.stderr
    from pypdf import PdfReader

    text = PdfReader(tmp_path / "programme.pdf").pages[0].extract_text()
    assert "CHƯƠNG TRÌNH" in text
    english = run("events", "--lang", "en", "--year", "2022")
    assert "Training course" in english.stdout  # the compiled catalogs travel too
    anniversaries = run("anniversaries", "2025", "--round-only")  # the commemorations catalogue travels
    assert anniversaries.returncode == 0 and "Đảng Cộng sản Việt Nam" in anniversaries.stdout, anniversaries.stderr
    guests = run("guests", str(review["id"]), "--import", str(ROOT / "resources" / "demo" / "khach-moi-mau.csv"))
    assert guests.returncode == 0, guests.stderr
    letters = run("invitations", str(review["id"]), "-o", str(tmp_path / "giay-moi.docx"))  # the Word template too
    assert letters.returncode == 0, letters.stderr
