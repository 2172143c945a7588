"""Fill untranslated entries of the Vietnamese catalog from scripts/vi_translations.py (run by `make i18n`)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).parent))


def _all_translations() -> dict:
    """scripts/vi_translations.py and every scripts/vi_translations_<area>.py beside it, one table."""
    import importlib

    table: dict = {}
    for path in sorted(Path(__file__).parent.glob("vi_translations*.py")):
        table.update(importlib.import_module(path.stem).VI)
    return table


VI = _all_translations()

CATALOG = Path(__file__).parents[1] / "resources/translations/vi/LC_MESSAGES/nlv_events.po"


def main() -> int:
    with CATALOG.open("rb") as stream:
        catalog = read_po(stream, locale="vi")
    missing = []
    for message in catalog:
        if not message.id:
            continue
        translated = message.string if isinstance(message.string, str) else any(message.string)
        if translated:
            continue
        found = VI.get(message.id)
        if found is None:
            missing.append(message.id)
            continue
        message.string = found
    with CATALOG.open("wb") as stream:
        write_po(stream, catalog, width=110, omit_header=False)
    for message_id in missing:
        print(f"untranslated (vi): {message_id!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
