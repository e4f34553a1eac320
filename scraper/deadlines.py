"""One thread that fires every pending deadline of the process (the HTTP attempts' watchdogs).

A `threading.Timer` per request starts and ends a thread for every page (two with a body
deadline): on a fast server that costs more CPU than the request, and with a hundred host
workers the thread churn keeps the GIL changing hands. Here a deadline is an entry in a heap;
one daemon thread sleeps until the earliest one, and a cancelled entry is only marked (it costs
nothing when its time comes). The thread starts with the first deadline, and again in a child
process after a fork (threads do not survive one)."""
from __future__ import annotations

import heapq
import itertools
import logging
import os
import threading
import time
from typing import Callable


log = logging.getLogger("govnews.http")


class Deadline:
    """A pending call; `cancel()` before its time and it never runs."""
    __slots__ = ("when", "seq", "action")

    def __init__(self, when: float, seq: int, action: Callable[[], None]) -> None:
        self.when, self.seq, self.action = when, seq, action

    def __lt__(self, other: "Deadline") -> bool:
        return (self.when, self.seq) < (other.when, other.seq)

    def cancel(self) -> None:
        self.action = None


class Deadlines:
    def __init__(self) -> None:
        self._heap: list[Deadline] = []
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._seq = itertools.count()

    def after(self, seconds: float, action: Callable[[], None]) -> Deadline:
        """Call `action` (in the deadlines' thread) `seconds` from now, unless cancelled."""
        entry = Deadline(time.monotonic() + max(seconds, 0.0), next(self._seq), action)
        with self._cond:
            heapq.heappush(self._heap, entry)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="govnews-deadlines",
                                                daemon=True)
                self._thread.start()
            elif self._heap[0] is entry:
                self._cond.notify()              # earlier than what the thread sleeps until
        return entry

    def pending(self) -> int:
        """Entries not cancelled and not yet run (for tests)."""
        with self._cond:
            return sum(1 for entry in self._heap if entry.action is not None)

    def _run(self) -> None:
        while True:
            due = []
            with self._cond:
                now = time.monotonic()
                while self._heap and (self._heap[0].action is None or self._heap[0].when <= now):
                    entry = heapq.heappop(self._heap)
                    action, entry.action = entry.action, None    # read once: cancel() races
                    if action is not None:
                        due.append(action)
                if not due:
                    self._cond.wait(self._heap[0].when - now if self._heap else None)
                    continue
            for action in due:
                try:
                    action()
                except Exception:  # noqa: BLE001 - one failing action must not stop the others
                    log.exception("deadline action failed")


DEADLINES = Deadlines()
if hasattr(os, "register_at_fork"):
    # a forked child has none of the parent's threads: its deadlines start afresh (an inherited
    # lock could be held by a parent thread that no longer exists)
    os.register_at_fork(after_in_child=DEADLINES.__init__)
