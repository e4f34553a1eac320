"""The record schema (version `parsers.model.SCHEMA_VERSION`): fields, kinds, pandas dtypes, checks.

Everything here is data or a pure function: no clock, no files.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from typing import Any, Mapping

from govnews.parsers.model import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION", "TABLES", "FIELDS", "KINDS", "DTYPES", "LIST_FIELDS", "LOCAL_TZ",
    "ADDED_FIELDS", "PUBLISHED_PRECISIONS",
    "article_id", "content_sha256", "validate_article", "to_utc_iso", "has_offset",
]

TABLES: tuple[str, ...] = ("articles", "observations", "site_counters", "runs")

# Each field's kind; the order is the column order of every table and export (DESIGN.md).
# Kinds: str (required text), str? (optional text), int? (count), list (list[str], never null),
# utc (a time the tool observed, UTC with "Z"), local (published_at: ISO 8601 with the portal's offset).
KINDS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "str",
        "url": "str",
        "site": "str",
        "platform": "str",
        "category": "str?",
        "headline": "str?",  # null (with a warning) when a broken page has none
        "summary": "str?",
        "published_at": "local",
        "published_at_raw": "str?",
        "published_precision": "str?",  # "minute", "day" (the page printed no time), or null
        "body": "str?",
        "author": "str?",
        "source": "str?",
        "view_count": "int?",
        "visitor_counter": "int?",
        "images": "list",
        "attachments": "list",
        "first_seen_at": "utc",
        "fetched_at": "utc",
        "content_sha256": "str",
        "warnings": "list",
    },
    "observations": {
        "article_id": "str",
        "url": "str",
        "site": "str",
        "run_id": "str",
        "observed_at": "utc",
        "view_count": "int?",
        "visitor_counter": "int?",
        "http_status": "int?",
        "fetched_url": "str?",      # the URL as requested
        "final_url": "str?",        # the URL after redirects (the WARC-Target-URI)
        "warc_filename": "str?",    # the WARC file holding the response (its final name)
        "warc_record_id": "str?",   # the WARC-Record-ID of the response (or revisit) record
        "source_archive": "str?",   # "wayback", "commoncrawl": a recovered capture; null: live
        "captured_at": "utc",       # when the page was captured (= observed_at for a live fetch)
    },
    "site_counters": {
        "site": "str",
        "run_id": "str",
        "observed_at": "utc",
        "total": "int?",
        "online": "int?",
        "today": "int?",
    },
    "runs": {
        "run_id": "str",
        "started_at": "utc",
        "finished_at": "utc",
        "sites": "list",  # the site names the run covered
        "pages_fetched": "int?",
        "articles_new": "int?",
        "articles_changed": "int?",
        "observations": "int?",
        "errors": "int?",
        "status": "str?",
    },
}

FIELDS: dict[str, tuple[str, ...]] = {table: tuple(kinds) for table, kinds in KINDS.items()}

# Fields added to schema version 1 after its first release. A record or a dataset written before
# them may lack them: they read as null (the store adds the columns to older databases).
ADDED_FIELDS: dict[str, frozenset[str]] = {
    "articles": frozenset({"published_precision"}),
    "observations": frozenset({"fetched_url", "final_url", "warc_filename", "warc_record_id",
                               "source_archive", "captured_at"}),
    "site_counters": frozenset(),
    "runs": frozenset(),
}

PUBLISHED_PRECISIONS = ("minute", "day")

LIST_FIELDS: dict[str, frozenset[str]] = {
    table: frozenset(f for f, kind in kinds.items() if kind == "list") for table, kinds in KINDS.items()
}

LOCAL_TZ = "Asia/Ho_Chi_Minh"
_LOCAL_OFFSET = timezone(timedelta(hours=7))  # Vietnam has no daylight saving time

_DTYPE_OF_KIND = {
    "str": "string",
    "str?": "string",
    "int?": "Int64",
    "list": "object",  # Python lists of str
    "utc": "datetime64[ns, UTC]",
    "local": f"datetime64[ns, {LOCAL_TZ}]",
}

DTYPES: dict[str, dict[str, str]] = {
    table: {f: _DTYPE_OF_KIND[kind] for f, kind in kinds.items()} for table, kinds in KINDS.items()
}


def article_id(canonical_url: str) -> str:
    """The stable id of an article: the first 16 hex digits of sha256 of its canonical URL."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:16]


