"""The demo data: the library's year 2022 (sample data built from its own year-end review)."""

from __future__ import annotations

from nlv_events.core.resources import resource
from nlv_events.services.interchange import decoding, importing
from nlv_events.services.workspace import sample_data, sample_removal

DEMO_FILE = resource("demo", "nlv-2022-sample.json")


def load_demo() -> importing.ImportSummary:
    """Load the demo year into the open database; loading it again changes nothing, and brings back the sample
    events that File → Remove sample data took out."""
    sample_data.put_back(sample_data.deleted_sample_ids())
    return importing.import_document(decoding.read_document(DEMO_FILE))


def take_out_sample(event_ids: list[int]) -> sample_removal.SampleRemoval:
    """File → Remove sample data: the sample events, and the demo's plan targets and the names only they brought
    (the 2022 tallies read "7% of the plan" against targets left behind); `sample_removal.put_back` undoes it."""
    return sample_removal.take_out(event_ids, decoding.read_document(DEMO_FILE).plans)
