"""How many threads of this process do CPU work on a page at once, and which ones first.

A harvest's host workers (one thread per host, dozens per process) spend most of a page's
time on CPU: writing its WARC records, parsing it, committing it. With the GIL only one of them
runs at a time; the others wait for it, each waking every switch interval (5 ms) to ask for it,
so with forty of them waiting the process spends a good part of its CPU handing the GIL around
(futex calls, context switches, cold caches). A page's CPU work therefore takes one of a few
slots first: a thread without one sleeps until a slot is handed to it (one wake-up), and the
GIL is contended by a handful.

The waiting threads are served by priority, not in arrival order: a crawl asks with its
host's pages still to fetch, and the host with the most goes first. Every host must keep its
delay between requests, so the host with the longest queue bounds how soon a harvest can end;
served first, it keeps its one-request-at-a-time pace while the hosts with little left fill
the CPU in between (longest remaining work first), instead of all hosts advancing together
and the last minutes going to a few long queues with an idle CPU.

Network waits and politeness delays never hold a slot (a slow server cannot hold up another
host), and a thread that waits `SLOT_WAIT` seconds for one goes on without it: the slots shape
contention, they are never a reason to wait longer than that."""
from __future__ import annotations

import heapq
import itertools
import os
import threading

SLOTS = 3                  # threads doing a page's CPU work at once: one runs, the others in C code
SLOT_WAIT = 1.0            # seconds a thread waits for a slot at most, then goes on without one


class _Waiter:
    __slots__ = ("lock", "granted", "gone")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.lock.acquire()                  # released when a slot is handed over
        self.granted = False
        self.gone = False                    # stopped waiting (timed out)


class CpuSlots:
    """Slots taken and given back by the same thread, handed to the waiting thread of highest
    priority (ties: first come); `take` and `give` are idempotent per thread (a thread holds at
    most one slot). Every wait is bounded by `wait`."""

    def __init__(self, slots: int = SLOTS, wait: float = SLOT_WAIT) -> None:
        self.slots, self.wait = slots, wait
        self._lock = threading.Lock()
        self._free = slots
        self._waiting: list[tuple[float, int, _Waiter]] = []    # heap: (-priority, order, waiter)
        self._order = itertools.count()
        self._held = threading.local()

    def take(self, priority: float = 0.0) -> bool:
        """Hold a slot: at once if one is free and nobody waits, else when one is handed over
        (highest `priority` first), after `wait` seconds at most. False: went on without one."""
        if getattr(self._held, "slot", False):
            return True
        with self._lock:
            if self._free > 0 and not self._waiting:
                self._free -= 1
                self._held.slot = True
                return True
            waiter = _Waiter()
            heapq.heappush(self._waiting, (-priority, next(self._order), waiter))
        waiter.lock.acquire(timeout=self.wait)
        with self._lock:
            if not waiter.granted:
                waiter.gone = True               # `give` skips it
            self._held.slot = waiter.granted
        return waiter.granted

    def give(self) -> None:
        """Give the slot back (to the waiting thread of highest priority), if this thread holds
        one."""
        if not getattr(self._held, "slot", False):
            return
        self._held.slot = False
        with self._lock:
            while self._waiting:
                waiter = heapq.heappop(self._waiting)[2]
                if not waiter.gone:
                    waiter.granted = True
                    waiter.lock.release()
                    return
            self._free += 1

    def waiting(self) -> int:
        """Threads waiting for a slot now (for tests)."""
        with self._lock:
            return sum(1 for entry in self._waiting if not entry[2].gone)


def _slots_wanted() -> int:
    """`SLOTS`, or the environment's GOVNEWS_CPU_SLOTS (0: as many as there are threads, the
    behaviour without slots; for measuring)."""
    try:
        wanted = int(os.environ.get("GOVNEWS_CPU_SLOTS", SLOTS))
    except ValueError:
        wanted = SLOTS
    return wanted if wanted > 0 else 1_000_000


CPU_SLOTS = CpuSlots(_slots_wanted())
if hasattr(os, "register_at_fork"):
    # a forked child starts with none of the parent's threads, so with every slot free
    os.register_at_fork(after_in_child=lambda: CPU_SLOTS.__init__(CPU_SLOTS.slots, CPU_SLOTS.wait))
