"""The WARC archive: every response the crawler receives, as WARC/1.1 that standard tools read
(`warcio check`, `warcio index`, pywb), and `iter_archived` to rebuild records offline.

Layout of one fetch, written under one lock so the three records stay together:
  response (or revisit) -> request (WARC-Concurrent-To the response) -> metadata (JSON, likewise).
WARC-Target-URI is the URI the request named (`target_uri`: a link's raw IRI %-encoded as it was
sent, an IDN host in its xn-- form), so replay tools find a capture under the address a browser
asks for. The metadata record's WARC-Target-URI is `metadata://` + the response's URI
(`metadata://https://host/path`), after the convention of Heritrix and pywb: its index key is
never a page's, so replay tools never serve it in place of the page, and it still names the page.

Bodies: the response record holds the body as received (`Response.raw_body`): Content-Encoding
still applied and its header kept, as wget, Heritrix and warcio's capture store it; the payload
digest is over those bytes. Transfer-Encoding (framing, removed by urllib3 before any caller sees
the bytes) is the one header renamed: its value is kept as `X-Govnews-Original-Transfer-Encoding`
and a Content-Length is added; the headers the archive had to add are named in
`X-Govnews-Added-Headers`. A Response without raw bytes (built by hand, or by an older govnews)
is stored decoded, its Content-Encoding renamed to `X-Govnews-Original-Content-Encoding`, as
govnews 0.2 wrote every record. `iter_archived` reads both: it undoes the renaming and removes the
Content-Encoding (`http.decode_content`, the one decoder), so it returns the headers the crawler
saw and the decoded body the parsers read. HTTP header bytes are written as on the wire
(ISO-8859-1, the way http.client decoded them) and read back the same way.

Indexes: `index_warcs(folder)` writes a sorted CDXJ index (`<file>.cdxj`, cdxj-indexer: the
format pywb, ReplayWeb.page and WACZ read) beside each closed WARC file that has none or an older
one; a harvest calls it at the end of each run. `export_wacz` packs the folder's WARCs, one
merged index and a `pages.jsonl` of the dataset's articles into a WACZ for ReplayWeb.page.

Files: `<prefix>-<run id>-<seq>.warc.gz.open` while written, renamed to `.warc.gz` when closed,
so a file without `.open` is always complete. `write` returns a `WarcRef` (the file's final name
and the response record's id) for the dataset to point at. Each fetch is flushed to the operating
system before its payload enters the digest index, so a killed process never leaves the index
pointing at a record that did not reach the file. After a crash the `.open` file is left alone
by a new archive (it cannot tell a crashed run's file from one another process is still writing)
and the next archive starts at the next sequence number; `finalise_open_files`, called under
the dataset lock before a new run, keeps every complete record of such files, cuts the damaged
tail and gives them their final name. `iter_archived` reads `.open` files up to their first
damaged record and reports every damaged record (a warning naming the file and offset, and an
`ArchiveError` in the caller's `errors` list). Identical payloads seen earlier (in this archive,
in the folder's closed files, or in the dataset's payload index) become `revisit` records.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import zipfile
import zlib
import logging
import os
import re
import socket
import sqlite3
import threading
import time
from base64 import b32encode
from contextlib import closing
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, NamedTuple
from urllib.parse import quote, urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader, DecompressingBufferedReader
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from .cdxj import CdxjLines
from .http import DecodedTooLarge, Response, UndecodableContent, decode_content

log = logging.getLogger("govnews.archive")

WARC_VERSION = "WARC/1.1"
REVISIT_PROFILE = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
CONFORMS_TO = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
ORIGINAL_PREFIX = "X-Govnews-Original-"
ADDED_HEADER = "X-Govnews-Added-Headers"
CLOSED_SUFFIX = ".warc.gz"
OPEN_SUFFIX = ".warc.gz.open"
GZIP_LEVEL = 9                          # warcio's: the same bytes as its gzip writer
# Content codings removed from `Response.body`; any other coding is still applied to the body,
# so a legacy (decoded) record keeps its header.
DECODED_CODINGS = frozenset({"gzip", "x-gzip", "deflate", "identity"})
READ_CHUNK = 64 * 1024
DECODED_LIMIT = 512 * 1024 * 1024    # a stored body that inflates past this is kept encoded
METADATA_SCHEME = "metadata://"
INDEX_SUFFIX = ".cdxj"


class WarcRef(NamedTuple):
    """Where an archived response is: the file's final name (never `.open`) and the
    WARC-Record-ID of the response or revisit record."""
    filename: str
    record_id: str


class ArchiveSource(NamedTuple):
    """Where a recovered capture came from: the web archive ("wayback", "commoncrawl"), the URL
    it was fetched from (the `id_` replay, or the Common Crawl WARC file and its byte range),
    and the archive's capture time (WARC-Date form, `2023-06-14T02:15:09Z`)."""
    source_archive: str
    capture_url: str
    captured_at: str


class ArchiveError(NamedTuple):
    """A record `iter_archived` could not read: the file, the record's offset, what is wrong."""
    filename: str
    offset: int
    reason: str

    def __str__(self) -> str:
        return f"{self.filename}: offset {self.offset}: {self.reason}"


@dataclass
class ArchivedResponse:
    """One archived response, revisits resolved to the original payload."""
    url: str                       # WARC-Target-URI: the final URL after redirects
    status: int
    headers: dict[str, str]        # as the crawler saw them (archive's changes undone)
    body: bytes                    # decoded content: de-chunked, Content-Encoding removed
    date: str                      # WARC-Date of the response (or revisit) record
    method: str
    request_body: bytes
    record_id: str
    warc_file: str                 # file name inside the archive folder
    meta: dict[str, Any] = field(default_factory=dict)   # url, final_url, redirects, verify, ...
    request_headers: dict[str, str] = field(default_factory=dict)
    run_id: str | None = None      # the govnews run that wrote the file (its warcinfo), if named
    raw_body: bytes | None = None  # the stored payload when it differs from `body` (encoded)
    shard: str | None = None       # the shard whose folder (warc/<shard>/) holds the file

    def to_response(self) -> Response:
        """The `Response` the crawler had, as far as the archive recorded it (its session's
        request headers: not the Host field the connection added, which the record keeps)."""
        meta = self.meta
        own = {name: value for name, value in self.request_headers.items()
               if not (name.lower() == "host" and value == host_field(self.url))}
        return Response(url=meta.get("url", self.url), final_url=self.url, status=self.status,
                        headers=dict(self.headers), body=self.body,
                        redirects=[(int(s), str(loc)) for s, loc in meta.get("redirects", [])],
                        request_headers=own, method=self.method,
                        request_body=self.request_body, elapsed=meta.get("elapsed", 0.0),
                        truncated=meta.get("truncated", False), verify=meta.get("verify", True),
                        raw_body=self.raw_body)


