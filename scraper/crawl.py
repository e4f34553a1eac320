"""A crawl run: sites in parallel (one thread per host), each host polite (one request at a
time, a delay, robots.txt), every page committed with its records and its new links in one
transaction, so a run killed at any moment resumes where it stopped."""
from __future__ import annotations

import functools
import hashlib
import logging
import random
import sqlite3
import threading
import time
import traceback
from collections import Counter as Tally
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from govnews.output.schema import article_id
from govnews.output.store import Store
from govnews.parsers.extract import parse_page, url_rules
from govnews.parsers.feeds import is_feed, parse_feed
from govnews.parsers.listing import FILE_URL, TRAP_URL
from govnews.parsers.model import Page, Postback
from govnews.parsers.urls import canonical_url, host_key

from .errors import FetchError, StoreFailure, TransientError
from .frontier import PRIORITY, Frontier, Request, frontier_key
from .http import Fetcher, HttpSettings, Response
from .politeness import HostClock, HostDone
from .records import article_row, observation_row, utc_now
from .robots import RobotsCache

log = logging.getLogger("govnews.crawl")
URL_CACHE = 100_000          # canonical URLs remembered per run (a few MB)


@dataclass
class Site:
    name: str
    start_urls: list[str]
    profile: str | None = None
    delay: float | None = None
    allow_private: bool = False
    verify: bool | str = True          # a CA bundle path, or False for this site only
    max_pages: int | None = None
    max_depth: int | None = None
    source: str = "live"               # "wayback" / "commoncrawl": recovered from a web archive
    archive: dict | None = None        # then: from_date, to_date, archive_url, cc_*_url

    def hosts(self) -> set[str]:
        """Hosts in scope (host:port when the port is not the default), with and without www."""
        found = set()
        for url in self.start_urls:
            host = host_of(url)
            found |= {host, host[4:] if host.startswith("www.") else "www." + host}
        return found

    def path_prefixes(self) -> list[str]:
        """The folders of the start URLs: when two sites share a host, a URL belongs to the site
        whose start folder is the longest prefix of its path."""
        return [urlsplit(u).path.rsplit("/", 1)[0] + "/" for u in self.start_urls]


@functools.lru_cache(maxsize=URL_CACHE)
def host_of(url: str) -> str:
    """The politeness and scope unit (host[:port]), remembered per process."""
    return host_key(url)


@dataclass
class CrawlSettings:
    delay: float = 1.0
    max_pages: int = 5000            # per site and run
    max_depth: int = 8
    max_tries: int = 4
    backoff: float = 1.0             # first retry wait; doubles each try, with jitter
    max_retry_wait: float = 300.0    # a longer Retry-After: the host is done for this run
    host_fail_limit: int = 6         # consecutive failures before a host is paused, then given up
    host_pause: float = 30.0
    host_give_up_seconds: float = 300.0   # only failures from a host for this long: given up
    max_run_seconds: float = 0.0     # 0: no limit; else stop taking pages after this
    listing_share: float = 0.5       # of max_pages, for listing, pager, feed and other pages
    max_queued: int = 100_000        # queued URLs per site
    max_page_links: int = 50         # pager links followed per listing page
    workers: int = 16
    http: HttpSettings = field(default_factory=HttpSettings)
    incremental: bool = False        # stop walking a listing once it shows only known articles


