"""One exception tree for the run; library errors are converted where the library is called."""
from __future__ import annotations


class GovnewsError(Exception):
    """Base of every error govnews raises on purpose."""


class ConfigError(GovnewsError, ValueError):
    """A bad configuration file, flag or path: the message is the one line the user sees."""


class LockHeld(GovnewsError, RuntimeError):
    """Another harvest holds the dataset folder."""


class FetchError(GovnewsError, IOError):
    """A page could not be fetched. `kind` groups errors in the run summary."""

    kind = "fetch"

    def __init__(self, url: str, message: str, kind: str | None = None) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.reason = message
        if kind:
            self.kind = kind


class TransientError(FetchError):
    """Worth retrying: timeouts, resets, 5xx, 429."""

    def __init__(self, url: str, message: str, kind: str, retry_after: float | None = None) -> None:
        super().__init__(url, message, kind)
        self.retry_after = retry_after


class BlockedByRobots(FetchError):
    kind = "robots"


class OutOfScope(FetchError):
    kind = "out_of_scope"


class StoreFailure(GovnewsError, OSError):
    """The dataset cannot be written (disk full, read-only folder, corrupt database): the run
    stops at once, since every later page would fail the same way."""


class ClusterTaskTimeout(GovnewsError, TimeoutError):
    """A task on the cluster gave no result within its time bound (a worker hung or is lost
    without the scheduler noticing): the command stops instead of waiting for ever."""


class InternalError(GovnewsError, RuntimeError):
    """A bug: the message is one line, the traceback is in `crash_file`."""

    def __init__(self, message: str, crash_file: str | None = None) -> None:
        super().__init__(message)
        self.crash_file = crash_file


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM ended a harvest after it recorded the run: `summary` holds what the
    run committed, for the summary line a cron mail shows."""

    def __init__(self, summary) -> None:
        super().__init__("interrupted")
        self.summary = summary


def one_line(exc: BaseException, limit: int = 300) -> str:
    """An unexpected error in one line: its type and its message's words (a library's page of
    advice, numpy's on a failed import, folded and cut); for a failed import, what could not be
    loaded and why (under a memory limit: 'failed to map segment from shared object')."""
    if isinstance(exc, ImportError) and "\n" in str(exc):
        cause = exc.__cause__ or exc.__context__
        why = " ".join(str(cause).split()) if cause is not None else ""
        text = f"cannot load {exc.name or 'a library'}" + (f" ({why})" if why else "")
    elif isinstance(exc, MemoryError):
        text = "out of memory" + (f" ({exc})" if str(exc) else "")
    else:
        text = " ".join(str(exc).split())
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return f"{type(exc).__name__}: {text}"
