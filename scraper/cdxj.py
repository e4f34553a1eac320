"""CDXJ index lines of WARC records as they are written: the lines cdxj-indexer writes when it
reads the file back (`index_warcs`), built from the records in hand instead of re-reading,
decompressing and re-parsing the whole file at the end of every site task.

What cdxj-indexer (1.4, `post_append=True`) writes for a record, and so what is written here:
`<SURT key> <14-digit timestamp> <JSON>` for response, revisit, resource and metadata records
(not `application/warc-fields` ones), the JSON holding url, mime, status, digest, length, offset
and filename when the record has them; a response whose request record follows it (same target,
`WARC-Concurrent-To` its id) and was a POST or PUT gets the request body in its key
(`__wb_method=post&...`, by cdxj-indexer's own `append_method_query`) and `requestBody` and
`method` in its JSON. `tests/test_archive.py` compares these lines with cdxj-indexer's own for
files with GET and POST responses, revisits and metadata records."""
from __future__ import annotations

import json
import re
from io import BytesIO

import surt
from warcio.recordloader import ArcWarcRecord
from warcio.timeutils import iso_date_to_timestamp

INDEXED = ("response", "revisit", "resource", "metadata")
_SPACE = re.compile(r"[;\s]")


class CdxjLines:
    """The lines of one WARC file, collected as its records are written; `sorted_text()` once
    the file is closed."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.lines: list[str] = []

    def add(self, records: list[tuple[ArcWarcRecord, int, int]],
            request_bodies: dict[str, bytes]) -> None:
        """`records`: (record, offset, length) in file order; `request_bodies`: the body of
        each request record by its WARC-Record-ID (what cdxj-indexer reads from the file)."""
        for i, (record, offset, length) in enumerate(records):
            if not _indexed(record):
                continue
            following = records[i + 1][0] if i + 1 < len(records) else None
            self.lines.append(self._line(record, offset, length, following, request_bodies))

    def sorted_text(self) -> str:
        return "".join(sorted(self.lines))

    def _line(self, record: ArcWarcRecord, offset: int, length: int,
              following: ArcWarcRecord | None, request_bodies: dict[str, bytes]) -> str:
        headers = record.rec_headers
        url = headers.get_header("WARC-Target-URI")
        index: dict[str, str] = {}
        if url is not None:
            index["url"] = url
        mime = _mime(record)
        if mime is not None:
            index["mime"] = mime
        if record.rec_type in ("response", "revisit") and record.http_headers:
            index["status"] = record.http_headers.get_statuscode()
        digest = headers.get_header("WARC-Payload-Digest")
        if digest is not None:
            index["digest"] = digest
        index["length"], index["offset"], index["filename"] = str(length), str(offset), self.filename
        key_url = url
        request = following if _request_of(record, following) else None
        if request is not None and request.http_headers is not None:
            method = request.http_headers.protocol
            if method.upper() in ("POST", "PUT"):
                # imported here: cdxj_indexer pulls in pyamf and pkg_resources (0.1 s of every
                # process's start), for the rare POST response's key
                from cdxj_indexer.postquery import append_method_query
                body = request_bodies.get(request.rec_headers.get_header("WARC-Record-ID"), b"")
                query, append = append_method_query(
                    method, request.http_headers.get_header("Content-Type"),
                    request.http_headers.get_header("Content-Length"), BytesIO(body),
                    request.rec_headers.get_header("WARC-Target-URI"))
                key_url = url + append
                index["requestBody"], index["method"] = query, method.upper()
        stamp = iso_date_to_timestamp(headers.get_header("WARC-Date"))
        return f"{_surt(key_url)} {stamp} {json.dumps(index)}\n"


def _indexed(record: ArcWarcRecord) -> bool:
    if record.rec_type not in INDEXED:
        return False
    return not (record.rec_type in ("resource", "metadata") and
                record.rec_headers.get_header("Content-Type") == "application/warc-fields")


def _mime(record: ArcWarcRecord) -> str | None:
    if record.rec_type == "revisit":
        return "warc/revisit"
    if record.rec_type == "response":
        value = record.http_headers.get_header("Content-Type") if record.http_headers else None
    else:
        value = record.rec_headers.get_header("Content-Type")
    return _SPACE.split(value, 1)[0].strip() if value else value


def _request_of(record: ArcWarcRecord, following: ArcWarcRecord | None) -> bool:
    """cdxj-indexer joins a response and the request written right after it."""
    return following is not None and record.rec_type == "response" \
        and following.rec_type == "request" \
        and following.rec_headers.get_header("WARC-Target-URI") == \
        record.rec_headers.get_header("WARC-Target-URI") \
        and following.rec_headers.get_header("WARC-Concurrent-To") == \
        record.rec_headers.get_header("WARC-Record-ID")


def _surt(url: str) -> str:
    try:
        return surt.surt(url)
    except Exception:  # noqa: BLE001 - as cdxj-indexer: an unparseable URL is its own key
        return url
