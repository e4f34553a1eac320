"""The one deadlines thread that the HTTP attempts' watchdogs share (scraper/deadlines.py)."""
from __future__ import annotations

import threading
import time

from govnews.scraper.deadlines import Deadlines


def test_a_deadline_fires_once_at_its_time_and_a_cancelled_one_never():
    deadlines = Deadlines()
    fired: list[tuple[str, float]] = []
    start = time.monotonic()
    deadlines.after(0.3, lambda: fired.append(("late", time.monotonic() - start)))
    deadlines.after(0.1, lambda: fired.append(("early", time.monotonic() - start)))
    deadlines.after(0.05, lambda: fired.append(("cancelled", 0.0))).cancel()
    _until(lambda: len(fired) >= 2)
    time.sleep(0.1)
    assert [name for name, _ in fired] == ["early", "late"]
    assert fired[0][1] >= 0.09 and fired[1][1] >= 0.29      # never before its time
    assert deadlines.pending() == 0


def test_an_earlier_deadline_wakes_the_thread_sleeping_until_a_later_one():
    deadlines = Deadlines()
    done = threading.Event()
    deadlines.after(30.0, lambda: None)          # the thread now sleeps for 30 s
    start = time.monotonic()
    deadlines.after(0.05, done.set)
    assert done.wait(10.0) and time.monotonic() - start < 10.0    # not the 30 s it slept for


def test_many_deadlines_share_one_thread_and_a_failing_action_does_not_stop_it():
    deadlines = Deadlines()
    before = threading.active_count()
    hits: list[int] = []
    entries = [deadlines.after(1.0, lambda i=i: hits.append(i)) for i in range(200)]
    deadlines.after(0.01, lambda: 1 / 0)
    for entry in entries[::2]:
        entry.cancel()
    assert threading.active_count() <= before + 1
    _until(lambda: len(hits) >= 100)
    time.sleep(0.1)
    assert sorted(hits) == list(range(1, 200, 2))
    deadlines.after(0.01, lambda: hits.append(-1))
    _until(lambda: hits[-1] == -1)


def _until(condition, seconds: float = 10.0) -> None:
    limit = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < limit, "deadline never fired"
        time.sleep(0.01)
