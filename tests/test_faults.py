"""The crawler against a misbehaving portal: the Lạc Việt demo portal on 127.0.0.1 with faults
injected (fixtures.faults) on some of its pages. Every crawl must finish (a hard bound on each
run: short timeouts in the crawl's settings, and a thread that must end), record each failure by
kind with its URL, retry what is worth retrying and nothing else, and harvest everything the
faults did not touch."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import threading
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

import govnews.scraper.addresses
import govnews.scraper.http
from govnews.fixtures.faults import (
    Drip, EmptyBody, Faults, Garbage, Hang, RedirectLoop, RedirectTo, RepeatingPager, Reset, Slow,
    Status, TooLarge, Truncated, WithHeaders, WrongCharset, WrongContentType, count, encode_1258,
    gzip_bomb, item_pattern, requests_to,
)
from govnews.fixtures.portal import Request
from govnews.fixtures.portals.lacviet import (
    CATEGORIES, PAGE_SIZE, POSTBACK_CATEGORY, LacVietPortal, article_url, listing_url,
)
from govnews.fixtures.server import PortalServer
from govnews.fixtures.tls import make_pki, serve_https
from govnews.output.store import Store
from govnews.scraper.cli import main
from govnews.scraper.crawl import Crawl, CrawlSettings, Site, Summary
from govnews.scraper.errors import TransientError
from govnews.scraper.http import Fetcher, HttpSettings

ROOT = Path(__file__).resolve().parent.parent
PORTAL = LacVietPortal()
ALL_KEYS = frozenset(a.key for a in PORTAL.articles())
BY_KEY = {a.key: a for a in PORTAL.articles()}
A, B = "5342", "5480"           # articles of plain listings ("Tin tức sự kiện", "Văn hóa - Xã hội")
MORE = ("5605", "6420", "6905")  # more of them
READ_TIMEOUT = 0.5
CRAWL_LIMIT = 30.0              # seconds a whole crawl may take before the test calls it a hang
ROBOTS = r"^/robots\.txt$"


def settings(**changes) -> CrawlSettings:
    http = dict(read_timeout=READ_TIMEOUT, connect_timeout=1.0, max_body_seconds=5.0,
                max_bytes=2 * 1024 * 1024, allow_private=True)
    http.update(changes.pop("http", {}))
    base = dict(delay=0, max_tries=2, backoff=0.01, max_retry_wait=3.0, http=HttpSettings(**http))
    base.update(changes)
    return CrawlSettings(**base)


@dataclass
class Outcome:
    summary: Summary
    server: PortalServer
    articles: dict[str, dict]         # ItemID -> article row

    @property
    def harvested(self) -> set[str]:
        return set(self.articles)

    def requests_for(self, key: str) -> list:
        return requests_to(self.server, item_pattern(key))

    def url_of(self, key: str) -> str:
        return self.server.url + article_url(BY_KEY[key])


def stop_soon(server: PortalServer) -> None:
    """PortalServer.stop() waits out serve_forever's 0.5 s poll; no test needs to wait for it."""
    threading.Thread(target=server.stop, name="stop-portal", daemon=True).start()


@contextmanager
def serving(**kwargs) -> Iterator[PortalServer]:
    server = PortalServer(LacVietPortal(), **kwargs).start()
    try:
        yield server
    finally:
        stop_soon(server)


def run_bounded(crawl: Crawl) -> Summary:
    """Crawl.run() in a thread that must end within CRAWL_LIMIT: a hang fails the test instead
    of blocking the suite."""
    result: dict[str, object] = {}

    def target() -> None:
        try:
            result["summary"] = crawl.run()
        except BaseException as exc:          # re-raised in the test's thread below
            result["error"] = exc

    thread = threading.Thread(target=target, name="crawl-under-test", daemon=True)
    thread.start()
    thread.join(CRAWL_LIMIT)
    assert not thread.is_alive(), f"the crawl did not finish within {CRAWL_LIMIT} s"
    if "error" in result:
        raise result["error"]
    return result["summary"]


