"""The Dask coordinator's bookkeeping of its tasks (scraper/clusterwatch.py), on a simulated
clock: silence per task and worker, counted from the task's start on that worker, and the bound
on tasks no worker starts."""
from __future__ import annotations

import pytest

from govnews.scraper import clusterwatch
from govnews.scraper.clusterwatch import ClusterWatch
from govnews.scraper.heartbeat import UNSEEN

QUIET = 10.0


@pytest.fixture
def clock():
    now = [0.0]
    return now


def watch_on(clock) -> ClusterWatch:
    return ClusterWatch(clock=lambda: clock[0])


def at(clock, when: float) -> None:
    clock[0] = when


def test_a_task_that_moved_to_another_worker_is_judged_from_its_start_there(clock):
    """Its first worker died after a beat; on the next worker it waits behind another task:
    not stalled (it was judged on its last beat on the dead worker before)."""
    watch = watch_on(clock)
    watch.submitted("k", (0, 0))
    at(clock, 1)
    assert watch.look("k", "w1", (1, 10), QUIET) is None        # started on w1
    at(clock, 5)
    assert watch.look("k", "w1", (1, 10), QUIET) is None
    at(clock, 8)
    assert watch.look("k", None, UNSEEN, QUIET) is None          # w1 died: on no worker
    at(clock, 9)
    assert watch.look("k", "w2", (1, 10), QUIET) is None         # queued on w2
    at(clock, 30)
    assert watch.look("k", "w2", (1, 10), QUIET) is None         # still queued: 21 s, no stall
    at(clock, 31)
    assert watch.look("k", "w2", (2, 11), QUIET) is None         # starts on w2
    at(clock, 40)
    assert watch.look("k", "w2", (2, 11), QUIET) is None
    at(clock, 42)
    assert watch.look("k", "w2", (2, 11), QUIET) == 11.0         # silent on w2 since 31


def test_a_task_moved_straight_to_another_worker_is_judged_there_afresh(clock):
    """The scheduler's next answer already has it on another worker (no look in between)."""
    watch = watch_on(clock)
    watch.submitted("k", None)
    at(clock, 1)
    assert watch.look("k", "w1", (1, 10), QUIET) is None
    at(clock, 9)
    assert watch.look("k", "w2", (1, 10), QUIET) is None
    at(clock, 25)
    assert watch.look("k", "w2", (1, 10), QUIET) is None


def test_a_task_queued_on_its_worker_is_not_stalled_from_the_time_it_was_queued(clock):
    watch = watch_on(clock)
    watch.submitted("k", (0, 0))
    for when in (1, 20, 60, 100):
        at(clock, when)
        assert watch.look("k", "w1", (0, 0), QUIET) is None
    at(clock, 101)
    assert watch.look("k", "w1", (5, 5), QUIET) is None          # it starts
    at(clock, 112)
    assert watch.look("k", "w1", (5, 5), QUIET) == 11.0


def test_a_task_whose_sign_before_it_ran_was_unseen_waits_for_a_beat(clock):
    """The look at submission failed: the first sign seen on its worker may be an earlier
    run's heartbeat, so only a change from it shows the start."""
    watch = watch_on(clock)
    watch.submitted("k", UNSEEN)
    at(clock, 1)
    assert watch.look("k", "w1", (3, 3), QUIET) is None
    at(clock, 50)
    assert watch.look("k", "w1", (3, 3), QUIET) is None
    at(clock, 51)
    assert watch.look("k", "w1", (4, 4), QUIET) is None
    at(clock, 62)
    assert watch.look("k", "w1", (4, 4), QUIET) == 11.0


def test_tasks_no_worker_starts_are_given_up_once_the_run_stands_still(clock, monkeypatch):
    monkeypatch.setattr(clusterwatch, "NOT_STARTED_SECONDS", 50.0)
    watch = watch_on(clock)
    watch.submitted("busy", (0, 0))
    watch.submitted("waits", (0, 0))
    for when in range(1, 100, 10):                  # a long healthy task beats all along
        at(clock, when)
        assert watch.look("busy", "w1", (when, when), QUIET) is None
        assert watch.look("waits", None, UNSEEN, QUIET) is None
        assert watch.not_started(["busy", "waits"]) == []
    at(clock, 100)
    watch.ended("busy")
    at(clock, 149)
    assert watch.not_started(["waits"]) == []
    at(clock, 151)
    assert watch.not_started(["waits"]) == ["waits"]
