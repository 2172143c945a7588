"""The public calendar in a real browser (Debian's Chromium, headless, driven by Playwright): screenshots at a
desktop's and a phone's width, nothing wider than the phone, and axe-core's WCAG 2.1 A/AA rules with no serious or
critical violation. One browser and one site for every check."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PIL import Image

from nlv_events import i18n
from nlv_events.core import database
from nlv_events.services.site import export

from .site_helpers import demo_with_secrets

WIDTHS = {"desktop": (1280, 900), "phone": (375, 812)}
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("no Chromium here: scripts/ensure-system-packages.sh installs Debian's chromium")
    return found


PAGES = ("index", "month", "talk with a photo", "review with a programme", "cancelled", "English index",
         "English event")  # fmt: skip


def _pages_to_check(folder) -> dict[str, Path]:
    """The kinds of page the site has: the index, a month, an event with a photo, one with a programme, a cancelled
    one, and the English index and event."""
    events = sorted((folder / "su-kien").glob("*.html"))
    talk = next(page for page in events if page.name.startswith("2022-03-25"))
    review = next(page for page in events if "hoi-nghi-tong-ket" in page.name)
    cancelled = next(page for page in events if "Đã hủy" in page.read_text(encoding="utf-8"))
    english = sorted((folder / "en" / "events").glob("*.html"))[0]
    found = [folder / "index.html", folder / "2022-03.html", talk, review, cancelled, folder / "en" / "index.html",
             english]  # fmt: skip
    return dict(zip(PAGES, found, strict=True))


# The site and the browser are made once for the module's checks, a page and a width a test: one test checking
# them all took twice the five seconds a test may take.
@pytest.fixture(scope="module")
def site(tmp_path_factory, demo_store) -> dict[str, Path]:
    """The demo year's site, dressed with what must never reach it, written once."""
    folder = tmp_path_factory.mktemp("site")
    shutil.copyfile(demo_store, folder / "events.sqlite3")
    i18n.setup_i18n("vi")
    database.open_database(str(folder / "events.sqlite3"))
    try:
        demo_with_secrets(folder)
        export.write_site(folder / "trang-web", dt.date(2022, 1, 1), 12)
    finally:
        database.close_database()
    return _pages_to_check(folder / "trang-web")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = _chromium()
    with sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_the_site_reads_well_on_a_desktop_and_a_phone_and_passes_axe(site, browser, tmp_path, width_name, kind):
    from axe_playwright_python.sync_playwright import Axe

    width, height = WIDTHS[width_name]
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(site[kind].as_uri())
        shot = tmp_path / f"{width_name}.png"
        page.screenshot(path=str(shot), full_page=True)
        with Image.open(shot) as image:
            assert image.width == width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        if width_name != "desktop":
            return  # axe's rules read the document, not the width (1.5 s a page on two cores)
        options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
        violations = Axe().run(page, options=options).response["violations"]
    finally:
        page.close()
    problems = [f"{violation['id']} {violation['help']}" for violation in violations
                if violation["impact"] in ("serious", "critical")]  # fmt: skip
    assert problems == []
