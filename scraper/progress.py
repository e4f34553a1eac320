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


class ProgressTotals:
    """One progress line for many crawls at once (a harvest's sites on several threads): each
    crawl reports its own counts to its `part`, the line shows the sums."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self._parts: dict[str, tuple[int, int, int, int]] = {}
        self._lock = threading.Lock()

    def part(self, key: str) -> "_Part | None":
        return _Part(self, key) if self.progress is not None else None

    def set(self, key: str, pages: int, articles: int, queued: int, errors: int,
            site: str = "") -> None:
        if self.progress is None:
            return
        with self._lock:
            self._parts[key] = (pages, articles, queued, errors)
            sums = [sum(values) for values in zip(*self._parts.values())]
        self.progress.update(*sums, site=site)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.close()


class _Part:
    def __init__(self, totals: ProgressTotals, key: str) -> None:
        self.totals, self.key = totals, key

    def update(self, pages: int, articles: int, queued: int, errors: int, site: str = "") -> None:
        self.totals.set(self.key, pages, articles, queued, errors, site)

    def close(self) -> None:            # the harvest closes the line once, at its end
        pass
