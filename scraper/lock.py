"""Folder locks: the dataset's (one harvest at a time) and each shard's lease (one worker at a
time per site, across every process and machine that shares the folder). flock: the kernel
frees a lock when its holder dies, even by SIGKILL, so a dead holder's lock is taken over with
no cleanup; on NFS (v4, or v3 with lockd) Linux maps flock to the server's byte-range locks."""
from __future__ import annotations

import fcntl
import os
import socket
import time
from pathlib import Path

from .errors import LockHeld, StoreFailure
from .records import utc_now

LOCK_NAME = "harvest.lock"


class FolderLock:
    """An exclusive lock on a folder, held by this process until `release` (or its death).
    `acquire(wait=s)` polls for up to `s` seconds before giving up with LockHeld."""

    def __init__(self, folder: Path, what: str = "another harvest holds the lock") -> None:
        self.path = Path(folder) / LOCK_NAME
        self.what = what
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0) -> "FolderLock":
        try:
            return self._acquire(wait)
        except (LockHeld, BlockingIOError):
            raise
        except OSError as exc:         # a read-only or full disk, a folder of someone else's
            cause = exc.strerror or type(exc).__name__
            raise StoreFailure(f"{self.path}: {cause} (while taking the lock); nothing was done") from None

    def _acquire(self, wait: float) -> "FolderLock":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))
                    continue
                holder = os.pread(fd, 4096, 0).decode("utf-8", "replace").strip() \
                    or "another process"
                os.close(fd)
                raise LockHeld(f"{self.path.parent}: {self.what} ({holder})") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()} since {utc_now()}\n".encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "FolderLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
