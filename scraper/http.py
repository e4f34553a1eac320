"""All HTTP goes through here: one requests.Session, explicit timeouts, streamed bodies with a
size cap, redirects followed by hand so every hop is checked for scope and private addresses.

Every attempt is bounded as a whole: `HttpSettings.read_timeout` covers connecting, the status
line and headers, and the body, whatever the framing (Content-Length, chunked, or a body that
ends when the server closes). A watchdog shuts down the socket the attempt actually uses when
its deadline passes; that socket is captured when the connection is made (`_PinnedConnection`).

Every connection is pinned: the host is resolved once per attempt, every address it resolves
to is checked (`scraper.addresses`), and the connection is made to a checked address, never
to a second answer of the resolver (DNS rebinding). The Host header, TLS SNI and certificate
checks keep the URL's host name; the pool of connections is keyed by host and pinned addresses.
"""
from __future__ import annotations

import collections
import contextvars
import functools
import logging
import re
import socket
import threading
import time
import warnings
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http.cookiejar import Cookie
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.cookies import RequestsCookieJar
from requests.structures import CaseInsensitiveDict
from requests.utils import requote_uri
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.poolmanager import PoolKey, PoolManager, _default_key_normalizer

from govnews._version import __version__

from . import addresses
from .deadlines import DEADLINES, Deadline
from .errors import FetchError, OutOfScope, TransientError

log = logging.getLogger("govnews.http")

DEFAULT_USER_AGENT = f"govnews/{__version__} (+https://github.com/govnews/govnews; research harvester)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 524})
MAX_RETRY_AFTER = 1e9                 # seconds; a longer Retry-After (year 9999) is this


@dataclass
class Response:
    url: str                      # the URL asked for
    final_url: str                # after redirects
    status: int
    headers: CaseInsensitiveDict       # names as the server sent them, looked up in any case
    body: bytes
    redirects: list[tuple[int, str]] = field(default_factory=list)   # (status, location) per hop
    request_headers: dict[str, str] = field(default_factory=dict)
    method: str = "GET"
    request_body: bytes = b""
    elapsed: float = 0.0
    truncated: bool = False
    verify: bool | str = True
    # the body as received, Content-Encoding still applied (Transfer-Encoding removed), when it
    # differs from `body`: what the WARC archive stores; None when nothing was decoded
    raw_body: bytes | None = None
    # the head as the server sent it (`wire_head`): its protocol ('HTTP/1.0'), its status and
    # reason ('200 Everything Is Fine') and every header field in order, repeated fields apart,
    # bytes read as ISO-8859-1; None for a Response not read off a socket (then rebuilt)
    head: "WireHead | None" = None
    # the redirects' own answers, in order (each with its status, Location and body up to
    # REDIRECT_BODY): archived before this one, so a replay tool follows the old address too
    hops: list["Response"] = field(default_factory=list)
    # the error of an answer received whole whose body does not decode (labelled gzip and not, a
    # gzip stream that stops early inside its Content-Length): archived as sent, this named in its
    # metadata record, so that a reparse passes it over as the crawl did ('bad_encoding: …')
    note: str | None = None


@dataclass(frozen=True)
class WireHead:
    protocol: str
    status_line: str
    fields: tuple[tuple[str, str], ...]


_PROTOCOLS = {9: "HTTP/0.9", 10: "HTTP/1.0", 11: "HTTP/1.1"}


def wire_head(raw: requests.Response) -> WireHead | None:
    """The head http.client read for `raw`: urllib3's headers join repeated fields with ', '
    (three Set-Cookie become one) and requests rebuilds no status line, so the archive reads
    the parsed message http.client keeps (`email.message.Message.items()`: every field in the
    order received, names in their own case)."""
    original = getattr(getattr(raw, "raw", None), "_original_response", None)
    message = getattr(original, "msg", None)
    if original is None or message is None:
        return None
    protocol = _PROTOCOLS.get(getattr(original, "version", 11), "HTTP/1.1")
    reason = original.reason if isinstance(original.reason, str) else ""
    status = f"{raw.status_code} {reason}" if reason else str(raw.status_code)
    try:
        fields = tuple((str(name), str(value)) for name, value in message.items())
    except Exception:  # noqa: BLE001 - a header email's policy could not render: rebuild instead
        return None
    return WireHead(protocol, status, fields)


@dataclass(frozen=True)
class HttpSettings:
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0     # each TCP connect (within the attempt's read_timeout)
    read_timeout: float = 30.0        # each attempt as a whole: connect, headers and body
    max_bytes: int = 10 * 1024 * 1024
    max_body_seconds: float | None = None   # a tighter bound on the body alone (None: only
                                            # read_timeout bounds it)
    max_redirects: int = 8
    allow_private: bool = False


REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
REDIRECT_BODY = 64 * 1024          # a redirect's body read at most ('Object Moved'), then cut


