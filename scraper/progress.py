"""Progress on a terminal: one line, rewritten in place. Never used under cron."""
from __future__ import annotations

import threading
import time
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO, every: float = 0.2) -> None:
        self.stream = stream
        self.every = every
        self._last = 0.0
        self._lock = threading.Lock()

    def update(self, pages: int, articles: int, queued: int, errors: int, host: str = "") -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._last < self.every:
                return
            self._last = now
            done = pages / max(pages + queued, 1)
            bar = "#" * int(done * 24)
            self.stream.write(f"\r[{bar:<24}] {pages} pages, {articles} articles, {queued} queued, "
                              f"{errors} errors {host[:30]:<30}")
            self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r" + " " * 100 + "\r")
        self.stream.flush()