def crawl(faults: Faults, tmp_path: Path, crawl_settings: CrawlSettings | None = None,
          allow_private: bool = True, server: PortalServer | None = None) -> Outcome:
    own = server is None
    server = server or PortalServer(LacVietPortal(), faults=faults).start()
    try:
        with Store.open(tmp_path / "data") as store:
            sites = [Site("tpbaclieu", [server.url + "/"], allow_private=allow_private)]
            summary = run_bounded(Crawl(store, sites, crawl_settings or settings(), "run-1"))
            articles = {_item_id(row["url"]): row for row in store.iter_rows("articles")}
    finally:
        faults.release()
        if own:
            stop_soon(server)
    return Outcome(summary, server, articles)


def _item_id(url: str) -> str:
    return re.search(r"(?i)[?&]itemid=(\d+)", url).group(1)


def error_lines(summary: Summary, kind: str | None = None) -> list[str]:
    return [line for line in summary.error_lines if kind is None or line.startswith(kind + ":")]


def assert_recorded(outcome: Outcome, kind: str, key: str, times: int = 1) -> None:
    """The failure counted under `kind` in the summary, once per failed page, with the page's
    URL in its error line."""
    summary = outcome.summary
    assert summary.errors[kind] == times, summary.line()
    assert [line for line in error_lines(summary, kind) if outcome.url_of(key) in line], \
        summary.error_lines


def assert_rest_harvested(outcome: Outcome, *lost: str) -> None:
    assert outcome.harvested == ALL_KEYS - set(lost)


# -- a baseline: the crawl with no faults ---------------------------------------------------------

@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Outcome:
    return crawl(Faults(), tmp_path_factory.mktemp("baseline"))


@pytest.fixture(scope="module")
def last_page(baseline) -> str:
    """The page this crawler fetches last (a static page: they are queued after the articles).
    A Retry-After raises the host's delay for the rest of the run (see the report), so the
    Retry-After tests put their fault where no more of the run is left."""
    return baseline.server.requests[-1].target


def test_baseline_harvests_everything(baseline):
    assert baseline.summary.error_count == 0, baseline.summary.error_lines
    assert baseline.harvested == ALL_KEYS


# -- the server never answers, or answers late ----------------------------------------------------

def test_hang_is_a_timeout_retried_then_recorded(tmp_path):
    faults = Faults()
    faults.add(item_pattern(A), Hang(seconds=20))
    outcome = crawl(faults, tmp_path)
    assert_recorded(outcome, "timeout", A)
    assert len(outcome.requests_for(A)) == 2            # max_tries
    assert_rest_harvested(outcome, A)


def test_slow_answer_within_the_read_timeout_is_harvested(tmp_path):
    faults = Faults()
    faults.add(item_pattern(A), Slow(READ_TIMEOUT * 0.4))
    outcome = crawl(faults, tmp_path)
    assert outcome.summary.error_count == 0
    assert len(outcome.requests_for(A)) == 1
    assert_rest_harvested(outcome)


def test_slow_answer_beyond_the_read_timeout_is_a_timeout(tmp_path):
    faults = Faults()
    faults.add(item_pattern(A), Slow(READ_TIMEOUT * 2))
    outcome = crawl(faults, tmp_path)
    assert_recorded(outcome, "timeout", A)
    assert len(outcome.requests_for(A)) == 2
    assert_rest_harvested(outcome, A)


def test_body_dripping_under_the_read_timeout_is_cut_off(tmp_path):
    """Every gap is shorter than the read timeout, so only a deadline on the whole body ends
    it (HttpSettings.max_body_seconds)."""
    faults = Faults()
    faults.add(item_pattern(A), Drip(seconds=4.0, pieces=40))
    outcome = crawl(faults, tmp_path, settings(http={"max_body_seconds": 0.8}))
    assert_recorded(outcome, "timeout", A)
    assert "cut off" in error_lines(outcome.summary, "timeout")[0]
    assert outcome.summary.seconds < 4.0 * 2
    assert_rest_harvested(outcome, A)


