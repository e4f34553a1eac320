"""All HTTP goes through here: one requests.Session, explicit timeouts, streamed bodies with a
size cap, redirects followed by hand so every hop is checked for scope and private addresses."""
from __future__ import annotations

import ipaddress
import logging
import re
import socket
import threading
import time
import warnings
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.structures import CaseInsensitiveDict

from govnews._version import __version__

from .errors import FetchError, OutOfScope, TransientError

log = logging.getLogger("govnews.http")

DEFAULT_USER_AGENT = f"govnews/{__version__} (+https://github.com/govnews/govnews; research harvester)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 524})


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


@dataclass(frozen=True)
class HttpSettings:
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    max_body_seconds: float = 300.0   # a body still arriving after this is cut off (a tarpit
                                      # dripping bytes just under the read timeout)
    max_redirects: int = 8
    allow_private: bool = False


class Fetcher:
    """Fetches one request at a time per call; thread-safe (one Session shared, as requests
    allows for plain GET/POST use)."""

    def __init__(self, settings: HttpSettings = HttpSettings()) -> None:
        self.settings = settings
        self.session = requests.Session()
        adapter = requests.adapters.HTTPAdapter(pool_connections=64, pool_maxsize=64, max_retries=0)
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
              verify: bool | str = True) -> Response:
        """Fetch `url`, following redirects that stay in scope. Raises TransientError (worth a
        retry), FetchError or OutOfScope; never a requests exception."""
        redirects: list[tuple[int, str]] = []
        current, started = url, time.monotonic()
        for _ in range(self.settings.max_redirects + 1):
            self._check_hop(url, current)
            response = self._one(current, method, data, headers or {}, verify)
            if response.status in (301, 302, 303, 307, 308) and "location" in response.headers:
                target = urljoin(current, response.headers["location"])
                redirects.append((response.status, target))
                if in_scope is not None and not in_scope(target):
                    raise OutOfScope(url, f"redirect to {target} leaves the site's scope")
                if target in (current, *[r[1] for r in redirects[:-1]]):
                    raise FetchError(url, f"redirect loop at {target}", "redirect_loop")
                if response.status in (301, 302, 303):
                    method, data = "GET", None
                current = target
                continue
            response.url, response.final_url, response.redirects = url, current, redirects
            response.elapsed = time.monotonic() - started
            return response
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects", "redirect_loop")

    def _check_hop(self, url: str, current: str) -> None:
        """check_address for each hop; a refused redirect target is reported under the URL asked
        for (the page the crawl knows), naming the target."""
        try:
            self.check_address(current)
        except FetchError as exc:
            if current == url:
                raise
            raise type(exc)(url, f"redirect to {exc}", exc.kind) from None

    def check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "not an http(s) URL", "bad_url")
        if self.settings.allow_private:
            return
        try:
            infos = socket.getaddrinfo(parts.hostname, parts.port or 80, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise TransientError(url, f"DNS lookup failed: {exc}", "dns") from None
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
                raise OutOfScope(url, f"{parts.hostname} resolves to private address {address} "
                                      "(use --allow-private to crawl it)")

    def _one(self, url: str, method: str, data: bytes | None, headers: dict[str, str],
             verify: bool | str) -> Response:
        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        if verify is False:
            self._quiet_unverified(url)
        try:
            raw = self.session.request(method, url, data=data, headers=headers, stream=True,
                                       allow_redirects=False, timeout=timeout, verify=verify)
        except requests.exceptions.SSLError as exc:
            raise FetchError(url, f"TLS error: {_tls_reason(exc)}", "tls") from None
        except requests.exceptions.ConnectTimeout:
            raise TransientError(url, "connect timeout", "timeout") from None
        except requests.exceptions.ReadTimeout:
            raise TransientError(url, "read timeout", "timeout") from None
        except requests.exceptions.ConnectionError as exc:
            raise TransientError(url, f"connection failed: {_short(exc)}", "connection") from None
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema, ValueError) as exc:
            raise FetchError(url, f"bad URL: {exc}", "bad_url") from None
        with raw:
            body, truncated = self._read(raw, url)
            result = Response(url, url, raw.status_code, CaseInsensitiveDict(raw.headers), body,
                              request_headers=dict(raw.request.headers), method=method,
                              request_body=data or b"", truncated=truncated, verify=verify)
        if raw.status_code in RETRY_STATUSES:
            raise TransientError(url, f"HTTP {raw.status_code}", f"http_{raw.status_code}",
                                 _retry_after(raw.headers.get("Retry-After")))
        return result

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

    def _read(self, raw: requests.Response, url: str) -> tuple[bytes, bool]:
        """The body, within the size cap and the `max_body_seconds` deadline: a watchdog shuts
        the socket down when the deadline passes, which ends a read blocked on a dripping
        server (each read returning within the read timeout)."""
        expired = threading.Event()
        watchdog = threading.Timer(self.settings.max_body_seconds, _cut_off, (raw, expired))
        watchdog.daemon = True
        watchdog.start()
        try:
            result = self._read_body(raw, url)
        except FetchError:
            if not expired.is_set():
                raise
        finally:
            watchdog.cancel()
        if expired.is_set():
            raise TransientError(url, f"body still arriving after "
                                      f"{self.settings.max_body_seconds:g} s (cut off)", "timeout")
        return result

    def _read_body(self, raw: requests.Response, url: str) -> tuple[bytes, bool]:
        cap = self.settings.max_bytes
        declared = _ascii_int(raw.headers.get("Content-Length"))
        if declared is not None and declared > cap * 4 and not raw.headers.get("Content-Encoding"):
            raise FetchError(url, f"response of {declared} bytes exceeds the {cap}-byte cap",
                             "too_large")
        chunks, size = [], 0
        try:
            for chunk in raw.iter_content(64 * 1024):
                size += len(chunk)
                if size > cap:
                    raise FetchError(url, f"response exceeds the {cap}-byte cap (cut off)",
                                     "too_large")
                chunks.append(chunk)
        except (requests.exceptions.ChunkedEncodingError, urllib3.exceptions.ProtocolError,
                requests.exceptions.ContentDecodingError, zlib.error) as exc:
            if isinstance(exc, requests.exceptions.ContentDecodingError):
                raise FetchError(url, f"undecodable content encoding: {_short(exc)}",
                                 "bad_encoding") from None
            raise TransientError(url, f"truncated body: {_short(exc)}", "truncated") from None
        except requests.exceptions.ConnectionError as exc:
            raise TransientError(url, f"connection lost while reading: {_short(exc)}",
                                 "connection") from None
        except requests.exceptions.Timeout:
            raise TransientError(url, "read timeout while reading the body", "timeout") from None
        body = b"".join(chunks)
        expected = _ascii_int(raw.headers.get("Content-Length"))
        if expected is not None and not raw.headers.get("Content-Encoding") \
                and len(body) < expected:
            raise TransientError(url, f"truncated body: {len(body)} of {expected} bytes",
                                 "truncated")
        return body, False