def content_sha256(headline: str | None, body: str | None) -> str:
    """Hash of the extracted text (`headline`, blank line, `body`, NFC): an edit changes it."""
    text = unicodedata.normalize("NFC", f"{headline or ''}\n\n{body or ''}")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_OFFSET_RE = re.compile(r"(?:[zZ]|[+-]\d{2}:?\d{2})$")
_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:[zZ]|[+-]\d{2}:\d{2})$")
_UTC_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$")
_HEX16_RE = re.compile(r"^[0-9a-f]{16}$")
_HEX64_RE = re.compile(r"^[0-9a-f]{64}$")


def has_offset(text: str) -> bool:
    """True when an ISO 8601 time string ends with "Z" or a UTC offset."""
    return bool(_OFFSET_RE.search(text.strip()))


def to_utc_iso(text: str | None) -> str | None:
    """`text` (ISO 8601) as fixed-width UTC, sortable as a string; a time without offset is Vietnam time.

    Returns None for None; raises ValueError for a string that is not ISO 8601.
    """
    if text is None:
        return None
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_LOCAL_OFFSET)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def validate_article(record: Mapping[str, Any]) -> list[str]:
    """Schema problems of one article record, as "field: problem" lines; [] when it is valid."""
    kinds = KINDS["articles"]
    problems = [f"{key}: missing" for key in kinds
                if key not in record and key not in ADDED_FIELDS["articles"]]
    problems += [f"{key}: unexpected key" for key in record if key not in kinds]
    for key, kind in kinds.items():
        if key in record:
            problems += [f"{key}: {p}" for p in _value_problems(record[key], kind)]
    return problems + _consistency_problems(record)


def _value_problems(value: Any, kind: str) -> list[str]:
    if value is None:
        return [] if kind.endswith("?") or kind == "local" else ["null in a required field"]
    if kind == "int?":
        if isinstance(value, bool) or not isinstance(value, int):
            return [f"expected an integer, got {type(value).__name__}"]
        return ["negative count"] if value < 0 else []
    if kind == "list":
        if not isinstance(value, list):
            return [f"expected a list of strings, got {type(value).__name__}"]
        return [f"item {i}: {p}" for i, item in enumerate(value) for p in _text_problems(item)]
    problems = _text_problems(value)
    if problems:
        return problems
    if kind == "local" and not _is_iso_with_offset(value):
        return [f"not ISO 8601 with an offset: {value!r}"]
    if kind == "utc" and not _is_utc_z(value):
        return [f"not a UTC time ending in Z: {value!r}"]
    return []


def _text_problems(value: Any) -> list[str]:
    if not isinstance(value, str):
        return [f"expected a string, got {type(value).__name__}"]
    if not value.strip():
        return ["empty string instead of null"]
    if not unicodedata.is_normalized("NFC", value):
        return ["text is not Unicode NFC"]
    return []


def _is_iso_with_offset(value: str) -> bool:
    if not _ISO_RE.match(value):
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _is_utc_z(value: str) -> bool:
    if not _UTC_RE.match(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _consistency_problems(record: Mapping[str, Any]) -> list[str]:
    problems = []
    precision = record.get("published_precision")
    if precision is not None and precision not in PUBLISHED_PRECISIONS:
        problems.append(f"published_precision: expected one of {', '.join(PUBLISHED_PRECISIONS)}, "
                        f"got {precision!r}")
    elif precision is not None and record.get("published_at") is None:
        problems.append("published_precision: set without published_at")
    aid, url = record.get("article_id"), record.get("url")
    if isinstance(aid, str) and aid:
        if not _HEX16_RE.match(aid):
            problems.append("article_id: not 16 lowercase hex digits")
        elif isinstance(url, str) and aid != article_id(url):
            problems.append("article_id: does not match url")
    digest = record.get("content_sha256")
    if isinstance(digest, str) and digest:
        headline, body = record.get("headline"), record.get("body")
        if not _HEX64_RE.match(digest):
            problems.append("content_sha256: not 64 lowercase hex digits")
        elif all(v is None or isinstance(v, str) for v in (headline, body)):
            if digest != content_sha256(headline, body):
                problems.append("content_sha256: does not match headline and body")
    return problems
