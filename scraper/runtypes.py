"""The data of a crawl run: the sites, the settings, the summary it returns, and what it learns
of each site's platform. Plain data, shared by the crawl, the site tasks and the harvest."""

import functools
import threading
from collections import Counter as Tally
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from govnews.parsers.model import Page
from govnews.parsers.urls import host_key

from .http import HttpSettings


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
        return (f"harvested {plural(self.articles_found, 'article')} ({self.articles_new} new, "
                f"{self.articles_changed} changed) from {plural(len(self.sites), 'site')} in {self.seconds:.1f} s; "
                f"{plural(self.pages_fetched, 'page')} fetched, {plural(self.duplicates_folded, 'duplicate')} folded, "
                f"{self.robots_refused} refused by robots.txt; errors: {errors}"
                + (f"; stopped at the {self.stopped}" if self.stopped else "")
                + (f"; {len(workers)} workers" if len(workers := {t.get("worker") for t in
                                                                   self.tasks}) > 1 else ""))


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


def plural(count: int, noun: str) -> str:
    """'1 article', '2 articles', '0 articles'."""
    return f"{count} {noun}" + ("" if count == 1 else "s")
