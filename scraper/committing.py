"""What a crawl does with a fetched page: one transaction with its records (article,
observation, site counters), its new links in the frontier, and its frontier row marked done, so
a crawl killed at any moment loses nothing committed and duplicates nothing. A part of `Crawl`
(a mixin): the scheduling is in `crawl`, the requests in `fetching`."""

import hashlib
import logging
import re
import sqlite3
from contextlib import contextmanager
from urllib.parse import urlencode, urlsplit

from govnews.output.schema import article_id
from govnews.output.store import Store
from govnews.parsers.feeds import parse_feed
from govnews.parsers.listing import FILE_URL, TRAP_URL
from govnews.parsers.model import Page, Postback
from govnews.parsers.urls import canonical_url

from .errors import FetchError, StoreFailure
from .frontier import PRIORITY, Request, canonical_key
from .http import Response
from .records import article_row, observation_row, utc_now

from .runtypes import Site, host_of

log = logging.getLogger("govnews.crawl")
SEEN_LINKS = 4_096         # (key, kind) pairs a run remembers having queued (see _seen_this_run)


def same_listing(parent: str, child: str) -> bool:
    """Whether `child` looks like another page of the listing `parent` (what a pager links),
    not another listing (what a menu links, which parsers may also read as a pager): the same
    path with another query (`?page=2`), the path with its numbers changed (`trang-2.html`),
    or a deeper path under the listing's folder (`/tin-tuc/page/2/`, not under the home)."""
    p, c = urlsplit(parent), urlsplit(child)
    if p.netloc.lower() != c.netloc.lower():
        return False
    if p.path == c.path or _DIGITS.sub("#", p.path) == _DIGITS.sub("#", c.path):
        return True
    folder = p.path.rstrip("/")
    return bool(folder) and c.path.startswith(folder + "/")


_DIGITS = re.compile(r"\d+")
# what urlencode's quote_plus leaves as is; every other character is its UTF-8 bytes as %XX
_FORM_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")


def form_body(fields) -> bytes:
    """`urlencode(fields).encode()`, the body of a form POST: the same bytes, escaped by
    str.replace per distinct character to escape instead of urllib's Python call per byte (an
    ASP.NET postback carries a base64 view state of tens of KB: three characters to escape).
    Pairs of strings only; anything else goes to urlencode."""
    pairs = list(fields.items()) if hasattr(fields, "items") else list(fields)
    if not all(type(k) is str and type(v) is str for k, v in pairs):
        return urlencode(pairs).encode()
    return "&".join(f"{_form_quoted(k)}={_form_quoted(v)}" for k, v in pairs).encode()


def _form_quoted(text: str) -> str:
    """quote_plus(text): "%" first (the escapes add it), the space last (it becomes "+")."""
    unsafe = set(text) - _FORM_SAFE
    for char in sorted(unsafe, key=lambda c: (c != "%", c == " ")):
        text = text.replace(char, "+" if char == " " else
                            "".join(f"%{b:02X}" for b in char.encode()))
    return text