def test_dripping_body_is_cut_off_over_tls_too(tmp_path):
    """Under TLS the deadline shuts the plain socket down under the SSL object: the read ends
    as a timeout, not as some SSL exception escaping the fetcher."""
    files = make_pki(tmp_path / "pki")
    faults = Faults()
    faults.add(r"^/tintuc/default\.aspx$", Drip(seconds=3.0, pieces=30))
    server = serve_https(LacVietPortal(), files, faults=faults).start()
    fetcher = Fetcher(HttpSettings(read_timeout=READ_TIMEOUT, max_body_seconds=0.5,
                                   allow_private=True))
    try:
        with pytest.raises(TransientError) as caught:
            fetcher.fetch(server.url + "/tintuc/default.aspx", verify=str(files.root_ca))
        assert caught.value.kind == "timeout" and "cut off" in str(caught.value)
        assert fetcher.fetch(server.url + "/robots.txt", verify=str(files.root_ca)).status == 200
    finally:
        stop_soon(server)


# -- the connection breaks ------------------------------------------------------------------------

def test_connection_reset_is_retried_then_recorded(tmp_path):
    faults = Faults()
    faults.add(item_pattern(A), Reset())
    outcome = crawl(faults, tmp_path)
    assert_recorded(outcome, "connection", A)
    assert "reset" in error_lines(outcome.summary, "connection")[0].lower()
    assert len(outcome.requests_for(A)) == 2
    assert_rest_harvested(outcome, A)


def test_truncated_body_is_retried_then_recorded(tmp_path):
    faults = Faults()
    faults.add(item_pattern(A), Truncated(missing=5000))
    outcome = crawl(faults, tmp_path)
    assert_recorded(outcome, "truncated", A)
    assert len(outcome.requests_for(A)) == 2
    assert_rest_harvested(outcome, A)


# -- HTTP errors ----------------------------------------------------------------------------------

def test_server_errors_are_retried_then_recorded(tmp_path):
    faults = Faults()
    statuses = {A: 500, B: 502, MORE[0]: 503}
    for key, status in statuses.items():
        faults.add(item_pattern(key), Status(status))
    outcome = crawl(faults, tmp_path)
    for key, status in statuses.items():
        assert_recorded(outcome, f"http_{status}", key)
        assert len(outcome.requests_for(key)) == 2
    assert_rest_harvested(outcome, *statuses)


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_waited_before_the_retry(tmp_path, last_page, status):
    faults = Faults()
    page = "^" + re.escape(last_page) + "$"
    faults.add(page, Status(status, retry_after=1), times=1)
    outcome = crawl(faults, tmp_path, settings(max_tries=3))
    first, second = requests_to(outcome.server, page)
    assert second.at - first.at >= 1.0
    assert outcome.summary.error_count == 0
    assert_rest_harvested(outcome)


def test_odd_header_values_cost_nothing(tmp_path):
    """'²' is a digit to str.isdigit() but not to int(): a Retry-After or Content-Length of it
    once raised ValueError out of the fetcher, killing the host's worker (see the report)."""
    faults = Faults()
    faults.add(item_pattern(A), Status(503, retry_after="\xb2"), times=1)
    faults.add(item_pattern(B), WithHeaders({"Content-Length": "\xb2"}))
    outcome = crawl(faults, tmp_path)
    assert outcome.summary.error_count == 0, outcome.summary.error_lines
    assert len(outcome.requests_for(A)) == 2
    assert_rest_harvested(outcome)


# -- transient faults that clear up ---------------------------------------------------------------

FLAKY = {A: Status(503), B: Status(502), MORE[0]: Reset(), MORE[1]: Truncated(),
         MORE[2]: Hang(seconds=20)}
FAILURES = 2


@pytest.fixture(scope="module")
def flaky(tmp_path_factory) -> Outcome:
    """One crawl, five flaky pages, each failing twice in its own way, then fine."""
    faults = Faults()
    for key, fault in FLAKY.items():
        faults.flaky(item_pattern(key), FAILURES, fault)
    return crawl(faults, tmp_path_factory.mktemp("flaky"), settings(max_tries=FAILURES + 1))