@dataclass
class Summary:
    run_id: str
    sites: list[str]
    pages_fetched: int = 0
    requests: int = 0
    articles_found: int = 0
    articles_new: int = 0
    articles_changed: int = 0
    observations: int = 0
    duplicates_folded: int = 0
    robots_refused: int = 0
    errors: Tally = field(default_factory=Tally)
    error_lines: list[str] = field(default_factory=list)
    given_up_hosts: list[str] = field(default_factory=list)
    stopped: str | None = None       # why the run stopped early: "time limit", a store failure
    hints: list[str] = field(default_factory=list)   # said once, after the summary line
    seconds: float = 0.0
    tasks: list[dict] = field(default_factory=list)  # per site task: worker, counts, resumed

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def line(self) -> str:
        errors = ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())) or "none"
        return (f"harvested {self.articles_found} articles ({self.articles_new} new, "
                f"{self.articles_changed} changed) from {len(self.sites)} site"
                f"{'s' if len(self.sites) != 1 else ''} in {self.seconds:.1f} s; "
                f"{self.pages_fetched} pages fetched, {self.duplicates_folded} duplicates folded, "
                f"{self.robots_refused} refused by robots.txt; errors: {errors}"
                + (f"; stopped at the {self.stopped}" if self.stopped else "")
                + (f"; {len(workers)} workers" if len(workers := {t.get("worker") for t in
                                                                   self.tasks}) > 1 else ""))


def _nothing_in(page: Page) -> bool:
    """A page that yields neither an article, nor a headline, nor a link: not a page at all."""
    listing = page.listing
    return page.kind == "broken" or not (page.article.headline or listing.article_links
                                          or listing.page_links or listing.other_links)


