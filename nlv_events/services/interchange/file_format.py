"""The JSON interchange file ("nlv-events/1"), as the rest of the program uses it: reading and checking
(reading.py, decoding.py), importing (importing.py), exporting (exporting.py) and the old 8-bit texts (legacy.py).
The features' parts of the file (exhibitions, guests, photos, planning) register themselves (parts.py)."""

from __future__ import annotations

from nlv_events.services.interchange.decoding import parse_text, read_document
from nlv_events.services.interchange.exporting import (
    export_document,
    person_to_dict,
    programme_row_to_dict,
    record_to_dict,
    write_document,
)
from nlv_events.services.interchange.importing import BATCH_SIZE, ImportSummary, Progress, import_document
from nlv_events.services.interchange.legacy import (
    LegacyText,
    LegacyTextError,
    convert_legacy_text,
    describe_legacy_text,
    find_legacy_text,
    handle_legacy_text,
)
from nlv_events.services.interchange.reading import (
    FORMAT,
    PERSON_KEYS,
    PLAN_KEYS,
    PROGRAMME_KEYS,
    TEXT_KEYS,
    Document,
    parse_document,
    record_from_dict,
)

__all__ = [
    "BATCH_SIZE",
    "FORMAT",
    "PERSON_KEYS",
    "PLAN_KEYS",
    "PROGRAMME_KEYS",
    "TEXT_KEYS",
    "Document",
    "ImportSummary",
    "LegacyText",
    "LegacyTextError",
    "Progress",
    "convert_legacy_text",
    "describe_legacy_text",
    "export_document",
    "find_legacy_text",
    "handle_legacy_text",
    "import_document",
    "parse_document",
    "parse_text",
    "person_to_dict",
    "programme_row_to_dict",
    "read_document",
    "record_from_dict",
    "record_to_dict",
    "write_document",
]
