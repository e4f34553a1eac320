"""Which of a Dask cluster's site tasks have started, which hang, and which no worker takes.

The scheduler says which worker holds each task (`processing`); a task there may still be
queued behind another on that worker, and a task whose worker died is held again by another
worker, or by none for a while. So a task's silence is counted per task key *and* worker, from
the moment it is seen to start on that worker (its heartbeat moved since the worker took it):
a task that moved, or waits its turn, is never judged on the time it was queued or on its
previous worker's last beat.

A task no worker ever starts has no heartbeat to judge. It is bounded by the run's own progress
instead: when no task of the run has started, beaten or ended for `not_started` seconds, the
tasks still waiting are given up, so that a run without max_run_seconds ends by itself too.

Pure bookkeeping: the executor hands in what the scheduler said and each task's sign of life
(heartbeat.StatProbe); the clock is injected."""
from __future__ import annotations

import time
from typing import Hashable

from .heartbeat import UNSEEN, Watchdog

NOT_STARTED_SECONDS = 600.0   # the run standing still this long: tasks not started are left
_UNKNOWN = object()           # a task's sign before its worker took it, never seen


class ClusterWatch:
    def __init__(self, clock=time.monotonic) -> None:
        self.clock = clock
        self._watchdog = Watchdog(clock=clock)   # keyed by (task key, worker)
        self._worker: dict = {}       # key -> the worker it was last seen on
        self._started: set = set()    # keys seen started on their current worker
        self._last: dict = {}         # key -> its last sign of life seen (UNSEEN never)
        self._reference: dict = {}    # key -> its sign when its current worker took it
        self._progress = clock()      # when a task of the run last started, beat or ended

    def submitted(self, key: Hashable, sign) -> None:
        """The task was sent; `sign` is its heartbeat's sign of life before it ran."""
        if sign is not UNSEEN:
            self._last[key] = sign

    def ended(self, key: Hashable) -> None:
        """The task ended (a result, an error) or was given up: its state goes."""
        self._progress = self.clock()
        self._leave(key)
        self._last.pop(key, None)

    def look(self, key: Hashable, worker: str | None, sign, quiet: float) -> float | None:
        """One look at a pending task: the `worker` the scheduler has it on (None: none) and its
        sign of life. Its silence in seconds when it started on that worker and has been silent
        longer than `quiet` there, else None."""
        if worker is None:
            self._leave(key)
        elif self._worker.get(key) != worker:
            self._leave(key)
            self._worker[key] = worker
            self._reference[key] = self._last.get(key, _UNKNOWN)
        moved = sign is not UNSEEN and sign != self._last.get(key, sign)
        if sign is not UNSEEN:
            self._last[key] = sign
        if moved:
            self._progress = self.clock()
        if worker is None or not self._has_started(key, sign):
            return None
        return self._watchdog.judge((key, worker), sign, quiet)

    def not_started(self, pending) -> list:
        """The keys of `pending` not started on any worker, when the run has stood still for
        longer than NOT_STARTED_SECONDS (else none)."""
        if self.idle() <= NOT_STARTED_SECONDS:
            return []
        return [key for key in pending if key not in self._started]

    def idle(self) -> float:
        """Seconds since a task of the run last started, beat or ended."""
        return self.clock() - self._progress

    def _has_started(self, key: Hashable, sign) -> bool:
        if key in self._started:
            return True
        if sign is UNSEEN:
            return False
        if self._reference.get(key) is _UNKNOWN:
            self._reference[key] = sign   # no sign from before: the next beat shows the start
            return False
        if sign == self._reference.get(key):
            return False                  # queued on its worker: no beat since it took it
        self._started.add(key)
        self._progress = self.clock()
        return True

    def _leave(self, key: Hashable) -> None:
        """The task is no longer on the worker it was seen on: what was judged there goes."""
        worker = self._worker.pop(key, None)
        if worker is not None:
            self._watchdog.forget((key, worker))
        self._started.discard(key)
        self._reference.pop(key, None)
