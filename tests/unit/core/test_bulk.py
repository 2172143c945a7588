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


def test_what_bulk_work_keeps_is_not_walked_by_the_next_young_collection():
    """What the work says it keeps goes to the collector's oldest generation at once: the next young collection
    does not walk the rows a printout keeps for its Word version, nor an import's file (issue #35)."""
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with bulk.many_objects():
        kept = [[index] for index in range(50_000)]  # 50 000 containers, as a long list's cells
        bulk.keep_made()
    oldest = {id(item) for item in gc.get_objects(generation=2)}
    assert id(kept) in oldest and all(id(item) in oldest for item in kept)  # moved at once, none walked young
    assert gc.get_freeze_count() == 0  # nothing left out of the collector's reach


class _Node:
    pass


def test_garbage_left_by_bulk_work_is_freed_by_the_young_collections_that_follow():
    """A printout's drawing leaves ReportLab's objects in cycles: they are found by the ordinary collections after
    the pause, without waiting for a full collection (which a window open all day may not run for hours)."""
    import weakref

    gc.collect()
    with bulk.many_objects():
        node = _Node()
        node.itself, node.load = node, [[index] for index in range(10_000)]  # a cycle holding some weight
        gone = weakref.ref(node)
        del node
    for _ in range(20):  # a window's ordinary work after it: enough new objects for the young collections
        [[] for _ in range(1_000)]
        if gone() is None:
            break
    assert gone() is None


def test_objects_frozen_before_bulk_work_stay_frozen():
    frozen = [[index] for index in range(100)]
    gc.freeze()
    try:
        with bulk.many_objects():
            made = [[index] for index in range(100)]
            bulk.keep_made()
        collected = {id(item) for item in gc.get_objects()}  # every generation's, not the frozen objects
        assert not any(id(item) in collected for item in frozen)  # another's frozen objects stay frozen
        assert all(id(item) in collected for item in made)
    finally:
        gc.unfreeze()


def test_a_pause_in_another_thread_keeps_the_collector_paused_until_the_last_one_ends():
    """A window prints a list while a worker reads an import file: the first to finish does not resume the
    collector under the other."""
    import threading

    started, finish = threading.Event(), threading.Event()

    def other_work() -> None:
        with bulk.many_objects():
            started.set()
            finish.wait(10)

    worker = threading.Thread(target=other_work)
    with bulk.many_objects():  # this thread's pause begins first and ends first
        worker.start()
        started.wait(10)
    assert not gc.isenabled()  # the worker's pause still holds
    finish.set()
    worker.join()
    assert gc.isenabled()


def test_a_read_interchange_file_is_in_the_oldest_generation():
    """An import's file, read (millions of objects for 100 000 events), is not walked by the collections that
    follow the reading: its records are in the oldest generation when the reading returns."""
    from nlv_events.services.workspace import demo

    document = decoding.read_document(demo.DEMO_FILE)
    oldest = {id(item) for item in gc.get_objects(generation=2)}
    assert document.events and all(id(record) in oldest for record in document.events)