@pytest.mark.parametrize("key", FLAKY, ids=[f"{f.kind}{getattr(f, 'status', '')}"
                                            for f in FLAKY.values()])
def test_flaky_page_is_harvested_after_its_failures(flaky, key):
    assert len(flaky.requests_for(key)) == FAILURES + 1
    assert key in flaky.harvested


def test_flaky_pages_cost_nothing(flaky):
    assert flaky.summary.error_count == 0, flaky.summary.error_lines
    assert_rest_harvested(flaky)


def test_flaky_seed_is_retried(tmp_path):
    faults = Faults()
    faults.flaky(r"^/$", 1, Reset())
    outcome = crawl(faults, tmp_path)
    assert count(outcome.server, r"^/$") == 2
    assert_rest_harvested(outcome)


# -- content that lies about itself ---------------------------------------------------------------

def test_html_with_a_wrong_or_missing_content_type_is_harvested(tmp_path):
    faults = Faults()
    faults.add(item_pattern(A), WrongContentType("application/octet-stream"))
    faults.add(item_pattern(B), WrongContentType(None))
    outcome = crawl(faults, tmp_path)
    assert outcome.summary.error_count == 0
    assert_rest_harvested(outcome)
    for key in (A, B):
        assert outcome.articles[key]["headline"] == BY_KEY[key].headline
        assert outcome.articles[key]["body"].startswith(BY_KEY[key].paragraphs[0])


WRONG_CHARSETS = {A: ("utf-8", "windows-1252"), B: ("windows-1258", "utf-8")}


def test_wrong_charset_is_overruled_with_a_warning(tmp_path):
    faults = Faults()
    for key, (encoding, declared) in WRONG_CHARSETS.items():
        faults.add(item_pattern(key), WrongCharset(encoding, declared))
    outcome = crawl(faults, tmp_path)
    assert outcome.summary.error_count == 0
    assert_rest_harvested(outcome)
    for key, (_, declared) in WRONG_CHARSETS.items():
        row, truth = outcome.articles[key], BY_KEY[key]
        assert row["headline"] == truth.headline
        assert row["body"].startswith(truth.paragraphs[0])
        assert any(f"declared charset {declared} is wrong" in w for w in row["warnings"])


def test_windows_1258_fixture_really_is_windows_1258():
    """The bytes the charset fault sends: tone marks as combining characters after precomposed
    hat/horn letters, as Vietnamese Windows writes them; not decodable as UTF-8."""
    data = encode_1258("Đờn ca tài tử, thứ Năm")
    assert data.decode("cp1258") != "Đờn ca tài tử, thứ Năm"             # NFD, not NFC
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == "Đờn ca tài tử, thứ Năm"
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


# -- redirects ------------------------------------------------------------------------------------

def test_redirect_loop_is_recorded_not_retried(tmp_path):
    faults = Faults()
    faults.add(item_pattern(A), RedirectLoop())
    outcome = crawl(faults, tmp_path)
    assert_recorded(outcome, "redirect_loop", A)
    # A -> B -> A, and the loop is seen when B would be asked for again; no retry
    assert len(outcome.requests_for(A)) == 3
    assert_rest_harvested(outcome, A)


def test_redirect_to_another_host_is_refused_unrequested(tmp_path):
    faults = Faults()
    with serving() as elsewhere:
        faults.add(item_pattern(A), RedirectTo(elsewhere.url + article_url(BY_KEY[A])))
        outcome = crawl(faults, tmp_path)
        assert elsewhere.requests == []
    assert_recorded(outcome, "out_of_scope", A)
    assert len(outcome.requests_for(A)) == 1
    assert_rest_harvested(outcome, A)


class _WwwAliasIsPrivate:
    """scraper.http's view of DNS in one test: the www alias of the portal (in scope) resolves
    to 10.0.0.1, as under DNS rebinding. (The fetcher connects to the address it checked, so
    the portal's own 127.0.0.1 is made to pass for public by `_loopback_counts_as_public`.)"""

    def __init__(self, real) -> None:
        self._real = real

    def __getattr__(self, name: str):
        return getattr(self._real, name)

    def getaddrinfo(self, host, port, *args, **kwargs):
        if host.startswith("www."):
            return [(self._real.AF_INET, self._real.SOCK_STREAM, 6, "", ("10.0.0.1", port))]
        return self._real.getaddrinfo(host, port, *args, **kwargs)


