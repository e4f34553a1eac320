"""Progress on a terminal: one line, rewritten in place, never wider than the terminal. Never
used under cron (no terminal). A dozen lines of our own rather than tqdm or rich: a crawl has no
known total (listings reveal pages as they are read), so a bar would lie; what helps is the
rate, the queue and the time so far."""
from __future__ import annotations

import shutil
import threading
import time
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO, every: float = 0.2) -> None:
        self.stream = stream
        self.every = every
        self._started = time.monotonic()
        self._last = 0.0
        self._width = 0
        self._lock = threading.Lock()

    def update(self, pages: int, articles: int, queued: int, errors: int, site: str = "") -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._last < self.every:
                return
            self._last = now
            line = progress_line(pages, articles, queued, errors, site, now - self._started)
            width = shutil.get_terminal_size((80, 24)).columns - 1
            line = line[:width]
            self._width = max(self._width, len(line))
            self.stream.write("\r" + line.ljust(self._width))
            self.stream.flush()

    def close(self) -> None:
        with self._lock:
            if self._width:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()


def progress_line(pages: int, articles: int, queued: int, errors: int, site: str,
                  elapsed: float) -> str:
    """`12:05 1,234 pages 8.1/s | 310 articles | 95 queued | 2 errors | baclieu-city`: the
    most useful first, so a narrow terminal cuts the least useful."""
    minutes, seconds = divmod(int(elapsed), 60)
    rate = pages / elapsed if elapsed > 0 else 0.0
    parts = [f"{minutes}:{seconds:02d} {pages:,} pages {rate:.1f}/s", f"{articles:,} articles",
             f"{queued:,} queued"]
    if errors:
        parts.append(f"{errors:,} errors")
    if site:
        parts.append(site)
    return " | ".join(parts)
