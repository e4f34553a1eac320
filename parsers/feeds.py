"""Sitemaps and feeds: the article URLs (and their dates) that a portal lists for crawlers.

Formats: sitemap index and urlset (sitemaps.org 0.9, with or without the namespace, Google News
extensions), RSS 2.0, RSS 1.0 (RDF) and Atom, raw or gzipped. Pure: bytes in, a `Feed` out.

Hostile input is expected. Gzip is inflated in bounded steps and cut at `max_bytes` (a gzip bomb
costs at most that much memory). Text is decoded by `decode_html` alone, so a wrong XML encoding
declaration is checked against the bytes like any declared charset. The prologue (XML
declaration, stylesheet PIs, comments, DOCTYPE, PHP warnings printed before the XML) is cut off
before the root element, so no DTD is ever read; the parser also runs with entity resolution,
network and huge trees off, and in recovery mode for broken XML. HTML named entities, which feeds
copy from their HTML, become character references first. Never raises: an input that is not a
feed comes back as kind "unknown" with a warning.

Dates are normalised to ISO 8601 with an offset (`2020-08-04T16:20:00+07:00`); a date without a
time stays a date (`2024-05-12`) rather than gain an invented midnight. Values without a zone
are Vietnam time (+07:00), as on the portals.
"""
from __future__ import annotations

import html
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from html.entities import html5
from typing import Callable, Iterator
from urllib.parse import urljoin, urlsplit

from lxml import etree

from govnews.parsers.dates import VN_TZ, YEAR_MAX, YEAR_MIN, parse_vietnamese_datetime
from govnews.parsers.decoding import decode_html

__all__ = ["FEED_KINDS", "Feed", "FeedEntry", "is_feed", "lastmod_after", "parse_feed"]

MAX_BYTES = 50 * 1024 * 1024
SNIFF_BYTES = 8192         # how much of a document (inflated, if gzipped) `is_feed` looks at
PROLOGUE_SCAN = 65536      # characters searched for the root element before giving up on cutting
INFLATE_CHUNK = 65536      # compressed bytes fed to zlib at a time
GZIP_MAGIC = b"\x1f\x8b"
XML_NS = "{http://www.w3.org/XML/1998/namespace}"

FEED_KINDS = ("sitemapindex", "urlset", "rss", "atom", "unknown")
ROOT_KINDS: dict[str, str] = {
    "sitemapindex": "sitemapindex", "urlset": "urlset", "rss": "rss", "rdf": "rss", "feed": "atom",
}
FEED_CONTENT_TYPES = re.compile(r"\b(?:rss|atom|rdf)\+xml\b|\b(?:application|text)/xml\b", re.I)
FEED_URL = re.compile(r"\.(?:xml|rss|atom|rdf)(?:\.gz)?(?:$|[?#])|/(?:feed|rss)/?(?:$|[?#])", re.I)

_ROOT_TAG = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(urlset|sitemapindex|rss|rdf|feed)(?=[\s/>])", re.I)
_HTML_MARK = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
# Each construct ends at its first possible end, so these stay linear on hostile input.
_DOCTYPE = re.compile(r"<!DOCTYPE\b[^\[>]*(?:\[[^\]]*\]\s*)?>", re.I)
_PROLOGUE_PART = re.compile(r"<\?[^>]*\?>|<!--(?:[^-]|-(?!->))*-->|" + _DOCTYPE.pattern, re.I)
_XML_DECL = re.compile(r"<\?xml\s[^<>]*?\?>")
_DECL_ENCODING = re.compile(rb"<\?xml\s[^<>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:\-]{1,40})")
_HEADER_CHARSET = re.compile(r"charset\s*=", re.I)
_FIRST_TAG = re.compile(r"<[A-Za-z_]")
_AMP_OR_CDATA = re.compile(
    r"<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|&(#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};)?",
    re.S)
_XML_ENTITIES = frozenset({"amp;", "lt;", "gt;", "quot;", "apos;"})
_NON_CHARACTERS = re.compile("[\ufffe\uffff]")
_URL_BREAKS = re.compile(r"[\t\r\n]+")
_ABSOLUTE = re.compile(r"https?://[^/?#]", re.I)
_TAG = re.compile(r"<[^<>]*>")   # not '[^>]': a run of '<' without '>' would cost n² tries
_SPACES = re.compile(r"\s+")
_DATE_ONLY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_START = re.compile(r"[0-9]{4}-?[0-9]{2}")