class Committing:
    @contextmanager
    def _queueing(self, doing: str):
        """One transaction that may queue links (`_store_guard` + `Store.transaction`). When it
        fails, the run's memory of queued links is cleared before the store's lock is let go:
        its rolled-back links were never queued, and another host's commit must not skip them
        as seen meanwhile."""
        with self.store.lock:
            try:
                # nothing in a commit catches what the store raises: no savepoints needed
                with self._store_guard(doing), self.store.transaction(whole=True):
                    yield
            except BaseException:
                with self._lock:
                    self._seen_links.clear()
                raise

    def _commit(self, site: Site, request: Request, response: Response, page: Page) -> None:
        now = utc_now()
        with self._queueing(f"committing {request.url}"):
            if response.status == 304:
                self.frontier.finish(request.key, "done", "not modified")
                return
            self.frontier.save_validators(request.key, response.headers.get("ETag"),
                                          response.headers.get("Last-Modified"))
            if response.redirects and request.method == "GET":
                self._mark_fetched(site, response.final_url, request)
            if page.kind == "article":
                self._commit_article(site, page, request, response, now)
            linked = self._discover(site, request, page)
            self._count_site(site, page, now)
            self.frontier.finish(request.key, "done", None, linked=linked)

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
        with self._queueing(f"committing {request.url}"):
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
        with self._queueing("queueing sitemaps"):
            for url in urls:
                self._enqueue(site, url, "feed", 1)

    def _commit_article(self, site: Site, page: Page, request: Request, response: Response,
                        now: str) -> None:
        article = page.article
        row = article_row(article, site.name, now)
        duplicate = self.store.conn.execute(
            "SELECT url FROM articles WHERE site=? AND content_sha256=? AND url!=? LIMIT 1",
            (site.name, row["content_sha256"], row["url"])).fetchone()
        ref = getattr(response, "warc_ref", None)
        if duplicate and article.body:
            # the same article at another address (a portal moved to new addresses, a page under
            # two categories): one row, and what this page shows is a point of that row's series
            # (once a run: the first fetch of the article counts)
            seen = observation_row(article, site.name, self.run_id, now, response.status,
                                   fetched_url=request.url, final_url=response.final_url, warc_ref=ref)
            seen.update(article_id=article_id(duplicate[0]), url=duplicate[0])
            added = self.store.add_observation(seen)
            with self._lock:
                self.summary.duplicates_folded += 1
                self.summary.observations += added
            return
        status = self.store.upsert_article(row, run_id=self.run_id)
        if status == "new":
            with self._lock:
                self._new_this_run.add(row["article_id"])
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

    def _discover(self, site: Site, request: Request, page: Page) -> int:
        """Queue the page's links; returns its count of article links (the frontier's `linked`,
        written with the page's `finish`: nothing here reads the page's own row's count)."""
        listing = page.listing
        depth = request.depth + 1
        max_depth = site.max_depth if site.max_depth is not None else self.settings.max_depth
        article_keys = sorted(self._key(u) for u in listing.article_links)
        article_urls = [self._canonical(u) for u in listing.article_links]
        new_articles = 0
        for url in listing.article_links:
            new_articles += self._enqueue(site, url, "article", depth)
        follow_pages = True
        if page.kind != "article" and article_keys:
            signature = hashlib.sha256("\n".join(article_keys).encode()).hexdigest()[:24]
            with self._lock:
                # a pager repeating itself: this page shows the set of the page whose pager
                # linked it. Another listing showing the same set is no trap: a category's page
                # 1 often shows what the home page shows, and its older pages must be read
                repeated = self._pager_parent.pop(request.key, None) == signature
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
                if self._enqueue(site, url, "listing", page_depth) and page.kind != "article" \
                        and article_keys and same_listing(request.url, url):
                    with self._lock:
                        self._pager_parent.setdefault(self._key(url), signature)
            parent = signature if page.kind != "article" and article_keys else None
            for postback in listing.postbacks[:self.settings.max_page_links]:
                self._enqueue_postback(site, postback, page_depth, parent)
        for url in listing.feed_links:
            self._enqueue(site, url, "feed", depth)
        if depth < max_depth and page.kind != "article":
            for url in listing.other_links:
                self._enqueue(site, url, "other", depth)
        return len(article_keys)

    def _all_known(self, article_urls: list[str]) -> bool:
        """Every article the listing shows was in the dataset before this run (as records are
        keyed: the canonical URL, scheme included). Articles this run stored do not count: on
        a first harvest a category's page 1 may show only articles the home page linked, and
        its older pages still hold articles nobody has."""
        ids = {article_id(u) for u in article_urls}
        with self._lock:
            if ids & self._new_this_run:
                return False
        return len(self.store.known_articles(ids)) == len(ids)

    def _enqueue(self, site: Site, url: str, kind: str, depth: int, requeue: bool = False) -> int:
        if not self._in_scope(url):
            return 0
        key = self._key(url)
        if not requeue and self._seen_this_run(key, kind):
            return 0                       # a menu's link again: the frontier has its answer
        owner = self._site_for(url, site)
        if self._queued.get(owner.name, 0) >= self._queue_cap(owner) and not requeue:
            return 0                       # the site's queue is full: an endless source of links
        added = self.frontier.add(Request(key, url, "GET", None, owner.name, host_of(url), kind,
                                          depth, 0), self.run_id)
        if added:
            self._queued[owner.name] = self._queued.get(owner.name, 0) + 1
            self._added += 1
            self._wake_for(host_of(url))
        else:
            self._maybe_requeue(key, kind, requeue)
            if kind in ("listing", "feed", "article"):   # seen again as something better
                self.store.conn.execute(
                    "UPDATE frontier SET kind=?, priority=? WHERE key=? AND state='queued'"
                    " AND kind='other'", (kind, PRIORITY[kind], key))
        return int(added)

    def _seen_this_run(self, key: str, kind: str) -> bool:
        """Whether this run queued `key` as `kind` before. Such a call changes nothing: the
        row was added or re-queued for this run (a later call finds it so), or was found not to
        be queued again and nothing but this run's own re-queueing changes that. Most links of
        a page are the menus' and footers' links of every page: they cost no SQL. A bounded
        memory (the most recent keys), so a site of a million pages keeps a flat footprint."""
        with self._lock:
            seen = self._seen_links
            if (key, kind) in seen:
                seen.move_to_end((key, kind))
                return True
            seen[(key, kind)] = None
            if len(seen) > SEEN_LINKS:
                seen.popitem(last=False)
        return False

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

    def _enqueue_postback(self, site: Site, postback: Postback, depth: int,
                          signature: str | None = None) -> None:
        if not self._in_scope(postback.action):
            return
        fields = dict(postback.fields)
        argument = fields.get("__EVENTARGUMENT", "")
        if not argument or argument.lower().endswith(("next", "prev", "first", "last")) \
                or argument.lower() in ("page$1", "1"):
            return          # Page$1 is the listing as first served (by GET): never re-posted
        key = f"{self._key(postback.action)}#postback={fields.get('__EVENTTARGET', '')}|{argument}"
        host = host_of(postback.action)
        body = form_body(postback.fields)
        owner = self._site_for(postback.action, site)
        added = self.frontier.add(Request(key, postback.action, "POST", body, owner.name, host,
                                          "listing", depth, 0), self.run_id)
        self._added += added
        if added:
            self._wake_for(host)
        if added and signature:
            with self._lock:
                self._pager_parent.setdefault(key, signature)
        if not added:
            self._maybe_requeue(key, "listing", False)

    def _wake_for(self, host: str) -> None:
        """A page was queued for `host`: the run loop starts a worker for it if it has none."""
        if host not in self._working:
            self._wake.set()

    def _frontier_key(self, url: str) -> str:
        """The frontier key: the canonical URL with http/https and www/bare host folded, since
        portals serve the same page under all four (`frontier_key`, from the run's remembered
        canonical URL: a link is canonicalised once for both)."""
        return canonical_key(self._canonical(url))

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