# -- writing --------------------------------------------------------------------------------------
class _WireHeaders(StatusAndHeaders):
    """HTTP headers serialised as wire bytes (ISO-8859-1) instead of warcio's %-encoded ASCII."""

    def to_ascii_bytes(self, filter_func=None) -> bytes:
        lines = self.to_str(filter_func).split("\r\n")[:-1]
        return b"".join(_wire_bytes(line) + b"\r\n" for line in lines) + b"\r\n"


def _wire_bytes(line: str) -> bytes:
    try:
        return line.encode("latin-1")
    except UnicodeEncodeError:      # not from the wire; keep it readable rather than fail
        return line.encode("utf-8")


class _RecordBuffer:
    """Where warcio's writer writes a record, uncompressed: `WarcArchive._write` compresses each
    record in one call into its own gzip member, as warcio's gzip writer does (level 9, the
    same bytes) but without its dozen zlib calls per page, each of which lets go of the GIL and
    waits to get it back. warcio's flush after every record is left to `WarcArchive.write`,
    which flushes the file once after a response's three records."""
    __slots__ = ("_parts",)

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(data)
        return len(data)

    def flush(self) -> None:
        pass

    def clear(self) -> None:
        self._parts.clear()

    def gzip_member(self) -> bytes:
        """What was written since `clear()`, as one gzip member."""
        return zlib.compress(b"".join(self._parts), GZIP_LEVEL, wbits=zlib.MAX_WBITS | 16)