def _cut_off(raw: requests.Response, expired: threading.Event) -> None:
    """Shut the response's socket down (the plain socket's shutdown, also under TLS, so a read
    in progress sees end of file rather than a half-torn SSL object)."""
    expired.set()
    sock = getattr(getattr(raw.raw, "connection", None), "sock", None)
    if sock is not None:
        try:
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass


def _ascii_int(value: str | None) -> int | None:
    """A header's decimal number; not str.isdigit, for which '²' is a digit that int() refuses."""
    value = (value or "").strip()
    return int(value) if re.fullmatch(r"[0-9]+", value) else None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if (seconds := _ascii_int(value)) is not None:
        return float(seconds)
    from email.utils import parsedate_to_datetime
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


_SSL_REASON = re.compile(r"(certificate verify failed: [^'\")(]+|\[SSL[^\]]*\][^'\")(]*|"
                         r"hostname '[^']+' doesn't match [^'\")(]+|wrong version number|"
                         r"unsupported protocol|handshake failure)")


def _tls_reason(exc: Exception) -> str:
    """OpenSSL's own words ('certificate verify failed: unable to get local issuer
    certificate'), not requests' wrapper text around them."""
    match = _SSL_REASON.search(str(exc))
    return match.group(1).strip() if match else _short(exc)


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 200 else text[:200] + "…"