@dataclass(frozen=True)
class FeedEntry:
    url: str                 # absolute
    lastmod: str | None      # ISO 8601 with offset, or a bare date; None if absent/unparseable
    title: str | None = None


@dataclass
class Feed:
    kind: str                # "sitemapindex" | "urlset" | "rss" | "atom" | "unknown"
    entries: list[FeedEntry] = field(default_factory=list)   # articles / pages listed
    sitemaps: list[FeedEntry] = field(default_factory=list)  # child sitemaps (sitemap index)
    warnings: list[str] = field(default_factory=list)


# -- where each format keeps an entry's URL, date and title: paths of local names ---------------
Path = tuple[str, ...]


@dataclass(frozen=True)
class Shape:
    item: str                                      # local name of one entry element
    link: Callable[[etree._Element], str | None]
    dates: tuple[Path, ...]                        # first one present wins
    titles: tuple[Path, ...]
    target: str                                    # "entries" or "sitemaps"


def _loc(item: etree._Element) -> str | None:
    return _child_text(item, ("loc",))


def _rss_link(item: etree._Element) -> str | None:
    """`feedburner:origLink`, then `link` (text, or an `atom:link` href), then a permalink
    `guid`, then RSS 1.0's `rdf:about`."""
    if url := _child_text(item, ("origlink",)):
        return url
    for link in _children(item, "link"):
        if text := _text(link).strip():
            return text
        if (href := link.get("href")) and _rel(link) == "alternate":
            return href
    for guid in _children(item, "guid"):
        text = _text(guid).strip()
        if guid.get("isPermaLink", "true").strip().lower() != "false" and _looks_like_url(text):
            return text
    return next((value for name, value in item.attrib.items() if _local(name) == "about"), None)


def _atom_link(entry: etree._Element) -> str | None:
    """`link` with rel alternate (or none), else an `id` that is a URL."""
    for link in _children(entry, "link"):
        if (href := link.get("href")) and _rel(link) == "alternate":
            return href
        if href is None and (text := _text(link).strip()):   # Atom 0.3 / RSS-style mistakes
            return text
    ident = _child_text(entry, ("id",))
    return ident if ident and _looks_like_url(ident) else None


_RSS_DATES: tuple[Path, ...] = (("pubdate",), ("date",), ("published",), ("updated",),
                                ("issued",), ("modified",))
SHAPES: dict[str, tuple[Shape, ...]] = {
    "urlset": (
        Shape("url", _loc, (("lastmod",), ("news", "publication_date")), (("news", "title"),),
              "entries"),
        Shape("sitemap", _loc, (("lastmod",),), (), "sitemaps"),
    ),
    "sitemapindex": (
        Shape("sitemap", _loc, (("lastmod",),), (), "sitemaps"),
        Shape("url", _loc, (("lastmod",),), (), "entries"),
    ),
    "rss": (Shape("item", _rss_link, _RSS_DATES, (("title",),), "entries"),),
    "atom": (Shape("entry", _atom_link, (("updated",), ("published",), ("modified",),
                                         ("issued",)), (("title",),), "entries"),),
}


# -- public API ------------------------------------------------------------------------------------
def is_feed(data: bytes, content_type: str | None, url: str) -> bool:
    """Whether `data` is a sitemap, RSS or Atom document (gzipped or not), by its first element.
    An HTML page is not, even one that lists feeds. `content_type` and `url` only decide when the
    sniffed window holds no element at all (a very long prologue)."""
    head = _sniff_text(data)
    if head is None:
        return False
    if _feed_root_at(head) is not None:
        return True
    if _FIRST_TAG.search(head) or not head.lstrip().startswith("<"):
        return False
    return bool(FEED_CONTENT_TYPES.search(content_type or "") or FEED_URL.search(url or ""))


