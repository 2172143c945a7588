"""Hán and Nôm in the printouts: drawn with a font found on the computer, copied and searched as printed, and a
warning — never silence — for a character no font has."""

from __future__ import annotations

import datetime as dt
import io
import os

import pdfplumber
import pytest

from nlv_events.core import store
from nlv_events.core.records import EventRecord, ProgrammeEntry
from nlv_events.printing import ideographs, model, pdf_renderer
from tests.integration.cli_runner import run

NOM = "Thư tịch Hán Nôm 𡨸喃 và 孝經"  # 𡨸 is in Extension B, where most Nôm characters are
NO_FONT = "\U0001fae8"  # an emoji of 2022: no font here has it


@pytest.fixture
def without_ideograph_fonts(monkeypatch):
    monkeypatch.setattr(ideographs, "font_folders", lambda: [])
    ideographs.forget()
    yield
    ideographs.forget()


def pdf_text_and_fonts(pdf: bytes) -> tuple[str, set[str]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        return page.extract_text(), {char["fontname"].split("+")[-1] for char in page.chars}


def test_nom_characters_print_with_a_font_found_here_and_read_back_as_printed():
    if not ideographs.found():
        if os.environ.get("CI"):
            pytest.fail("CI installs HanaMin (scripts/ensure-system-packages.sh): no Hán-Nôm font was found")
        pytest.skip("no Hán-Nôm font here: install fonts-hanazono")
    document = model.Document(title="Nôm", blocks=[model.Text(NOM, "body")])
    text, fonts = pdf_text_and_fonts(pdf_renderer.render(document))
    assert NOM in text  # copied and searched as printed: 𡨸 was read back as "↣"
    assert not document.dropped
    assert any(not font.startswith(("Liberation", "DejaVu")) for font in fonts)


def test_without_such_a_font_the_characters_are_named_not_lost_silently(without_ideograph_fonts):
    document = model.Document(title="Nôm", blocks=[model.Text(NOM + NO_FONT, "body")])
    pdf_renderer.render(document)
    assert document.dropped == {"𡨸", "喃", "孝", "經", NO_FONT}


def test_the_command_line_warns_in_one_line_and_still_writes_the_file(capsys, db_path, tmp_path):
    from nlv_events.core import database

    database.open_database(str(db_path))
    start = dt.datetime(2023, 4, 21, 9, 0)
    event = store.save_event(EventRecord(kind="talk", title=f"Tọa đàm {NO_FONT}", start=start,
                                         programme=[ProgrammeEntry(start, "Khai mạc")]))  # fmt: skip
    database.close_database()
    target = tmp_path / "chuong-trinh.pdf"
    code, _out, err = run(capsys, "programme", str(event.id), "--db", str(db_path), "-o", str(target))
    assert code == 0 and target.exists()
    warning = [line for line in err.splitlines() if NO_FONT in line]
    assert len(warning) == 1 and warning[0].startswith("nlv-events: ") and str(target) in warning[0]

