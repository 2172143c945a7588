"""The year-end list's pages as text, to show that a change to the printing code prints the same thing.

    python -m bench.same_pages before.json      # on the code before the change
    python -m bench.same_pages after.json       # on the code after it
    python -m bench.same_pages --compare before.json after.json

The list is the newest year of the bench's 10 000-event database (1 000 events), with a fixed date, so two runs
of the same code write the same text; each page's text is read back with PDFium.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def page_texts() -> list[str]:
    home = tempfile.mkdtemp(prefix="nlv-bench-home-")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = home
    import pypdfium2

    from bench import synthetic
    from nlv_events.core import database
    from nlv_events.printing.decree import DecreeOptions
    from nlv_events.services.reports import year_report

    path = synthetic.build(ROOT / "bench" / "out" / "events-10000.sqlite3", 10_000)
    database.open_database(str(path))
    pdf = year_report.render(synthetic.FIRST_YEAR + synthetic.YEARS - 1, DecreeOptions(date=dt.date(2026, 12, 1)))
    database.close_database()
    document = pypdfium2.PdfDocument(bytes(pdf))
    return [document[index].get_textpage().get_text_range() for index in range(len(document))]


def main(arguments: list[str]) -> int:
    if len(arguments) == 3 and arguments[0] == "--compare":
        before, after = (json.loads(Path(name).read_text(encoding="utf-8")) for name in arguments[1:])
        differing = [number for number, (old, new) in enumerate(zip(before, after, strict=False), 1) if old != new]
        if len(before) != len(after) or differing:
            print(f"different: {len(before)} and {len(after)} pages; pages differing: {differing[:20]}")
            return 1
        print(f"the same text on all {len(after)} pages")
        return 0
    if len(arguments) != 1:
        print(__doc__)
        return 2
    texts = page_texts()
    Path(arguments[0]).write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    print(f"{len(texts)} pages written to {arguments[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