class _Session(requests.Session):
    """requests' Session that never reads a redirect's body on its own. With redirects off,
    `Session.send` still walks `resolve_redirects` once to set `Response.next`, and that walk
    reads the whole body of a redirect (no size cap: an 'Object Moved' page, or a hostile
    endless one) and closes the response before the fetcher sees it. The fetcher follows
    redirects itself, reading every body within its caps."""

    def get_redirect_target(self, resp):
        return None


def _location(value: str) -> str:
    """A Location header as the address it names: its spaces around trimmed, UTF-8 sent raw (as
    http.client hands it over, each byte a latin-1 character) read as UTF-8, and what may not
    stand in a URL (spaces, non-ASCII) percent-encoded, as browsers and requests do."""
    value = value.strip()
    try:
        value = value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    try:
        return requote_uri(value)
    except ValueError:
        return value


class Fetcher:
    """Fetches one request at a time per call; thread-safe (one Session shared, as requests
    allows for plain GET/POST use). Environment proxies are not used (`trust_env` off): the
    address check must see the address the connection is made to."""

    def __init__(self, settings: HttpSettings = HttpSettings()) -> None:
        self.settings = settings
        self.session = _Session()
        self.session.trust_env = False
        self.session.cookies = CappedCookieJar()
        adapter = _PinningAdapter(pool_connections=64, pool_maxsize=64, max_retries=0)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({
            "User-Agent": settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "vi,en;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        })
        self._unverified_hosts: set[str] = set()
        self._unverified_lock = threading.Lock()

    def fetch(self, url: str, *, method: str = "GET", data: bytes | None = None,
              headers: dict[str, str] | None = None, in_scope=None,
              verify: bool | str = True, before_hop=None, cut_at: int | None = None) -> Response:
        """Fetch `url`, following redirects that stay in scope. Raises TransientError (worth a
        retry), FetchError or OutOfScope; never a requests exception. `before_hop(target)` is
        called before each redirect hop is requested (the crawler waits for the host's turn:
        a hop is a request too). `cut_at`: a body longer than that many bytes (as sent, with no
        content coding) is cut there and kept, `truncated`, instead of refused (robots.txt: RFC
        9309 reads its first 500 KiB)."""
        redirects: list[tuple[int, str]] = []
        hops: list[Response] = []
        current, started = url, time.monotonic()
        for hop in range(self.settings.max_redirects + 1):
            if hop and before_hop is not None:
                before_hop(current)
            response = self._one(url, current, method, data, headers or {}, verify, cut_at)
            if response.status in REDIRECT_STATUSES and "location" in response.headers:
                try:
                    target = urljoin(current, _location(response.headers["location"]))
                except ValueError:
                    raise FetchError(url, f"redirect to an invalid address: "
                                          f"{response.headers['location'][:200]!r}", "bad_url") from None
                redirects.append((response.status, target))
                if in_scope is not None and not in_scope(target):
                    refused = OutOfScope(url, f"redirect to {target} leaves the site's scope")
                    refused.target = target
                    raise refused
                if target in (current, *[r[1] for r in redirects[:-1]]):
                    raise FetchError(url, f"redirect loop at {target}", "redirect_loop")
                if response.status in (301, 302, 303):
                    method, data = "GET", None
                hops.append(response)
                current = target
                continue
            response.url, response.final_url, response.redirects = url, current, redirects
            response.hops = hops
            response.elapsed = time.monotonic() - started
            return response
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects", "redirect_loop")

    def _check_hop(self, url: str, current: str) -> tuple[str, tuple[str, ...]]:
        """check_address for each hop; a refused redirect target is reported under the URL asked
        for (the page the crawl knows), naming the target."""
        try:
            return self.check_address(current)
        except FetchError as exc:
            if current == url:
                raise
            raise type(exc)(url, f"redirect to {exc}", exc.kind) from None

    def check_address(self, url: str) -> tuple[str, tuple[str, ...]]:
        """The URL's host (as requests sends it) and the addresses it resolves to, each one
        checked: OutOfScope names the host and the first refused address (private addresses
        pass when `allow_private` is on). One resolver call; connect only to these."""
        host, port = _host_and_port(url)
        found = _resolve(url, host, port)
        if not self.settings.allow_private:
            for address in found:
                if (reason := addresses.refusal(address)) is not None:
                    raise OutOfScope(url, f"{host} resolves to private address {address} "
                                          f"({reason}; use --allow-private to crawl it)")
        return host, found

    def _one(self, asked: str, url: str, method: str, data: bytes | None,
             headers: dict[str, str], verify: bool | str, cut_at: int | None = None) -> Response:
        """One attempt at one hop, within its deadline."""
        if verify is False:
            self._quiet_unverified(url)
        attempt = _Attempt(self.settings.read_timeout)
        token = _ATTEMPT.set(attempt)
        try:
            attempt.pin(*self._check_hop(asked, url))
            raw = self._send(url, attempt, method, data, headers, verify)
            redirect = raw.status_code in REDIRECT_STATUSES and "location" in raw.headers
            with raw:
                try:
                    body, raw_body, truncated = self._read(
                        raw, url, attempt, min(cut_at or REDIRECT_BODY, REDIRECT_BODY) if redirect else cut_at)
                except FetchError as exc:
                    if not (redirect and exc.kind in ("truncated", "connection", "too_large", "bad_encoding")):
                        received = getattr(exc, "received_body", None)
                        if received is not None:   # received whole, its coding undecodable: the
                            #                        page's error, the answer kept for the archive
                            exc.received = Response(
                                url, url, raw.status_code, CaseInsensitiveDict(raw.headers), b"",
                                request_headers=dict(raw.request.headers), method=method,
                                request_body=data or b"", verify=verify, raw_body=received,
                                head=wire_head(raw), note=f"{exc.kind}: {exc.reason}")
                        raise
                    body, raw_body, truncated = b"", None, True   # a redirect's body is not what
                    #                                               was asked for: its Location is
                finally:
                    attempt.finish()        # before the connection goes back to the pool
                result = Response(url, url, raw.status_code, CaseInsensitiveDict(raw.headers),
                                  body, request_headers=dict(raw.request.headers), method=method,
                                  request_body=data or b"", truncated=truncated, verify=verify,
                                  raw_body=raw_body, head=wire_head(raw))
        finally:
            attempt.finish()
            _ATTEMPT.reset(token)
        if raw.status_code in RETRY_STATUSES:
            raise TransientError(url, f"HTTP {raw.status_code}", f"http_{raw.status_code}",
                                 _retry_after(raw.headers.get("Retry-After")))
        return result

    def _send(self, url: str, attempt: "_Attempt", method: str, data: bytes | None,
              headers: dict[str, str], verify: bool | str) -> requests.Response:
        """The request sent and the response's headers read (the body left to stream)."""
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        try:
            return self.session.request(method, url, data=data, headers=headers, stream=True,
                                        allow_redirects=False, timeout=timeout, verify=verify)
        except (requests.exceptions.RequestException, ValueError) as exc:
            raise self._send_failure(url, attempt, exc) from None

    def _send_failure(self, url: str, attempt: "_Attempt", exc: Exception) -> FetchError:
        """The library's error as ours; a deadline that ran out explains whatever it caused."""
        if attempt.expired or (isinstance(exc, requests.exceptions.ConnectTimeout)
                               and attempt.remaining() <= 0):
            return attempt.timeout_error(url)
        if isinstance(exc, requests.exceptions.SSLError):
            return FetchError(url, f"TLS error: {_tls_reason(exc)}", "tls")
        if isinstance(exc, requests.exceptions.ConnectTimeout):
            return TransientError(url, f"connection still not made after "
                                       f"{self.settings.connect_timeout:g} s (connect timeout)",
                                  "timeout")
        if isinstance(exc, requests.exceptions.Timeout):
            return attempt.timeout_error(url, self.settings.read_timeout)
        if isinstance(exc, requests.exceptions.ConnectionError):
            return TransientError(url, f"connection failed: {_connection_reason(exc)}", "connection")
        if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                            requests.exceptions.InvalidSchema, requests.exceptions.URLRequired)):
            return FetchError(url, f"bad URL: {exc}", "bad_url")
        return FetchError(url, f"malformed response: {_short(exc)}", "bad_response")

    def _quiet_unverified(self, url: str) -> None:
        """`verify = false` is a site's setting, chosen on purpose: urllib3's InsecureRequestWarning
        (issued on every request) is silenced for that host only, and the fact logged once."""
        host = (urlsplit(url).hostname or "").lower()
        with self._unverified_lock:
            if host in self._unverified_hosts:
                return
            self._unverified_hosts.add(host)
            warnings.filterwarnings(
                "ignore", category=urllib3.exceptions.InsecureRequestWarning,
                message=f"Unverified HTTPS request is being made to host '{re.escape(host)}'")
        log.warning("TLS certificate verification is off for %s (verify = false in its site "
                    "config); urllib3's InsecureRequestWarning is silenced for it", host)

    def _read(self, raw: requests.Response, url: str, attempt: "_Attempt", cut_at: int | None = None
              ) -> tuple[bytes, bytes | None, bool]:
        """The body, within the size cap and the attempt's deadline (tightened by
        `max_body_seconds`). A body cut off by the deadline is a timeout, never a short body
        passed off as whole (a close-delimited body just ends when its socket is shut down)."""
        attempt.enter("body", self.settings.max_body_seconds)
        try:
            result = self._read_body(raw, url, cut_at)
        except FetchError as exc:
            if attempt.finish():
                raise attempt.timeout_error(url) from None
            if exc.kind == "timeout":
                raise attempt.timeout_error(url, self.settings.read_timeout) from None
            raise
        if attempt.finish():
            raise attempt.timeout_error(url)
        return result

    def _read_body(self, raw: requests.Response, url: str, cut_at: int | None = None
                   ) -> tuple[bytes, bytes | None, bool]:
        """(decoded body, the bytes as received when they differ, truncated). The bytes are read
        undecoded and the Content-Encoding removed here as they arrive, both within the cap.
        `cut_at` (a body sent without a content coding): read up to that many bytes and kept,
        cut, instead of refused past the cap."""
        cap = self.settings.max_bytes
        declared = _ascii_int(raw.headers.get("Content-Length"))
        keep_cut = cut_at is not None and not raw.headers.get("Content-Encoding")
        if keep_cut:
            cap = min(cut_at, cap)
        elif declared is not None and declared > cap * 4 and not raw.headers.get("Content-Encoding"):
            raise FetchError(url, f"response of {declared} bytes exceeds the {cap}-byte cap",
                             "too_large")
        decoder = ContentDecoder.for_header(raw.headers.get("Content-Encoding"), cap, whole=True)
        chunks, decoded, size = [], [], 0
        stream = _undecoded_chunks(raw, 64 * 1024)
        try:
            for chunk in stream:
                size += len(chunk)
                if size > cap and keep_cut:
                    chunks.append(chunk)
                    return b"".join(chunks)[:cap], None, True
                if size > cap:
                    raise FetchError(url, f"response exceeds the {cap}-byte cap (cut off)",
                                     "too_large")
                chunks.append(chunk)
                if decoder is not None:
                    decoded.append(decoder.feed(chunk))
            if decoder is not None:
                decoded.append(decoder.finish())
        except DecodedTooLarge:
            raise FetchError(url, f"response exceeds the {cap}-byte cap (cut off)",
                             "too_large") from None
        except StreamCut as exc:
            error = TransientError(url, f"truncated body: {exc}", "truncated")
            received = _rest_as_received(stream, chunks, size, cap)
            if received is not None and _ascii_int(raw.headers.get("Content-Length")) == len(received):
                error.received_body = received     # (all the server said it sent: its gzip is cut,
            raise error from None                  # not the connection)
        except (requests.exceptions.ContentDecodingError, UndecodableContent) as exc:
            error = FetchError(url, f"undecodable content encoding: {_short(exc)}", "bad_encoding")
            error.received_body = _rest_as_received(stream, chunks, size, cap)
            raise error from None
        except (requests.exceptions.ChunkedEncodingError, urllib3.exceptions.ProtocolError,
                zlib.error) as exc:
            raise TransientError(url, f"truncated body: {_short(exc)}", "truncated") from None
        except requests.exceptions.ConnectionError as exc:
            raise TransientError(url, f"connection lost while reading: {_short(exc)}",
                                 "connection") from None
        except requests.exceptions.Timeout:
            raise TransientError(url, "read timeout while reading the body", "timeout") from None
        raw_body = b"".join(chunks)
        body = b"".join(decoded) if decoder is not None else raw_body
        expected = _ascii_int(raw.headers.get("Content-Length"))
        if expected is not None and not raw.headers.get("Content-Encoding") \
                and len(body) < expected and _has_body(raw):
            raise TransientError(url, f"truncated body: {len(body)} of {expected} bytes",
                                 "truncated")
        return body, (raw_body if decoder is not None else None), False