class ProfileMemory:
    """Once two article pages of a site were recognised as one platform, its other pages (which
    carry fewer of the platform's marks) are read with that profile too."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, int]] = {}
        self._lock = threading.Lock()

    def profile_for(self, site: str) -> str | None:
        with self._lock:
            name, count = self._seen.get(site, (None, 0))
        return name if count >= 2 else None

    def learn(self, site: str, page: Page) -> None:
        if page.kind != "article" or page.platform == "generic":
            return
        with self._lock:
            name, count = self._seen.get(site, (page.platform, 0))
            if name == page.platform:
                self._seen[site] = (name, count + 1)


class Crawl:
    def __init__(self, store: Store, sites: list[Site], settings: CrawlSettings, run_id: str,
                 archive=None, reobserve: dict[str, list[str]] | None = None,
                 progress=None) -> None:
        self.store = store
        self.sites = sites
        self.settings = settings
        self.run_id = run_id
        self.archive = archive
        self.progress = progress
        self.summary = Summary(run_id, [s.name for s in sites])
        self.rules = url_rules()
        # every link is canonicalised once per run, however many pages show it (menus, related
        # lists): the key and the canonical URL of a URL never change within a run
        self._key = functools.lru_cache(maxsize=URL_CACHE)(self._frontier_key)
        self._canonical = functools.lru_cache(maxsize=URL_CACHE)(self._canonical_url)
        self._stop = threading.Event()
        with self._store_guard("opening the frontier"), store.transaction() as conn:
            self.frontier = Frontier(conn)
            conn.execute("CREATE INDEX IF NOT EXISTS articles_site_sha ON articles(site, content_sha256)")
        self.fetcher = Fetcher(settings.http)
        self.private_fetcher = Fetcher(HttpSettings(**{**settings.http.__dict__, "allow_private": True}))
        self.robots = RobotsCache(self._fetch_robots, settings.http.user_agent)
        self.clock = HostClock(settings.max_retry_wait, settings.host_give_up_seconds, self._stop)
        self._site_named = {site.name: site for site in sites}
        self._sites_of_host: dict[str, list[Site]] = {}
        for site in sites:
            for host in site.hosts():
                self._sites_of_host.setdefault(host, []).append(site)
        self._lock = threading.Lock()
        self._listing_seen: set[str] = set()
        self._counted_sites: set[str] = set()
        self._pages: Tally = Tally()            # pages fetched per site
        self._listing_pages: Tally = Tally()    # of which not articles
        self._queued: dict[str, int] = {}       # queued URLs per site (the max_queued cap)
        self._reobserve = reobserve or {}
        self.profiles = ProfileMemory()
        self._robots_failed: set[str] = set()
        self._robots_seen: set[str] = set()
        self._added = 0                         # frontier rows added so far (any host)
        self._idle: dict[str, int] = {}         # host -> self._added when its worker found nothing
        self._host_failures: Tally = Tally()    # consecutive failed pages, across worker restarts
        self._host_paused: set[str] = set()
        self._deadline = (time.monotonic() + settings.max_run_seconds
                          if settings.max_run_seconds > 0 else None)
        self.site_status: dict[str, dict] = {}    # site -> its start pages' best outcome

    # -- the run ------------------------------------------------------------------------------
    def run(self) -> Summary:
        started = time.monotonic()
        names = [s.name for s in self.sites]
        active: dict[str, threading.Thread] = {}
        try:
            self._seed()
            while True:
                if self._deadline is not None and time.monotonic() >= self._deadline:
                    self._stop_run("time limit", "stopped at the time limit (max_run_seconds = "
                                   f"{self.settings.max_run_seconds:g}); queued pages stay queued "
                                   "for the next run", "time_limit")
                hosts: list[str] = []
                if not self._stop.is_set():
                    with self._store_guard("reading the frontier"), self.store.lock:
                        hosts = self.frontier.hosts_with_work(names)
                for host in hosts:
                    if host in active or host in self.summary.given_up_hosts \
                            or not self._takes_work(host):
                        continue
                    if len(active) >= self.settings.workers:
                        break
                    thread = threading.Thread(target=self._host_worker, args=(host,),
                                              name=f"host-{host}", daemon=True)
                    active[host] = thread
                    thread.start()
                for host, thread in list(active.items()):
                    if not thread.is_alive():
                        del active[host]
                waiting = [h for h in hosts if h not in self.summary.given_up_hosts
                           and h not in active and self._takes_work(h)]
                if not active and (self._stop.is_set() or not waiting):
                    break
                self._stop.wait(0.02)
        except KeyboardInterrupt:
            # Ctrl-C or SIGTERM: no new request; the pages in flight end within their timeouts
            self.stop("interruption")
            limit = time.monotonic() + self.settings.http.read_timeout \
                + self.settings.http.connect_timeout + 5
            for thread in active.values():
                thread.join(max(0.0, limit - time.monotonic()))
            raise
        finally:
            self.summary.seconds = time.monotonic() - started
            if self.progress is not None:
                self.progress.close()
        return self.summary

    def _takes_work(self, host: str) -> bool:
        """A host with queued pages whose worker would take one: not all its sites capped, and
        not found idle (only capped kinds queued) since the last page was queued anywhere."""
        if self._idle.get(host) == self._added:
            return False
        return any(self._sites_open(site) for site in self._sites_of_host.get(host, []))

    def _seed(self) -> None:
        with self._store_guard("queueing the start pages"), self.store.transaction():
            for site in self.sites:
                self._queued[site.name] = self.frontier.queued_for_site(site.name)
                for url in site.start_urls:
                    self._enqueue(site, url, "seed", 0, requeue=True)
                for url in self._reobserve.get(site.name, []):
                    self._enqueue(site, url, "article", 1, requeue=True)

    def stop(self, reason: str = "interrupted") -> None:
        """Ask the run to end: no new request is sent; the pages in flight finish."""
        self.summary.stopped = self.summary.stopped or reason
        self._stop.set()

    def _stop_run(self, reason: str, line: str, kind: str) -> None:
        with self._lock:
            if self._stop.is_set():
                return
            self.summary.stopped = reason
            self.summary.errors[kind] += 1
            self.summary.error_lines.append(f"{kind}: {line}")
        log.warning("%s", line)
        self._stop.set()

    # -- one host -----------------------------------------------------------------------------
    def _host_worker(self, host: str) -> None:
        try:
            self._serve_host(host)
        except StoreFailure as exc:
            self._stop_run("store failure", str(exc), "store")
        except Exception as exc:  # noqa: BLE001 - a bug must cost this host, never the run
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            log.error("crawler error on host %s: %s", host, detail, exc_info=True)
            self._give_up(host, f"crawler error: {detail}")

    def _serve_host(self, host: str) -> None:
        while not self._stop.is_set():
            added = self._added
            request = self._next_request(host)
            if request is None:
                self._idle[host] = added
                return
            site = self._site_named[request.site]
            try:
                outcome = self._process(site, request)
            except (StoreFailure, HostDone):
                raise
            except (sqlite3.Error, OSError) as exc:
                if isinstance(exc, FetchError):
                    raise
                raise _store_failure(exc, self.store) from None
            except Exception as exc:  # noqa: BLE001 - a bug must cost this page, not the run
                detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
                log.error("unexpected error on %s: %s", request.url, detail, exc_info=True)
                self._record_error(request, FetchError(request.url, f"crawler error: {detail}",
                                                       "crawler_bug"))
                self._finish(request, "failed", detail)
                outcome = "failed"
            if outcome == "host_done":
                return
            if outcome == "failed":
                self._host_failures[host] += 1
                if self._host_failures[host] >= self.settings.host_fail_limit:
                    if host in self._host_paused:
                        self._give_up(host, f"{self._host_failures[host]} consecutive failures")
                        return
                    self._host_paused.add(host)
                    self._host_failures[host] = 0
                    log.warning("host %s paused after repeated failures", host)
                    if self._stop.wait(self.settings.host_pause):
                        return
            elif outcome == "ok":
                self._host_failures[host] = 0

    def _next_request(self, host: str) -> Request | None:
        """The host's next page among the sites still open (under their page caps); article
        pages only once a site's listing pages used their share."""
        open_sites = [s for s in self._sites_of_host.get(host, []) if self._sites_open(s)]
        if not open_sites:
            return None
        full = [s.name for s in open_sites if self._listing_pages[s.name] >= self._listing_cap(s)]
        names = [s.name for s in open_sites if s.name not in full]
        with self._store_guard("reading the frontier"), self.store.lock:
            request = self.frontier.next_for(host, names) if names else None
            if request is None and full:
                request = self.frontier.next_for(host, full, kinds=("article",))
        return request

    def _sites_open(self, site: Site) -> bool:
        return self._pages[site.name] < self._page_cap(site)

    def _page_cap(self, site: Site) -> int:
        return site.max_pages or self.settings.max_pages

    def _queue_cap(self, site: Site) -> int:
        """Queued URLs per site: `max_queued`, and never more than 20 runs' worth of pages, so a
        trap of unique links leaves a bounded frontier behind."""
        return min(self.settings.max_queued, 20 * self._page_cap(site))

    def _listing_cap(self, site: Site) -> int:
        return max(1, int(self._page_cap(site) * self.settings.listing_share))

    def _give_up(self, host: str, why: str) -> None:
        with self._lock:
            if host in self.summary.given_up_hosts:
                return
            self.summary.given_up_hosts.append(host)
            self.summary.errors["host_given_up"] += 1
            self.summary.error_lines.append(
                f"host_given_up: {host}: given up for this run: {why} "
                "(its queued pages stay queued for the next run)")
        log.warning("host %s given up for this run: %s", host, why)

    def _process(self, site: Site, request: Request) -> str:
        try:
            rules = self.robots.rules_for(request.url)
        except HostDone as exc:
            self._give_up(request.host, str(exc).split(": ", 1)[-1])
            return "host_done"
        agent = self.settings.http.user_agent
        with self._lock:
            new_host = request.host not in self._robots_seen
            self._robots_seen.add(request.host)
        if new_host and rules.error is None:
            self._enqueue_robots_sitemaps(site, rules)
        if rules.error is not None:
            # robots.txt could not be read: nothing is fetched from the host this run (as
            # Google does), and that is an error of the run, not a robots.txt refusal
            with self._lock:
                first = request.host not in self._robots_failed
                self._robots_failed.add(request.host)
            if first:
                self._record_error(request, FetchError(
                    f"{request.url.split('/', 3)[0]}//{request.host}/robots.txt",
                    rules.note, rules.error))
            self._note_start(site, request, status_of_error(rules.error), rules.note)
            if rules.error == "host_given_up":
                self._give_up(request.host, rules.note)
                return "host_done"
            self._finish(request, "failed", rules.note)
            return "skipped"
        if not rules.allowed(request.url, agent):
            self._note_start(site, request, "blocked", "robots.txt disallows the start page")
            with self._lock:
                self.summary.robots_refused += 1
            self._finish(request, "skipped", rules.note or "disallowed by robots.txt")
            return "skipped"
        try:
            response = self._fetch_with_retries(site, request, rules.crawl_delay(agent))
        except HostDone as exc:
            self._give_up(request.host, str(exc).split(": ", 1)[-1])
            return "host_done"
        except _Stopped:
            return "host_done"            # the run is ending: the page stays queued
        except FetchError as exc:
            target = getattr(exc, "target", None)
            status = status_of_error(exc.kind)
            if status == "redirected" and target is None:
                status = "blocked"             # refused by address, not sent elsewhere
            self._note_start(site, request, status, str(exc), target)
            self._record_error(request, exc)
            self._finish(request, "failed", str(exc))
            return "failed"
        self._note_start(site, request, "reachable", f"HTTP {response.status}",
                         response.final_url)
        with self._lock:
            if request.kind != "article":
                self._listing_pages[site.name] += 1
        if response.status != 304 and (request.kind == "feed" or is_feed(
                response.body, response.headers.get("Content-Type"), response.final_url)):
            self._commit_feed(site, request, response)
            return "ok"
        try:
            page = parse_page(response.body, response.final_url, response.headers,
                              site.profile or self._sticky_profile(site))
        except Exception as exc:  # noqa: BLE001 - a parser bug must cost one page, not the night
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            self._record_error(request, FetchError(request.url, f"parser failed: {detail}",
                                                   "parser_bug"))
            self._finish(request, "failed", detail)
            return "failed"
        if response.status == 200 and (not response.body.strip() or (
                request.kind == "article" and page.kind != "article" and _nothing_in(page))):
            reason = "empty body" if not response.body.strip() else \
                "not an HTML page: " + "; ".join(page.warnings[:2])
            self._record_error(request, FetchError(request.url, reason, "bad_body"))
            self._finish(request, "failed", reason)
            return "failed"
        self._learn_profile(site, page)
        self._commit(site, request, response, page)
        if self.progress is not None:
            with self.store.lock:
                queued = self.frontier.queued_count([s.name for s in self.sites])
            self.progress.update(self.summary.pages_fetched, self.summary.articles_found, queued,
                                 self.summary.error_count, site.name)
        return "ok"

    def _note_start(self, site: Site, request: Request, status: str, detail: str,
                    final_url: str | None = None) -> None:
        """A start page's outcome; a site is as well as its best start page."""
        if request.kind != "seed":
            return
        with self._lock:
            known = self.site_status.get(site.name)
            if known is None or STATUS_ORDER.index(status) < STATUS_ORDER.index(known["status"]):
                self.site_status[site.name] = {"site": site.name, "status": status,
                                               "detail": detail[:500], "final_url": final_url}

    def _sticky_profile(self, site: Site) -> str | None:
        return self.profiles.profile_for(site.name)

    def _learn_profile(self, site: Site, page: Page) -> None:
        self.profiles.learn(site.name, page)

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
            except TransientError as exc:
                tries += 1
                self.clock.failed(host, since=began)
                wait = self._retry_wait(request.url, host, tries, exc)
                if tries >= self.settings.max_tries:
                    raise
                self.clock.check_patience(host, request.url, ahead=wait)
                self.clock.push_back(host, max(wait, base_delay))
                continue
            # the delay also counts from the response's end: a host never sees two requests
            # closer than its delay, however long the previous one took to arrive
            self.clock.push_back(host, base_delay)
            self.clock.answered(host)       # a Retry-After holds until the host answers
            self._count_fetch(site, response)
            if response.status >= 400 and response.status != 304:
                raise FetchError(request.url, f"HTTP {response.status}", f"http_{response.status}")
            return response

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
        if self.archive is None:
            return None
        try:
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
                                         in_scope=self._in_scope)
                break
            except TransientError as exc:
                tries += 1
                self.clock.failed(host, since=began)
                wait = self._retry_wait(url, host, tries, exc)
                if tries >= self.settings.max_tries:
                    raise
                self.clock.check_patience(host, url, ahead=wait)
                self.clock.push_back(host, wait)
        self.clock.answered(host)
        self._count_fetch(None, response)
        self.clock.push_back(host, delay)
        return response

    # -- committing a page --------------------------------------------------------------------
    def _commit(self, site: Site, request: Request, response: Response, page: Page) -> None:
        now = utc_now()
        with self._store_guard(f"committing {request.url}"), self.store.transaction():
            if response.status == 304:
                self.frontier.finish(request.key, "done", "not modified")
                return
            self.frontier.save_validators(request.key, response.headers.get("ETag"),
                                          response.headers.get("Last-Modified"))
            if response.redirects and request.method == "GET":
                self._mark_fetched(site, response.final_url, request)
            if page.kind == "article":
                self._commit_article(site, page, request, response, now)
            self._discover(site, request, page)
            self._count_site(site, page, now)
            self.frontier.finish(request.key, "done", None)

    def _mark_fetched(self, site: Site, url: str, request: Request) -> None:
        """A redirect's target was fetched with its source: a link to it later is no new page."""
        key = self._key(url)
        if key != request.key and self._in_scope(url):
            self.frontier.add(Request(key, url, "GET", None, self._site_for(url, site).name,
                                      host_of(url), request.kind, request.depth, 0), self.run_id)
            self.frontier.finish(key, "done", f"fetched as the redirect target of {request.url}")

    def _commit_feed(self, site: Site, request: Request, response: Response) -> None:
        """A sitemap or feed: its child sitemaps are fetched, its entries queued as articles
        (files such as PDF are attachments, not pages)."""
        feed = parse_feed(response.body, response.final_url, response.headers.get("Content-Type"),
                          max_bytes=self.settings.http.max_bytes)
        depth = request.depth + 1
        with self._store_guard(f"committing {request.url}"), self.store.transaction():
            self.frontier.save_validators(request.key, response.headers.get("ETag"),
                                          response.headers.get("Last-Modified"))
            for child in feed.sitemaps:
                self._enqueue(site, child.url, "feed", depth)
            for entry in feed.entries:
                if not FILE_URL.search(entry.url) and not TRAP_URL.search(entry.url):
                    self._enqueue(site, entry.url, "article", depth)
            self.frontier.finish(request.key, "done", f"{feed.kind}: {len(feed.entries)} entries")

    def _enqueue_robots_sitemaps(self, site: Site, rules) -> None:
        urls = rules.sitemaps()
        if not urls:
            return
        with self._store_guard("queueing sitemaps"), self.store.transaction():
            for url in urls:
                self._enqueue(site, url, "feed", 1)

    def _commit_article(self, site: Site, page: Page, request: Request, response: Response,
                        now: str) -> None:
        article = page.article
        row = article_row(article, site.name, now)
        duplicate = self.store.conn.execute(
            "SELECT url FROM articles WHERE site=? AND content_sha256=? AND url!=? LIMIT 1",
            (site.name, row["content_sha256"], row["url"])).fetchone()
        if duplicate and article.body:
            with self._lock:
                self.summary.duplicates_folded += 1
            return
        status = self.store.upsert_article(row, run_id=self.run_id)
        ref = getattr(response, "warc_ref", None)
        added = self.store.add_observation(observation_row(
            article, site.name, self.run_id, now, response.status, fetched_url=request.url,
            final_url=response.final_url, warc_ref=ref))
        with self._lock:
            self.summary.articles_found += 1
            self.summary.articles_new += status == "new"
            self.summary.articles_changed += status == "changed"
            self.summary.observations += added

    def _count_site(self, site: Site, page: Page, now: str) -> None:
        counters = page.listing.site_counters
        if not counters or site.name in self._counted_sites:
            return
        self.store.add_site_counters({"site": site.name, "run_id": self.run_id, "observed_at": now,
                                      "total": counters.get("total"),
                                      "online": counters.get("online"),
                                      "today": counters.get("today")})
        self._counted_sites.add(site.name)

    def _discover(self, site: Site, request: Request, page: Page) -> None:
        listing = page.listing
        depth = request.depth + 1
        max_depth = site.max_depth if site.max_depth is not None else self.settings.max_depth
        article_keys = sorted(self._key(u) for u in listing.article_links)
        article_urls = [self._canonical(u) for u in listing.article_links]
        new_articles = 0
        self.frontier.set_linked(request.key, len(article_keys))
        for url in listing.article_links:
            new_articles += self._enqueue(site, url, "article", depth)
        follow_pages = True
        if page.kind != "article" and article_keys:
            signature = hashlib.sha256("\n".join(article_keys).encode()).hexdigest()[:24]
            with self._lock:
                repeated = signature in self._listing_seen
                self._listing_seen.add(signature)
            if repeated:
                follow_pages = False          # the same articles again: an endless pager
            elif self.settings.incremental and new_articles == 0 and self._all_known(article_urls):
                follow_pages = False          # nothing new here: older pages hold nothing new
        # the pages of one listing are one level: an archive 500 pages deep is not 500 hops
        # (the page cap and the repeated-listing check bound it)
        page_depth = request.depth if page.kind != "article" else depth
        if follow_pages and page_depth <= max_depth:
            # a real pager shows a dozen page links; hundreds of unique ones are a trap
            for url in listing.page_links[:self.settings.max_page_links]:
                self._enqueue(site, url, "listing", page_depth)
            for postback in listing.postbacks[:self.settings.max_page_links]:
                self._enqueue_postback(site, postback, page_depth)
        for url in listing.feed_links:
            self._enqueue(site, url, "feed", depth)
        if depth < max_depth and page.kind != "article":
            for url in listing.other_links:
                self._enqueue(site, url, "other", depth)

    def _all_known(self, article_urls: list[str]) -> bool:
        """Every article the listing shows is in the dataset already (as records are keyed:
        the canonical URL, scheme included)."""
        ids = {article_id(u) for u in article_urls}
        return len(self.store.known_articles(ids)) == len(ids)

    def _enqueue(self, site: Site, url: str, kind: str, depth: int, requeue: bool = False) -> int:
        if not self._in_scope(url):
            return 0
        owner = self._site_for(url, site)
        key = self._key(url)
        if self._queued.get(owner.name, 0) >= self._queue_cap(owner) and not requeue:
            return 0                       # the site's queue is full: an endless source of links
        added = self.frontier.add(Request(key, url, "GET", None, owner.name, host_of(url), kind,
                                          depth, 0), self.run_id)
        if added:
            self._queued[owner.name] = self._queued.get(owner.name, 0) + 1
            self._added += 1
        else:
            self._maybe_requeue(key, kind, requeue)
            if kind in ("listing", "feed", "article"):   # seen again as something better
                self.store.conn.execute(
                    "UPDATE frontier SET kind=?, priority=? WHERE key=? AND state='queued'"
                    " AND kind='other'", (kind, PRIORITY[kind], key))
        return int(added)

    def _maybe_requeue(self, key: str, kind: str, force: bool) -> None:
        """A page known from an earlier run is fetched again in this one if it is a listing (it
        may list new articles) or an article this run must re-observe."""
        row = self.store.conn.execute("SELECT state, run_id, kind, linked FROM frontier WHERE key=?",
                                      (key,)).fetchone()
        if row is None or row[1] == self.run_id:
            return
        state, _, old_kind, linked = row
        if self.settings.incremental and not force and old_kind == "other" and not linked \
                and state == "done":
            return                     # a page that listed no articles last time: not again
        if force or old_kind != "article" and kind != "article" or state == "failed":
            self.frontier.requeue(key, self.run_id, kind if force else None)
        elif state == "queued":
            self.store.conn.execute("UPDATE frontier SET run_id=? WHERE key=?", (self.run_id, key))

    def _enqueue_postback(self, site: Site, postback: Postback, depth: int) -> None:
        if not self._in_scope(postback.action):
            return
        fields = dict(postback.fields)
        argument = fields.get("__EVENTARGUMENT", "")
        if not argument or argument.lower().endswith(("next", "prev", "first", "last")) \
                or argument.lower() in ("page$1", "1"):
            return          # Page$1 is the listing as first served (by GET): never re-posted
        key = f"{self._key(postback.action)}#postback={fields.get('__EVENTTARGET', '')}|{argument}"
        host = host_of(postback.action)
        body = urlencode(postback.fields).encode()
        owner = self._site_for(postback.action, site)
        added = self.frontier.add(Request(key, postback.action, "POST", body, owner.name, host,
                                          "listing", depth, 0), self.run_id)
        self._added += added
        if not added:
            self._maybe_requeue(key, "listing", False)

    def _frontier_key(self, url: str) -> str:
        """The frontier key: the canonical URL with http/https and www/bare host folded, since
        portals serve the same page under all four."""
        return frontier_key(url, self.rules)

    def _canonical_url(self, url: str) -> str:
        return canonical_url(url, self.rules)

    def _in_scope(self, url: str) -> bool:
        return host_of(url) in self._sites_of_host

    def _site_for(self, url: str, found_on: Site) -> Site:
        """The site a URL belongs to: the only site of its host; of several sites on one host,
        the one whose start folder is the longest prefix of the URL's path, else the site whose
        page linked it."""
        candidates = self._sites_of_host.get(host_of(url)) or [found_on]
        if len(candidates) == 1:
            return candidates[0]
        path = urlsplit(url).path or "/"
        best, length = None, -1
        for site in candidates:
            for prefix in site.path_prefixes():
                if path.startswith(prefix) and len(prefix) > length:
                    best, length = site, len(prefix)
        if best is not None and length > 1:
            return best
        return found_on if found_on in candidates else (best or candidates[0])

    def _finish(self, request: Request, state: str, note: str | None) -> None:
        with self._store_guard(f"recording {request.url}"), self.store.transaction():
            self.frontier.finish(request.key, state, note)

    def _store_guard(self, doing: str):
        return _StoreGuard(self.store, doing)

    def _record_error(self, request: Request, exc: FetchError) -> None:
        kind = exc.kind
        with self._lock:
            self.summary.errors[kind] += 1
            if len(self.summary.error_lines) < 1000:
                self.summary.error_lines.append(f"{kind}: {exc}")
        log.info("%s: %s", kind, exc)