def parse_feed(data: bytes, url: str, content_type: str | None = None,
               max_bytes: int = MAX_BYTES) -> Feed:
    """The entries (and child sitemaps) of a sitemap or feed; see the module docstring."""
    warnings: list[str] = []
    raw = _bounded_bytes(data, max(1, max_bytes), warnings)
    text = _decoded_text(raw, content_type, warnings)
    root = _parse_xml(_prepared(text, warnings), url, warnings)
    if root is None:
        return Feed(kind="unknown", warnings=warnings)
    kind = ROOT_KINDS.get(_local(root.tag), "unknown")
    if kind == "unknown":
        warnings.append(f"not a feed: root element <{_local(root.tag)}>")
        return Feed(kind=kind, warnings=warnings)
    feed = Feed(kind=kind, warnings=warnings)
    _collect(root, url, SHAPES[kind], feed)
    return feed


def lastmod_after(entry: FeedEntry, since_iso: str) -> bool:
    """Whether `entry` may have changed at or after `since_iso`, so an incremental crawl must
    fetch it. In doubt (no lastmod, unreadable dates) True. A bare date counts as the whole day."""
    since = _instant(since_iso or "")
    changed = _instant(entry.lastmod) if entry.lastmod else None
    if since is None or changed is None:
        return True
    since_at, _ = since
    changed_at, date_only = changed
    if date_only:
        return changed_at + timedelta(days=1) > since_at
    return changed_at >= since_at


# -- bytes ----------------------------------------------------------------------------------------
def _bounded_bytes(data: bytes, max_bytes: int, warnings: list[str]) -> bytes:
    if data.startswith(GZIP_MAGIC):
        return _gunzip(data, max_bytes, warnings)
    if len(data) > max_bytes:
        warnings.append(f"document cut at {max_bytes} bytes (max_bytes)")
        return data[:max_bytes]
    return data


def _gunzip(data: bytes, limit: int, warnings: list[str]) -> bytes:
    """Inflate gzip members (concatenated ones too) into at most `limit` bytes, feeding zlib
    `INFLATE_CHUNK` bytes at a time and asking for no more than the room left."""
    out: list[bytes] = []
    size = start = 0
    while data.startswith(GZIP_MAGIC, start) and size <= limit:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            size, start = _inflate_member(inflater, data, start, limit, out, size)
        except zlib.error as error:
            warnings.append(f"gzip data corrupt ({error}); kept {size} bytes")
            break
        if not inflater.eof and size <= limit:
            warnings.append(f"gzip data truncated; kept {size} bytes")
            break
    else:
        trailing = data[start:]
        if size <= limit and trailing.strip(b"\x00"):
            warnings.append(f"{len(trailing)} bytes after the gzip data ignored")
    inflated = b"".join(out)
    if size > limit:
        warnings.append(f"gzip data cut at {limit} bytes (max_bytes): possible gzip bomb")
        return inflated[:limit]
    return inflated


def _inflate_member(inflater: zlib._Decompress, data: bytes, start: int, limit: int,
                    out: list[bytes], size: int) -> tuple[int, int]:
    """Inflate one member from `start`; return the new output size and where the next member
    starts. Output stops one byte past `limit` so the caller can tell that it was cut."""
    pos = start
    while not inflater.eof and size <= limit and pos < len(data):
        pending = data[pos:pos + INFLATE_CHUNK]
        pos += len(pending)
        while pending and size <= limit and not inflater.eof:
            piece = inflater.decompress(pending, limit + 1 - size)
            out.append(piece)
            size += len(piece)
            pending = inflater.unconsumed_tail
        pos -= len(pending)
    return size, pos - len(inflater.unused_data)


def _sniff_text(data: bytes) -> str | None:
    """The first `SNIFF_BYTES` of the document as text good enough to find tag names."""
    head = data[:SNIFF_BYTES]
    if head.startswith(GZIP_MAGIC):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            head = inflater.decompress(data[:INFLATE_CHUNK], SNIFF_BYTES)
        except zlib.error:
            return None
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:].decode("utf-8", "replace")
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return head.decode("utf-16-le", "replace").lstrip("\ufeff")
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return head.decode("utf-16-be", "replace").lstrip("\ufeff")
    return head.decode("latin-1")