def _rest_as_received(stream, chunks: list[bytes], size: int, cap: int) -> bytes | None:
    """The whole body as received, when its content coding failed to decode (a body labelled gzip
    that is not, a gzip stream that stops early): the rest read undecoded, within the cap, for the
    archive (the evidence of what the server sent); None when it cannot be read whole."""
    try:
        for chunk in stream:
            size += len(chunk)
            if size > cap:
                return None
            chunks.append(chunk)
    except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError, ValueError):
        return None
    return b"".join(chunks)


def _has_body(raw: requests.Response) -> bool:
    """Whether the response carries a body at all: a 304, a 204 and the answer to a HEAD never do,
    whatever their Content-Length says (RFC 9110 8.6: a 304's names the representation's)."""
    return raw.status_code not in (204, 304) and not 100 <= raw.status_code < 200 \
        and (raw.request is None or raw.request.method != "HEAD")


def _undecoded_chunks(raw: requests.Response, size: int):
    """The body's bytes as received (de-chunked, Content-Encoding still applied), with urllib3's
    errors converted as `requests.Response.iter_content` converts them."""
    try:
        yield from raw.raw.stream(size, decode_content=False)
    except urllib3.exceptions.ProtocolError as exc:
        raise requests.exceptions.ChunkedEncodingError(exc) from None
    except ValueError as exc:          # a negative chunk size: http.client's read(-5)
        raise requests.exceptions.ChunkedEncodingError(exc) from None
    except urllib3.exceptions.DecodeError as exc:
        raise requests.exceptions.ContentDecodingError(exc) from None
    except urllib3.exceptions.ReadTimeoutError as exc:
        raise requests.exceptions.ConnectionError(exc) from None
    except urllib3.exceptions.SSLError as exc:
        raise requests.exceptions.SSLError(exc) from None


