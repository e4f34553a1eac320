"""A crawl run: sites in parallel (one thread per host), each host polite (one request at a
time, a delay, robots.txt), every page committed with its records and its new links in one
transaction, so a run killed at any moment resumes where it stopped."""
from __future__ import annotations

import hashlib
import logging
import random
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
from govnews.parsers.urls import canonical_url

from .errors import FetchError, TransientError
from .frontier import PRIORITY, Frontier, Request
from .http import Fetcher, HttpSettings, Response
from .records import article_row, observation_row, utc_now
from .robots import RobotsCache

log = logging.getLogger("govnews.crawl")


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

    def hosts(self) -> set[str]:
        """Hosts in scope (host:port when the port is not the default), with and without www."""
        found = set()
        for url in self.start_urls:
            host = host_of(url)
            found |= {host, host[4:] if host.startswith("www.") else "www." + host}
        return found


def host_of(url: str) -> str:
    """The politeness and scope unit: the host name, with its port when it is not the default
    (two servers on one address are two hosts)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is None or (parts.scheme, port) in (("http", 80), ("https", 443)):
        return host
    return f"{host}:{port}"


@dataclass
class CrawlSettings:
    delay: float = 1.0
    max_pages: int = 5000            # per site and run
    max_depth: int = 8
    max_tries: int = 4
    backoff: float = 1.0             # first retry wait; doubles each try, with jitter
    max_retry_wait: float = 120.0
    host_fail_limit: int = 6         # consecutive failures before a host is paused, then given up
    host_pause: float = 30.0
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
    seconds: float = 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def line(self) -> str:
        errors = ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())) or "none"
        return (f"harvested {self.articles_found} articles ({self.articles_new} new, "
                f"{self.articles_changed} changed) from {len(self.sites)} site"
                f"{'s' if len(self.sites) != 1 else ''} in {self.seconds:.1f} s; "
                f"{self.pages_fetched} pages fetched, {self.duplicates_folded} duplicates folded, "
                f"{self.robots_refused} refused by robots.txt; errors: {errors}")


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
        with store.transaction() as conn:
            self.frontier = Frontier(conn)
            conn.execute("CREATE INDEX IF NOT EXISTS articles_site_sha ON articles(site, content_sha256)")
        self.fetcher = Fetcher(settings.http)
        self.private_fetcher = Fetcher(HttpSettings(**{**settings.http.__dict__, "allow_private": True}))
        self.robots = RobotsCache(self._fetch_robots, settings.http.user_agent)
        self._site_of_host: dict[str, Site] = {}
        for site in sites:
            for host in site.hosts():
                self._site_of_host[host] = site
        self._lock = threading.Lock()
        self._listing_seen: set[str] = set()
        self._counted_sites: set[str] = set()
        self._pages: Tally = Tally()
        self._next_time: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}
        self._reobserve = reobserve or {}
        self.profiles = ProfileMemory()
        self._robots_failed: set[str] = set()
        self._robots_seen: set[str] = set()

    # -- the run ------------------------------------------------------------------------------
    def run(self) -> Summary:
        started = time.monotonic()
        self._seed()
        active: dict[str, threading.Thread] = {}
        while True:
            with self.store.lock:
                hosts = self.frontier.hosts_with_work()
            for host in hosts:
                if host in active or host in self.summary.given_up_hosts:
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
            if not active and not [h for h in hosts if h not in self.summary.given_up_hosts]:
                break
            time.sleep(0.02)
        self.summary.seconds = time.monotonic() - started
        if self.progress is not None:
            self.progress.close()
        return self.summary

    def _seed(self) -> None:
        with self.store.transaction():
            for site in self.sites:
                for url in site.start_urls:
                    self._enqueue(site, url, "seed", 0, requeue=True)
                for url in self._reobserve.get(site.name, []):
                    self._enqueue(site, url, "article", 1, requeue=True)

    # -- one host -----------------------------------------------------------------------------
    def _host_worker(self, host: str) -> None:
        failures = 0
        paused = False
        while True:
            with self.store.lock:
                request = self.frontier.next_for(host)
            if request is None:
                return
            site = self._site(request)
            if self._pages[site.name] >= (site.max_pages or self.settings.max_pages):
                self._finish(request, "skipped", "page cap reached")
                continue
            try:
                outcome = self._process(site, request)
            except Exception as exc:  # a bug must cost this page, never hang or end the run
                detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
                log.exception("unexpected error on %s", request.url)
                self._record_error(request, FetchError(request.url, f"crawler error: {detail}",
                                                       "crawler_bug"))
                self._finish(request, "failed", detail)
                outcome = "failed"
            if outcome == "failed":
                failures += 1
                if failures >= self.settings.host_fail_limit:
                    if paused:
                        self._give_up(host, failures)
                        return
                    paused, failures = True, 0
                    log.warning("host %s paused after repeated failures", host)
                    time.sleep(self.settings.host_pause)
            elif outcome == "ok":
                failures = 0

    def _give_up(self, host: str, failures: int) -> None:
        with self._lock:
            self.summary.given_up_hosts.append(host)
            self.summary.errors["host_given_up"] += 1
            self.summary.error_lines.append(
                f"{host}: given up for this run after {failures} consecutive failures "
                "(its queued pages stay queued for the next run)")

    def _process(self, site: Site, request: Request) -> str:
        rules = self.robots.rules_for(request.url)
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
            self._finish(request, "failed", rules.note)
            return "skipped"
        if not rules.allowed(request.url, agent):
            with self._lock:
                self.summary.robots_refused += 1
            self._finish(request, "skipped", rules.note or "disallowed by robots.txt")
            return "skipped"
        try:
            response = self._fetch_with_retries(site, request, rules.crawl_delay(agent))
        except FetchError as exc:
            self._record_error(request, exc)
            self._finish(request, "failed", str(exc))
            return "failed"
        if response.status != 304 and (request.kind == "feed" or is_feed(
                response.body, response.headers.get("Content-Type"), response.final_url)):
            self._commit_feed(site, request, response)
            return "ok"
        try:
            page = parse_page(response.body, response.final_url, response.headers,
                              site.profile or self._sticky_profile(site))
        except Exception as exc:  # a parser bug must cost one page, not the night's harvest
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
                queued = self.frontier.queued_count()
            self.progress.update(self.summary.pages_fetched, self.summary.articles_found, queued,
                                 self.summary.error_count, request.host)
        return "ok"

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
            self._wait_turn(host, base_delay)
            with self._lock:
                self.summary.requests += 1
            try:
                response = fetcher.fetch(request.url, method=request.method, data=request.body,
                                         headers=self._conditional(request),
                                         in_scope=self._in_scope, verify=site.verify)
            except TransientError as exc:
                tries += 1
                if exc.retry_after is not None:
                    self._host_delay[host] = min(max(self._host_delay.get(host, 0), exc.retry_after),
                                                 self.settings.max_retry_wait)
                if tries >= self.settings.max_tries:
                    raise
                wait = min(self.settings.backoff * 2 ** (tries - 1), self.settings.max_retry_wait)
                wait = max(wait * (0.5 + random.random()), exc.retry_after or 0)
                self._next_time[host] = max(self._next_time.get(host, 0), time.monotonic() + wait)
                continue
            self._host_delay.pop(host, None)      # a Retry-After holds until the host answers
            with self._lock:
                self.summary.pages_fetched += 1
                self._pages[site.name] += 1
            if self.archive is not None:
                self.archive.write(response)
            if response.status >= 400 and response.status != 304:
                raise FetchError(request.url, f"HTTP {response.status}", f"http_{response.status}")
            return response

    def _wait_turn(self, host: str, delay: float) -> None:
        """One request at a time per host (one worker per host), `delay` seconds apart."""
        delay = max(delay, self._host_delay.get(host, 0.0))
        now = time.monotonic()
        ready = self._next_time.get(host, 0.0)
        if ready > now:
            time.sleep(ready - now)
        self._next_time[host] = time.monotonic() + delay

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
        if request.method == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        return headers

    def _fetch_robots(self, url: str) -> Response:
        host = host_of(url)
        site = self._site_of_host.get(host)
        fetcher = self.private_fetcher if site and site.allow_private else self.fetcher
        delay = site.delay if site and site.delay is not None else self.settings.delay
        tries = 0
        while True:
            self._wait_turn(host, 0)
            with self._lock:
                self.summary.requests += 1
            try:
                response = fetcher.fetch(url, verify=site.verify if site else True)
                break
            except TransientError as exc:
                tries += 1
                if tries >= self.settings.max_tries:
                    raise
                wait = min(self.settings.backoff * 2 ** (tries - 1), self.settings.max_retry_wait)
                wait = max(wait * (0.5 + random.random()), exc.retry_after or 0)
                self._next_time[host] = time.monotonic() + wait
        if self.archive is not None:
            self.archive.write(response)
        self._next_time[host] = time.monotonic() + delay
        return response

    # -- committing a page --------------------------------------------------------------------
    def _commit(self, site: Site, request: Request, response: Response, page: Page) -> None:
        now = utc_now()
        with self.store.transaction():
            if response.status == 304:
                self._finish(request, "done", "not modified")
                return
            self.frontier.save_validators(request.key, response.headers.get("ETag"),
                                          response.headers.get("Last-Modified"))
            if response.redirects and request.method == "GET":
                self._mark_fetched(site, response.final_url, request)
            if page.kind == "article":
                self._commit_article(site, page, response, now)
            self._discover(site, request, page)
            self._count_site(site, page, now)
            self._finish(request, "done", None)

    def _mark_fetched(self, site: Site, url: str, request: Request) -> None:
        """A redirect's target was fetched with its source: a link to it later is no new page."""
        key = self._key(url)
        if key != request.key and self._in_scope(url):
            self.frontier.add(Request(key, url, "GET", None, site.name, host_of(url),
                                      request.kind, request.depth, 0), self.run_id)
            self.frontier.finish(key, "done", f"fetched as the redirect target of {request.url}")

    def _commit_feed(self, site: Site, request: Request, response: Response) -> None:
        """A sitemap or feed: its child sitemaps are fetched, its entries queued as articles
        (files such as PDF are attachments, not pages)."""
        feed = parse_feed(response.body, response.final_url, response.headers.get("Content-Type"),
                          max_bytes=self.settings.http.max_bytes)
        depth = request.depth + 1
        with self.store.transaction():
            self.frontier.save_validators(request.key, response.headers.get("ETag"),
                                          response.headers.get("Last-Modified"))
            for child in feed.sitemaps:
                self._enqueue(site, child.url, "feed", depth)
            for entry in feed.entries:
                if not FILE_URL.search(entry.url) and not TRAP_URL.search(entry.url):
                    self._enqueue(site, entry.url, "article", depth)
            self._finish(request, "done", f"{feed.kind}: {len(feed.entries)} entries")

    def _enqueue_robots_sitemaps(self, site: Site, rules) -> None:
        urls = rules.sitemaps()
        if not urls:
            return
        with self.store.transaction():
            for url in urls:
                self._enqueue(site, url, "feed", 1)

    def _commit_article(self, site: Site, page: Page, response: Response, now: str) -> None:
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
        added = self.store.add_observation(
            observation_row(article, site.name, self.run_id, now, response.status))
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
        article_urls = [canonical_url(u, self.rules) for u in listing.article_links]
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
            for url in listing.page_links:
                self._enqueue(site, url, "listing", page_depth)
            for postback in listing.postbacks:
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
        key = self._key(url)
        host = host_of(url)
        added = self.frontier.add(Request(key, url, "GET", None, site.name, host, kind, depth, 0),
                                  self.run_id)
        if not added:
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
        added = self.frontier.add(Request(key, postback.action, "POST", body, site.name, host,
                                          "listing", depth, 0), self.run_id)
        if not added:
            self._maybe_requeue(key, "listing", False)

    def _key(self, url: str) -> str:
        """The frontier key: the canonical URL with http/https and www/bare host folded, since
        portals serve the same page under all four."""
        canonical = canonical_url(url, self.rules)
        rest = canonical.split("://", 1)[-1]
        return rest[4:] if rest.startswith("www.") else rest

    def _in_scope(self, url: str) -> bool:
        return host_of(url) in self._site_of_host

    def _site(self, request: Request) -> Site:
        for site in self.sites:
            if site.name == request.site:
                return site
        return self._site_of_host[request.host]

    def _finish(self, request: Request, state: str, note: str | None) -> None:
        with self.store.transaction():
            self.frontier.finish(request.key, state, note)

    def _record_error(self, request: Request, exc: FetchError) -> None:
        kind = exc.kind
        with self._lock:
            self.summary.errors[kind] += 1
            if len(self.summary.error_lines) < 1000:
                self.summary.error_lines.append(f"{kind}: {exc}")
        log.warning("%s: %s", kind, exc)
