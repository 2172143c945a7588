"""The public calendar in a real browser (Debian's Chromium, headless, driven by Playwright): screenshots at a
desktop's and a phone's width, nothing wider than the phone, and axe-core's WCAG 2.1 A/AA rules with no serious or
critical violation. One browser for every check."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PIL import Image

from nlv_events.services.site import export

from .site_helpers import demo_with_secrets

WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("no Chromium here: scripts/ensure-system-packages.sh installs Debian's chromium")
    return found


def _pages_to_check(folder) -> list:
    """The kinds of page the site has: the index, a month, an event with a photo, one with a programme, a cancelled
    one, and the English index and event."""
    events = sorted((folder / "su-kien").glob("*.html"))
    talk = next(page for page in events if page.name.startswith("2022-03-25"))
    review = next(page for page in events if "hoi-nghi-tong-ket" in page.name)
    cancelled = next(page for page in events if "Đã hủy" in page.read_text(encoding="utf-8"))
    english = sorted((folder / "en" / "events").glob("*.html"))[0]
    return [folder / "index.html", folder / "2022-03.html", talk, review, cancelled, folder / "en" / "index.html",
            english]  # fmt: skip


def test_the_site_reads_well_on_a_desktop_and_a_phone_and_passes_axe(demo_db, tmp_path):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    chromium = _chromium()
    demo_with_secrets(tmp_path)
    folder = tmp_path / "trang-web"
    export.write_site(folder, dt.date(2022, 1, 1), 12)
    shots = tmp_path / "anh-chup"
    shots.mkdir()
    axe = Axe()
    problems: list[str] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        try:
            for name, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for number, path in enumerate(_pages_to_check(folder)):
                    page.goto(path.as_uri())
                    shot = shots / f"{name}-{number}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    with Image.open(shot) as image:
                        assert image.width == width, (name, path.name)
                    assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, path.name)
                    if name != "desktop":
                        continue  # axe's rules read the document, not the width (1.5 s a page on two cores)
                    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
                    for violation in axe.run(page, options=options).response["violations"]:
                        if violation["impact"] in ("serious", "critical"):
                            problems.append(f"{name} {path.name}: {violation['id']} {violation['help']}")
                page.close()
        finally:
            browser.close()
    assert problems == []
