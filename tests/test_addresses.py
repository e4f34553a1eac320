"""Which addresses the fetcher may connect to (scraper.addresses), and pinning: the host is
resolved once per attempt and the connection goes to the address that was checked, never to a
second answer of the resolver (DNS rebinding), with the Host header and TLS name checks kept
for the URL's host."""
from __future__ import annotations

import socket
import threading

import pytest

import govnews.scraper.addresses as addresses
import govnews.scraper.http as http
from govnews.fixtures.faults import Faults, RedirectTo
from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.server import PortalServer
from govnews.fixtures.tls import make_pki, serve_https
from govnews.scraper.errors import FetchError, OutOfScope
from govnews.scraper.http import Fetcher, HttpSettings

TEREDO_PRIVATE_CLIENT = "2001:0:4136:e378:8000:63bf:f5ff:fffe"   # client 10.0.0.1 (bits inverted)
TEREDO_PUBLIC_CLIENT = "2001:0:4136:e378:8000:63bf:f7f7:f7f7"    # client 8.8.8.8

REFUSED = [
    "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1", "127.0.0.1",
    "127.8.8.8", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1",
    "239.255.255.250", "255.255.255.255", "192.0.2.1", "198.18.0.1", "240.0.0.1",
    "::", "::1", "fe80::1", "fe80::1%1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1",
    "2001:db8::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
    "::ffff:0.0.0.0", "2002:a9fe:a9fe::", "2002:0a00:0001::", "2002:7f00:0001::1",
    TEREDO_PRIVATE_CLIENT, "64:ff9b::10.0.0.1", "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe",
    "64:ff9b:1::808:808", "::10.0.0.1", "::127.0.0.1",
]
PUBLIC = [
    "8.8.8.8", "1.1.1.1", "93.184.215.14", "203.113.131.1", "2606:4700:4700::1111",
    "2001:4860:4860::8888", "::ffff:8.8.8.8", "2002:0808:0808::", "2002:0808:0808:1::1",
    "64:ff9b::8.8.8.8",
]


