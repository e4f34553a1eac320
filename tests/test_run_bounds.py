"""Every run ends by itself, whatever the servers do: each hostile server mode against a whole
crawl (and harvest), with the bound each test states derived from the run's own timeouts.
The good pages of the same host are recorded; nothing is printed as a traceback."""
from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from govnews.fixtures.faults import (
    BodyDrip, EndlessUniquePager, Faults, HeaderDrip, ManyAttributes, RobotsRedirect, Status,
    Tarpit, CookieStorm, item_pattern, requests_to,
)
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output.store import Store
from govnews.scraper.crawl import Crawl, CrawlSettings, Site, Summary
from govnews.scraper.http import HttpSettings

PORTAL = LacVietPortal()
ALL_KEYS = frozenset(a.key for a in PORTAL.articles())
A = "5342"
TIMEOUT = 1.0                      # the whole-response bound of each attempt in these runs


def settings(**changes) -> CrawlSettings:
    http = dict(read_timeout=TIMEOUT, connect_timeout=1.0, allow_private=True)
    http.update(changes.pop("http", {}))
    base = dict(delay=0, max_tries=2, backoff=0.01, max_retry_wait=5.0,
                host_give_up_seconds=6.0, host_pause=0.2, http=HttpSettings(**http))
    base.update(changes)
    return CrawlSettings(**base)


def bound(s: CrawlSettings, pages: int) -> float:
    """A generous bound for a run of `pages` pages of which some hit the timeout: every page
    may cost max_tries attempts of (connect + timeout), plus the host's give-up time."""
    attempt = s.http.connect_timeout + s.http.read_timeout
    return 10 + s.host_give_up_seconds + pages * 0.2 + 4 * s.max_tries * attempt


