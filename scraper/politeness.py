"""Per-host politeness and patience: when a host may be asked next, how long a Retry-After may
hold it, and when a failing host is given up for the run. Every wait here is bounded, and every
wait ends early when the run stops."""
from __future__ import annotations

import math
import threading
import time

from .errors import TransientError
from .heartbeat import no_beat


class HostDone(TransientError):
    """This host is done for this run (a Retry-After beyond `max_retry_wait`, or failing for
    longer than `host_give_up_seconds`): its queued pages stay queued for the next run."""

    def __init__(self, url: str, message: str) -> None:
        super().__init__(url, message, "host_given_up")


class HostClock:
    """The times at which each host may be asked again, and each host's current failing streak.

    One worker thread serves one host, so a host's entries are written by one thread at a time;
    the lock guards the dictionaries themselves.
    """

    def __init__(self, max_wait: float, give_up_after: float, stop: threading.Event,
                 on_turn=no_beat) -> None:
        self.max_wait = max_wait                 # no single wait is longer than this
        self.on_turn = on_turn                   # called when a host's turn comes (a heartbeat)
        self.give_up_after = give_up_after       # seconds of nothing but failures
        self.stop = stop
        self._next: dict[str, float] = {}
        self._hold: dict[str, float] = {}        # a Retry-After's delay, until the host answers
        self._failing_since: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait_turn(self, host: str, delay: float) -> bool:
        """Sleep until `host` may be asked, then book its next turn `delay` seconds on.
        False when the run stopped while waiting."""
        with self._lock:
            delay = _bounded(max(delay, self._hold.get(host, 0.0)), self.max_wait)
            ready = self._next.get(host, 0.0)
        pause = ready - time.monotonic()
        if pause > 0 and self.stop.wait(min(pause, self.max_wait)):
            return False
        with self._lock:
            self._next[host] = time.monotonic() + delay
        self.on_turn()
        return True

    def push_back(self, host: str, seconds: float) -> None:
        """Nothing is sent to `host` for `seconds` (a backoff or a Retry-After)."""
        seconds = _bounded(seconds, self.max_wait)
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), time.monotonic() + seconds)

    def hold(self, host: str, retry_after: float) -> None:
        """A Retry-After raises the host's delay until it answers again."""
        with self._lock:
            self._hold[host] = _bounded(max(self._hold.get(host, 0.0), retry_after), self.max_wait)

    def answered(self, host: str) -> None:
        """The host sent a response: its Retry-After hold and failing streak end."""
        with self._lock:
            self._hold.pop(host, None)
            self._failing_since.pop(host, None)

    def failed(self, host: str, since: float | None = None) -> None:
        """An attempt on `host` failed; `since` is when that attempt began (the streak's clock
        starts then, not when the failure was noticed)."""
        with self._lock:
            self._failing_since.setdefault(host, time.monotonic() if since is None else since)

    def failing_for(self, host: str, ahead: float = 0.0) -> float:
        """Seconds the host will have been failing `ahead` seconds from now (0: not failing)."""
        with self._lock:
            since = self._failing_since.get(host)
        return 0.0 if since is None else time.monotonic() + ahead - since

    def check_patience(self, host: str, url: str, ahead: float = 0.0) -> None:
        """Raise HostDone when the host has answered nothing for `give_up_after` seconds (or will
        have, after a wait of `ahead` seconds)."""
        failing = self.failing_for(host, ahead)
        if failing >= self.give_up_after:
            raise HostDone(url, f"no usable answer from {host} for {failing:.0f} s "
                                f"(host_give_up_seconds = {self.give_up_after:g})")


def _bounded(seconds: float, limit: float) -> float:
    if not math.isfinite(seconds):
        return limit
    return min(max(seconds, 0.0), limit)
