"""Writing the public calendar to a folder: every page in both languages, the picture sizes, the stylesheet and the
feeds; a file is rewritten only when its bytes changed, and files an earlier export wrote that the site no longer
has (an event made internal, a month gone by) are removed, never anything else in the folder."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2

from nlv_events.core import files
from nlv_events.core.errors import UserError
from nlv_events.core.resources import resource
from nlv_events.i18n import _, current_language, setup_i18n
from nlv_events.services.site import feeds, images, pages, selection

# The list of the files the last export wrote, kept in the folder: what the next export may remove.
MANIFEST = ".nlv-events-site"
LANGUAGES = ("vi", "en")
MOST_MONTHS = 60  # five years of month pages: a typo such as 1200 is refused, not written


@dataclass
class SiteResult:
    events: int  # the published events of the period
    written: int  # files written (new or changed)
    unchanged: int  # files left as they were
    removed: int  # files of an earlier export the site no longer has


@contextlib.contextmanager
def _language(language: str) -> Iterator[None]:
    before = current_language()
    setup_i18n(language)
    try:
        yield
    finally:
        setup_i18n(before)


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource("site", "templates")),
        autoescape=True,  # every title, place and description is the office's text, never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def site_files(first: dt.date, months: int) -> tuple[int, dict[str, bytes]]:
    """The site's files by their path in the folder, and how many events it publishes."""
    if not 1 <= months <= MOST_MONTHS:
        raise UserError(_("Give between 1 and {most} months.").format(most=MOST_MONTHS))
    events = selection.public_events(first, months)
    slugs = pages.assign_slugs(events)
    environment = _environment()
    made: dict[str, bytes] = {}
    for language in LANGUAGES:
        with _language(language):
            site_pages = pages.home_pages(events, slugs, first, months)
            site_pages += [
                pages.event_page(event, slugs[event.record.id])  # type: ignore[index]
                for event in events
                if pages.in_language(event, language)
            ]
            common = {"labels": pages.labels(), "language": language}
            for page in site_pages:
                html = environment.get_template(page.template).render(
                    **common, **page.context, root=pages.to_root(page.path), path=page.path
                )
                made[page.path] = html.encode("utf-8")
    for event in events:
        if event.photo is not None:
            for width, data in images.web_sizes(event.photo.source, pages.IMAGE_WIDTHS).items():
                made[pages.image_path(slugs[event.record.id], width)] = data  # type: ignore[index]
    made[pages.STYLE_NAME] = resource("site", pages.STYLE_NAME).read_bytes()
    with _language("vi"):
        made[pages.ICS_NAME] = feeds.ics_bytes(events)
        made[pages.ATOM_NAME] = feeds.atom_bytes(events, slugs)
    return len(events), made


def write_site(folder: Path, first: dt.date, months: int) -> SiteResult:
    """Write the calendar of the `months` months from `first` into `folder`."""
    count, made = site_files(first, months)
    files.make_folder(folder, _("Cannot write {path}: {reason}"))
    written = unchanged = 0
    for relative, data in sorted(made.items()):
        target = folder / Path(*relative.split("/"))
        if _same_bytes(target, data):
            unchanged += 1
            continue
        files.make_folder(target.parent, _("Cannot write {path}: {reason}"))
        with files.atomic_output(target, "wb") as stream:
            stream.write(data)
        written += 1
    removed = _remove_left_over(folder, set(made))
    manifest = ("\n".join(sorted(made)) + "\n").encode("utf-8")
    if not _same_bytes(folder / MANIFEST, manifest):
        with files.atomic_output(folder / MANIFEST, "wb") as stream:
            stream.write(manifest)
    return SiteResult(count, written, unchanged, removed)


def _same_bytes(target: Path, data: bytes) -> bool:
    try:
        return target.stat().st_size == len(data) and target.read_bytes() == data
    except OSError:
        return False


def _remove_left_over(folder: Path, kept: set[str]) -> int:
    """Remove what the last export listed and this one does not make: only files this program wrote."""
    try:
        listed = (folder / MANIFEST).read_text(encoding="utf-8").split("\n")
    except OSError:
        return 0
    removed = 0
    for relative in listed:
        if not relative or relative in kept or ".." in relative.split("/"):
            continue
        with contextlib.suppress(FileNotFoundError):
            (folder / Path(*relative.split("/"))).unlink()
            removed += 1
    return removed
