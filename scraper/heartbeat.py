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
so a worker machine's clock skew does not matter. The coordinator looks at the files through a
`StatProbe`: on shared storage (NFS) a stat can fail or hang, and neither may crash or hold the
run; a look that fails or takes longer than STAT_TIMEOUT is UNSEEN (counted, reported at the
run's end) and changes nothing the watchdog knows."""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

HEARTBEAT_FILE = "heartbeat"
BEAT_EVERY = 5.0             # seconds; at most one touch of the file this often
PAGE_WORK_SECONDS = 300.0    # parsing and committing one page, with a wide margin
QUIET_GRACE = 60.0
STAT_TIMEOUT = 10.0          # seconds the coordinator waits for one look at a heartbeat file
log = logging.getLogger("govnews.heartbeat")


class _Unseen:
    """The sign of life of a file that could not be looked at (an error, a look that hangs)."""

    def __repr__(self) -> str:
        return "UNSEEN"


UNSEEN = _Unseen()


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
    """What changes when the task beats: the file's mtime and size; None when there is none.
    Other OSErrors (EIO, ESTALE, EACCES) are raised: they say nothing about the task."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_mtime_ns, st.st_size


class StatProbe:
    """Signs of life looked at off the caller's thread, all the looks of one call waited for
    together at most `timeout` seconds; a file whose look still hangs is not looked at again
    until that look returns, so a hung mount costs one daemon thread per file, never the
    coordinator. A look that fails or is late gives UNSEEN and is counted in `failures`."""

    def __init__(self, timeout: float | None = None, look=None) -> None:
        self.timeout = STAT_TIMEOUT if timeout is None else timeout   # read when made (tests)
        self.failures = 0
        self._look = look
        self._hanging: dict[str, threading.Event] = {}
        self._lock = threading.Lock()

    def sign(self, path: Path):
        """The file's sign of life (see `sign_of_life`), or UNSEEN."""
        return self.signs([path])[path]

    def signs(self, paths) -> dict:
        """Each path's sign of life, or UNSEEN; the looks run side by side."""
        looks, found = {}, {}
        for path in paths:
            if self._still_hanging(path):
                found[path] = self._failed(path, "an earlier look has not returned")
            else:
                looks[path] = self._look_off_thread(path)
        deadline = time.monotonic() + self.timeout
        for path, (done, box) in looks.items():
            if not done.wait(max(0.0, deadline - time.monotonic())):
                with self._lock:
                    self._hanging[str(path)] = done
                found[path] = self._failed(path, "no answer from the file system in "
                                                 f"{self.timeout:g} s")
            elif "error" in box:
                found[path] = self._failed(path, str(box["error"]))
            else:
                found[path] = box["sign"]
        return found

    def _still_hanging(self, path: Path) -> bool:
        with self._lock:
            hanging = self._hanging.get(str(path))
            if hanging is not None and hanging.is_set():
                del self._hanging[str(path)]
                return False
            return hanging is not None

    def _look_off_thread(self, path: Path) -> tuple[threading.Event, dict]:
        done, box = threading.Event(), {}

        def look() -> None:
            try:
                box["sign"] = (self._look or sign_of_life)(path)
            except OSError as exc:
                box["error"] = exc
            finally:
                done.set()
        threading.Thread(target=look, name="heartbeat-look", daemon=True).start()
        return done, box

    def _failed(self, path: Path, why: str) -> _Unseen:
        with self._lock:
            self.failures += 1
            first = self.failures == 1
        (log.warning if first else log.debug)("%s: cannot look at the heartbeat: %s", path, why)
        return UNSEEN


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
    its sign of life was seen to change (or from the first look). An UNSEEN look is no
    change: the silence goes on counting (a file that can never be looked at still ends)."""

    def __init__(self, clock=time.monotonic, probe: StatProbe | None = None) -> None:
        self.clock = clock
        self.probe = probe if probe is not None else StatProbe()
        self._seen: dict = {}          # key -> (sign of life, when it last changed)

    def look(self, key, path: Path, bound: float) -> float | None:
        """Seconds of silence when more than `bound`, else None."""
        return self.judge(key, self.probe.sign(path), bound)

    def judge(self, key, sign, bound: float) -> float | None:
        """As `look`, with the sign of life already read."""
        now = self.clock()
        known = self._seen.get(key)
        if known is None or (sign is not UNSEEN and known[0] != sign):
            self._seen[key] = (sign, now)
            return None
        silent = now - known[1]
        return silent if silent > bound else None

    def forget(self, key) -> None:
        self._seen.pop(key, None)
