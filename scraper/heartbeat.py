"""A site task's sign of life, and the coordinator's watchdog over it.

Every request of a harvest is bounded, but a worker can still hang where no timeout reaches: a
deadlock, a C call that never returns, a parser bug that loops. Without a bound on the whole task
such a run would hold the cron job for ever. So a running task touches a file in its shard
(`heartbeat`) each time it waits its turn for a host, ends a page or sleeps on an archive, at most
every BEAT_EVERY seconds; and the coordinator, which sees the shard folder wherever the task runs
(the dataset is on storage every worker shares), declares a started task whose heartbeat has not
moved for `quiet_seconds(task)` stalled. That bound follows from the task's own settings: the
longest legitimate silence is one wait for a host (at most max_retry_wait, or a failing host's
pause), one attempt (connect and read timeouts) and the work on one page, or the wait for the
site's lease at the start.

The file's mtime is only compared with its previous value, never with the coordinator's clock,
so a worker machine's clock skew does not matter."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

HEARTBEAT_FILE = "heartbeat"
BEAT_EVERY = 5.0             # seconds; at most one touch of the file this often
PAGE_WORK_SECONDS = 300.0    # parsing and committing one page, with a wide margin
QUIET_GRACE = 60.0


class Heartbeat:
    """Touches `path` when beaten, at most once every `every` seconds; never raises (a full or
    read-only disk shows up elsewhere: the watchdog only loses a sign of life)."""

    def __init__(self, path: Path, every: float | None = None) -> None:
        self.path = path
        self.every = BEAT_EVERY if every is None else every     # read when made (tests set it)
        self._last = float("-inf")
        self._lock = threading.Lock()

    def beat(self, force: bool = False) -> None:
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last < self.every:
                return
            self._last = now
        try:
            with open(self.path, "w") as handle:   # a write, not utime: NFS sees the change
                handle.write(f"{os.getpid()} {time.time():.3f}\n")
        except OSError:
            pass

    def sleep(self, seconds: float) -> None:
        """time.sleep that beats all along (an archive's long Retry-After is not a hang)."""
        end = time.monotonic() + max(0.0, seconds)
        while True:
            self.beat()
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, self.every))


def no_beat() -> None:
    """The heartbeat of a crawl nobody watches (the `crawl` command, tests)."""


def heartbeat_path(shard_folder: Path) -> Path:
    return Path(shard_folder) / HEARTBEAT_FILE


def sign_of_life(path: Path) -> tuple[int, int] | None:
    """What changes when the task beats: the file's mtime and size; None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def quiet_seconds(task) -> float:
    """The longest a healthy task goes without a beat (see the module docstring)."""
    settings = task.settings
    http = settings.http
    one_page = (max(settings.max_retry_wait, settings.host_pause) + http.connect_timeout
                + http.read_timeout + PAGE_WORK_SECONDS)
    return max(float(task.lease_wait), one_page) + QUIET_GRACE


class Watchdog:
    """Which running tasks have been silent too long. `look(key, path, bound)` for each task
    known to be running, as often as convenient; a task's silence counts from the last time
    its sign of life was seen to change (or from the first look)."""

    def __init__(self, clock=time.monotonic) -> None:
        self.clock = clock
        self._seen: dict = {}          # key -> (sign of life, when it last changed)

    def look(self, key, path: Path, bound: float) -> float | None:
        """Seconds of silence when more than `bound`, else None."""
        now = self.clock()
        sign = sign_of_life(path)
        known = self._seen.get(key)
        if known is None or known[0] != sign:
            self._seen[key] = (sign, now)
            return None
        silent = now - known[1]
        return silent if silent > bound else None

    def forget(self, key) -> None:
        self._seen.pop(key, None)