# best first: a site with one start page that answers is reachable
STATUS_ORDER = ("reachable", "redirected", "failing", "blocked", "gone")


def status_of_error(kind: str | None) -> str:
    """What a start page's error says about its site."""
    if kind in ("dns", "connection", "http_404", "http_410"):
        return "gone"
    if kind == "out_of_scope":
        return "redirected"
    if kind in ("http_401", "http_403", "http_451", "robots"):
        return "blocked"
    return "failing"


class _Stopped(FetchError):
    """The run stopped while this request waited for its turn: it stays queued."""

    def __init__(self, url: str) -> None:
        super().__init__(url, "the run stopped before this request", "stopped")


class _StoreGuard:
    """Turns a database or disk error while touching the store into StoreFailure, which stops the
    run: the page stays queued, nothing committed is lost, no request follows."""

    def __init__(self, store: Store, doing: str) -> None:
        self.store, self.doing = store, doing

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or isinstance(exc, (StoreFailure, FetchError)):
            return False
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise _store_failure(exc, self.store, self.doing) from None
        return False


def _store_failure(exc: BaseException, store: Store, doing: str = "writing") -> StoreFailure:
    path = getattr(store, "path", "dataset.sqlite")
    cause = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return StoreFailure(f"{path}: {cause} (while {doing}); the run stopped, nothing committed "
                        "is lost")
