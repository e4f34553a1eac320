"""A crawl run: sites in parallel (one thread per host), each host polite (one request at a
time, a delay, robots.txt), every page committed with its records and its new links in one
transaction, so a run killed at any moment resumes where it stopped."""
from __future__ import annotations

import functools
import logging
import sqlite3
import threading
import time
import traceback
from collections import Counter as Tally, OrderedDict
from typing import Callable

from govnews.output.store import Store
from govnews.parsers.extract import parse_page, url_rules
from govnews.parsers.feeds import is_feed
from govnews.parsers.model import Page

from .committing import Committing, _store_failure
from .errors import FetchError, StoreFailure
from .fetching import Fetching, _Stopped
from .frontier import Frontier, Request
from .heartbeat import no_beat
from .http import Fetcher, HttpSettings
from .politeness import HostClock, HostDone
from .robots import RobotsCache
from .slots import CPU_SLOTS
from .runtypes import URL_CACHE, CrawlSettings, ProfileMemory, Site, Summary, host_of, plural

log = logging.getLogger("govnews.crawl")
LOOP_WAIT = 1.0            # seconds the run loop sleeps at most between its wake-ups
__all__ = ["Crawl", "CrawlSettings", "ProfileMemory", "Site", "Summary", "host_of",
           "status_of_error", "STATUS_ORDER", "URL_CACHE"]


def _nothing_in(page: Page) -> bool:
    """A page that yields neither an article, nor a headline, nor a link: not a page at all."""
    listing = page.listing
    return page.kind == "broken" or not (page.article.headline or listing.article_links
                                          or listing.page_links or listing.other_links)