def run_bounded(crawl: Crawl, limit: float) -> tuple[Summary, float]:
    result: dict = {}
    started = time.monotonic()

    def target() -> None:
        try:
            result["summary"] = crawl.run()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the test's thread
            result["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(limit)
    assert not thread.is_alive(), f"the run did not end within {limit:.0f} s"
    if "error" in result:
        raise result["error"]
    return result["summary"], time.monotonic() - started


def crawl_with(faults: Faults, tmp_path: Path, s: CrawlSettings, portal=None, limit=None):
    server = PortalServer(portal or LacVietPortal(), faults=faults).start()
    try:
        with Store.open(tmp_path / "data") as store:
            site = Site("tpbaclieu", [server.url + "/"], allow_private=True)
            summary, took = run_bounded(Crawl(store, [site], s, "run-1"),
                                        limit or bound(s, len(ALL_KEYS) * 3))
            keys = {row["url"].lower().split("itemid=")[1].split("&")[0]
                    for row in store.iter_rows("articles")}
            queued = store.conn.execute("SELECT COUNT(*) FROM frontier WHERE state='queued'"
                                        ).fetchone()[0]
    finally:
        faults.release()
        threading.Thread(target=server.stop, daemon=True).start()
    return summary, took, keys, queued, server


@pytest.mark.parametrize("retry_after", ["1000000000", "Fri, 31 Dec 9999 23:59:59 GMT",
                                         str(10 ** 30)])
def test_a_huge_retry_after_ends_the_host_for_this_run(tmp_path, retry_after, caplog):
    faults = Faults()
    faults.add(item_pattern(A), Status(503, retry_after=retry_after))
    s = settings()
    summary, took, keys, queued, _ = crawl_with(faults, tmp_path, s)
    assert summary.errors["host_given_up"] == 1, summary.line()
    assert any("Retry-After" in line for line in summary.error_lines)
    assert A not in keys and queued >= 1          # the page waits for the next run
    assert "Traceback" not in caplog.text


def test_a_huge_retry_after_on_robots_txt_skips_the_host(tmp_path):
    faults = Faults()
    faults.add(r"^/robots\.txt$", Status(429, retry_after="1000000000"))
    summary, took, keys, queued, server = crawl_with(faults, tmp_path, settings())
    assert summary.error_count >= 1 and not keys
    assert len(server.requests) <= 2           # robots.txt once (then the host is done)


@pytest.mark.parametrize("fault", [
    HeaderDrip(interval=0.3),
    BodyDrip(interval=0.3, close_delimited=True),
    BodyDrip(interval=0.3, close_delimited=False),
    BodyDrip(interval=0.3, close_delimited=False, chunked=True),
], ids=["header-drip", "body-drip-close", "body-drip-keepalive", "body-drip-chunked"])
def test_a_dripping_page_costs_its_timeout_and_the_rest_is_harvested(tmp_path, fault):
    faults = Faults()
    faults.add(item_pattern(A), fault)
    s = settings()
    summary, took, keys, queued, _ = crawl_with(faults, tmp_path, s)
    assert keys == ALL_KEYS - {A}
    assert summary.errors["timeout"] == 1, summary.line()
    assert took < bound(s, len(ALL_KEYS) * 3)


@pytest.mark.parametrize("pattern", ["", "Mode=1"], ids=["everything", "articles"])
def test_a_tarpit_host_is_given_up_within_its_patience(tmp_path, pattern):
    faults = Faults()
    faults.add(pattern, Tarpit())
    s = settings(host_give_up_seconds=4.0, max_tries=4)
    summary, took, keys, queued, _ = crawl_with(faults, tmp_path, s)
    # worst case from the settings: the patience, plus one attempt, plus slack for the machine
    worst = s.host_give_up_seconds + s.http.connect_timeout + s.http.read_timeout
    assert took < worst + 10, f"{took:.1f} s"
    assert not keys and summary.errors["timeout"] + summary.errors["host_given_up"] >= 1
    if pattern:        # the listings answer, every article times out until the host is given up
        assert summary.given_up_hosts, summary.line()
        assert queued > 0                 # the articles wait for the next run


def test_an_endless_unique_pager_cannot_starve_the_articles(tmp_path):
    faults = Faults()
    faults.add(r"Mode=2|[?&]page=", EndlessUniquePager(links=20, rotate=True))
    s = settings(max_pages=80, listing_share=0.5, max_queued=500)
    summary, took, keys, queued, server = crawl_with(faults, tmp_path, s)
    listing_fetches = len(requests_to(server, r"[?&]page="))
    assert listing_fetches <= 40                   # listing pages capped at half of max_pages
    assert len(keys) >= 20, summary.line()         # articles still fetched within the cap
    assert queued <= 500


def test_a_cookie_storm_does_not_break_later_requests(tmp_path):
    faults = Faults()
    faults.add(r"AllItems|default\.aspx|^/$", CookieStorm(count=50, size=4000))
    summary, took, keys, queued, server = crawl_with(faults, tmp_path, settings())
    assert keys == ALL_KEYS, summary.line()
    assert not [r for r in server.requests if getattr(r, "status", 200) == 431]


def test_a_robots_redirect_off_scope_is_not_followed(tmp_path):
    other = PortalServer(LacVietPortal()).start()
    try:
        faults = Faults()
        faults.add(r"^/robots\.txt$", RobotsRedirect(other.url + "/robots.txt"))
        summary, took, keys, queued, _ = crawl_with(faults, tmp_path, settings())
        assert not other.requests, "a robots.txt redirect left the site's scope"
        assert keys == ALL_KEYS
    finally:
        threading.Thread(target=other.stop, daemon=True).start()


def test_a_page_with_200000_attributes_costs_seconds_not_minutes(tmp_path):
    faults = Faults()
    faults.add(item_pattern(A), ManyAttributes(200_000))
    started = time.process_time()
    summary, took, keys, queued, _ = crawl_with(faults, tmp_path, settings())
    assert time.process_time() - started < 60       # libxml2 alone takes minutes on it
    assert keys >= ALL_KEYS - {A}


# -- the store fails: the run stops at once ----------------------------------------------------

class _FailingConnection:
    """A sqlite3 connection whose writes fail after `after` commits, as on a full disk."""

    def __init__(self, conn: sqlite3.Connection, after: int) -> None:
        self._conn, self._left = conn, after

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def execute(self, sql, *params):
        statement = sql.lstrip().upper()
        if statement.startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")) and self._left <= 0:
            raise sqlite3.OperationalError("database or disk is full")
        if statement.startswith("COMMIT"):
            self._left -= 1
        return self._conn.execute(sql, *params)


def test_a_full_disk_stops_the_run_with_one_error_and_no_more_requests(tmp_path, caplog):
    server = PortalServer(LacVietPortal()).start()
    try:
        with Store.open(tmp_path / "data") as store:
            site = Site("tpbaclieu", [server.url + "/"], allow_private=True)
            crawl = Crawl(store, [site], settings(), "run-1")
            store.conn = _FailingConnection(store.conn, after=8)
            crawl.frontier.conn = store.conn
            summary, took = run_bounded(crawl, 60)
            requests_at_stop = len(server.requests)
            time.sleep(0.5)
            assert len(server.requests) == requests_at_stop     # nothing after the stop
    finally:
        threading.Thread(target=server.stop, daemon=True).start()
    assert summary.errors["store"] == 1, summary.line()
    assert summary.stopped == "store failure"
    line = next(l for l in summary.error_lines if l.startswith("store:"))
    assert "dataset.sqlite" in line and "disk is full" in line
    # no page fetched again and again: each URL at most max_tries times
    from collections import Counter
    assert max(Counter(r.target for r in server.requests).values()) <= 2
    assert "Traceback" not in caplog.text


def test_time_limit_stops_the_run(tmp_path):
    s = settings(max_run_seconds=1.0, delay=0.3)
    summary, took, keys, queued, _ = crawl_with(Faults(), tmp_path, s, limit=30)
    assert summary.stopped == "time limit" and summary.errors["time_limit"] == 1
    assert took < 1.0 + TIMEOUT + 5 and queued > 0


def test_pages_of_sites_not_in_this_run_are_left_alone(tmp_path):
    """A killed run leaves queued pages of a site later dropped from the config: the next run
    of the other sites neither fetches them nor loops on them."""
    first = PortalServer(LacVietPortal()).start()
    second = PortalServer(LacVietPortal()).start()
    try:
        with Store.open(tmp_path / "data") as store:
            gone = Site("gone", [second.url + "/"], allow_private=True)
            crawl = Crawl(store, [gone], settings(max_pages=3), "run-1")
            run_bounded(crawl, 60)
            left = store.conn.execute("SELECT COUNT(*) FROM frontier WHERE state='queued' "
                                      "AND site='gone'").fetchone()[0]
            assert left > 0
            before = len(second.requests)
            kept = Site("kept", [first.url + "/"], allow_private=True)
            summary, took = run_bounded(Crawl(store, [kept], settings(), "run-2"), 60)
            assert len(second.requests) == before
            still = store.conn.execute("SELECT COUNT(*) FROM frontier WHERE state='queued' "
                                       "AND site='gone'").fetchone()[0]
            assert still == left
            assert summary.articles_found == len(ALL_KEYS), summary.line()
    finally:
        for server in (first, second):
            threading.Thread(target=server.stop, daemon=True).start()


def test_a_long_viewstate_is_not_pathological():
    """A 30 KB `__VIEWSTATE` value is one attribute, not thousands: postbacks keep it."""
    from govnews.parsers.extract import parse_page
    state = "A" * 30000 + "=="
    page = (f'<html><body><form action="/Default.aspx?tabid=1" method="post">'
            f'<input type="hidden" name="__VIEWSTATE" value="{state}">'
            '<a href="javascript:__doPostBack(\'grid\',\'Page$2\')">2</a></form></body></html>')
    parsed = parse_page(page.encode(), "http://x.gov.vn/Default.aspx?tabid=1")
    fields = dict(parsed.listing.postbacks[0].fields)
    assert fields["__VIEWSTATE"] == state
    assert not [w for w in parsed.warnings if "pathological" in w]