def _loopback_counts_as_public(monkeypatch) -> None:
    """127.0.0.1 passes for a public address, so the portal is crawled with private addresses
    refused, as a real portal would be; every other address is judged as usual."""
    real = govnews.scraper.addresses.refusal
    monkeypatch.setattr(govnews.scraper.addresses, "refusal",
                        lambda address: None if str(address) == "127.0.0.1" else real(address))


def test_redirect_to_private_addresses_is_refused_unrequested(tmp_path, monkeypatch):
    monkeypatch.setattr(govnews.scraper.http, "socket", _WwwAliasIsPrivate(govnews.scraper.http.socket))
    _loopback_counts_as_public(monkeypatch)
    faults = Faults()
    with serving(host="127.0.0.2") as private:
        faults.add(item_pattern(A), RedirectTo(f"http://10.0.0.1{article_url(BY_KEY[A])}"))
        faults.add(item_pattern(B), RedirectTo(private.url + article_url(BY_KEY[B])))
        server = PortalServer(LacVietPortal(), faults=faults).start()
        alias = f"http://www.127.0.0.1:{server.port}"
        faults.add(item_pattern(MORE[0]), RedirectTo(alias + article_url(BY_KEY[MORE[0]])))
        try:
            outcome = crawl(faults, tmp_path, settings(http={"allow_private": False}),
                            allow_private=False, server=server)
        finally:
            stop_soon(server)
        assert private.requests == []
    assert outcome.summary.errors["out_of_scope"] == 3, outcome.summary.error_lines
    for key in (A, B, MORE[0]):
        assert len(outcome.requests_for(key)) == 1
        assert [line for line in error_lines(outcome.summary, "out_of_scope")
                if outcome.url_of(key) in line]
    assert [line for line in error_lines(outcome.summary, "out_of_scope")
            if "private address 10.0.0.1" in line]
    assert_rest_harvested(outcome, A, B, MORE[0])


def test_private_portal_is_refused_unless_allowed(tmp_path):
    outcome = crawl(Faults(), tmp_path, settings(http={"allow_private": False}),
                    allow_private=False)
    assert outcome.server.requests == []
    assert outcome.summary.errors["out_of_scope"] == 1
    assert "private address" in outcome.summary.error_lines[0]
    assert outcome.harvested == set()


# -- too much -------------------------------------------------------------------------------------

def test_endless_body_is_cut_at_the_size_cap(tmp_path):
    faults = Faults()
    faults.add(item_pattern(A), TooLarge(total=256 * 1024 * 1024))
    outcome = crawl(faults, tmp_path)
    assert_recorded(outcome, "too_large", A)
    assert len(outcome.requests_for(A)) == 1           # not worth a retry
    assert_rest_harvested(outcome, A)


BOMB_CRAWL = textwrap.dedent("""
    import json, resource, sys, tempfile
    from pathlib import Path
    sys.path[:0] = [sys.argv[1], sys.argv[1] + "/tests"]
    from test_faults import A, crawl, settings
    from govnews.fixtures.faults import Faults, GzipBomb, gzip_bomb, item_pattern
    faults = Faults()
    faults.add(item_pattern(A), GzipBomb(inflated=int(sys.argv[2])))
    gzip_bomb(int(sys.argv[2]))                     # built before measuring
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as folder:
        outcome = crawl(faults, Path(folder), settings(http={"max_bytes": 2 * 1024 * 1024}))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"grown_kb": after - before, "errors": dict(outcome.summary.errors),
                      "lines": outcome.summary.error_lines, "harvested": sorted(outcome.harvested),
                      "requests": len(outcome.requests_for(A)), "url": outcome.url_of(A)}))
""")