class Crawl(Fetching, Committing):
    """One run over a set of sites: a thread per host with work (at most `workers`), each
    taking its host's next page from the frontier, fetching it (`fetching`) and committing it
    (`committing`); returns the run's Summary."""
    def __init__(self, store: Store, sites: list[Site], settings: CrawlSettings, run_id: str,
                 archive=None, reobserve: dict[str, list[str]] | None = None,
                 progress=None, heartbeat: Callable[[], None] = no_beat) -> None:
        self.store = store
        self.heartbeat = heartbeat              # a sign of life for the harvest's watchdog
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
        # the run loop sleeps until something it decides on changes: a host's worker ended, a
        # page was queued for a host without a worker, the run was asked to stop
        self._wake = threading.Event()
        self._working: set[str] = set()          # hosts with a worker thread
        self._ended: set[str] = set()            # hosts whose worker ended since the loop looked
        with self._store_guard("opening the frontier"), store.transaction() as conn:
            self.frontier = Frontier(conn)
            conn.execute("CREATE INDEX IF NOT EXISTS articles_site_sha ON articles(site, content_sha256)")
        self.fetcher = Fetcher(settings.http)
        self.private_fetcher = Fetcher(HttpSettings(**{**settings.http.__dict__, "allow_private": True}))
        self.robots = RobotsCache(self._fetch_robots, settings.http.user_agent)
        self.clock = HostClock(settings.max_retry_wait, settings.host_give_up_seconds, self._stop,
                               on_turn=heartbeat)
        self._site_named = {site.name: site for site in sites}
        self._sites_of_host: dict[str, list[Site]] = {}
        for site in sites:
            for host in site.hosts():
                self._sites_of_host.setdefault(host, []).append(site)
        self._lock = threading.Lock()
        self._seen_links: OrderedDict[tuple[str, str], None] = OrderedDict()
        self._pager_parent: dict[str, str] = {}  # pager link's key -> its page's article set
        self._new_this_run: set[str] = set()    # article ids this run stored first
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
                self._wake.clear()
                if self._deadline is not None and time.monotonic() >= self._deadline:
                    self._stop_run("time limit", f"{plural(len(names), 'site')} ({', '.join(names[:5])}"
                                   f"{', …' if len(names) > 5 else ''}): stopped at the time limit "
                                   "(max_run_seconds); queued pages stay queued for the next run", "time_limit",
                                   quiet=True)
                with self._lock:
                    ended, self._ended = self._ended, set()
                for host, thread in list(active.items()):
                    # a worker's thread may still be alive for the lines after its end was noted
                    if host in ended or not thread.is_alive():
                        del active[host]
                        self._working.discard(host)
                hosts: list[str] = []
                if not self._stop.is_set() and not self._all_served(active):
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
                    self._working.add(host)
                    thread.start()
                waiting = [h for h in hosts if h not in self.summary.given_up_hosts
                           and h not in active and self._takes_work(h)]
                if not active and (self._stop.is_set() or not waiting):
                    break
                self._wake.wait(self._loop_wait())
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

    def _all_served(self, active: dict[str, threading.Thread]) -> bool:
        """No worker could be started: every host of the run's sites has one (or was given
        up), or `workers` are running. The frontier is not asked then (a site of one host asks
        it once when its worker ends, not at every wake-up while it works); only a host of
        these sites ever gets a worker (`_takes_work`), so the answer would start nothing."""
        if not active:
            return False
        if len(active) >= self.settings.workers:
            return True
        given_up = self.summary.given_up_hosts
        return all(host in active or host in given_up for host in self._sites_of_host)

    def _loop_wait(self) -> float:
        """How long the run loop may sleep when nothing wakes it: until the time limit, and a
        second at most (a safety net: every change that matters sets `_wake`)."""
        if self._deadline is None:
            return LOOP_WAIT
        return max(0.0, min(LOOP_WAIT, self._deadline - time.monotonic()))

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
        self._wake.set()

    def _stop_run(self, reason: str, line: str, kind: str, quiet: bool = False) -> None:
        """Stop taking pages, once, counting `kind`. `quiet`: the run's summary says it (the
        time limit: one warning per site's task would repeat it a thousand times in a cron mail)."""
        with self._lock:
            if self._stop.is_set():
                return
            self.summary.stopped = reason
            self.summary.errors[kind] += 1
            self.summary.error_lines.append(f"{kind}: {line}")
        (log.info if quiet else log.warning)("%s", line)
        self._stop.set()
        self._wake.set()

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
        finally:
            CPU_SLOTS.give()
            with self._lock:
                self._ended.add(host)
            self._wake.set()                     # the run loop decides what comes next

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
            CPU_SLOTS.give()                  # the page's CPU work is done (taken once fetched)
            self.heartbeat()
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
                    # (never longer than a host that answers nothing usable is given:
                    # host_give_up_seconds bounds what a bad host costs)
                    if self._stop.wait(min(self.settings.host_pause, self.settings.host_give_up_seconds)):
                        return
            elif outcome in ("ok", "answered"):
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

    def _backlog(self, site: Site) -> int:
        """About how many pages the site has still to fetch this run (queued at the start and
        since, less those fetched, within its page cap): its priority for a CPU slot."""
        fetched = self._pages[site.name]
        return max(0, min(self._queued.get(site.name, 0), self._page_cap(site)) - fetched)

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
            # a page the server says is not there (a dead link in a listing) is an answer from a
            # healthy host: it costs that page, never the host's run
            return "answered" if exc.kind in _MISSING_PAGE else "failed"
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
                              site.profile or self._sticky_profile(site), quick_listings=True)
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


# best first: a site with one start page that answers is reachable
STATUS_ORDER = ("reachable", "redirected", "failing", "blocked", "gone")


# the errors that are a healthy server's answer about one page, not a sign of a failing host
_MISSING_PAGE = frozenset({"http_404", "http_410"})


def status_of_error(kind: str | None) -> str:
    """What a start page's error says about its site."""
    if kind in ("dns", "connection", *_MISSING_PAGE):
        return "gone"
    if kind == "out_of_scope":
        return "redirected"
    if kind in ("http_401", "http_403", "http_451", "robots"):
        return "blocked"
    return "failing"