@pytest.mark.parametrize("address", REFUSED)
def test_refused(address):
    assert addresses.refusal(address) is not None
    assert not addresses.is_public(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_public(address):
    assert addresses.refusal(address) is None
    assert addresses.is_public(address)


@pytest.mark.parametrize("address, inner", [
    ("::ffff:10.0.0.1", "10.0.0.1"), ("2002:a9fe:a9fe::", "169.254.169.254"),
    ("2002:0a00:0001::", "10.0.0.1"), (TEREDO_PRIVATE_CLIENT, "10.0.0.1"),
    ("64:ff9b::10.0.0.1", "10.0.0.1")])
def test_refusal_names_the_embedded_address(address, inner):
    assert inner in addresses.refusal(address)


def test_teredo_is_refused_even_with_a_public_client():
    """Teredo (2001::/32) is not globally routable itself: only a relay reaches it."""
    assert addresses.embedded_ipv4(addresses.parse_address(TEREDO_PUBLIC_CLIENT))[1] \
        == addresses.parse_address("8.8.8.8")
    assert addresses.refusal(TEREDO_PUBLIC_CLIENT) is not None


def test_not_an_address():
    with pytest.raises(ValueError):
        addresses.refusal("portal.test")


# -- through the fetcher, with a resolver under the test's control --------------------------------

class Resolver:
    """socket.getaddrinfo for the names of one test: `answers[name]` lists what each lookup
    returns in turn (the last answer repeats); other names go to the real resolver. Installed
    as the socket module's own function, so any lookup anywhere (the fetcher's, urllib3's)
    is counted and answered the same way."""

    def __init__(self, real, answers: dict[str, list[str]]) -> None:
        self.real, self.answers = real, answers
        self.calls: list[str] = []
        self._lock = threading.Lock()

    def __call__(self, host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name not in self.answers:
            return self.real(host, port, *args, **kwargs)
        with self._lock:
            self.calls.append(name)
            queue = self.answers[name]
            address = queue.pop(0) if len(queue) > 1 else queue[0]
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        sockaddr = (address, port, 0, 0) if family == socket.AF_INET6 else (address, port)
        return [(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", sockaddr)]


def install(monkeypatch, answers: dict[str, list[str]]) -> Resolver:
    resolver = Resolver(socket.getaddrinfo, answers)
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    return resolver


def loopback_counts_as_public(monkeypatch) -> None:
    """127.0.0.1 passes for a public address (the portal under test stands for a real one);
    every other address, 127.0.0.2 included, is judged as usual."""
    real = addresses.refusal
    monkeypatch.setattr(addresses, "refusal",
                        lambda address: None if str(address) == "127.0.0.1" else real(address))


@pytest.fixture
def public_and_private():
    """The same port on 127.0.0.1 (the 'public' portal) and 127.0.0.2 (a private host)."""
    public = PortalServer(LacVietPortal()).start()
    private = PortalServer(LacVietPortal(), host="127.0.0.2", port=public.port).start()
    yield public, private
    for server in (public, private):
        threading.Thread(target=server.stop, daemon=True).start()


def test_rebinding_resolver_never_reaches_the_private_host(monkeypatch, public_and_private):
    public, private = public_and_private
    loopback_counts_as_public(monkeypatch)
    resolver = install(monkeypatch, {"portal.test": ["127.0.0.1", "127.0.0.2"]})
    fetcher = Fetcher(HttpSettings(read_timeout=5.0, allow_private=False))
    url = f"http://portal.test:{public.port}/robots.txt"
    assert fetcher.fetch(url).status == 200
    assert resolver.calls == ["portal.test"]                     # once for the whole fetch
    assert [r.headers["host"] for r in public.requests] == [f"portal.test:{public.port}"]
    with pytest.raises(OutOfScope) as refused:                   # the next lookup rebinds
        fetcher.fetch(url)
    assert resolver.calls == ["portal.test"] * 2
    assert "portal.test" in str(refused.value) and "127.0.0.2" in str(refused.value)
    assert private.requests == []
    assert len(public.requests) == 1


def test_every_answer_is_checked(monkeypatch, public_and_private):
    public, private = public_and_private
    loopback_counts_as_public(monkeypatch)
    real = socket.getaddrinfo

    def two_answers(host, port, *args, **kwargs):
        if host != "portal.test":
            return real(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", two_answers)
    with pytest.raises(OutOfScope, match=r"portal\.test resolves to private address 10\.0\.0\.1"):
        Fetcher(HttpSettings(allow_private=False)).fetch(f"http://portal.test:{public.port}/")
    assert public.requests == [] and private.requests == []


@pytest.mark.parametrize("answer", ["::ffff:10.0.0.1", "2002:a9fe:a9fe::", "64:ff9b::10.0.0.1",
                                    "169.254.169.254", "100.64.0.1"])
def test_refusal_names_host_and_address(monkeypatch, answer):
    install(monkeypatch, {"portal.test": [answer]})
    with pytest.raises(OutOfScope) as refused:
        Fetcher(HttpSettings(allow_private=False)).fetch("http://portal.test/")
    assert "portal.test" in str(refused.value) and answer in str(refused.value)


def test_allow_private_pins_too(monkeypatch, public_and_private):
    """With private addresses allowed, each fetch still resolves once and connects where its
    own lookup said, and the kept-alive connection to one address is not reused for the
    other (the pool is keyed by the pinned addresses)."""
    public, private = public_and_private
    resolver = install(monkeypatch, {"portal.test": ["127.0.0.1", "127.0.0.2"]})
    fetcher = Fetcher(HttpSettings(read_timeout=5.0, allow_private=True))
    url = f"http://portal.test:{public.port}/robots.txt"
    fetcher.fetch(url)
    assert resolver.calls == ["portal.test"]
    assert len(public.requests) == 1 and private.requests == []
    fetcher.fetch(url)
    assert resolver.calls == ["portal.test"] * 2
    assert len(public.requests) == 1 and len(private.requests) == 1


def test_redirect_hops_are_pinned_each(monkeypatch, public_and_private):
    """A redirect to another name is resolved and checked once, as its own hop."""
    public, private = public_and_private
    loopback_counts_as_public(monkeypatch)
    resolver = install(monkeypatch, {"portal.test": ["127.0.0.1"],
                                     "www.portal.test": ["127.0.0.2"]})
    faults = Faults()
    faults.add(r"^/moved$", RedirectTo(f"http://www.portal.test:{public.port}/robots.txt"))
    public.faults = faults
    with pytest.raises(OutOfScope) as refused:
        Fetcher(HttpSettings(allow_private=False)).fetch(f"http://portal.test:{public.port}/moved")
    assert "redirect to" in str(refused.value) and "127.0.0.2" in str(refused.value)
    assert resolver.calls == ["portal.test", "www.portal.test"]
    assert private.requests == []


def test_tls_checks_the_name_not_the_pinned_address(monkeypatch, tmp_path):
    """The certificate is for localhost and 127.0.0.1: pinned to 127.0.0.1, a name the
    certificate does not carry must still fail, and `localhost` must still pass (SNI and the
    hostname check use the URL's name)."""
    pki = make_pki(tmp_path / "pki")
    install(monkeypatch, {"portal.test": ["127.0.0.1"], "localhost": ["127.0.0.1"]})
    fetcher = Fetcher(HttpSettings(read_timeout=5.0, allow_private=True))
    with serve_https(LacVietPortal(), pki) as server:
        good = fetcher.fetch(f"https://localhost:{server.port}/robots.txt",
                             verify=str(pki.root_ca))
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(f"https://portal.test:{server.port}/robots.txt",
                          verify=str(pki.root_ca))
    assert good.status == 200
    assert caught.value.kind == "tls" and "portal.test" in str(caught.value)


def test_two_names_of_one_address_never_share_a_connection(monkeypatch):
    """Pools are keyed by host: two names pinned to one address get a connection each."""
    opened: list[str] = []
    real_open = http._open_socket

    def counting_open(address, *args, **kwargs):
        opened.append(address)
        return real_open(address, *args, **kwargs)

    monkeypatch.setattr(http, "_open_socket", counting_open)
    install(monkeypatch, {"one.test": ["127.0.0.1"], "two.test": ["127.0.0.1"]})
    fetcher = Fetcher(HttpSettings(read_timeout=5.0, allow_private=True))
    with PortalServer(LacVietPortal()) as server:
        for name in ("one.test", "two.test", "one.test", "two.test"):
            fetcher.fetch(f"http://{name}:{server.port}/robots.txt")
        hosts = [r.headers["host"].split(":")[0] for r in server.requests]
    assert hosts == ["one.test", "two.test", "one.test", "two.test"]
    assert opened == ["127.0.0.1", "127.0.0.1"]                 # one kept-alive connection each
