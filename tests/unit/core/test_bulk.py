"""The cycle collector is paused for bulk work and runs again after it, also when the work fails."""

import gc

import pytest

from nlv_events.core import bulk
from nlv_events.services.interchange import decoding


def test_the_collector_is_paused_inside_and_restored_after_nested_blocks_and_errors():
    assert gc.isenabled()
    with bulk.many_objects():
        assert not gc.isenabled()
        with bulk.many_objects():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
    assert gc.isenabled()
    with pytest.raises(ValueError), bulk.many_objects():
        raise ValueError("a bad file")
    assert gc.isenabled()


def test_reading_a_file_leaves_the_collector_running_even_when_the_file_is_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - the message is tested elsewhere; here only the collector
        decoding.read_document(bad)
    assert gc.isenabled()