# -- content codings ------------------------------------------------------------------------------

DECODED_CODINGS = frozenset({"gzip", "x-gzip", "deflate"})   # what we ask for (Accept-Encoding)


class UndecodableContent(ValueError):
    """A body that its Content-Encoding does not describe."""


class StreamCut(UndecodableContent):
    """A gzip stream that ends before its end (no trailer): the body was cut in transit."""


class DecodedTooLarge(ValueError):
    """A decoded body past the decoder's limit (a compression bomb is cut off there)."""


class ContentDecoder:
    """Removes a Content-Encoding of gzip / x-gzip / deflate (or a list of them) from bytes fed
    as they arrive, never producing more than `limit` bytes per coding: past it DecodedTooLarge,
    so a compression bomb costs at most `limit` bytes of memory. The one place govnews removes a
    content coding, from the network and from the archive alike."""

    def __init__(self, codings: list[str], limit: int, whole: bool = False) -> None:
        self._steps = [_Inflater(coding, limit, whole) for coding in reversed(codings)]

    @classmethod
    def for_header(cls, value: str | None, limit: int, whole: bool = False) -> "ContentDecoder | None":
        """The decoder for a Content-Encoding header value; None when there is nothing to remove
        or a coding govnews does not remove (the body is then kept as sent, header and all).
        `whole`: a gzip stream that stops before its end is StreamCut (a response read from the
        network), not the part of it that was decoded (a payload stored by another archive)."""
        codings = [c.strip().lower() for c in (value or "").split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if not codings or any(c not in DECODED_CODINGS for c in codings):
            return None
        return cls(codings, limit, whole)

    def feed(self, data: bytes) -> bytes:
        for step in self._steps:
            data = step.feed(data)
        return data

    def finish(self) -> bytes:
        data = b""
        for step in self._steps:
            data = step.feed(data) + step.finish()
        return data


def decode_content(body: bytes, content_encoding: str | None, limit: int) -> bytes:
    """`body` with its Content-Encoding removed (unchanged when there is none to remove)."""
    decoder = ContentDecoder.for_header(content_encoding, limit)
    return body if decoder is None else decoder.feed(body) + decoder.finish()


class _Inflater:
    """One coding: gzip (members concatenated, as RFC 1952 allows; bytes after a complete
    member that are no gzip member are ignored, as browsers do) or deflate (zlib-wrapped, or
    raw as some servers send it)."""

    def __init__(self, coding: str, limit: int, whole: bool = False) -> None:
        self.gzip = coding in ("gzip", "x-gzip")
        self.whole, self.fed = whole, False
        self.limit, self.produced = limit, 0
        self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS if self.gzip else zlib.MAX_WBITS)
        self._members = 0                  # gzip members completed
        self._first: bytes | None = None if self.gzip else b""   # deflate: fed before output
        self._ignoring = False

    def feed(self, data: bytes) -> bytes:
        out = []
        self.fed = self.fed or bool(data)
        while data and not self._ignoring:
            if self._first is not None:
                self._first += data
            try:
                part = self._obj.decompress(data, self.limit - self.produced + 1)
            except zlib.error as exc:
                if self._first is not None and self._obj_is_zlib():
                    self._obj = zlib.decompressobj(-zlib.MAX_WBITS)     # raw deflate
                    data, self._first = self._first, None
                    continue
                if self._members:
                    self._ignoring = True
                    break
                raise UndecodableContent(str(exc)) from None
            self._take(part, out)
            if part and self._first is not None:
                self._first = None
            data = b""
            if self.gzip and self._obj.eof:
                self._members += 1
                data = self._obj.unused_data
                self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
        return b"".join(out)

    def finish(self) -> bytes:
        if self._ignoring:
            return b""
        if self.whole and self.gzip and self.fed and not self._members and not self._obj.eof:
            raise StreamCut("the gzip stream ends before its end")
        try:
            out: list[bytes] = []
            self._take(self._obj.flush(), out)
            return b"".join(out)
        except zlib.error as exc:
            raise UndecodableContent(str(exc)) from None

    def _take(self, part: bytes, out: list[bytes]) -> None:
        self.produced += len(part)
        if self.produced > self.limit:
            raise DecodedTooLarge(f"more than {self.limit} bytes once decoded")
        out.append(part)

    def _obj_is_zlib(self) -> bool:
        return not self.gzip and self._first is not None


