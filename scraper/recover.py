"""Recover a portal that is gone from web archives: the Wayback Machine (or any Wayback-style
service: a mirror, a local pywb) and Common Crawl.

    result = recover("thanhphobaclieu.baclieu.gov.vn", "wayback", Path("data"))

1. List the captures under the prefix through the archive's CDX API: the Internet Archive's
   (`<archive_url>/cdx`, JSON, `matchType=prefix`, `collapse=digest`, paged by `showResumeKey`)
   or Common Crawl's (the collections in `<cc_index_url>/collinfo.json` that overlap the dates,
   each collection's pywb-style `cdx-api`, paged by `page`). Only HTML answered 200 is kept.
   Each page of the listing is committed with where the next one starts.
2. Fetch the captures newest first, each payload digest once: the Wayback Machine's raw mode
   (`<archive_url>/web/<timestamp>id_/<url>`), or for Common Crawl an HTTP range request into
   the WARC file the index names (`<cc_data_url>/<filename>`, `Range: bytes=offset-end`).
3. Store each capture in the dataset's WARC archive (a response record dated with the
   archive's capture time, `WARC-Source-URI` the capture's URL, the metadata naming the archive),
   parse it with the same parsers and profiles as a crawl, and write the records: the article
   (its newest capture wins), an observation at the capture time with the view count and
   visitor counter that capture showed, and the site's counters.

Politeness: every request goes through `scraper.http` (timeouts, size caps, pinned addresses,
our User-Agent with its contact), one at a time, `delay` seconds apart per archive host;
429/503 and timeouts are retried with backoff, Retry-After is honoured (and a 429 doubles the
host's delay for the rest of the run); a Retry-After beyond `max_retry_wait` ends the run,
resumable.

Resumable: the listing's position and every capture's state are rows of the dataset's SQLite
database (`recover_listings`, `recover_captures`), committed with the records they produce; a
run killed at any point is run again and goes on: it lists nothing twice and fetches no
capture it has committed (only the one in flight when it was killed).

Why not cdx_toolkit: it sends its requests with its own `requests.get` (not our fetcher: no
pinned addresses, no size cap, its own User-Agent), paces them by module-level per-host
intervals, sleeps up to 60 s per retry and retries a 429 without end, ignores Retry-After,
refuses a Common Crawl index that lists fewer than 60 collections (a mirror or a fixture), and
caches collinfo.json under ~/.cache. Wrapping it would mean patching three of its modules'
globals; the two CDX APIs and the two ways of fetching a capture are ~150 lines here.
"""
from __future__ import annotations

import json
import logging
import random
import re
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from io import BytesIO
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urlencode, urlsplit

from requests.structures import CaseInsensitiveDict
from warcio.archiveiterator import ArchiveIterator

from govnews.output.schema import KINDS, article_id
from govnews.output.shards import shard_name
from govnews.output.store import Store, StoreError
from govnews.parsers.extract import parse_page, url_rules
from govnews.parsers.urls import canonical_url

from .archive import ArchiveSource, SqliteDigests, WarcArchive, decoded_body, index_warcs
from .crawl import ProfileMemory
from .errors import ConfigError, FetchError, TransientError
from .http import Fetcher, HttpSettings, Response
from .records import article_row, observation_row, utc_now

log = logging.getLogger("govnews.recover")

SOURCES = ("wayback", "commoncrawl")
WAYBACK_URL = "https://web.archive.org"
CC_INDEX_URL = "https://index.commoncrawl.org"
CC_DATA_URL = "https://data.commoncrawl.org"
CDX_PAGE_ROWS = 1000                     # rows per Wayback CDX request
IDLE_PAGES = 3                           # CDX pages in a row that list nothing new: the listing loops
MAX_LISTING_PAGES = 20_000               # CDX pages of one listing in one run (20 million rows)
SEEN_ROWS = 1_000_000                    # rows of a listing remembered to tell a loop from new pages
HTML_TYPES = re.compile(r"text/html|application/xhtml\+xml")
# provenance columns an observation gets once the schema has them (see `write_capture`)
PROVENANCE_FIELDS = ("source_archive", "captured_at")

STATE_DDL = (
    "CREATE TABLE IF NOT EXISTS recover_listings (source TEXT NOT NULL, prefix TEXT NOT NULL,"
    " endpoint TEXT NOT NULL, dates TEXT NOT NULL, resume TEXT, done INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (source, prefix, endpoint, dates))",
    "CREATE TABLE IF NOT EXISTS recover_captures (source TEXT NOT NULL, url TEXT NOT NULL,"
    " timestamp TEXT NOT NULL, digest TEXT, status INTEGER, mime TEXT, filename TEXT,"
    " offset INTEGER, length INTEGER, site TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'queued',"
    " detail TEXT, capture_url TEXT, captured_at TEXT, warc_filename TEXT, warc_record_id TEXT,"
    " article_id TEXT, view_count INTEGER, visitor_counter INTEGER,"
    " PRIMARY KEY (source, url, timestamp))",
    "CREATE INDEX IF NOT EXISTS recover_captures_digest ON recover_captures (source, digest, state)",
    "CREATE INDEX IF NOT EXISTS recover_captures_queue ON recover_captures"
    " (source, site, state, timestamp)",
)