# -- text -----------------------------------------------------------------------------------------
def _decoded_text(data: bytes, content_type: str | None, warnings: list[str]) -> str:
    """Decode with `decode_html`, the XML declaration's encoding standing in for a header charset
    when the header gives none (a header charset wins, as RFC 7303 says)."""
    declared = _DECL_ENCODING.search(data, 0, 1024)
    if declared and not (content_type and _HEADER_CHARSET.search(content_type)):
        content_type = f"application/xml; charset={declared.group(1).decode('ascii')}"
    decoded = decode_html(data, content_type)
    warnings.extend(decoded.warnings)
    return decoded.text


def _feed_root_at(head: str) -> int | None:
    """Where the feed's root element starts, if one does before any sign of an HTML page."""
    match = _ROOT_TAG.search(head, 0, PROLOGUE_SCAN)
    if match is None or _HTML_MARK.search(head, 0, match.start()):
        return None
    return match.start()


def _prepared(text: str, warnings: list[str]) -> str:
    """XML the parser can take safely: no prologue (so no DTD), HTML entities as references,
    no non-characters."""
    start = _feed_root_at(text)
    if start is not None:
        if _PROLOGUE_PART.sub("", text[:start]).strip():
            warnings.append(f"{start} characters of non-XML before the root element dropped")
        text = text[start:]
    else:
        text = _XML_DECL.sub("", text[:PROLOGUE_SCAN], count=1) + text[PROLOGUE_SCAN:]
        text = _DOCTYPE.sub("", text[:PROLOGUE_SCAN], count=1) + text[PROLOGUE_SCAN:]
    text = _AMP_OR_CDATA.sub(_escape_amp, text)
    return _NON_CHARACTERS.sub("", text)


def _escape_amp(match: re.Match[str]) -> str:
    """Bare `&` becomes `&amp;`, an HTML named entity a character reference; CDATA, character
    references, XML's five and unknown names are left alone."""
    whole, name = match.group(0), match.group(1)
    if name is None:
        return whole if whole.startswith("<") else "&amp;"
    if name.startswith("#") or name in _XML_ENTITIES or name not in html5:
        return whole
    return "".join(f"&#{ord(char)};" for char in html5[name])


def _parse_xml(text: str, url: str, warnings: list[str]) -> etree._Element | None:
    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
        remove_comments=True, remove_pis=True, collect_ids=False, encoding="utf-8")
    try:
        root = etree.fromstring(text.encode("utf-8", "replace"), parser, base_url=url or None)
    except (etree.LxmlError, ValueError) as error:
        warnings.append(f"no XML document found ({error})")
        return None
    errors = [entry for entry in parser.error_log if entry.level >= etree.ErrorLevels.ERROR]
    if errors:
        warnings.append(f"invalid XML recovered ({len(errors)} errors; first: {errors[0].message})")
    if root is None:
        warnings.append("no XML document found")
    return root


# -- tree -----------------------------------------------------------------------------------------
def _collect(root: etree._Element, url: str, shapes: tuple[Shape, ...], feed: Feed) -> None:
    seen: set[str] = set()
    no_url = duplicates = 0
    bad_dates: list[str] = []
    for shape in shapes:
        for item in _descendants(root, shape.item):
            link = shape.link(item)
            absolute = _absolute_url(link, _base(item, url)) if link else None
            if absolute is None:
                no_url += 1
                continue
            if absolute in seen:
                duplicates += 1
                continue
            seen.add(absolute)
            raw_date = _first_text(item, shape.dates)
            lastmod = _iso_date(raw_date) if raw_date else None
            if raw_date and lastmod is None:
                bad_dates.append(raw_date)
            entry = FeedEntry(url=absolute, lastmod=lastmod, title=_title(item, shape.titles))
            getattr(feed, shape.target).append(entry)
    if no_url:
        feed.warnings.append(f"{no_url} entries without a usable URL skipped")
    if duplicates:
        feed.warnings.append(f"{duplicates} duplicate URLs dropped")
    if bad_dates:
        feed.warnings.append(f"{len(bad_dates)} unreadable dates (first: {bad_dates[0][:60]!r})")


