"""How a crawl asks a host for a page: the host's turn (its delay, counted from the end of the
previous answer, for every redirect hop too), retries with backoff, Retry-After, robots.txt, and
conditional requests. A part of `Crawl` (a mixin): the scheduling is in `crawl`, the commits in
`committing`."""

import logging
import random
import time


from .errors import FetchError, StoreFailure, TransientError
from .frontier import Request
from .http import Response
from .politeness import HostDone
from .robots import ROBOTS_CUT

from .runtypes import Site, host_of
from .slots import CPU_SLOTS

log = logging.getLogger("govnews.crawl")


class Fetching:
    def _past_deadline(self) -> bool:
        """The run's time limit (max_run_seconds) has passed."""
        deadline = getattr(self, "_deadline", None)
        return deadline is not None and time.monotonic() >= deadline

    def _fetch_with_retries(self, site: Site, request: Request, crawl_delay: float | None) -> Response:
        host = request.host
        base_delay = max(site.delay if site.delay is not None else self.settings.delay,
                         crawl_delay or 0.0)
        fetcher = self.private_fetcher if site.allow_private else self.fetcher
        tries = 0
        while True:
            self.clock.check_patience(host, request.url)
            if not self.clock.wait_turn(host, base_delay):
                raise _Stopped(request.url)
            with self._lock:
                self.summary.requests += 1
            began = time.monotonic()
            try:
                response = fetcher.fetch(request.url, method=request.method, data=request.body,
                                         headers=self._conditional(request),
                                         in_scope=self._in_scope, verify=site.verify,
                                         before_hop=self._hop_turn(base_delay))
            except FetchError as exc:
                self._archive_received(site, exc)
                if not isinstance(exc, TransientError):
                    raise
                tries += 1
                self.clock.failed(host, since=began)
                wait = self._retry_wait(request.url, host, tries, exc)
                if tries >= self.settings.max_tries or self._past_deadline():
                    raise                  # (no retry outlives the run's time limit)
                self.clock.check_patience(host, request.url, ahead=wait)
                self.clock.push_back(host, max(wait, base_delay))
                continue
            # the delay also counts from the response's end: a host never sees two requests
            # closer than its delay, however long the previous one took to arrive
            self.clock.push_back(host, base_delay)
            self.clock.answered(host)       # a Retry-After holds until the host answers
            CPU_SLOTS.take(self._backlog(site))     # archiving, parsing, committing: CPU work
            self._count_fetch(site, response)
            if response.status >= 400 and response.status != 304:
                raise FetchError(request.url, f"HTTP {response.status}", f"http_{response.status}")
            return response

    def _archive_received(self, site: Site | None, exc: FetchError) -> None:
        """An answer received whole whose body does not decode (labelled gzip and not, a gzip
        stream that stops early) is archived as sent and counted as fetched: the failure is the
        page's (counted, retried when it may pass), the answer is evidence all the same."""
        received = getattr(exc, "received", None)
        if received is not None:
            self._count_fetch(site, received)

    def _hop_turn(self, delay: float):
        """Before a redirect hop: the hop's host gets its delay like any request."""
        def wait(target: str) -> None:
            host = host_of(target)
            self.clock.push_back(host, delay)        # from the end of the redirect's answer
            if not self.clock.wait_turn(host, delay):
                raise _Stopped(target)
        return wait

    def _retry_wait(self, url: str, host: str, tries: int, exc: TransientError) -> float:
        """The backoff before the next try: exponential with jitter, at least the server's
        Retry-After; a Retry-After beyond `max_retry_wait` ends the host's run."""
        if exc.retry_after is not None:
            if exc.retry_after > self.settings.max_retry_wait:
                raise HostDone(url, f"{host} asked to wait {exc.retry_after:.0f} s (Retry-After), "
                                    f"more than max_retry_wait = {self.settings.max_retry_wait:g} s")
            self.clock.hold(host, exc.retry_after)
        wait = min(self.settings.backoff * 2 ** min(tries - 1, 30), self.settings.max_retry_wait)
        return max(wait * (0.5 + random.random()), exc.retry_after or 0.0)

    def _count_fetch(self, site: Site | None, response: Response) -> None:
        with self._lock:
            self.summary.pages_fetched += 1
            if site is not None:
                self._pages[site.name] += 1
        response.warc_ref = self._archive(response)

    def _archive(self, response: Response):
        """The response's records, after those of the redirects that led to it (a hop's record
        is under the address it answered; the observation points at the final one)."""
        if self.archive is None:
            return None
        try:
            for hop in response.hops:
                self.archive.write(hop)
            return self.archive.write(response)
        except OSError as exc:
            raise StoreFailure(f"{getattr(self.archive, 'folder', 'warc')}: cannot write the WARC "
                               f"archive: {exc.strerror or exc}") from None

    def _conditional(self, request: Request) -> dict[str, str]:
        if request.kind not in ("listing", "seed", "feed") or request.method != "GET":
            return {}
        with self.store.lock:
            etag, modified = self.frontier.validators(request.key)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        return headers

    def _fetch_robots(self, url: str) -> Response:
        """robots.txt, through the same scope and address checks as every page (RFC 9309 allows
        a redirect: it is followed only within the site's scope)."""
        host = host_of(url)
        sites = self._sites_of_host.get(host) or []
        site = sites[0] if sites else None
        fetcher = self.private_fetcher if site and site.allow_private else self.fetcher
        delay = site.delay if site and site.delay is not None else self.settings.delay
        tries = 0
        while True:
            self.clock.check_patience(host, url)
            if not self.clock.wait_turn(host, 0):
                raise _Stopped(url)
            with self._lock:
                self.summary.requests += 1
            began = time.monotonic()
            try:
                response = fetcher.fetch(url, verify=site.verify if site else True,
                                         in_scope=self._in_scope, cut_at=ROBOTS_CUT)
                break
            except FetchError as exc:
                self._archive_received(None, exc)
                if not isinstance(exc, TransientError):
                    raise
                tries += 1
                self.clock.failed(host, since=began)
                wait = self._retry_wait(url, host, tries, exc)
                if tries >= self.settings.max_tries or self._past_deadline():
                    raise
                self.clock.check_patience(host, url, ahead=wait)
                self.clock.push_back(host, wait)
        self.clock.answered(host)
        self._count_fetch(None, response)
        self.clock.push_back(host, delay)
        return response

    # -- committing a page --------------------------------------------------------------------


class _Stopped(FetchError):
    """The run stopped while this request waited for its turn: it stays queued."""

    def __init__(self, url: str) -> None:
        super().__init__(url, "the run stopped before this request", "stopped")