@dataclass
class RecoverSettings:
    delay: float = 1.0               # seconds between two requests to one archive host
    max_tries: int = 4               # per request: 429, 503, 5xx, timeouts, resets
    backoff: float = 2.0             # first retry wait; doubles each try, with jitter
    max_retry_wait: float = 300.0    # a longer Retry-After ends the run (resumable)
    max_captures: int | None = None  # fetch at most this many captures in this run
    http: HttpSettings = field(default_factory=HttpSettings)


@dataclass
class RecoverResult:
    run_id: str
    site: str
    source: str
    prefix: str
    listed: int = 0                  # captures the listing added in this run
    fetched: int = 0                 # captures fetched and stored
    duplicates: int = 0              # skipped: a capture with the same digest was fetched
    not_articles: int = 0            # fetched pages that hold no article (listings, soft 404s)
    articles: int = 0                # article captures (records written)
    articles_new: int = 0
    observations: int = 0
    site_counters: int = 0
    failed: int = 0
    requests: int = 0
    rate_limited: int = 0            # 429 / 503 answers
    errors: list[str] = field(default_factory=list)
    stopped: str | None = None
    stopped_by_error: bool = False   # stopped by a failure (not by max_captures): one more error
    seconds: float = 0.0

    @property
    def status(self) -> str:
        return "ok" if not self.errors and not self.stopped else "partial"

    @property
    def error_count(self) -> int:
        """The errors of the run, the one that stopped it included."""
        return len(self.errors) + self.stopped_by_error

    def line(self) -> str:
        rate = self.fetched / self.seconds if self.seconds else 0.0
        return (f"recovered {self.articles} article captures ({self.articles_new} new articles, "
                f"{self.observations} observations) of {self.site} from {self.source} in "
                f"{self.seconds:.1f} s; {self.fetched} captures fetched ({rate:.2f}/s), "
                f"{self.duplicates} duplicates skipped, {self.not_articles} not articles, "
                f"{self.requests} requests, {self.rate_limited} rate-limited; "
                f"errors: {self.error_count}" + (f"; stopped: {self.stopped}" if self.stopped
                                                 else ""))


@dataclass(frozen=True)
class Capture:
    """One row of a CDX listing."""
    url: str
    timestamp: str                   # 14 digits, UTC
    digest: str | None
    status: int | None
    mime: str
    filename: str | None = None      # Common Crawl: the WARC file, offset and record length
    offset: int | None = None
    length: int | None = None

    @property
    def warc_date(self) -> str:
        t = (self.timestamp + "00000000000000")[:14]
        return f"{t[:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}Z"


class ArchiveStop(FetchError):
    """The archive asked us to stay away longer than we wait (Retry-After > max_retry_wait)."""
    kind = "archive_stop"