# -- the per-attempt deadline ---------------------------------------------------------------------

_PHASE_TEXT = {
    "connect": "connection still not made",
    "tls": "TLS handshake still unfinished",
    "headers": "headers still arriving",
    "body": "body still arriving",
}


class _Attempt:
    """One attempt's deadline and the sockets it uses. When the deadline passes, the
    deadlines' thread (`deadlines.DEADLINES`) shuts those sockets down (shutdown, not close: a read in progress, under TLS too,
    sees end of file rather than a half-torn object) and records the phase it ran out in.
    Connections register their socket as they are made or taken from the pool; a socket
    registered after the deadline is shut down at once.

    The attempt keeps its own duplicate of each socket's descriptor until it finishes:
    TLS detaches the plain socket it wraps, and http.client closes its connection's socket
    as soon as the headers of a `Connection: close` response are read (the response reads
    on), so neither object can be relied on to still hold the descriptor later."""

    def __init__(self, seconds: float) -> None:
        self.limit = seconds
        self.phase = "connect"
        self.host = ""
        self.addresses: tuple[str, ...] = ()
        self.expired_in: str | None = None
        self._deadline = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[tuple[socket.socket, bool]] = []    # (socket, a duplicate we own)
        self._done = False
        self._timer = self._arm()

    @property
    def expired(self) -> bool:
        return self.expired_in is not None

    def pin(self, host: str, found: tuple[str, ...]) -> None:
        self.host, self.addresses = host, found

    def remaining(self) -> float:
        return self._deadline - time.monotonic()

    def enter(self, phase: str, seconds: float | None = None) -> None:
        """Now in `phase`; `seconds`, if given and tighter, becomes the deadline from now."""
        with self._lock:
            self.phase = phase
            if seconds is None or self._done or time.monotonic() + seconds >= self._deadline:
                return
            self._deadline, self.limit = time.monotonic() + seconds, seconds
            self._timer.cancel()
            self._timer = self._arm()

    def watch(self, sock: socket.socket, phase: str) -> None:
        with self._lock:
            if self._done:
                return
            self.phase = phase
            watched = _duplicate(sock)
            self._sockets.append((watched or sock, watched is not None))
            if self.expired:
                _shut_down(watched or sock)

    def finish(self) -> bool:
        """Stop the watchdog (idempotent); True if the deadline had already passed."""
        with self._lock:
            self._done = True
            self._timer.cancel()
            for sock, owned in self._sockets:
                if owned:
                    sock.close()
            self._sockets.clear()
            return self.expired

    def timeout_error(self, url: str, read_timeout: float | None = None) -> TransientError:
        """The timeout, naming the phase that ran out: cut off by the deadline, or (with
        `read_timeout`) a single read that waited that long for nothing."""
        text = _PHASE_TEXT[self.expired_in or self.phase]
        if self.expired or read_timeout is None:
            return TransientError(url, f"{text} after {self.limit:g} s (cut off)", "timeout")
        return TransientError(url, f"{text}: nothing received for {read_timeout:g} s "
                                   "(read timeout)", "timeout")

    def _arm(self) -> Deadline:
        return DEADLINES.after(self._deadline - time.monotonic(), self._expire)

    def _expire(self) -> None:
        with self._lock:
            if self._done or self.expired:
                return
            self.expired_in = self.phase
            for sock, _ in self._sockets:
                _shut_down(sock)