def test_gzip_bomb_is_cut_off_without_ballooning():
    inflated = 512 * 1024 * 1024
    assert len(gzip_bomb(inflated)) < inflated // 500
    # a process of its own, so that its peak resident size measures this crawl alone
    done = subprocess.run([sys.executable, "-c", BOMB_CRAWL, str(ROOT), str(inflated)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["errors"] == {"too_large": 1}
    assert [line for line in report["lines"] if report["url"] in line]
    assert report["requests"] == 1
    assert set(report["harvested"]) == ALL_KEYS - {A}
    assert report["grown_kb"] < 100 * 1024


# -- a page that is there but says nothing --------------------------------------------------------

CRAWL_SILENT_ON_BAD_BODIES = (
    "crawl.py: an article URL answered 200 with an empty or non-HTML body is marked done and "
    "the article silently lost (no error, exit code 0)")
BAD_BODIES = {A: EmptyBody(), B: Garbage(size=16 * 1024)}


@pytest.fixture(scope="module")
def bad_bodies(tmp_path_factory) -> Outcome:
    faults = Faults()
    for key, fault in BAD_BODIES.items():
        faults.add(item_pattern(key), fault)
    return crawl(faults, tmp_path_factory.mktemp("bad-bodies"))


def test_empty_or_garbage_body_costs_only_that_page(bad_bodies):
    for key in BAD_BODIES:
        assert len(bad_bodies.requests_for(key)) == 1
    assert_rest_harvested(bad_bodies, *BAD_BODIES)


@pytest.mark.parametrize("key", BAD_BODIES, ids=[f.kind for f in BAD_BODIES.values()])
def test_empty_or_garbage_body_is_recorded(bad_bodies, key):
    assert [line for line in bad_bodies.summary.error_lines if bad_bodies.url_of(key) in line], \
        bad_bodies.summary.line()


# -- robots.txt -----------------------------------------------------------------------------------

def test_robots_unreachable_skips_the_site_with_an_error(tmp_path):
    faults = Faults()
    faults.add(ROBOTS, Status(503))
    outcome = crawl(faults, tmp_path)
    paths = outcome.server.paths()
    assert set(paths) == {"/robots.txt"} and len(paths) >= 2     # retried, then given up
    assert outcome.summary.errors["http_503"] == 1
    assert f"{outcome.server.url}/robots.txt" in outcome.summary.error_lines[0]
    assert outcome.harvested == set()


@pytest.mark.parametrize("fault", [EmptyBody(), Garbage()], ids=lambda f: f.kind)
def test_robots_empty_or_garbage_means_no_rules(tmp_path, fault):
    faults = Faults()
    faults.add(ROBOTS, fault)
    outcome = crawl(faults, tmp_path)
    assert outcome.summary.error_count == 0
    assert_rest_harvested(outcome)


def test_robots_flaky_once_is_retried(tmp_path):
    faults = Faults()
    faults.flaky(ROBOTS, 1, Status(503))
    outcome = crawl(faults, tmp_path)
    assert count(outcome.server, ROBOTS) == 2
    assert_rest_harvested(outcome)


# -- a host that keeps failing --------------------------------------------------------------------

def test_failing_host_is_paused_then_given_up(tmp_path):
    faults = Faults()
    faults.add(r"(?i)[?&]mode=1\b", Status(500))
    outcome = crawl(faults, tmp_path, settings(host_fail_limit=3, host_pause=0.2))
    summary, host = outcome.summary, f"127.0.0.1:{outcome.server.port}"
    assert summary.given_up_hosts == [host]
    assert summary.errors["host_given_up"] == 1
    assert summary.errors["http_500"] == 6                 # 3, the pause, 3 more
    assert [line for line in summary.error_lines
            if line.startswith(f"host_given_up: {host}") and "given up" in line]
    articles = [r for r in outcome.server.requests if re.search(r"(?i)mode=1", r.target)]
    assert len(articles) == 6 * 2                          # each failed page tried max_tries times
    gaps = [b.at - a.at for a, b in zip(articles, articles[1:])]
    assert max(gaps) >= 0.2                                # the pause
    assert outcome.harvested == set()


# -- the command line -----------------------------------------------------------------------------

def test_cli_exit_code_is_1_when_a_page_failed(tmp_path, capsys):
    faults = Faults()
    faults.add(item_pattern(A), Status(404))
    with serving(faults=faults) as server:
        code = main(["crawl", server.url + "/", "-o", str(tmp_path / "out"), "--delay", "0",
                     "--allow-private"])
    assert code == 1
    url = server.url + article_url(BY_KEY[A])
    assert f"http_404: {url}" in capsys.readouterr().err


def test_cli_exit_code_is_0_when_a_flaky_page_recovered(tmp_path):
    faults = Faults()
    faults.flaky(item_pattern(A), 1, Status(502))
    with serving(faults=faults) as server:
        code = main(["crawl", server.url + "/", "-o", str(tmp_path / "out"), "--delay", "0",
                     "--allow-private"])
        assert count(server, item_pattern(A)) == 2
    assert code == 0


# -- traps ----------------------------------------------------------------------------------------

def _listing_pages() -> int:
    return sum(-(-len(PORTAL.in_category(c)) // PAGE_SIZE) for c in CATEGORIES)


def test_calendar_links_are_not_followed(baseline):
    home = PORTAL.handle(_get("/")).body.decode()
    assert "Mode=3&amp;Date=" in home                       # the trap is there to be walked into
    targets = [r.target for r in baseline.server.requests]
    assert len(targets) < 1.5 * (len(ALL_KEYS) + _listing_pages())
    days = [t for t in targets if re.search(r"(?i)[?&]mode=3\b", t)]
    assert len(days) <= 5, days


@pytest.mark.parametrize("shown", [1, 2], ids=["same-as-first", "last-repeats"])
def test_pager_that_never_ends_stops(tmp_path, shown):
    faults = Faults()
    rule = faults.add(r"(?i)[?&]mode=2\b.*[?&]page=\d+", RepeatingPager("Page", shown=shown))
    outcome = crawl(faults, tmp_path)
    assert rule.injected >= 1
    paged = [r.target for r in outcome.server.requests if re.search(r"(?i)[?&]page=\d+", r.target)]
    plain = [c for c in CATEGORIES if c != POSTBACK_CATEGORY]
    assert len(paged) <= 2 * len(plain), paged
    assert len(outcome.server.requests) < 1.5 * (len(ALL_KEYS) + _listing_pages())
    assert outcome.summary.error_count == 0


def test_pager_sanity_the_fault_repeats():
    """The injected pager really is endless: page 57 exists and links page 58."""
    faults = Faults()
    faults.add(r"(?i)[?&]mode=2\b.*[?&]page=\d+", RepeatingPager("Page", shown=1))
    category = next(c for c in CATEGORIES if len(PORTAL.in_category(c)) > PAGE_SIZE
                    and c != POSTBACK_CATEGORY)
    with serving(faults=faults) as server:
        page = faults(_get(listing_url(category, 57)), server)
    body = page.body.decode()
    assert page.status == 200 and "Page=58" in body
    first = {a.headline for a in PORTAL.in_category(category)[:PAGE_SIZE]}
    assert all(headline in body for headline in first)


def _get(target: str) -> Request:
    return Request("GET", target, {})


# -- a bug must cost one page, not the run --------------------------------------------------------

def test_unexpected_exception_costs_one_page(tmp_path, monkeypatch):
    real_fetch = Fetcher.fetch
    calls = Counter()

    def fetch(self, url, **kwargs):
        if re.search(item_pattern(A), url) and calls[url] < 20:   # bounded, so a bad run ends
            calls[url] += 1
            raise RuntimeError("a bug in the fetcher")
        return real_fetch(self, url, **kwargs)

    monkeypatch.setattr(Fetcher, "fetch", fetch)
    monkeypatch.setattr(threading, "excepthook", lambda args: None)
    outcome = crawl(Faults(), tmp_path)
    assert sum(calls.values()) == 1
    assert [line for line in outcome.summary.error_lines if outcome.url_of(A) in line]
