"""Writing a neutral document to a file: PDF or Word by the file's extension, atomically."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from nlv_events.core import notices
from nlv_events.core.errors import UserError
from nlv_events.i18n import _, ngettext
from nlv_events.printing import model

FORMATS = (".pdf", ".docx")


def dropped_warning(path: str, characters: frozenset[str]) -> str:
    """What the user is told when `path` was written without `characters`."""
    return ngettext(
        "{file} was written without {count} character no font on this computer has: {characters}. Install a font "
        "that has it (for Hán and Nôm: SimSun and SimSun-ExtB, or Nôm Na Tống).",
        "{file} was written without {count} characters no font on this computer has: {characters}. Install a font "
        "that has them (for Hán and Nôm: SimSun and SimSun-ExtB, or Nôm Na Tống).",
        len(characters),
    ).format(file=path, count=len(characters), characters=" ".join(sorted(characters)))


def render_as(document: model.Document, suffix: str) -> bytes:
    """`document` as the bytes of a ".pdf" or ".docx" file."""
    if suffix == ".docx":
        from nlv_events.printing import docx_renderer

        return docx_renderer.render(document)
    from nlv_events.printing import pdf_renderer

    return pdf_renderer.render(document)


def check_path(path: str | os.PathLike[str]) -> str:
    """The lower-case extension of `path`, refused with a UserError unless it is .pdf or .docx."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UserError(_("{file}: give a file ending in {endings}.").format(file=path, endings=" / ".join(FORMATS)))
    return suffix


def write(document: model.Document, path: str | os.PathLike[str], rendered: Callable[[], None] | None = None) -> None:
    """Write `document` to `path` as PDF (.pdf) or Word (.docx); the file is replaced only once it is complete.
    `rendered` is called once the bytes are made, before anything is written (a progress bar's last step; what
    it raises, a cancellation, leaves the file as it was)."""
    # The atomic writer lives with the workspace's files (the same one every export uses); imported here, late,
    # so that printing stays importable without the services.
    from nlv_events.core.files import atomic_output

    content = render_as(document, check_path(path))
    if rendered is not None:
        rendered()
    with atomic_output(path, "wb") as stream:
        stream.write(content)
    if document.dropped:  # a printout never loses text silently: whoever asked for it is told
        notices.warn(dropped_warning(os.fspath(path), frozenset(document.dropped)))
