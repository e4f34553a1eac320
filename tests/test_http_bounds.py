"""Every attempt of the fetcher is bounded as a whole by `read_timeout`, against servers that
drip headers or bodies a byte at a time, tarpit every page, send absurd Retry-After values or
storms of cookies: each fetch ends within a bound derived from the timeout, with our own error
of the right kind, never a library exception or a traceback."""
from __future__ import annotations

import math
import re
import threading
import time
from contextlib import contextmanager
from typing import Iterator

import pytest
import requests

import govnews.scraper.http as http
from govnews.fixtures.faults import (
    MAX_COOKIE_HEADER, BodyDrip, CookieStorm, EndlessUniquePager, Faults, HeaderDrip,
    ManyAttributes, RobotsRedirect, Status, Tarpit, requests_to,
)
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.server import PortalServer
from govnews.fixtures.tls import make_pki, serve_https
from govnews.scraper.errors import FetchError, OutOfScope, TransientError
from govnews.scraper.http import (
    MAX_COOKIE_BYTES, MAX_COOKIES_PER_HOST, MAX_RETRY_AFTER, CappedCookieJar, Fetcher,
    HttpSettings,
)

T = 1.0                                  # read_timeout: the bound of a whole attempt
BOUND = 3 * T + 2                        # what a test allows a bounded fetch (generous)
HARD_LIMIT = 30.0                        # a fetch still running then is a hang: fail, don't block
HOME = "/tintuc/default.aspx"            # a page of ~20 KB: dripped a byte at a time, minutes


def fetcher(**changes) -> Fetcher:
    return Fetcher(HttpSettings(**{"read_timeout": T, "connect_timeout": T,
                                   "allow_private": True, **changes}))


def stop_soon(server: PortalServer) -> None:
    threading.Thread(target=server.stop, name="stop-portal", daemon=True).start()


@contextmanager
def serving(faults: Faults, **kwargs) -> Iterator[PortalServer]:
    server = PortalServer(LacVietPortal(), faults=faults, **kwargs).start()
    try:
        yield server
    finally:
        faults.release()
        stop_soon(server)