_ATTEMPT: contextvars.ContextVar[_Attempt] = contextvars.ContextVar("govnews_http_attempt")


def _duplicate(sock: socket.socket) -> socket.socket | None:
    """A new descriptor for the same connection (SSLSocket refuses dup(); fromfd does not);
    None if none can be had (out of descriptors): the socket itself is watched then."""
    try:
        return socket.fromfd(sock.fileno(), sock.family, sock.type)
    except OSError:
        return None


def _shut_down(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass                          # already closed or never connected


# -- pinned connections ---------------------------------------------------------------------------

class _PinnedConnection:
    """Mixed into urllib3's connections: `_new_conn` connects to the pinned (checked) addresses
    in turn instead of resolving the host again; `self.host` stays the URL's host for the Host
    header, SNI and the certificate check. The new socket is handed to the attempt's watchdog
    before TLS wraps it."""

    def __init__(self, *args, pinned_addresses: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pinned_addresses = pinned_addresses

    def _new_conn(self) -> socket.socket:
        attempt = _ATTEMPT.get(None)
        sock = _connect_pinned(self, attempt)
        if attempt is not None:
            tls = isinstance(self, urllib3.connection.HTTPSConnection)
            attempt.watch(sock, "tls" if tls else "headers")
        return sock


class _PinnedHTTPConnection(_PinnedConnection, urllib3.connection.HTTPConnection):
    pass


class _PinnedHTTPSConnection(_PinnedConnection, urllib3.connection.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        if (attempt := _ATTEMPT.get(None)) is not None:
            attempt.enter("headers")


def _connect_pinned(conn: _PinnedConnection, attempt: _Attempt | None) -> socket.socket:
    """A socket connected to the first pinned address that answers, each try bounded by the
    connect timeout and what is left of the attempt; urllib3's exceptions on failure."""
    if not conn.pinned_addresses:
        raise NewConnectionError(conn, f"no checked address for {conn.host}: refusing an "
                                       "unpinned connection")
    failures: list[str] = []
    timed_out = False
    for address in conn.pinned_addresses:
        timeout = _connect_budget(conn.timeout, attempt)
        if timeout is not None and timeout <= 0:
            timed_out = True
            break
        try:
            return _open_socket(address, conn.port, timeout, conn.source_address,
                                conn.socket_options)
        except TimeoutError:
            timed_out = True
            failures.append(f"{address}: timed out after {timeout:g} s")
        except OSError as exc:
            failures.append(f"{address}: {exc}")
    if timed_out:
        raise ConnectTimeoutError(conn, f"connection to {conn.host} timed out "
                                        f"({'; '.join(failures) or 'no time left'})")
    raise NewConnectionError(conn, f"Failed to establish a new connection to {conn.host}: "
                                   + "; ".join(failures))


def _connect_budget(timeout: object, attempt: _Attempt | None) -> float | None:
    budget = float(timeout) if isinstance(timeout, (int, float)) else None
    if attempt is not None:
        left = attempt.remaining()
        budget = left if budget is None else min(budget, left)
    return budget


def _open_socket(address: str, port: int, timeout: float | None,
                 source: tuple[str, int] | None, options) -> socket.socket:
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        for option in options or ():
            sock.setsockopt(*option)
        sock.settimeout(timeout)
        if source:
            sock.bind(source)
        sock.connect((address, port))
    except BaseException:
        sock.close()
        raise
    return sock


class _WatchedPool:
    """Mixed into urllib3's pools: a kept-alive connection taken from the pool registers its
    socket with the current attempt (a new one does so when it connects)."""

    def _get_conn(self, timeout: float | None = None):
        conn = super()._get_conn(timeout)
        attempt = _ATTEMPT.get(None)
        if attempt is not None and conn.sock is not None:
            attempt.watch(conn.sock, "headers")
        return conn


class _PinnedHTTPPool(_WatchedPool, HTTPConnectionPool):
    ConnectionCls = _PinnedHTTPConnection


class _PinnedHTTPSPool(_WatchedPool, HTTPSConnectionPool):
    ConnectionCls = _PinnedHTTPSConnection


_PinnedPoolKey = collections.namedtuple(  # type: ignore[misc]
    "_PinnedPoolKey", PoolKey._fields + ("key_pinned_addresses",))


class _PinnedPoolManager(PoolManager):
    """Pools keyed by the pinned addresses too: two hosts, or one host resolved differently,
    never share a connection."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pool_classes_by_scheme = {"http": _PinnedHTTPPool, "https": _PinnedHTTPSPool}
        normalizer = functools.partial(_default_key_normalizer, _PinnedPoolKey)
        self.key_fn_by_scheme = {"http": normalizer, "https": normalizer}


class _PinningAdapter(HTTPAdapter):
    """Sends each request over a connection pinned to the addresses its attempt checked."""

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False,
                         **pool_kwargs) -> None:
        self._pool_connections, self._pool_maxsize, self._pool_block = connections, maxsize, block
        self.poolmanager = _PinnedPoolManager(num_pools=connections, maxsize=maxsize,
                                              block=block, **pool_kwargs)

    def build_connection_pool_key_attributes(self, request, verify, cert=None):
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, verify, cert)
        pool_kwargs["pinned_addresses"] = _pinned_for(request.url)
        return host_params, pool_kwargs

    def proxy_manager_for(self, proxy: str, **proxy_kwargs):
        raise FetchError(proxy, "proxies are not used: the address check must see the "
                                "address connected to", "bad_url")


def _pinned_for(url: str) -> tuple[str, ...]:
    """The current attempt's checked addresses, if the attempt is for this URL's host."""
    attempt = _ATTEMPT.get(None)
    host = (urlsplit(url).hostname or "").lower()
    if attempt is None or not attempt.addresses or attempt.host != host:
        raise FetchError(url, "no checked address for this host: requests go through "
                              "Fetcher.fetch", "bad_url")
    return attempt.addresses


def _host_and_port(url: str) -> tuple[str, int]:
    """The host as requests will send it (IDNA-encoded, lower case) and the port."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "not an http(s) URL", "bad_url")
    prepared = requests.models.PreparedRequest()
    try:
        prepared.prepare_url(url, None)
        parts = urlsplit(prepared.url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except (requests.exceptions.RequestException, ValueError) as exc:
        raise FetchError(url, f"bad URL: {exc}", "bad_url") from None
    return (parts.hostname or "").lower(), port


def _resolve(url: str, host: str, port: int) -> tuple[str, ...]:
    """Every address `host` resolves to, in the resolver's order, without repeats."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise TransientError(url, f"DNS lookup failed: {exc}", "dns") from None
    except UnicodeError as exc:
        raise FetchError(url, f"bad host name: {exc}", "bad_url") from None
    found = tuple(dict.fromkeys(str(info[4][0]) for info in infos
                                if info[0] in (socket.AF_INET, socket.AF_INET6)))
    if not found:
        raise TransientError(url, f"DNS lookup failed: no address for {host}", "dns")
    return found


# -- cookies ---------------------------------------------------------------------------------------

MAX_COOKIES_PER_HOST = 50
MAX_COOKIE_BYTES = 4096
MAX_COOKIE_HEADER_BYTES = 6 * 1024


class CappedCookieJar(RequestsCookieJar):
    """A cookie jar that a host cannot flood. A cookie is kept only if it is at most
    MAX_COOKIE_BYTES (4 KB, name and value), its domain holds fewer than MAX_COOKIES_PER_HOST
    (50) cookies, and the cookies of that domain, its parent domains and its subdomains (all
    that could go back in one Cookie header) stay within MAX_COOKIE_HEADER_BYTES (6 KB, under
    the 8 KB that Apache and nginx allow a header line). Cookies already kept win: a storm of
    new cookies is dropped and the session cookie set first keeps working, where a jar that
    kept them all would make every later request to the host fail with 431."""

    def set_cookie(self, cookie: Cookie, *args, **kwargs) -> None:
        with self._cookies_lock:
            if self._fits(cookie):
                super().set_cookie(cookie, *args, **kwargs)
            else:
                log.debug("cookie %s for %s dropped: over the jar's per-host cap",
                          cookie.name, cookie.domain)

    def _fits(self, cookie: Cookie) -> bool:
        size = _cookie_bytes(cookie)
        if size > MAX_COOKIE_BYTES:
            return False
        domain = cookie.domain.lstrip(".").lower()
        same_domain, related_bytes = 0, size
        for kept in self:
            if (kept.domain, kept.path, kept.name) == (cookie.domain, cookie.path, cookie.name):
                continue                     # replaced by this one
            other = kept.domain.lstrip(".").lower()
            if other == domain:
                same_domain += 1
            if _related_domains(domain, other):
                related_bytes += _cookie_bytes(kept)
        return same_domain < MAX_COOKIES_PER_HOST and related_bytes <= MAX_COOKIE_HEADER_BYTES

    def copy(self) -> "CappedCookieJar":
        new = CappedCookieJar()
        new.set_policy(self.get_policy())
        new.update(self)
        return new


def _cookie_bytes(cookie: Cookie) -> int:
    """What the cookie adds to a Cookie header: `name=value; `."""
    return len(cookie.name) + len(cookie.value or "") + 3


def _related_domains(one: str, other: str) -> bool:
    return one == other or one.endswith("." + other) or other.endswith("." + one)


# -- header values ---------------------------------------------------------------------------------

def _ascii_int(value: str | None) -> int | None:
    """A header's decimal number; not str.isdigit, for which '²' is a digit that int() refuses.
    Saturates at 10**30: int() refuses strings of more than 4300 digits."""
    value = (value or "").strip()
    if not re.fullmatch(r"[0-9]+", value):
        return None
    digits = value.lstrip("0") or "0"
    return 10**30 if len(digits) > 30 else int(digits)


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds to wait from now: a finite float in [0, MAX_RETRY_AFTER], or None
    when absent or unreadable. Never raises (a date in year 9999 is MAX_RETRY_AFTER)."""
    if not value:
        return None
    if (seconds := _ascii_int(value)) is not None:
        return float(min(seconds, MAX_RETRY_AFTER))
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    try:
        wait = (when - datetime.now(timezone.utc)).total_seconds()
    except OverflowError:
        return MAX_RETRY_AFTER if when.year > 2000 else 0.0
    return min(max(wait, 0.0), MAX_RETRY_AFTER)


_SSL_REASON = re.compile(r"(certificate verify failed: [^'\")(]+|\[SSL[^\]]*\][^'\")(]*|"
                         r"hostname '[^']+' doesn't match [^'\")(]+|wrong version number|"
                         r"unsupported protocol|handshake failure)")


def _tls_reason(exc: Exception) -> str:
    """OpenSSL's own words ('certificate verify failed: unable to get local issuer
    certificate'), not requests' wrapper text around them."""
    match = _SSL_REASON.search(str(exc))
    return match.group(1).strip() if match else _short(exc)


# what a failed connection comes to, in the words of the error urllib3 wraps it in (its own
# words name its classes: '_PinnedHTTPPool(host=…): Max retries exceeded … NewConnectionError(…')
_CONNECTION_CAUSES = (("refused", "connection refused"), ("reset by peer", "connection reset by the server"),
                      ("Connection reset", "connection reset by the server"),
                      ("No route to host", "no route to host"), ("Network is unreachable", "network unreachable"),
                      ("RemoteDisconnected", "the server closed the connection without answering"),
                      ("Connection aborted", "connection aborted"), ("IncompleteRead", "the response was cut short"))
_POOL_PREFIX = re.compile(r"\w*(?:HTTPS?|Connection)\w*\([^()]*\):\s*")


def _connection_reason(exc: Exception) -> str:
    text = str(exc)
    for needle, reason in _CONNECTION_CAUSES:
        if needle in text:
            return reason
    return _short(RuntimeError(_POOL_PREFIX.sub("", text)))


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 200 else text[:200] + "…"