@lru_cache(maxsize=4096)
def _local(tag: object) -> str:
    """Lower-cased local name of a tag, namespace URI and undeclared prefix removed."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].rpartition(":")[2].lower()


def _descendants(root: etree._Element, name: str) -> Iterator[etree._Element]:
    return (el for el in root.iter(etree.Element) if _local(el.tag) == name)


def _children(el: etree._Element, name: str) -> Iterator[etree._Element]:
    return (child for child in el if _local(child.tag) == name)


def _text(el: etree._Element) -> str:
    """Text of `el` and its descendants, entity references left out (never expanded)."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _child_text(el: etree._Element, path: Path) -> str | None:
    """Stripped text of the first element down `path` (local names), None if absent or empty."""
    if not path:
        return _text(el).strip() or None
    for child in _children(el, path[0]):
        if (found := _child_text(child, path[1:])) is not None:
            return found
    return None


def _first_text(el: etree._Element, paths: tuple[Path, ...]) -> str | None:
    return next((text for path in paths if (text := _child_text(el, path)) is not None), None)


def _rel(link: etree._Element) -> str:
    rel = (link.get("rel") or "alternate").strip().lower()
    return rel.rpartition("/")[2]


def _looks_like_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://", "/"))


def _base(el: etree._Element, url: str) -> str:
    """The URL relative links in `el` resolve against: the feed URL and any `xml:base` above."""
    bases = [b for node in (el, *el.iterancestors()) if (b := node.get(XML_NS + "base"))]
    base = url
    for value in reversed(bases):
        base = _join(base, value.strip()) or base
    return base


def _join(base: str, link: str) -> str | None:
    try:
        return urljoin(base, link)
    except ValueError:
        return None


def _absolute_url(link: str, base: str) -> str | None:
    """`link` resolved against `base`, if it is an http(s) URL; surrounding whitespace, line
    breaks and a double-escaped `&amp;` removed, spaces encoded, fragment dropped."""
    value = _URL_BREAKS.sub("", link.strip()).replace("&amp;", "&").replace(" ", "%20")
    if not value:
        return None
    absolute = value if _ABSOLUTE.match(value) else _join(base, value)
    if absolute is None:
        return None
    try:
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return absolute.partition("#")[0]


def _title(el: etree._Element, paths: tuple[Path, ...]) -> str | None:
    """A title as plain text: HTML inside it (escaped or CDATA) unescaped and its tags dropped."""
    raw = _first_text(el, paths)
    if raw is None:
        return None
    text = _SPACES.sub(" ", _TAG.sub(" ", html.unescape(raw))).strip()
    return unicodedata.normalize("NFC", text) or None


# -- dates ----------------------------------------------------------------------------------------
def _iso_date(raw: str) -> str | None:
    """`raw` as ISO 8601: a bare date stays a date, anything with a time gets its offset."""
    parsed = _instant(raw)
    if parsed is None:
        return None
    moment, date_only = parsed
    return moment.date().isoformat() if date_only else moment.isoformat(timespec="seconds")


def _instant(raw: str) -> tuple[datetime, bool] | None:
    """(aware datetime, whether only a date was given) for W3C/ISO 8601, RFC 822 or a Vietnamese
    day-first date; None if unreadable or outside the plausible years."""
    text = raw.strip()
    moment = _date_only(text)
    date_only = moment is not None
    if moment is None:
        moment = _iso_datetime(text) or _rfc822_datetime(text) or _vietnamese_datetime(text)
    if moment is None or not YEAR_MIN <= moment.year <= YEAR_MAX:
        return None
    return moment, date_only


def _date_only(text: str) -> datetime | None:
    if not _DATE_ONLY.fullmatch(text):
        return None
    try:
        return datetime.combine(date.fromisoformat(text), time(), VN_TZ)
    except ValueError:
        return None


def _iso_datetime(text: str) -> datetime | None:
    if len(text) > 40 or not _ISO_START.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text.upper())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=VN_TZ)


def _rfc822_datetime(text: str) -> datetime | None:
    """RFC 822/2822 (`Tue, 04 Aug 2020 16:20:00 +0700`, `GMT`). `-0000` is UTC; a zone Python
    does not know (`ICT`) is taken as Vietnam time."""
    try:
        moment = parsedate_to_datetime(text[:80])
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if moment.tzinfo:
        return moment
    return moment.replace(tzinfo=timezone.utc if text.rstrip().endswith("-0000") else VN_TZ)


def _vietnamese_datetime(text: str) -> datetime | None:
    return parse_vietnamese_datetime(text[:200]).value