def timed_fetch(client: Fetcher, url: str, **kwargs) -> tuple[object, float]:
    """(the Response or the exception raised, seconds taken), in a thread that must end."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["result"] = client.fetch(url, **kwargs)
        except BaseException as exc:         # handed to the test's thread below
            outcome["result"] = exc

    started = time.monotonic()
    thread = threading.Thread(target=target, name="fetch-under-test", daemon=True)
    thread.start()
    thread.join(HARD_LIMIT)
    assert not thread.is_alive(), f"the fetch of {url} did not end within {HARD_LIMIT} s"
    return outcome["result"], time.monotonic() - started


def assert_timeout(result: object, elapsed: float, phase: str) -> None:
    assert isinstance(result, TransientError), repr(result)
    assert result.kind == "timeout"
    assert f"{phase} still arriving after" in str(result), str(result)
    assert elapsed < BOUND, f"{elapsed:.1f} s"


@pytest.fixture(autouse=True)
def no_tracebacks(capfd):
    """Neither the fetcher nor the fixture server may print a traceback."""
    yield
    assert "Traceback" not in capfd.readouterr().err


# -- dripping and tarpits -------------------------------------------------------------------------

def test_headers_dripped_a_byte_at_a_time_are_cut_off():
    faults = Faults()
    faults.add(r"^/tintuc/default\.aspx$", HeaderDrip(interval=0.2))
    with serving(faults) as server:
        result, elapsed = timed_fetch(fetcher(), server.url + HOME)
    assert_timeout(result, elapsed, "headers")


@pytest.mark.parametrize("drip", [BodyDrip(interval=0.2, close_delimited=True),
                                  BodyDrip(interval=0.2, close_delimited=False),
                                  BodyDrip(interval=0.2, close_delimited=False, chunked=True)],
                         ids=["close-delimited", "content-length", "chunked"])
def test_body_dripped_a_byte_at_a_time_is_cut_off(drip):
    faults = Faults()
    faults.add(r"^/tintuc/default\.aspx$", drip)
    with serving(faults) as server:
        result, elapsed = timed_fetch(fetcher(), server.url + HOME)
    assert_timeout(result, elapsed, "body")
    assert "cut off" in str(result)


def test_close_delimited_body_cut_off_is_never_returned_as_whole():
    """Shutting the socket of a close-delimited body down looks like its normal end (EOF):
    the fetcher must still call it a timeout, not hand back the bytes it got."""
    faults = Faults()
    faults.add(r"^/tintuc/default\.aspx$", BodyDrip(interval=0.05, close_delimited=True))
    with serving(faults) as server:
        result, elapsed = timed_fetch(fetcher(max_body_seconds=0.5), server.url + HOME)
    assert_timeout(result, elapsed, "body")
    assert "after 0.5 s" in str(result)


@pytest.mark.parametrize("fault", [HeaderDrip(interval=0.2), BodyDrip(interval=0.2)],
                         ids=["headers", "body"])
def test_dripping_is_cut_off_over_tls(tmp_path, fault):
    files = make_pki(tmp_path / "pki")
    faults = Faults()
    faults.add(r"^/tintuc/default\.aspx$", fault)
    server = serve_https(LacVietPortal(), files, faults=faults).start()
    client = fetcher()
    try:
        result, elapsed = timed_fetch(client, server.url + HOME, verify=str(files.root_ca))
        after, _ = timed_fetch(client, server.url + "/robots.txt", verify=str(files.root_ca))
    finally:
        faults.release()
        stop_soon(server)
    assert_timeout(result, elapsed, "headers" if isinstance(fault, HeaderDrip) else "body")
    assert not isinstance(after, BaseException) and after.status == 200


def test_tarpit_host_costs_each_page_one_bound():
    faults = Faults()
    faults.add("", Tarpit())
    client = fetcher()
    with serving(faults) as server:
        for path in ("/robots.txt", HOME, "/tintuc/Pages/gioithieu.aspx"):
            result, elapsed = timed_fetch(client, server.url + path)
            assert_timeout(result, elapsed, "headers")


def test_kept_alive_connection_is_watched_too(monkeypatch):
    """The second request reuses the first one's connection: the deadline must find the
    socket of a connection taken from the pool, not only of one it saw being made."""
    opened: list[str] = []
    real_open = http._open_socket

    def counting_open(address, *args, **kwargs):
        opened.append(address)
        return real_open(address, *args, **kwargs)

    monkeypatch.setattr(http, "_open_socket", counting_open)
    faults = Faults()
    faults.add(r"^/tintuc/default\.aspx$", BodyDrip(interval=0.2, close_delimited=False))
    client = fetcher()
    with serving(faults) as server:
        first, _ = timed_fetch(client, server.url + "/robots.txt")
        result, elapsed = timed_fetch(client, server.url + HOME)
    assert first.status == 200
    assert_timeout(result, elapsed, "body")
    assert opened == ["127.0.0.1"]                      # one connection for both requests


def test_slow_resolver_counts_against_the_attempt(monkeypatch):
    """DNS is part of the attempt: a lookup that took the whole budget leaves no time to
    connect, and the attempt ends as a timeout at once."""
    real = http.socket.getaddrinfo

    def slow(host, *args, **kwargs):
        if host == "slow.test":
            time.sleep(T * 1.2)
            return real("127.0.0.1", *args, **kwargs)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(http.socket, "getaddrinfo", slow)
    with serving(Faults()) as server:
        result, elapsed = timed_fetch(fetcher(), f"http://slow.test:{server.port}/robots.txt")
    assert isinstance(result, TransientError) and result.kind == "timeout", repr(result)
    assert "connection still not made" in str(result)
    assert elapsed < BOUND


def test_normal_pages_still_arrive_whole():
    with serving(Faults()) as server:
        result, elapsed = timed_fetch(fetcher(), server.url + HOME)
    assert result.status == 200 and b"</html>" in result.body.lower()
    assert elapsed < BOUND


# -- Retry-After ----------------------------------------------------------------------------------

ODD_RETRY_AFTER = ["1000000000", "9" * 40, "9" * 5000, "0" * 50 + "7",
                   "Fri, 31 Dec 9999 23:59:59 GMT", "Fri, 31 Dec 9999 23:59:59 -2359",
                   "Mon, 01 Jan 0001 00:00:00 +2359", "Mon, 01 Jan 0001 00:00:00 GMT",
                   "Thu, 01 Jan 1970 00:00:00 GMT", "Wed, 21 Oct 2015 07:28:00", "soon", "-5",
                   "nan", "inf", "1e400", " 12 ", "\xb2", "Fri, 32 Dec 2024 25:61:61 GMT", ","]


@pytest.mark.parametrize("value", ODD_RETRY_AFTER)
def test_retry_after_is_a_finite_bounded_number_or_none(value):
    seconds = http._retry_after(value)
    assert seconds is None or (isinstance(seconds, float) and math.isfinite(seconds)
                               and 0.0 <= seconds <= MAX_RETRY_AFTER)


def test_retry_after_values():
    assert http._retry_after("120") == 120.0
    assert http._retry_after("9" * 5000) == MAX_RETRY_AFTER
    assert http._retry_after("Fri, 31 Dec 9999 23:59:59 GMT") == MAX_RETRY_AFTER
    assert http._retry_after("Thu, 01 Jan 1970 00:00:00 GMT") == 0.0
    assert http._retry_after("soon") is None and http._retry_after(None) is None


@pytest.mark.parametrize("value", ["1000000000", "9" * 5000, "Fri, 31 Dec 9999 23:59:59 GMT",
                                   "garbage"])
def test_odd_retry_after_on_the_wire(value):
    faults = Faults()
    faults.add(r"^/robots\.txt$", Status(503, retry_after=value))
    with serving(faults) as server:
        result, elapsed = timed_fetch(fetcher(), server.url + "/robots.txt")
    assert isinstance(result, TransientError) and result.kind == "http_503", repr(result)
    assert result.retry_after is None or 0.0 <= result.retry_after <= MAX_RETRY_AFTER
    assert elapsed < BOUND


# -- cookies --------------------------------------------------------------------------------------

def test_cookie_storm_then_a_normal_page_of_the_same_host():
    faults = Faults()
    faults.add(r"^/tintuc/default\.aspx$", CookieStorm(count=50, size=4000))
    client = fetcher()
    with serving(faults) as server:
        stormy, _ = timed_fetch(client, server.url + HOME)
        again, _ = timed_fetch(client, server.url + HOME)       # a second storm, new names
        after, elapsed = timed_fetch(client, server.url + "/robots.txt")
        sent = [len(r.headers.get("cookie", "")) for r in requests_to(server, "")]
    assert stormy.status == 200 and again.status == 200
    assert not isinstance(after, BaseException) and after.status == 200, repr(after)
    assert elapsed < BOUND
    assert max(sent) <= MAX_COOKIE_HEADER


def test_the_storm_is_hostile_to_an_uncapped_client():
    """Fixture sanity: a client that keeps every cookie gets 431 afterwards."""
    faults = Faults()
    faults.add(r"^/tintuc/default\.aspx$", CookieStorm(count=50, size=4000))
    with serving(faults) as server, requests.Session() as session:
        session.trust_env = False
        assert session.get(server.url + HOME, timeout=5).status_code == 200
        assert session.get(server.url + "/robots.txt", timeout=5).status_code == 431


def test_session_cookie_set_first_survives_the_storm():
    jar = CappedCookieJar()
    jar.set("ASP.NET_SessionId", "k3vq1d55mbvx0a45", domain="portal.test", path="/")
    for index in range(200):
        jar.set(f"trk{index}", "v" * 100, domain="portal.test", path="/")
    names = {cookie.name for cookie in jar}
    assert "ASP.NET_SessionId" in names
    assert len(names) <= MAX_COOKIES_PER_HOST
    jar.set("ASP.NET_SessionId", "renewed", domain="portal.test", path="/")
    assert jar.get("ASP.NET_SessionId", domain="portal.test") == "renewed"


def test_cookie_caps_are_per_host():
    jar = CappedCookieJar()
    jar.set("big", "v" * (MAX_COOKIE_BYTES + 1), domain="a.test", path="/")
    assert list(jar) == []
    for host in ("a.test", "b.test"):
        for index in range(80):
            jar.set(f"c{index}", "1", domain=host, path="/")
    per_host = {host: sum(1 for c in jar if c.domain == host) for host in ("a.test", "b.test")}
    assert per_host == {"a.test": MAX_COOKIES_PER_HOST, "b.test": MAX_COOKIES_PER_HOST}


def test_cookie_jar_survives_copy():
    jar = CappedCookieJar()
    jar.set("a", "1", domain="a.test", path="/")
    assert isinstance(jar.copy(), CappedCookieJar) and jar.copy().get("a") == "1"


# -- traps that are not slow ----------------------------------------------------------------------

def test_robots_redirected_to_another_host_is_out_of_scope():
    with serving(Faults()) as elsewhere:
        faults = Faults()
        faults.add(r"^/robots\.txt$", RobotsRedirect(elsewhere.url + "/robots.txt"))
        with serving(faults) as server:
            same_host = lambda target: target.startswith(server.url + "/")   # noqa: E731
            result, elapsed = timed_fetch(fetcher(), server.url + "/robots.txt",
                                          in_scope=same_host)
        assert elsewhere.requests == []
    assert isinstance(result, OutOfScope), repr(result)
    assert elsewhere.url in str(result) and elapsed < BOUND


def test_endless_unique_pager_gives_new_links_each_time():
    faults = Faults()
    faults.add(r"^/tintuc/lists/posts/post\.aspx", EndlessUniquePager())
    client = fetcher()
    with serving(faults) as server:
        url = server.url + "/tintuc/lists/posts/post.aspx?page=1"
        first, _ = timed_fetch(client, url)
        second, elapsed = timed_fetch(client, url)
    pages = [set(re.findall(rb"\?page=([0-9a-f]+)", r.body)) for r in (first, second)]
    assert first.status == 200 and pages[0] and not pages[0] & pages[1]
    assert b"ItemID=" in first.body or b"itemid=" in first.body.lower()
    assert elapsed < BOUND


def test_page_with_200_000_attributes_is_fetched_within_the_bound():
    faults = Faults()
    faults.add(r"^/tintuc/default\.aspx$", ManyAttributes(count=200_000))
    with serving(faults) as server:
        result, elapsed = timed_fetch(fetcher(), server.url + HOME)
    assert not isinstance(result, BaseException), repr(result)
    assert result.status == 200 and len(result.body) > 2_500_000
    assert elapsed < BOUND


def test_errors_are_ours_not_the_libraries():
    faults = Faults()
    faults.add("", Tarpit())
    with serving(faults) as server:
        result, _ = timed_fetch(fetcher(), server.url + HOME)
    assert isinstance(result, FetchError) and not isinstance(result, requests.RequestException)
    assert result.__cause__ is None
