"""Warnings from the work below the window reach the person at it, from whichever thread raised them."""

from __future__ import annotations

import threading

from nlv_events.core import notices


def test_the_window_shows_a_warning_raised_by_work_in_another_thread(window, answers, qtbot):
    worker = threading.Thread(target=notices.warn, args=("tệp.pdf: thiếu ký tự",))  # as a print worker would
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: ("warn", "tệp.pdf: thiếu ký tự") in answers)


def test_a_closed_window_no_longer_listens(window, answers, qtbot):
    window.close()
    notices.warn("sau khi đóng")
    qtbot.wait(50)
    assert ("warn", "sau khi đóng") not in answers