class WarcArchive:
    """Writes WARC/1.1 files into `folder`; `write` is thread-safe (one lock). A file is opened on
    the first write, so an archive that gets no response leaves no file. `files` lists the files
    this archive closed."""

    def __init__(self, folder: Path, prefix: str = "govnews", max_bytes: int = 100 * 1024 * 1024,
                 run_id: str | None = None, software: str = "govnews/0.1",
                 operator: str | None = None,
                 digests: "MutableMapping[str, tuple[str, str, str]] | None" = None,
                 name: str | None = None) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        run_part = run_id or time.strftime("%Y%m%d%H%M%S", time.gmtime())
        # `name` (a shard's) after the run: file names stay unique across a dataset's shard
        # folders and sort by run first
        self.stem = f"{_name_part(prefix)}-{_name_part(run_part)}" \
            + (f"-{_name_part(name)}" if name else "")
        self.max_bytes = max_bytes
        self.run_id = run_id
        self.software = software
        self.operator = operator
        self.files: list[Path] = []              # closed files written by this archive
        self._lock = threading.Lock()
        # payload digest -> (uri, date, record id); a persistent index (SqliteDigests) keeps a
        # run's start-up cost independent of the archive's size
        self._digests = digests if digests is not None else seed_digests(self.folder)
        self._unverified: set[str] = set()       # hosts fetched with TLS verification off
        self._seq = _next_sequence(self.folder, self.stem)
        self._file: BinaryIO | None = None
        self._path: Path | None = None
        self._writer: WARCWriter | None = None
        self._record = _RecordBuffer()           # the record being written, before gzip
        self._index: CdxjLines | None = None     # the open file's index lines
        self._closed = False

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def write(self, response: Response, source: "ArchiveSource | None" = None) -> WarcRef:
        """Archive one response (with its request and metadata); rotates after it if the file
        reached `max_bytes`. Returns where the response (or revisit) record is: the name the
        file has once closed, and the record's WARC-Record-ID. A capture recovered from a web
        archive names it in `source`: the records then carry the archive's capture time as
        WARC-Date, the capture's URL as WARC-Source-URI, and the metadata names both."""
        with self._lock:
            if self._closed:
                raise ValueError("write to a closed WarcArchive")
            host = (urlsplit(response.final_url).hostname or "").lower()
            new_unverified = response.verify is False and host not in self._unverified
            if new_unverified:
                self._unverified.add(host)
            if self._writer is None:
                self._open_next()                # its warcinfo already names the host
            elif new_unverified:
                self._write([self._tls_note(host)])
            records, new_payload = self._records_for(response, source)
            self._write(records, {records[1].rec_headers.get_header("WARC-Record-ID"):
                                  response.request_body or b""})
            # in the OS before the index may point at it: a SIGKILL cannot lose an indexed record
            self._file.flush()
            if new_payload is not None:
                self._digests[new_payload[0]] = new_payload[1]
            ref = WarcRef(self._path.name[: -len(".open")],
                          records[0].rec_headers.get_header("WARC-Record-ID"))
            if self._file.tell() >= self.max_bytes:
                self._close_current()
            return ref

    def close(self) -> None:
        """Close the open file; the payload index is then whole and detached from its store,
        even when closing the file failed (its error is raised after)."""
        with self._lock:
            self._closed = True
            try:
                if self._writer is not None:
                    self._close_current()
            finally:
                close_digests = getattr(self._digests, "close", None)
                if close_digests is not None:
                    close_digests()

    def _write(self, records: list[ArcWarcRecord], request_bodies: dict[str, bytes] | None = None
               ) -> None:
        """Write records (each its own gzip member) and note their index lines."""
        placed = []
        for record in records:
            self._record.clear()                 # nothing of a record whose writing failed
            self._writer.write_record(record)
            member = self._record.gzip_member()
            placed.append((record, self._file.tell(), len(member)))
            self._file.write(member)
        self._index.add(placed, request_bodies or {})

    # -- files ----------------------------------------------------------------------------------
    def _open_next(self) -> None:
        while True:
            name = f"{self.stem}-{self._seq:05d}"
            self._seq += 1
            if (self.folder / (name + CLOSED_SUFFIX)).exists():
                continue
            try:
                self._file = open(self.folder / (name + OPEN_SUFFIX), "xb")
            except FileExistsError:
                continue
            self._path = self.folder / (name + OPEN_SUFFIX)
            break
        self._writer = WARCWriter(self._record, gzip=False, warc_version=WARC_VERSION)
        self._index = CdxjLines(name + CLOSED_SUFFIX)
        self._write([self._warcinfo(name + CLOSED_SUFFIX)])
        self._file.flush()

    def _close_current(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        final = self._path.with_name(self._path.name[: -len(".open")])
        os.rename(self._path, final)
        self.files.append(final)
        self._file = self._path = self._writer = None
        # the index from the lines noted while writing (what index_warcs would write, without
        # reading the file back); whole or absent, and newer than the file it indexes
        index = index_path(final)
        partial = index.with_name(index.name + ".partial")
        partial.write_text(self._index.sorted_text(), encoding="utf-8")
        os.replace(partial, index)
        self._index = None

    def _warcinfo(self, filename: str) -> ArcWarcRecord:
        info = {
            "software": self.software,
            "format": "WARC File Format 1.1",
            "conformsTo": CONFORMS_TO,
            "operator": self.operator,
            "hostname": socket.gethostname(),
            "isPartOf": self.run_id,
            "govnews-run-id": self.run_id,
            "description": "Every HTTP response a govnews crawl received. Bodies are stored "
                           "as received (Content-Encoding kept); Transfer-Encoding is removed, "
                           "Content-Length is the stored length, and the server's framing "
                           f"headers are in {ORIGINAL_PREFIX}* headers. Per-response details "
                           "(redirect chain, TLS verification, truncation) are in JSON "
                           f"metadata records whose target URI starts with {METADATA_SCHEME}.",
            "govnews-tls-verification-disabled": ", ".join(sorted(self._unverified)),
        }
        return self._writer.create_warcinfo_record(filename, info)

    def _tls_note(self, host: str) -> ArcWarcRecord:
        info = {"software": self.software, "govnews-run-id": self.run_id,
                "govnews-tls-verification-disabled": host,
                "description": f"TLS certificate verification was turned off for {host}."}
        return self._writer.create_warcinfo_record(self._path.name[: -len(".open")], info)

    # -- records --------------------------------------------------------------------------------
    def _records_for(self, response: Response, source: "ArchiveSource | None" = None
                     ) -> tuple[list[ArcWarcRecord], tuple[str, tuple[str, str, str]] | None]:
        """response or revisit, then request and metadata, concurrent to it; and the digest
        index entry to add once they are written (None for a revisit or an undedupable body)."""
        date = source.captured_at if source is not None else self._writer.curr_warc_date()
        digest = payload_digest(stored_body(response))
        original = self._digests.get(digest) if _dedupable(response) else None
        if original is None:
            main = self._response_record(response, date, digest)
        else:
            main = self._revisit_record(response, date, digest, original)
        if source is not None:
            main.rec_headers.add_header("WARC-Source-URI", source.capture_url)
        main_id = main.rec_headers.get_header("WARC-Record-ID")
        new_payload = None
        if original is None and _dedupable(response):
            new_payload = (digest, (target_uri(response.final_url), date, main_id))
        linked = {"WARC-Date": date, "WARC-Concurrent-To": main_id}
        return [main, self._request_record(response, linked),
                self._metadata_record(response, linked, source)], new_payload

    def _response_record(self, response: Response, date: str, digest: str) -> ArcWarcRecord:
        warc = {"WARC-Type": "response", "WARC-Date": date, "WARC-Payload-Digest": digest}
        if response.truncated:
            warc["WARC-Truncated"] = "length"
        body = stored_body(response)
        return self._writer.create_warc_record(
            target_uri(response.final_url), "response", payload=BytesIO(body),
            length=len(body), http_headers=_http_headers(response), warc_headers_dict=warc)

    def _revisit_record(self, response: Response, date: str, digest: str,
                        original: tuple[str, str, str]) -> ArcWarcRecord:
        uri, original_date, original_id = original
        return self._writer.create_revisit_record(
            target_uri(response.final_url), digest, uri, original_date,
            http_headers=_http_headers(response),
            warc_headers_dict={"WARC-Type": "revisit", "WARC-Date": date,
                               "WARC-Refers-To": original_id})

    def _request_record(self, response: Response, linked: dict[str, str]) -> ArcWarcRecord:
        line = f"{response.method} {request_target(response.final_url)} HTTP/1.1"
        fields = list(response.request_headers.items())
        if not any(name.lower() == "host" for name, _ in fields):
            fields.insert(0, ("Host", host_field(response.final_url)))   # urllib3 adds it below us
        headers = _WireHeaders(line, fields, is_http_request=True)
        return self._writer.create_warc_record(
            target_uri(response.final_url), "request", payload=BytesIO(response.request_body),
            length=len(response.request_body), http_headers=headers,
            warc_headers_dict={"WARC-Type": "request", **linked})

    def _metadata_record(self, response: Response, linked: dict[str, str],
                         source: "ArchiveSource | None" = None) -> ArcWarcRecord:
        fields = response_meta(response)
        if source is not None:
            fields.update(source._asdict())
        meta = json.dumps(fields, ensure_ascii=False).encode("utf-8")
        return self._writer.create_warc_record(
            metadata_uri(target_uri(response.final_url)), "metadata", payload=BytesIO(meta), length=len(meta),
            warc_content_type="application/json",
            warc_headers_dict={"WARC-Type": "metadata", **linked})


def _http_headers(response: Response) -> _WireHeaders:
    """The response's status line and header fields as the server sent them (its protocol, its
    reason phrase, repeated fields one line each) when the fetch kept its head; else rebuilt."""
    head = response.head
    fields = head.fields if head is not None else response.headers.items()
    return _WireHeaders(head.status_line if head is not None else status_line(response.status),
                        archived_headers(fields, len(stored_body(response)),
                                         decoded=response.raw_body is None,
                                         bodiless=response.status in (204, 304)
                                         or response.method == "HEAD"),
                        protocol=head.protocol if head is not None else "HTTP/1.1")


def stored_body(response: Response) -> bytes:
    """The bytes the response record holds: as received when the fetch kept them."""
    return response.raw_body if response.raw_body is not None else response.body


def metadata_uri(url: str) -> str:
    """`metadata://` + the page's whole URL, for the page's metadata record. Not
    `metadata://host/path`: SURT (the key of every CDX index) drops any scheme, so that form
    would share the page's index key and a replay tool could serve the JSON for the page; this
    one's key starts with the page's scheme (`https)/host/path`), which no web page has."""
    return METADATA_SCHEME + url


def _dedupable(response: Response) -> bool:
    return bool(stored_body(response)) and not response.truncated


def payload_digest(body: bytes) -> str:
    """`sha1:<base32>`, as warcio writes WARC-Payload-Digest."""
    digester = Digester("sha1")
    digester.update(body)
    return str(digester)


EMPTY_DIGEST = payload_digest(b"")


def status_line(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def request_target(url: str) -> str:
    """Path and query for the request line, %-encoded as requests sends them."""
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return quote(target, safe="/?&=%:@!$'()*+,;~[]")


_DEFAULT_PORTS = {"http": 80, "https": 443}


def host_field(url: str) -> str:
    """The Host header urllib3 sends for `url`: the host (xn-- form, IPv6 in brackets) and the
    port when it is not the scheme's default."""
    parts = urlsplit(target_uri(url))
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    return host if port is None or port == _DEFAULT_PORTS.get(parts.scheme) else f"{host}:{port}"


def target_uri(url: str) -> str:
    """The URI a request for `url` named, for WARC-Target-URI (WARC 1.1 wants a URI, and replay
    tools look captures up by the URI a browser sends): a link's raw IRI ('/tin-tức/đường…')
    %-encoded as it went over the wire, an internationalised host in its IDNA (xn--) form, no
    fragment. An address already sent in that form is returned unchanged."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():
        host = parts.hostname or ""
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = quote(host, safe="")
        userinfo = netloc.rpartition("@")[0]
        port = f":{parts.port}" if parts.port is not None else ""
        netloc = (quote(userinfo, safe=":%") + "@" if userinfo else "") + ascii_host + port
    return f"{parts.scheme}://{netloc}{request_target(url)}"


def archived_headers(headers: Iterable[tuple[str, str]], body_length: int,
                     decoded: bool = False, bodiless: bool = False) -> list[tuple[str, str]]:
    """Response headers rewritten for the stored body (see the module docstring): the body as
    received, or (`decoded`) a body whose Content-Encoding was removed. `bodiless`: a response
    that has no body whatever its headers say (a 304, a 204, the answer to HEAD): its
    Content-Length names the representation, not the body, and is kept as sent."""
    result, added, had_length = [], [], False
    for name, value in headers:
        lower = name.lower()
        if lower == "transfer-encoding" or \
                (decoded and lower == "content-encoding" and _decoded(value)):
            result.append((ORIGINAL_PREFIX + name, value))
        elif lower == "content-length":
            had_length = True
            if value.strip() == str(body_length) or bodiless and body_length == 0:
                result.append((name, value))
            else:
                result += [(ORIGINAL_PREFIX + name, value), ("Content-Length", str(body_length))]
                added.append("Content-Length")
        else:
            result.append((name, value))
    if not had_length and not bodiless:
        result.append(("Content-Length", str(body_length)))
        added.append("Content-Length")
    if added:
        result.append((ADDED_HEADER, ", ".join(added)))
    return result


def _decoded(content_encoding: str) -> bool:
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
    return all(c in DECODED_CODINGS for c in codings)


def response_meta(response: Response) -> dict[str, Any]:
    meta = {"url": response.url, "final_url": response.final_url,
            "redirects": [[status, location] for status, location in response.redirects],
            "verify": response.verify, "truncated": response.truncated,
            "elapsed": response.elapsed}
    if response.note:
        meta["error"] = response.note  # (the crawl's error for this answer: no page is read from it)
    return meta


def _name_part(text: str) -> str:
    if not text or "/" in text or "\\" in text or text.startswith("."):
        raise ValueError(f"unusable in a WARC file name: {text!r}")
    return text


def _next_sequence(folder: Path, stem: str) -> int:
    pattern = re.compile(re.escape(stem) + r"-(\d{5,})\.warc\.gz(\.open)?$")
    numbers = [int(m.group(1)) for p in folder.iterdir() if (m := pattern.match(p.name))]
    return max(numbers, default=-1) + 1


class SqliteDigests(MutableMapping):
    """The payload index in the dataset's SQLite database: one indexed row per archived payload,
    so deduplication needs neither a scan of old WARC files nor memory per payload.

    Given the `store`, a new entry is written into the store's next transaction (a crawl
    commits one per page) instead of a transaction of its own, and into one of its own at
    `flush()` (the archive's `close`). Until then it is looked up here like any other. A
    process killed before leaves entries out of the index, never an entry without its record
    (the record reached the file before its entry was noted): a later identical payload is then
    stored in full rather than as a revisit."""

    def __init__(self, conn: sqlite3.Connection, lock, store=None) -> None:
        self._conn, self._lock = conn, lock
        self._pending: dict[str, tuple[str, str, str]] = {}
        self._writing: dict[str, tuple[str, str, str]] = {}   # in the transaction committing
        self._deferred = store is not None
        with lock:
            conn.execute("CREATE TABLE IF NOT EXISTS warc_payloads (digest TEXT PRIMARY KEY,"
                         " uri TEXT NOT NULL, date TEXT NOT NULL, record_id TEXT NOT NULL)")
        self._store = store
        if store is not None:
            store.add_commit_hook(self)

    def __getitem__(self, digest: str) -> tuple[str, str, str]:
        with self._lock:
            if digest in self._pending:
                return self._pending[digest]
            row = self._conn.execute("SELECT uri, date, record_id FROM warc_payloads WHERE digest=?",
                                     (digest,)).fetchone()
        if row is None:
            raise KeyError(digest)
        return tuple(row)

    def __setitem__(self, digest: str, value: tuple[str, str, str]) -> None:
        with self._lock:
            if self._deferred and not self._conn.in_transaction:
                self._pending.setdefault(digest, value)
            else:
                self._conn.execute(_INSERT_PAYLOAD, (digest, *value))

    def __delitem__(self, digest: str) -> None:
        with self._lock:
            self._pending.pop(digest, None)
            self._conn.execute("DELETE FROM warc_payloads WHERE digest=?", (digest,))

    def __iter__(self):
        self.flush()
        with self._lock:
            rows = self._conn.execute("SELECT digest FROM warc_payloads").fetchall()
        return iter(r[0] for r in rows)

    def __len__(self) -> int:
        self.flush()
        with self._lock:
            return self._conn.execute("SELECT COUNT(*) FROM warc_payloads").fetchone()[0]

    def flush(self) -> None:
        """Write the entries waiting for a transaction, in one of their own. A store that
        cannot be written loses them, as a killed process would (see the class docstring)."""
        with self._lock:
            if not self._pending:
                return
            try:
                with self._store.transaction():
                    pass                          # before_commit writes them
            except sqlite3.Error as exc:
                log.warning("%s: %d payload digests not indexed (%s): later identical payloads "
                            "are stored in full", getattr(self._store, "path", "store"),
                            len(self._pending), exc)
                self._pending.clear()

    def close(self) -> None:
        """Write the waiting entries (`flush`), then stop following the store's transactions,
        even when the flush fails: a closed archive is never called into again."""
        try:
            self.flush()
        finally:
            if self._store is not None:
                self._store.remove_commit_hook(self)
                self._deferred = False

    def before_commit(self, conn: sqlite3.Connection) -> None:
        """The store's transaction is about to commit: the waiting entries go into it."""
        self._writing = self._pending
        self._pending = {}
        if self._writing:
            conn.executemany(_INSERT_PAYLOAD, [(d, *v) for d, v in self._writing.items()])

    def committed(self) -> None:
        """The transaction that held the waiting entries committed: they are in the table."""
        self._writing = {}

    def rolled_back(self) -> None:
        """The transaction that held the waiting entries rolled back: they wait again."""
        self._pending = {**self._writing, **self._pending}
        self._writing = {}


_INSERT_PAYLOAD = "INSERT OR IGNORE INTO warc_payloads VALUES (?, ?, ?, ?)"


def seed_digests(folder: Path) -> dict[str, tuple[str, str, str]]:
    """Payload digest -> (uri, date, record id) of the response records in the folder's closed
    files: what a new archive may refer to instead of storing a payload again."""
    digests: dict[str, tuple[str, str, str]] = {}
    for path in closed_files(folder):
        for record in _iter_file(path, keep_block=False):
            headers = record.headers
            digest = headers.get_header("WARC-Payload-Digest")
            if record.type != "response" or not digest or headers.get_header("WARC-Truncated") \
                    or digest == EMPTY_DIGEST:
                continue
            digests.setdefault(digest, (headers.get_header("WARC-Target-URI"),
                                        headers.get_header("WARC-Date"),
                                        headers.get_header("WARC-Record-ID")))
    return digests


# -- reading --------------------------------------------------------------------------------------
class _Record(NamedTuple):
    type: str
    headers: StatusAndHeaders         # WARC headers
    offset: int
    block: bytes                      # empty unless asked for


def archive_files(folder: Path, recursive: bool = True) -> list[Path]:
    """Closed and still-open WARC files in `folder` and (`recursive`) its shard subfolders, in
    name order (names start with the run id: writing order, per site)."""
    found = Path(folder).rglob("*.warc.gz*") if recursive else Path(folder).glob("*.warc.gz*")
    return sorted((p for p in found
                   if p.name.endswith(CLOSED_SUFFIX) or p.name.endswith(OPEN_SUFFIX)),
                  key=lambda p: (p.name, str(p)))


def closed_files(folder: Path) -> list[Path]:
    """Closed WARC files in `folder` and its shard subfolders, in name order."""
    return [p for p in archive_files(folder) if p.name.endswith(CLOSED_SUFFIX)]


def _iter_file(path: Path, keep_block: bool = True, start: int = 0,
               errors: list[ArchiveError] | None = None, report: bool = True,
               resync: bool = True) -> Iterator[_Record]:
    """Complete records of one file. A damaged record is reported unless `report` is False (a
    warning naming the file and the record's offset, and an `ArchiveError` appended to
    `errors`); in a gzip file (one member per record) the reading goes on at the next member
    that holds a whole record (`resync`), so one bad member costs its own record only; in an
    uncompressed file nothing after the damage can be trusted and the rest is left."""
    with open(path, "rb") as stream:
        while start is not None:
            stream.seek(start)
            records = ArchiveIterator(stream, no_record_parse=True)
            records.reader.__class__ = _StrictReader
            problem = None
            try:
                for record in records:
                    block, problem = _read_block(record, keep_block)
                    if problem:
                        break
                    yield _Record(record.rec_type, record.rec_headers, records.get_record_offset(),
                                  block)
            except MemoryError:
                raise                          # out of memory: the run's end, no damaged record
            except Exception as exc:  # noqa: BLE001 - any damage stops this reading, never the reader
                problem = "unreadable record: " + \
                    (str(exc).strip() or type(exc).__name__).splitlines()[0][:80]
            if not problem:
                return
            offset = max(records.offset, start)
            start = _next_member(stream, offset) if resync and path.name.endswith(".gz") else None
            if report:
                rest = "ignoring the rest of the file" if start is None else \
                    f"skipped to the next record at offset {start}"
                log.warning("%s: offset %d: %s; %s", path.name, offset, problem, rest)
                if errors is not None:
                    errors.append(ArchiveError(path.name, offset, problem))


class _StrictReader(DecompressingBufferedReader):
    """warcio's reader, except where a gzip member fails to decompress after its start: warcio
    writes the error to stderr and reads on as if the member had ended; here the error is raised
    (the reading reports the damaged record, with its file and offset), and memory running out is
    raised as MemoryError, never taken for damage."""

    def _decompress(self, data):
        if not (self.decompressor and data):
            return data
        if self.num_block_read:
            return self.decompressor.decompress(data)
        try:
            return self.decompressor.decompress(data)
        except MemoryError:
            raise
        except Exception:  # noqa: BLE001 - warcio's first-read fallback: no gzip stream at all
            return super()._decompress(data)


_GZIP_MAGIC = b"\x1f\x8b\x08"


def _next_member(stream: BinaryIO, after: int) -> int | None:
    """The offset of the next gzip member after `after` whose start decompresses to a WARC
    record's first line; None when the file holds none (a scan of the file once, at most)."""
    pos = after + 1
    while True:
        stream.seek(pos)
        chunk = stream.read(1 << 20)
        if len(chunk) < len(_GZIP_MAGIC):
            return None
        at = chunk.find(_GZIP_MAGIC)
        while at >= 0:
            stream.seek(pos + at)
            try:
                head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(stream.read(4096), 16)
            except zlib.error:
                head = b""
            if head.startswith(b"WARC/"):
                return pos + at
            at = chunk.find(_GZIP_MAGIC, at + 1)
        pos += len(chunk) - len(_GZIP_MAGIC) + 1


def _read_block(record: ArcWarcRecord, keep: bool) -> tuple[bytes, str | None]:
    """The record's whole block, and what is wrong with it (None when it is complete)."""
    stream, parts = record.raw_stream, []
    declared = record.rec_headers.get_header("WARC-Block-Digest") or ""
    # checked when written the way warcio writes it (sha1, base32); other forms are not checked
    digester = hashlib.sha1() if re.fullmatch(r"(?i)sha1:[A-Z2-7]{32}", declared) else None
    while chunk := stream.read(READ_CHUNK):
        if digester:
            digester.update(chunk)
        if keep:
            parts.append(chunk)
    if record.length is None or getattr(stream, "limit", 1) != 0:
        return b"", "record cut short"
    if digester and b32encode(digester.digest()).decode() != declared[5:].upper():
        return b"", "block digest mismatch"
    return b"".join(parts), None


def split_http(block: bytes) -> tuple[str, list[tuple[str, str]], bytes]:
    """(start line, headers, body) of an HTTP message; header bytes read as ISO-8859-1."""
    end = block.find(b"\r\n\r\n")
    head, body = (block[:end], block[end + 4:]) if end >= 0 else (block, b"")
    lines = head.decode("latin-1").split("\r\n")
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        if line[:1] in (" ", "\t") and headers:
            headers[-1] = (headers[-1][0], headers[-1][1] + " " + line.strip())
        elif ":" in line:
            name, value = line.split(":", 1)
            headers.append((name.strip(), value.strip()))
    return lines[0], headers, body


def decoded_body(headers: list[tuple[str, str]], body: bytes) -> bytes:
    """The stored payload de-chunked (records from other writers keep the chunks) and with its
    Content-Encoding removed: by `http.decode_content` (gzip, deflate), else by warcio for a
    coding it knows (br where brotli is installed). A payload that its coding does not describe
    is returned as stored, with a warning."""
    lookup = {name.lower(): value for name, value in headers}
    coding = lookup.get("content-encoding", "").strip().lower() or None
    if lookup.get("transfer-encoding", "").strip().lower() == "chunked":
        try:
            body = ChunkedDataReader(BytesIO(body)).read()
        except Exception:  # noqa: BLE001 - warcio's chunk parser; a bad chunk keeps the bytes
            pass
    if not coding or coding == "identity":
        return body
    try:
        decoded = decode_content(body, coding, DECODED_LIMIT)
        if decoded is not body or coding not in BufferedReader.get_supported_decompressors():
            return decoded
        return BufferedReader(BytesIO(body), decomp_type=coding).read()
    except (UndecodableContent, DecodedTooLarge, OSError, ValueError) as exc:
        log.warning("a stored payload with Content-Encoding %s could not be decoded (%s); "
                    "kept as stored", coding, exc)
        return body
    except AttributeError as exc:  # warcio 1.8 reads brotli's `unused_data`, which brotli 1.2's
        # Decompressor no longer has: the payload is kept
        log.warning("a stored payload with Content-Encoding %s could not be decoded by warcio "
                    "(%s: %s); kept as stored", coding, type(exc).__name__, exc)
        return body


def restored_headers(headers: list[tuple[str, str]]) -> dict[str, str]:
    """Undo `archived_headers`: drop what the archive added, give originals their names back."""
    added = {listed.strip().lower() for name, value in headers
             if name.lower() == ADDED_HEADER.lower() for listed in value.split(",")}
    result: dict[str, str] = {}
    for name, value in headers:
        if name.lower() == ADDED_HEADER.lower() or name.lower() in added:
            continue
        if name.lower().startswith(ORIGINAL_PREFIX.lower()):
            name = name[len(ORIGINAL_PREFIX):]
        result[name] = f"{result[name]}, {value}" if name in result else value
    return result


class _PayloadIndex:
    """Payload digest -> (file, offset) of response records, for resolving revisits without
    keeping bodies in memory. Filled while reading; scans every file once on a miss."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self.places: dict[str, tuple[Path, int]] = {}
        self.scanned = False

    def add(self, record: _Record, path: Path) -> None:
        digest = record.headers.get_header("WARC-Payload-Digest")
        if digest and not record.headers.get_header("WARC-Truncated"):
            self.places.setdefault(digest, (path, record.offset))

    def body(self, digest: str) -> tuple[bytes, bytes] | None:
        """(stored payload, decoded body) of the response record with this payload digest."""
        if digest not in self.places and not self.scanned:
            self.scanned = True
            for path in self.files:
                for record in _iter_file(path, keep_block=False, report=False):
                    if record.type == "response":
                        self.add(record, path)
        if digest not in self.places:
            return None
        path, offset = self.places[digest]
        with closing(_iter_file(path, start=offset, report=False, resync=False)) as records:
            record = next(records, None)
        if record is None or record.headers.get_header("WARC-Payload-Digest") != digest:
            return None
        _, headers, body = split_http(record.block)
        return body, decoded_body(headers, body)


def iter_archived(folder: Path, errors: list[ArchiveError] | None = None,
                  recursive: bool = True, shard: str | None = None
                  ) -> Iterator[ArchivedResponse]:
    """Every response record under `folder`, in file order, revisits resolved; `.open` files
    (a crashed run) are read up to their first damaged record. Nothing unreadable is skipped
    silently: each damaged record is logged (file and offset) and, when `errors` is given,
    appended to it as an `ArchiveError`, so the caller can count it. A revisit whose original
    payload is not in the archive is yielded with `meta["payload_missing"]` (and logged)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"no WARC folder at {folder}")
    files = archive_files(folder, recursive)
    index = _PayloadIndex(files)
    for path in files:
        pending: ArchivedResponse | None = None
        early: dict[str, list[_Record]] = {}     # request/metadata before their response
        run_id: str | None = None
        file_shard = path.parent.name if path.parent != folder else shard
        for record in _iter_file(path, errors=errors):
            if record.type in ("response", "revisit"):
                if pending is not None:
                    yield pending
                pending = _archived(record, path, index)
                pending.run_id, pending.shard = run_id, file_shard
                for other in early.pop(pending.record_id, []):
                    _attach(pending, other)
            elif record.type in ("request", "metadata"):
                target = record.headers.get_header("WARC-Concurrent-To")
                if pending is not None and target == pending.record_id:
                    _attach(pending, record)
                elif target and len(early) < 64:
                    early.setdefault(target, []).append(record)
            elif record.type == "warcinfo":
                run_id = _warcinfo_run_id(record.block) or run_id
        if pending is not None:
            yield pending


def _warcinfo_run_id(block: bytes) -> str | None:
    """The govnews run id a warcinfo record names (`govnews-run-id`, else `isPartOf`)."""
    fields: dict[str, str] = {}
    for line in block.decode("utf-8", "replace").splitlines():
        name, sep, value = line.partition(":")
        if sep and value.strip():
            fields.setdefault(name.strip().lower(), value.strip())
    return fields.get("govnews-run-id") or fields.get("ispartof")


# -- after a crash --------------------------------------------------------------------------------
def finalise_open_files(folder: Path, recursive: bool = False,
                        skip=None) -> list[tuple[Path, int, int]]:
    """Give every `*.warc.gz.open` file in `folder` (left by a killed run) its final name, keeping
    every complete record: the file is cut after the last record that reads whole (its gzip member
    complete, its block as long as declared and matching its digest), a partial tail is dropped.
    Returns (final path, records kept, bytes cut) per file, in name order.

    The caller must hold the dataset lock, so that no archive is writing any of these files. A
    file whose final name exists already is left as it is (logged): nothing is overwritten.
    `recursive`: the shard subfolders too, but not those `skip(subfolder)` says are in use."""
    finalised = []
    paths = sorted(Path(folder).glob("*" + OPEN_SUFFIX))
    if recursive:
        for sub in sorted(p for p in Path(folder).iterdir() if p.is_dir()):
            opened = sorted(sub.rglob("*" + OPEN_SUFFIX))
            if opened and not (skip is not None and skip(sub)):
                paths += opened
    for path in paths:
        final = path.with_name(path.name[: -len(".open")])
        if final.exists():
            log.warning("%s: not finalised: %s exists already", path.name, final.name)
            continue
        kept, end = _complete_prefix(path)
        with open(path, "r+b") as stream:
            size = stream.seek(0, os.SEEK_END)
            if end < size:
                stream.truncate(end)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(path, final)             # fails if `final` appeared meanwhile: no overwrite
            os.unlink(path)
        except FileExistsError:
            log.warning("%s: not finalised: %s exists already", path.name, final.name)
            continue
        except OSError:                      # a file system without hard links
            if final.exists():
                continue
            os.rename(path, final)
        _fsync_folder(final.parent)
        if end < size:
            log.warning("%s: cut %d damaged byte(s) after record %d, offset %d", final.name,
                        size - end, kept, end)
        finalised.append((final, kept, size - end))
    return finalised


def _complete_prefix(path: Path) -> tuple[int, int]:
    """(records, end offset) of the records at the start of a WARC file that are complete."""
    kept, end = 0, 0
    with open(path, "rb") as stream, open(path, "rb") as check:
        gzipped = check.read(2) == b"\x1f\x8b"
        records = ArchiveIterator(stream, no_record_parse=True)
        try:
            for record in records:
                _, problem = _read_block(record, keep=False)
                if problem:
                    break
                offset, length = records.get_record_offset(), records.get_record_length()
                if offset != end or (gzipped and not _whole_gzip_member(check, offset, length)):
                    break
                kept, end = kept + 1, offset + length
        except Exception:  # noqa: BLE001 - the damage is where the complete records end
            pass
    return kept, end


def _whole_gzip_member(stream: BinaryIO, offset: int, length: int) -> bool:
    """True when the `length` bytes at `offset` are exactly one complete gzip member (trailer
    and CRC included)."""
    stream.seek(offset)
    data = stream.read(length)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        inflater.decompress(data)          # one record: as large as the largest response
    except zlib.error:
        return False
    return inflater.eof and not inflater.unused_data


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _archived(record: _Record, path: Path, index: _PayloadIndex) -> ArchivedResponse:
    start, headers, body = split_http(record.block)
    warc = record.headers
    meta: dict[str, Any] = {}
    raw: bytes | None = None
    if record.type == "response":
        index.add(record, path)
        raw, body = body, decoded_body(headers, body)
    else:
        original = warc.get_header("WARC-Refers-To")
        meta["revisit_of"] = original
        resolved = index.body(warc.get_header("WARC-Payload-Digest") or "")
        if resolved is None:
            log.warning("%s: revisit %s refers to a payload not in the archive (%s)", path.name,
                        warc.get_header("WARC-Record-ID"), original)
            meta["payload_missing"] = True
        raw, body = resolved or (None, b"")
    status = start.split(" ", 2)[1] if start.count(" ") >= 1 else "0"
    return ArchivedResponse(url=warc.get_header("WARC-Target-URI"),
                            status=int(status) if status.isdigit() else 0,
                            headers=restored_headers(headers), body=body,
                            date=warc.get_header("WARC-Date"), method="GET", request_body=b"",
                            record_id=warc.get_header("WARC-Record-ID"), warc_file=path.name,
                            meta=meta, raw_body=raw if raw is not None and raw != body else None)


def _attach(pending: ArchivedResponse, record: _Record) -> None:
    if record.type == "request":
        start, headers, body = split_http(record.block)
        pending.method = start.split(" ", 1)[0]
        pending.request_headers = restored_headers(headers)
        pending.request_body = body
    elif record.headers.get_header("Content-Type") == "application/json":
        try:
            meta = json.loads(record.block)
        except ValueError:
            meta = None
        if isinstance(meta, dict):
            pending.meta.update(meta)
        else:
            log.warning("%s: unreadable govnews metadata", pending.record_id)


# -- indexes and WACZ -----------------------------------------------------------------------------
def index_path(warc: Path) -> Path:
    """`<name>.cdxj` beside `<name>.warc.gz`."""
    return warc.with_name(warc.name[: -len(CLOSED_SUFFIX)] + INDEX_SUFFIX)


def index_warcs(folder: Path, errors: list[ArchiveError] | None = None,
                files: "Iterable[Path] | None" = None) -> list[Path]:
    """A sorted CDXJ index beside every closed WARC file in `folder` that has none, or an index
    older than the file (a file finalised after a crash); returns the indexes written. Each is
    written to a temporary name and renamed, so an index is either whole or absent; a run's cost
    is its own new files, never the whole archive. Written by cdxj-indexer (Webrecorder's
    indexer, as pywb, ReplayWeb.page and the `wacz` tool write CDXJ): SURT keys, one JSON
    object per record, POST requests' bodies appended to the key (`__wb_method=post&...`) as
    pywb matches them. A file the indexer cannot read is logged and reported in `errors`; the
    other files are still indexed."""
    from cdxj_indexer.main import CDXJIndexer

    written = []
    for warc in (closed_files(folder) if files is None else files):
        index = index_path(warc)
        try:
            if index.exists() and index.stat().st_mtime_ns >= warc.stat().st_mtime_ns:
                continue
        except FileNotFoundError:
            continue
        partial = index.with_name(index.name + ".partial")
        try:
            CDXJIndexer(output=str(partial), inputs=[str(warc)], post_append=True,
                        sort=True).process_all()
        except Exception as exc:  # noqa: BLE001 - a damaged file costs its own index only
            reason = "cannot index: " + (str(exc).strip() or type(exc).__name__)[:120]
            log.warning("%s: %s", warc.name, reason)
            if errors is not None:
                errors.append(ArchiveError(warc.name, 0, reason))
            partial.unlink(missing_ok=True)
            continue
        os.replace(partial, index)
        written.append(index)
    return written


# a CDXJ line: the SURT key, the 14-digit timestamp, one JSON object
_CDXJ_LINE = re.compile(rb"[^ \n]+ \d{14} \{[^\n]*\}\r?\n?")


def _whole_index(index: Path) -> bool:
    """Every line of a CDXJ index is one (no text an editor or a bad merge left in it)."""
    with open(index, "rb") as fh:
        return all(_CDXJ_LINE.fullmatch(line) for line in fh)


def merged_index_lines(folder: Path) -> Iterator[str]:
    """The lines of every closed file's CDXJ index, merged into one sorted sequence (each index
    is sorted; memory holds one line per file)."""
    indexes = [index_path(w) for w in closed_files(folder)]
    handles = [open(path, encoding="utf-8") for path in indexes if path.exists()]
    try:
        yield from heapq.merge(*handles)
    finally:
        for handle in handles:
            handle.close()


WACZ_VERSION = "1.1.1"
PAGES_HEADER = {"format": "json-pages-1.0", "id": "pages", "title": "Articles"}


def export_wacz(dataset_folder: Path, out_path: Path, title: str | None = None) -> Path:
    """A WACZ (1.1.1) of the dataset for ReplayWeb.page: `archive/` the closed WARC files
    (stored, not recompressed), `indexes/index.cdx` one sorted CDXJ index merged from the files'
    indexes (written first where missing), `pages/pages.jsonl` one line per article with an
    archived capture (its latest: URL, capture time, headline), and `datapackage.json` with the
    sha256 and size of each, `datapackage-digest.json` with the package's own hash. Written to
    a temporary name beside `out_path` and renamed. Returns `out_path`.

    Our own writer rather than the `wacz` tool: that tool indexes the WARCs again, finds pages
    by guessing which responses are HTML, and brings some 25 packages (frictionless, pydantic,
    typer...) into every install; the format is a ZIP of known files, and the dataset knows its
    articles. The tests check the result with the `wacz` package's validator."""
    dataset_folder, out_path = Path(dataset_folder), Path(out_path)
    warc_folder = dataset_folder / "warc"
    if not warc_folder.is_dir():
        raise FileNotFoundError(f"no WARC folder at {warc_folder}")
    for warc in closed_files(warc_folder):
        index = index_path(warc)
        if index.exists() and not _whole_index(index):
            log.warning("%s: a line is no CDXJ (edited, or a bad merge); indexed again", index.name)
            index.unlink()             # (index_warcs writes it again from the WARC file)
    index_warcs(warc_folder)
    warcs = closed_files(warc_folder)
    partial = out_path.with_name(out_path.name + ".partial")
    resources: list[dict[str, Any]] = []
    captures: dict[tuple[str, str], str] = {}          # (file, url) -> latest timestamp
    try:
        with zipfile.ZipFile(partial, "w", allowZip64=True) as wacz:
            for warc in warcs:
                resources.append(_zip_file(wacz, warc, "archive/" + warc.name,
                                           zipfile.ZIP_STORED))
            resources.append(_zip_lines(wacz, "indexes/index.cdx",
                                        _noting_captures(merged_index_lines(warc_folder),
                                                         captures)))
            pages = (json.dumps(p, ensure_ascii=False) + "\n"
                     for p in [PAGES_HEADER, *_pages(dataset_folder, captures)])
            resources.append(_zip_lines(wacz, "pages/pages.jsonl", pages))
            package = {"profile": "data-package", "resources": resources,
                       "wacz_version": WACZ_VERSION, "software": _software(),
                       "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                       "title": title or f"govnews archive of {dataset_folder.resolve().name}"}
            data = json.dumps(package, indent=2, ensure_ascii=False).encode("utf-8")
            wacz.writestr(_zip_info("datapackage.json", zipfile.ZIP_DEFLATED), data)
            digest = {"path": "datapackage.json",
                      "hash": "sha256:" + hashlib.sha256(data).hexdigest()}
            wacz.writestr(_zip_info("datapackage-digest.json", zipfile.ZIP_DEFLATED),
                          json.dumps(digest, indent=2).encode("utf-8"))
        os.replace(partial, out_path)
    finally:
        partial.unlink(missing_ok=True)
    return out_path


def _software() -> str:
    from govnews._version import __version__
    return f"govnews {__version__}"


def _zip_info(name: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, time.gmtime()[:6])
    info.compress_type = compression
    return info


def _resource(name: str, digest: "hashlib._Hash", size: int) -> dict[str, Any]:
    return {"name": name.rsplit("/", 1)[-1].lower(), "path": name,
            "hash": "sha256:" + digest.hexdigest(), "bytes": size}


def _zip_file(wacz: zipfile.ZipFile, path: Path, name: str, compression: int) -> dict[str, Any]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as source, wacz.open(_zip_info(name, compression), "w",
                                                 force_zip64=True) as target:
        while chunk := source.read(READ_CHUNK * 16):
            digest.update(chunk)
            size += len(chunk)
            target.write(chunk)
    return _resource(name, digest, size)


def _zip_lines(wacz: zipfile.ZipFile, name: str, lines) -> dict[str, Any]:
    digest, size = hashlib.sha256(), 0
    with wacz.open(_zip_info(name, zipfile.ZIP_DEFLATED), "w", force_zip64=True) as target:
        for line in lines:
            data = line.encode("utf-8")
            digest.update(data)
            size += len(data)
            target.write(data)
    return _resource(name, digest, size)


def _noting_captures(lines, captures: dict[tuple[str, str], str]):
    """Pass index lines through, noting the latest capture time of each (file, URL)."""
    for line in lines:
        _, timestamp, fields = line.split(" ", 2)
        try:
            entry = json.loads(fields)
        except ValueError:
            entry = {}
        key = (entry.get("filename", ""), entry.get("url", ""))
        captures[key] = max(captures.get(key, ""), timestamp)
        yield line


def _pages(dataset_folder: Path, captures: dict[tuple[str, str], str]) -> Iterator[dict]:
    """One page per article with an archived capture: the latest observation whose WARC record
    is in the archive, its URL as captured and its capture time (from the index)."""
    from govnews.output.store import DB_NAME, connect_readonly, table_columns
    database = dataset_folder / DB_NAME
    if not database.exists():
        return
    conn = connect_readonly(database)
    try:
        columns = table_columns(conn, "observations")
        if not {"warc_filename", "final_url"} <= columns:
            return
        rows = conn.execute(
            "SELECT a.article_id, a.url, a.headline, o.final_url, o.warc_filename, o.observed_at"
            " FROM articles a JOIN observations o ON o.article_id = a.article_id"
            " WHERE o.warc_filename IS NOT NULL ORDER BY a.article_id, o.observed_at DESC")
        last = None
        for aid, url, headline, final_url, filename, observed_at in rows:
            if aid == last:
                continue
            page_url = final_url or url
            stamp = captures.get((filename, target_uri(page_url)))
            if stamp is None:
                continue                  # the file is gone or unreadable: nothing to replay
            last = aid
            page = {"id": aid, "url": page_url, "ts": _iso_from_timestamp(stamp)}
            if headline:
                page["title"] = headline
            yield page
    finally:
        conn.close()


def _iso_from_timestamp(stamp: str) -> str:
    """`20230614021509` (CDX) as `2023-06-14T02:15:09Z`."""
    stamp = (stamp + "00000000000000")[:14]
    return (f"{stamp[0:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:"
            f"{stamp[12:14]}Z")