# -- polite requests ---------------------------------------------------------------------------
class PoliteClient:
    """GETs through our Fetcher, one at a time, `delay` apart per host, retried with backoff;
    Retry-After honoured, a 429 doubling the host's delay (up to 60 s)."""

    def __init__(self, fetcher: Fetcher, settings: RecoverSettings,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.fetcher, self.settings, self.sleep = fetcher, settings, sleep
        self._next: dict[str, float] = {}
        self._delay: dict[str, float] = {}
        self.requests = self.rate_limited = 0

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        host = (urlsplit(url).netloc or "").lower()
        settings = self.settings
        last: Exception | None = None
        for attempt in range(settings.max_tries):
            wait = self._next.get(host, 0.0) - time.monotonic()
            if wait > 0:
                self.sleep(wait)
            delay = self._delay.setdefault(host, settings.delay)
            try:
                response = self.fetcher.fetch(url, headers=headers,
                                              in_scope=lambda u: urlsplit(u).netloc.lower() == host)
            except TransientError as exc:
                self.requests += 1
                last = exc
                if exc.kind in ("http_429", "http_503"):
                    self.rate_limited += 1
                if exc.kind == "http_429":
                    self._delay[host] = min(max(delay * 2, 0.5), 60.0)
                if exc.retry_after is not None and exc.retry_after > settings.max_retry_wait:
                    raise ArchiveStop(url, f"the archive asks to wait {exc.retry_after:g} s "
                                           f"(Retry-After), more than max_retry_wait "
                                           f"{settings.max_retry_wait:g} s") from None
                pause = settings.backoff * 2 ** attempt * (0.5 + random.random())
                if exc.retry_after is not None:
                    pause = max(exc.retry_after, min(pause, settings.max_retry_wait))
                self._next[host] = time.monotonic() + max(pause, self._delay[host])
                log.info("%s: %s; retrying in %.1f s", url, exc, pause)
                continue
            except FetchError:
                self.requests += 1
                self._next[host] = time.monotonic() + delay
                raise
            self.requests += 1
            self._next[host] = time.monotonic() + delay
            return response
        assert last is not None
        raise last


# -- listing ------------------------------------------------------------------------------------
def _cdx_date(value: date | datetime | str | None, end: bool = False) -> str | None:
    """A date as a CDX timestamp prefix (`20230614`); a string is read as its digits, which
    must name a real day ('2019-13-45' is refused: ConfigError)."""
    if value is None:
        return None
    if isinstance(value, str):
        digits = re.sub(r"\D", "", value)
        if not digits or len(digits) not in (4, 6, 8, 10, 12, 14) or not valid_stamp(digits):
            raise ConfigError(f"not a date: {value!r} (use YYYY-MM-DD)")
        return digits[:14]
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y%m%d%H%M%S")
    return value.strftime("%Y%m%d")


def valid_stamp(stamp: str) -> bool:
    """A CDX timestamp (4 to 14 digits: the start of its period) that names a real instant."""
    if not stamp.isdigit() or not 4 <= len(stamp) <= 14 or len(stamp) % 2:
        return False
    t = stamp + "0101000000"[len(stamp) - 4:]
    try:
        datetime(int(t[:4]), int(t[4:6]), int(t[6:8]), int(t[8:10]), int(t[10:12]), int(t[12:14]))
    except ValueError:
        return False
    return True


def _in_dates(stamp: str, start: str | None, end: str | None) -> bool:
    """The capture time is inside [start, end] (an archive that ignores `from`/`to`: the
    promise of --from-date/--to-date is ours)."""
    t = (stamp + "00000000000000")[:14]
    return (not start or t >= (start + "00000000000000")[:14]) and (not end or t <= (end + "99999999999999")[:14])


def archive_base(url: str | None, option: str) -> str | None:
    """An archive service's base URL, checked before anything is asked of it: http(s), a host,
    a port in range (ConfigError otherwise)."""
    if url is None:
        return None
    try:
        parts = urlsplit(url.strip())
        parts.port                     # (ValueError when out of range)
    except ValueError:
        raise ConfigError(f"{option} {url!r}: not a URL (its port?)") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{option} {url!r}: not an http(s) URL with a host")
    return url.strip()


def _is_page(capture: Capture) -> bool:
    return capture.status == 200 and bool(HTML_TYPES.search(capture.mime or ""))


class WaybackSource:
    """The Internet Archive's CDX API and `id_` replay (or any service that speaks them)."""
    name = "wayback"

    def __init__(self, client: PoliteClient, archive_url: str | None = None) -> None:
        self.client = client
        self.base = (archive_url or WAYBACK_URL).rstrip("/")
        self.replay = self.base + "/web"   # (a pywb collection's captures: at the collection's own URL)
        self.replay_known = False          # (a capture was served from `replay`)

    def endpoints(self, start: str | None, end: str | None) -> list[str]:
        return [self.base + "/cdx"]

    def list_page(self, endpoint: str, prefix: str, start: str | None, end: str | None,
                  resume: str | None) -> tuple[list[Capture], str | None]:
        """One page of captures and the key of the next (None: the listing is complete)."""
        params: list[tuple[str, str]] = [
            ("url", prefix), ("matchType", "prefix"), ("output", "json"),
            ("fl", "urlkey,timestamp,original,mimetype,statuscode,digest,length"),
            ("filter", "statuscode:200"), ("filter", "mimetype:(text/html|application/xhtml\\+xml)"),
            ("collapse", "digest"), ("showResumeKey", "true"), ("limit", str(CDX_PAGE_ROWS))]
        params += [(k, v) for k, v in (("from", start), ("to", end), ("resumeKey", resume)) if v]
        response = self.client.get(endpoint + "?" + urlencode(params))
        if response.status != 200:
            raise FetchError(endpoint, f"CDX API answered HTTP {response.status}", "cdx")
        text = response.body.decode("utf-8", "replace").strip()
        if text.startswith("{"):
            return self._pywb_rows(endpoint, text), None   # (pywb pages no CDX answer: one is whole)
        try:
            rows = json.loads(text) if text else []
        except ValueError:
            raise FetchError(endpoint, "the CDX API's answer is not JSON", "cdx") from None
        if not rows or not isinstance(rows, list) or not isinstance(rows[0], list):
            return [], None
        header, rows = rows[0], rows[1:]
        if "original" not in header or "timestamp" not in header:
            raise FetchError(endpoint, "the CDX API's answer names no original URL and timestamp", "cdx")
        next_key = None
        if len(rows) >= 2 and rows[-2] == [] and isinstance(rows[-1], list) and len(rows[-1]) == 1:
            next_key, rows = str(rows[-1][0]), rows[:-2]
        captures = []
        for row in rows:
            if not isinstance(row, list) or len(row) != len(header):
                continue               # (a null, a string, a short or long row: rubbish, skipped)
            entry = dict(zip(header, row))
            if not isinstance(entry["original"], str):
                continue
            captures.append(Capture(entry["original"], str(entry["timestamp"]), entry.get("digest"),
                                    _int(entry.get("statuscode")), str(entry.get("mimetype") or "")))
        return captures, next_key

    def _pywb_rows(self, endpoint: str, text: str) -> list[Capture]:
        """A pywb collection's CDX answer: one JSON object a line, with pywb's field names (url,
        mime, status); its captures are replayed at <collection>/<timestamp>id_/<url>."""
        self.replay, self.replay_known = self.base, True
        captures = []
        for line in text.splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                raise FetchError(endpoint, "the CDX API's answer is not JSON", "cdx") from None
            if isinstance(entry, dict) and entry.get("error") and not captures:
                raise FetchError(endpoint, f"the CDX API answered an error: {str(entry['error'])[:120]}", "cdx")
            if not isinstance(entry, dict) or not isinstance(entry.get("original") or entry.get("url"), str):
                continue
            captures.append(Capture(entry.get("original") or entry["url"], str(entry.get("timestamp", "")),
                                    entry.get("digest"), _int(entry.get("statuscode") or entry.get("status")),
                                    str(entry.get("mimetype") or entry.get("mime") or "")))
        return captures

    def fetch(self, capture: Capture) -> tuple[Response, str, str]:
        """The capture as the archive serves it raw, its URL, and its capture time (the archive
        may answer with the nearest capture)."""
        url = f"{self.replay}/{capture.timestamp}id_/{capture.url}"
        response = self.client.get(url)
        if response.status == 404 and not self.replay_known:
            # a resumed run lists nothing (its listing is done), so it has not seen a pywb
            # collection's answer: its replay path is tried once, then kept
            pywb = f"{self.base}/{capture.timestamp}id_/{capture.url}"
            answer = self.client.get(pywb)
            if answer.status == 200:
                self.replay, url, response = self.base, pywb, answer
        if response.status != 200:
            raise FetchError(url, f"the archive answered HTTP {response.status}", "capture")
        self.replay_known = True
        served = re.search(r"/(\d{14})id_/", response.final_url)
        stamp = served.group(1) if served else capture.timestamp
        return response, response.final_url, stamp


class CommonCrawlSource:
    """Common Crawl: its collections, their CDX APIs, and range requests into the WARC files."""
    name = "commoncrawl"

    def __init__(self, client: PoliteClient, index_url: str | None = None,
                 data_url: str | None = None) -> None:
        self.client = client
        self.index_url = (index_url or CC_INDEX_URL).rstrip("/")
        self.data_url = (data_url or CC_DATA_URL).rstrip("/")

    def endpoints(self, start: str | None, end: str | None) -> list[str]:
        """The cdx-api of every collection whose time overlaps [start, end], newest first."""
        response = self.client.get(self.index_url + "/collinfo.json")
        if response.status != 200:
            raise FetchError(self.index_url, f"collinfo.json: HTTP {response.status}", "cdx")
        chosen = []
        for entry in json.loads(response.body):
            first = re.sub(r"\D", "", entry.get("from", ""))[:14]
            last = re.sub(r"\D", "", entry.get("to", ""))[:14]
            if start and last and last < (start + "00000000000000")[:14]:
                continue
            if end and first and first > (end + "99999999999999")[:14]:
                continue
            chosen.append((last, entry["cdx-api"]))
        return [api for _, api in sorted(chosen, reverse=True)]

    def list_page(self, endpoint: str, prefix: str, start: str | None, end: str | None,
                  resume: str | None) -> tuple[list[Capture], str | None]:
        # the resume key: the next page, and the pages the index said it has ('3/5')
        page, _, known = (resume or "0").partition("/")
        page, pages = _int(page) or 0, _int(known)
        base = [("url", prefix), ("matchType", "prefix"), ("output", "json")]
        base += [(k, v) for k, v in (("from", start), ("to", end)) if v]
        if page == 0:
            sized = self.client.get(endpoint + "?" + urlencode(base + [("showNumPages", "true")]))
            if sized.status in (400, 404):
                return [], None
            pages = _int(_json(sized.body).get("pages")) if sized.status == 200 else None
            if pages == 0:
                return [], None
        params = base + [("filter", "status:200"), ("page", str(page))]
        response = self.client.get(endpoint + "?" + urlencode(params))
        if response.status in (400, 404):           # past the last page / nothing captured
            return [], None
        if response.status != 200:
            raise FetchError(endpoint, f"CDX API answered HTTP {response.status}", "cdx")
        captures = []
        for line in response.body.decode("utf-8", "replace").splitlines():
            entry = _json(line.encode())
            if not entry.get("url"):
                continue
            captures.append(Capture(entry["url"], entry.get("timestamp", ""), entry.get("digest"),
                                    _int(entry.get("status")), entry.get("mime", ""),
                                    entry.get("filename"), _int(entry.get("offset")),
                                    _int(entry.get("length"))))
        if not captures or (pages is not None and page + 1 >= pages):
            return captures, None
        return captures, f"{page + 1}/{pages}" if pages is not None else str(page + 1)

    def fetch(self, capture: Capture) -> tuple[Response, str, str]:
        """The WARC record's HTTP response, from a range request into its file."""
        if capture.filename is None or capture.offset is None or not capture.length:
            raise FetchError(capture.url, "the index names no WARC record", "cdx")
        first, last = capture.offset, capture.offset + capture.length - 1
        url = f"{self.data_url}/{capture.filename}"
        answer = self.client.get(url, headers={"Range": f"bytes={first}-{last}"})
        if answer.status == 206:
            data = answer.body
        elif answer.status == 200:                  # a server that ignores Range
            data = answer.body[first:last + 1]
        else:
            raise FetchError(url, f"range request answered HTTP {answer.status}", "warc")
        try:
            records = ArchiveIterator(BytesIO(data), no_record_parse=False)
            record = next(iter(records), None)
            if record is None or record.rec_type != "response" or record.http_headers is None:
                raise FetchError(url, "the byte range holds no WARC response record", "warc")
            payload = record.raw_stream.read()
        except FetchError:
            raise
        except Exception as exc:  # noqa: BLE001 - warcio's ArchiveLoadFailed, a bad gzip member…
            raise FetchError(url, f"the byte range {first}-{last} holds no WARC record: {exc}", "warc") from None
        headers = list(record.http_headers.headers)
        body = decoded_body(headers, payload)
        response = Response(url=capture.url, final_url=capture.url,
                            status=_int(record.http_headers.get_statuscode()) or 0,
                            headers=CaseInsensitiveDict(headers), body=body,
                            raw_body=payload if payload != body else None,
                            request_headers=dict(answer.request_headers))
        return response, f"{url}#bytes={first}-{last}", capture.timestamp


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _json(data: bytes) -> dict:
    try:
        value = json.loads(data)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


# -- the run -------------------------------------------------------------------------------------
def recover(prefix: str, source: str, out_dir: Path, from_date=None, to_date=None,
            archive_url: str | None = None, cc_index_url: str | None = None,
            cc_data_url: str | None = None, *, site: str | None = None,
            profile: str | None = None, settings: RecoverSettings | None = None,
            allow_private: bool = False, user_agent: str | None = None,
            contact: str | None = None, fetcher: Fetcher | None = None,
            progress=None) -> RecoverResult:
    """Recover the captures of `prefix` (a host, `host/path`, or a URL) from `source`
    ("wayback" or "commoncrawl") into the dataset folder `out_dir` (see the module docstring).
    `from_date` / `to_date`: dates (date, datetime, or "YYYY-MM-DD"); `archive_url`: the base of
    a Wayback-style service; `cc_index_url` / `cc_data_url`: a Common Crawl index server and the
    base the WARC file names are fetched from. `site` names the site in the records (the host
    by default). `contact` (an email or URL) goes into the User-Agent, as the archives ask.
    Holds the dataset lock for the run. Returns the run's counts."""
    from .harvest import DatasetLock, close_interrupted, new_run_id
    from .harvest import user_agent as agent_with_contact

    if source not in SOURCES:
        raise ConfigError(f"unknown archive {source!r}: use {' or '.join(SOURCES)}")
    settings = settings or RecoverSettings()
    if allow_private or user_agent or contact:
        http = settings.http
        agent = agent_with_contact({"user_agent": user_agent or http.user_agent,
                                    "contact": contact or ""})
        settings.http = HttpSettings(**{**http.__dict__, "user_agent": agent,
                                        "allow_private": allow_private or http.allow_private})
    query, host = _prefix_query(prefix)
    site = site or host
    archive_url = archive_base(archive_url, "--archive-url")
    cc_index_url = archive_base(cc_index_url, "--cc-index-url")
    cc_data_url = archive_base(cc_data_url, "--cc-data-url")
    start, end = _cdx_date(from_date), _cdx_date(to_date, end=True)
    if start and end and (start + "00000000000000")[:14] > (end + "99999999999999")[:14]:
        raise ConfigError(f"--from-date {from_date} is after --to-date {to_date}")
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{out_dir}: cannot create the dataset folder: {exc.strerror}") from None
    client = PoliteClient(fetcher or Fetcher(settings.http), settings)
    archive_source = (WaybackSource(client, archive_url) if source == "wayback"
                      else CommonCrawlSource(client, cc_index_url, cc_data_url))
    with DatasetLock(out_dir):
        try:
            store = Store.open(out_dir)
        except (StoreError, sqlite3.Error) as exc:
            raise ConfigError(f"{out_dir}: {exc}") from None
        try:
            close_interrupted(out_dir, store)
            run_id = new_run_id()
            store.start_run(run_id, utc_now(), [site])
            store.save_sites(run_id, [{"name": site, "start_urls": [f"https://{host}/"],
                                       "profile": profile,
                                       "hosts": sorted({host, host[4:] if host.startswith("www.")
                                                        else "www." + host})}])
            result = recover_run(store, out_dir / "warc" / shard_name([site]), run_id, query, site, source,
                                 archive_source, client, settings, start, end, profile,
                                 progress)
            store.finish_run({"run_id": run_id, "finished_at": utc_now(),
                              "pages_fetched": result.fetched,
                              "articles_new": result.articles_new, "articles_changed": 0,
                              "observations": result.observations,
                              "errors": result.error_count,
                              "status": result.status})
        finally:
            store.close()
    log.info("%s", result.line(), extra={"file_only": True})   # (printed by the command)
    return result


def recover_run(store: Store, warc_folder: Path, run_id: str, query: str, site: str,
                source: str, archive_source, client: "PoliteClient", settings: RecoverSettings,
                start: str | None, end: str | None, profile: str | None = None, progress=None,
                warc_name: str | None = None) -> RecoverResult:
    """One recovery run into an open store and WARC folder (the caller holds the lock: the
    dataset's for `recover`, the shard's lease in a harvest): list, fetch, store, index."""
    result = RecoverResult(run_id, site, source, query)
    started = time.monotonic()
    with store.transaction() as conn:
        for ddl in STATE_DDL:
            conn.execute(ddl)
    archive = WarcArchive(warc_folder, run_id=run_id, name=warc_name,
                          software=f"govnews recover ({source})",
                          digests=SqliteDigests(store.conn, store.lock))
    run = _Run(store, archive, archive_source, result, site, profile, settings, progress)
    try:
        run.list(query, start, end)
        run.fetch_all()
    except ArchiveStop as exc:
        result.stopped, result.stopped_by_error = str(exc), True
    except FetchError as exc:
        result.stopped, result.stopped_by_error = f"{exc.kind}: {exc}", True
    finally:
        archive.close()
        index_errors: list = []
        index_warcs(warc_folder, errors=index_errors, files=archive.files)
        result.errors += [f"index: {e}" for e in index_errors]
        result.requests, result.rate_limited = client.requests, client.rate_limited
        result.seconds = time.monotonic() - started
    return result


def recover_site(store: Store, warc_folder: Path, run_id: str, site, http: HttpSettings,
                 delay: float, warc_name: str | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> RecoverResult:
    """A harvest's site with `source = "wayback"` or `"commoncrawl"` (a `crawl.Site`): its
    start URLs' captures recovered into the site's shard, under the harvest's run."""
    archive = site.archive or {}
    settings = RecoverSettings(delay=max(delay, 1.0), http=http)
    client = PoliteClient(Fetcher(settings.http), settings, sleep=sleep)
    source = (WaybackSource(client, archive.get("archive_url")) if site.source == "wayback"
              else CommonCrawlSource(client, archive.get("cc_index_url"),
                                     archive.get("cc_data_url")))
    query, _ = _prefix_query(site.start_urls[0])
    return recover_run(store, warc_folder, run_id, query, site.name, site.source, source,
                       client, settings, _cdx_date(archive.get("from_date")),
                       _cdx_date(archive.get("to_date"), end=True), site.profile,
                       warc_name=warc_name)


def _prefix_query(prefix: str) -> tuple[str, str]:
    """The CDX `url` for a host, `host/path` or URL prefix (scheme dropped), and its host."""
    text = prefix.strip()
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", text).rstrip("*")
    host = bare.split("/", 1)[0].lower()
    if not host or not re.fullmatch(r"[a-z0-9.\-]+(:\d+)?", host):
        raise ConfigError(f"{prefix!r}: not a host or URL prefix")
    return (bare if "/" in bare else bare + "/"), host


class _Run:
    def __init__(self, store: Store, archive: WarcArchive, source, result: RecoverResult,
                 site: str, profile: str | None, settings: RecoverSettings, progress) -> None:
        self.store, self.archive, self.source, self.result = store, archive, source, result
        self.site, self.profile, self.settings, self.progress = site, profile, settings, progress
        self.memory = ProfileMemory()
        self.spellings: dict[str, str] | None = None

    # -- listing ------------------------------------------------------------------------------
    def list(self, query: str, start: str | None, end: str | None) -> None:
        dates = f"{start or ''}-{end or ''}"
        name = self.source.name
        for endpoint in self._endpoints(query, start, end, dates):
            resume, done = self._listing_state(query, endpoint, dates)
            keys: set[str] = set()
            seen: set[int] = set()
            idle = pages = 0
            while not done:
                captures, resume = self.source.list_page(endpoint, query, start, end, resume)
                pages += 1
                fresh = {hash((c.url, c.timestamp)) for c in captures} - seen
                if len(seen) < SEEN_ROWS:      # (memory bounded; MAX_LISTING_PAGES bounds the rest)
                    seen |= fresh
                idle = 0 if fresh else idle + 1
                if resume is not None and (resume in keys or idle >= IDLE_PAGES or pages >= MAX_LISTING_PAGES):
                    # a listing that never ends (a new resumeKey, the same rows, for ever): its
                    # captures so far are kept and fetched; the rest is not asked again
                    self.result.errors.append(f"cdx: {endpoint}: the listing does not end ({pages} pages, "
                                              f"{idle} in a row with no new capture); stopped there")
                    resume = None
                if resume is not None:
                    keys.add(resume)
                with self.store.transaction() as conn:
                    for capture in captures:
                        if not valid_stamp(capture.timestamp):
                            self.result.errors.append(f"cdx: {capture.url}: impossible timestamp "
                                                      f"{capture.timestamp[:20]!r}; skipped")
                            continue
                        if not _is_page(capture) or not _in_dates(capture.timestamp, start, end) \
                                or not _under_prefix(capture.url, query):
                            continue   # (an archive that lists what was not asked: another host's pages)
                        added = conn.execute(
                            "INSERT OR IGNORE INTO recover_captures (source, url, timestamp,"
                            " digest, status, mime, filename, offset, length, site) VALUES"
                            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (name, capture.url, capture.timestamp, capture.digest,
                             capture.status, capture.mime, capture.filename, capture.offset,
                             capture.length, self.site)).rowcount
                        self.result.listed += added
                    done = resume is None
                    conn.execute(
                        "INSERT INTO recover_listings (source, prefix, endpoint, dates, resume,"
                        " done) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, prefix, endpoint,"
                        " dates) DO UPDATE SET resume = excluded.resume, done = excluded.done",
                        (name, query, endpoint, dates, resume, int(done)))

    def _endpoints(self, query: str, start, end, dates: str) -> list[str]:
        """The listing's endpoints; for Common Crawl the collections chosen the first time (a
        rerun whose listing is complete asks for collinfo.json again only if some is not)."""
        rows = self.store.conn.execute(
            "SELECT endpoint, done FROM recover_listings WHERE source = ? AND prefix = ? AND"
            " dates = ?", (self.source.name, query, dates)).fetchall()
        if rows and all(done for _, done in rows) and self.source.name == "wayback":
            return [endpoint for endpoint, _ in rows]
        return self.source.endpoints(start, end)

    def _listing_state(self, query: str, endpoint: str, dates: str) -> tuple[str | None, bool]:
        row = self.store.conn.execute(
            "SELECT resume, done FROM recover_listings WHERE source = ? AND prefix = ? AND"
            " endpoint = ? AND dates = ?", (self.source.name, query, endpoint, dates)).fetchone()
        return (row[0], bool(row[1])) if row else (None, False)

    # -- fetching -----------------------------------------------------------------------------
    def queued(self) -> Iterator[Capture]:
        while True:
            row = self.store.conn.execute(
                "SELECT url, timestamp, digest, status, mime, filename, offset, length FROM"
                " recover_captures WHERE source = ? AND site = ? AND state = 'queued'"
                " ORDER BY timestamp DESC, url LIMIT 1", (self.source.name, self.site)).fetchone()
            if row is None:
                return
            yield Capture(*row)

    def fetch_all(self) -> None:
        limit = self.settings.max_captures
        for capture in self.queued():
            if limit is not None and self.result.fetched + self.result.failed >= limit:
                self.result.stopped = f"max_captures ({limit}) reached; run again to go on"
                return
            if self._seen_digest(capture):
                self._finish(capture, "duplicate", "a capture with the same digest was fetched")
                self.result.duplicates += 1
                continue
            try:
                response, capture_url, stamp = self.source.fetch(capture)
            except ArchiveStop:
                raise
            except FetchError as exc:
                self.result.failed += 1
                self.result.errors.append(f"{exc.kind}: {capture.url} ({capture.timestamp}): "
                                          f"{exc}")
                self._finish(capture, "failed", str(exc))
                continue
            self._store(capture, response, capture_url, stamp)
            if self.progress is not None:
                self.progress.update(1)

    def _spelling(self, url: str) -> str:
        """The address the dataset knows the capture's article by: an archive holds one page
        under http and https, with and without 'www.' (PORTALS.md: they serve the same
        articles), and the first spelling the site's records hold is kept for all of them."""
        if self.spellings is None:
            self.spellings = {}
            for (known,) in self.store.conn.execute("SELECT url FROM articles WHERE site = ?", (self.site,)):
                self.spellings.setdefault(_spelling_key(known), known)
        canonical = canonical_url(url, url_rules())
        return self.spellings.setdefault(_spelling_key(canonical), canonical)

    def _seen_digest(self, capture: Capture) -> bool:
        if not capture.digest:
            return False
        return self.store.conn.execute(
            "SELECT 1 FROM recover_captures WHERE source = ? AND digest = ? AND state = 'done'"
            " LIMIT 1", (self.source.name, capture.digest)).fetchone() is not None

    def _finish(self, capture: Capture, state: str, detail: str | None) -> None:
        with self.store.transaction() as conn:
            conn.execute("UPDATE recover_captures SET state = ?, detail = ? WHERE source = ?"
                         " AND url = ? AND timestamp = ?",
                         (state, detail, self.source.name, capture.url, capture.timestamp))

    def _store(self, capture: Capture, response: Response, capture_url: str, stamp: str) -> None:
        when = Capture(capture.url, stamp, None, None, "").warc_date
        original = Response(url=capture.url, final_url=capture.url, status=response.status,
                            headers=response.headers, body=response.body,
                            raw_body=response.raw_body, request_headers=response.request_headers,
                            elapsed=response.elapsed, truncated=response.truncated)
        provenance = ArchiveSource(self.source.name, capture_url, when)
        ref = self.archive.write(original, provenance)
        self.result.fetched += 1
        page = None
        if response.status == 200:
            page = parse_page(response.body, self._spelling(capture.url), response.headers,
                              self.profile or self.memory.profile_for(self.site),
                              quick_listings=True)
            self.memory.learn(self.site, page)
        written = write_capture(self.store, self.site, self.source.name, capture, stamp,
                                capture_url, response.status, page, ref)
        self.result.articles += written.article is not None
        self.result.articles_new += written.article == "new"
        self.result.observations += written.observation
        self.result.site_counters += written.site_counters
        self.result.not_articles += written.article is None


def _under_prefix(url: str, query: str) -> bool:
    """The capture's address is under the listing's prefix (its host with or without 'www.',
    either scheme, any case)."""
    host, _, path = _spelling_key(url).partition("/")
    want_host, _, want_path = _spelling_key("http://" + query).partition("/")
    return host.lower() == want_host.lower() and path.lower().startswith(want_path.lower())


def _spelling_key(url: str) -> str:
    """A URL without its scheme and its host's 'www.' (and default port)."""
    key = re.sub(r"^[a-z][a-z0-9+.-]*://(?:www\.)?", "", url, flags=re.I)
    return re.sub(r"^([^/:]+):(?:80|443)(?=/|$)", r"\1", key)


@dataclass
class Written:
    article: str | None = None       # "new", "changed", "same", "older" (kept the newer), None
    observation: bool = False
    site_counters: bool = False


def _holds_article(page) -> bool:
    """An article page with a body or a date. Archives keep soft 404s ("Không tìm thấy trang"
    answered 200) under article URLs, and the profile a site's other pages taught would read
    their heading as a headline; a page with neither body nor date is no article."""
    if page is None or page.kind != "article":
        return False
    return bool(page.article.body or page.article.published_at)


def observed_at(stamp: str) -> str:
    """A CDX timestamp as the dataset's UTC time (`2023-06-14T09:05:00.000000Z`)."""
    t = (stamp + "00000000000000")[:14]
    return f"{t[:4]}-{t[4:6]}-{t[6:8]}T{t[8:10]}:{t[10:12]}:{t[12:14]}.000000Z"


def capture_run_id(source: str, stamp: str) -> str:
    """The run id of an archival observation: one per archive and capture time (the store keeps
    one observation per article and run), e.g. `wayback-20230614090500`."""
    return f"{source}-{stamp}"


def write_capture(store: Store, site: str, source: str, capture: Capture, stamp: str,
                  capture_url: str, status: int, page, ref) -> Written:
    """The records of one recovered capture, in one transaction with its state: the article
    (unless the dataset holds a newer capture of it), an observation at the capture time (run
    `capture_run_id`), the site's counters, and the capture's provenance row. Observations get
    `source_archive` and `captured_at` as soon as the schema has those columns
    (PROVENANCE_FIELDS); until then `recover_captures` holds them."""
    when = observed_at(stamp)
    run_id = capture_run_id(source, stamp)
    written = Written()
    article = page.article if _holds_article(page) else None
    with store.transaction() as conn:
        aid = views = visitors = None
        if article is not None:
            aid, views, visitors = article_id(article.url), article.view_count, \
                article.visitor_counter
            row = article_row(article, site, when)
            stored = conn.execute("SELECT fetched_at FROM articles WHERE article_id = ?",
                                  (aid,)).fetchone()
            if stored is None or (stored[0] or "") < when:
                written.article = store.upsert_article(row, run_id=run_id)
            else:
                written.article = "older"
            conn.execute("UPDATE articles SET first_seen_at = ? WHERE article_id = ? AND"
                         " first_seen_at > ?", (when, aid, when))
            observation = observation_row(article, site, run_id, when, status,
                                          fetched_url=capture_url, final_url=capture.url,
                                          warc_ref=ref)
            extra = {"source_archive": source, "captured_at": when}
            observation.update({k: v for k, v in extra.items() if k in KINDS["observations"]})
            written.observation = store.add_observation(observation)
        counters = page.listing.site_counters if page is not None else {}
        if counters:
            written.site_counters = store.add_site_counters(
                {"site": site, "run_id": run_id, "observed_at": when,
                 "total": counters.get("total"), "online": counters.get("online"),
                 "today": counters.get("today")})
            visitors = visitors if visitors is not None else counters.get("total")
        conn.execute(
            "UPDATE recover_captures SET state = 'done', detail = ?, capture_url = ?,"
            " captured_at = ?, warc_filename = ?, warc_record_id = ?, article_id = ?,"
            " view_count = ?, visitor_counter = ? WHERE source = ? AND url = ? AND timestamp = ?",
            (None if article is not None else "no article on the page", capture_url, when,
             getattr(ref, "filename", None), getattr(ref, "record_id", None), aid, views,
             visitors, source, capture.url, capture.timestamp))
    return written


__all__ = ["recover", "RecoverResult", "RecoverSettings", "PoliteClient", "WaybackSource",
           "CommonCrawlSource", "write_capture", "capture_run_id", "PROVENANCE_FIELDS",
           "SOURCES", "WAYBACK_URL", "CC_INDEX_URL", "CC_DATA_URL"]
