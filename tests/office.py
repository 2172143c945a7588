"""Word and Excel files as their users see them: rendered to PDF by LibreOffice headless, then read with pdfplumber.

python-docx and openpyxl read back only the XML we wrote; a header that wraps, a row that splits or a sheet that
prints eleven pages wide shows only once an office suite lays the file out. LibreOffice (installed by
scripts/ensure-system-packages.sh, as PostgreSQL is) lays it out with Liberation Serif, which has Times New Roman's
metrics, so what wraps here wraps in Word.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

MM = 72 / 25.4
COLUMN_GAP = 12  # points: wider than a space, narrower than the gap between the header's columns


@dataclass
class RenderedLine:
    text: str
    x0: float  # points from the page's left edge
    x1: float
    top: float
    size: float


class RenderedPage:
    """One laid-out page. Its lines and rules are read from the PDF when a test first asks for them: reading a page's
    words costs a quarter of a second, and a test that counts a long document's pages or looks at its first page
    need not read the other thirty."""

    def __init__(self, pdf: Path, index: int, width: float, height: float) -> None:
        self.pdf, self.index, self.width, self.height = pdf, index, width, height

    @functools.cached_property
    def _read(self) -> tuple[list[RenderedLine], list[tuple[float, float, float]]]:
        with pdfplumber.open(self.pdf, pages=[self.index + 1]) as document:
            page = document.pages[0]
            words = page.extract_words(extra_attrs=["size"])
            strokes = [(edge["x0"], edge["x1"], edge["top"]) for edge in page.horizontal_edges]
        return _lines(words), strokes

    @property
    def lines(self) -> list[RenderedLine]:
        return self._read[0]

    @property
    def rules(self) -> list[tuple[float, float, float]]:
        """Horizontal strokes: (x0, x1, top), in points."""
        return self._read[1]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class Office:
    """One LibreOffice for the session, kept running: each conversion is handed to it, as a second `soffice` started
    with the same profile hands its command line to the first, so a conversion costs a fraction of a second instead
    of a LibreOffice start (seconds). The resident one keeps a small document open: with no document open, it quits
    after the first conversion handed to it. If it is gone, `soffice` converts on its own as before, only slower."""

    STARTUP_TIMEOUT = 120  # seconds: a cold first start of LibreOffice on a loaded machine

    def __init__(self, program: str) -> None:
        self.program = program
        self.profile = Path(tempfile.mkdtemp(prefix="nlv-events-office-"))
        self._kept_folder = Path(tempfile.mkdtemp(prefix="nlv-events-office-kept-"))
        kept = self._kept_folder / "kept-open.txt"
        kept.write_text("LibreOffice stays running while this is open.\n", encoding="utf-8")
        # Started now, waited for at the first conversion: it starts while the first test makes its document.
        self.resident = subprocess.Popen(self._command("--nologo", "--nodefault", str(kept)),
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        self._ready = False

    def _command(self, *arguments: str) -> list[str]:
        return [self.program, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--norestore",
                *arguments]  # fmt: skip

    def _wait_until_ready(self) -> None:
        """LibreOffice locks a document it has opened: then it listens for the next `soffice`, which must not start
        before, or that one would become the resident office and never quit."""
        deadline = time.monotonic() + self.STARTUP_TIMEOUT
        while not self._ready and not any(self._kept_folder.glob(".~lock.*")):
            if self.resident.poll() is not None or time.monotonic() > deadline:
                self.resident.kill()
                raise RuntimeError(f"LibreOffice did not start (exit code {self.resident.poll()})")
            time.sleep(0.05)
        self._ready = True

    def to_pdf(self, source: Path) -> Path:
        self._wait_until_ready()
        out = Path(tempfile.mkdtemp(prefix="nlv-events-rendered-"))
        subprocess.run(
            self._command("--convert-to", "pdf", "--outdir", str(out), str(source)),
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        rendered = out / (source.stem + ".pdf")
        if not rendered.exists():
            raise AssertionError(f"LibreOffice made no PDF of {source.name}")
        return rendered

    def pages(self, source: Path | bytes, suffix: str = ".docx") -> list[RenderedPage]:
        if isinstance(source, bytes):
            folder = Path(tempfile.mkdtemp(prefix="nlv-events-office-in-"))
            path = folder / f"document{suffix}"
            path.write_bytes(source)
            source = path
        return read_pages(self.to_pdf(source))

    def close(self) -> None:
        self.resident.terminate()
        try:
            self.resident.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.resident.kill()
            self.resident.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def read_pages(pdf: Path) -> list[RenderedPage]:
    with pdfplumber.open(pdf) as document:
        return [RenderedPage(pdf, index, page.width, page.height) for index, page in enumerate(document.pages)]


def _lines(words: list[dict]) -> list[RenderedLine]:
    """Words on one baseline and close together, as a line: the header's two columns are two lines."""
    lines: list[RenderedLine] = []
    for word in sorted(words, key=lambda item: (round(item["top"]), item["x0"])):
        last = lines[-1] if lines else None
        if last and abs(last.top - word["top"]) < 2 and word["x0"] - last.x1 < COLUMN_GAP:
            last.text += " " + word["text"]
            last.x1 = word["x1"]
            last.size = max(last.size, word["size"])
        else:
            lines.append(RenderedLine(word["text"], word["x0"], word["x1"], word["top"], word["size"]))
    return lines


def office_program() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="session")
def office():
    program = office_program()
    if program is None:
        if os.environ.get("CI"):
            raise RuntimeError("CI installs LibreOffice (scripts/ensure-system-packages.sh): it is missing")
        pytest.skip("no LibreOffice here: install libreoffice-writer-nogui and libreoffice-calc-nogui")
    suite = Office(program)
    yield suite
    suite.close()
