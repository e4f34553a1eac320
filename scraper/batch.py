"""`govnews parse`: saved pages (files, folders, stdin) or one URL -> JSON records, many pages in
one process (or N with --jobs). A page that cannot be read or parsed is a record with warnings,
never the end of the batch; the exit code says whether any page failed."""
from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ConfigError, FetchError

# files a folder contributes: saved pages under the names servers and browsers give them
PAGE_SUFFIXES = frozenset({"", ".html", ".htm", ".xhtml", ".shtml", ".asp", ".aspx", ".php",
                           ".jsp", ".cfm", ".do"})


@dataclass(frozen=True)
class Source:
    name: str                       # what the user named: a path, "-" or a URL
    url: str | None = None          # the page's own URL (--url, a .meta.json beside it)


def parse_command(args: argparse.Namespace) -> int:
    sources = list(_expand(args.sources))
    if not sources:
        raise ConfigError(f"{' '.join(args.sources)}: no pages to parse")
    if args.url and len(sources) > 1:
        raise ConfigError("--url names one page's URL: give it with one page only")
    if args.jobs < 1:
        raise ConfigError("--jobs must be >= 1")
    if len(sources) == 1 and not args.jsonl:
        return _one(sources[0], args)
    failed = 0
    for record in _records(sources, args):
        failed += bool(record.pop("_failed"))
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 1 if failed else 0


def _one(source: Source, args: argparse.Namespace) -> int:
    """One page, pretty-printed; an unreadable or empty file is a usage error (exit 2); a URL
    that cannot be fetched is the record of a failed page (exit 1), as in a batch."""
    try:
        data, url, headers, status = _read(source, args.url, strict=True)
    except _Unfetched as exc:
        record = _failed_record(source, str(exc))
    else:
        record = _record(data, url, headers, status, args.profile, args.links)
    failed = record.pop("_failed")
    record.pop("file", None)
    json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 1 if failed else 0


def _records(sources: list[Source], args: argparse.Namespace) -> Iterator[dict]:
    work = [(s, args.url, args.profile, args.links) for s in sources]
    if args.jobs == 1 or len(sources) < 2 or any(s.name == "-" for s in sources):
        yield from map(_parse_one, work)
        return
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        yield from pool.map(_parse_one, work, chunksize=max(1, min(64, len(work) // (4 * args.jobs))))


def _parse_one(job: tuple[Source, str | None, str | None, bool]) -> dict:
    source, url, profile, links = job
    try:
        data, page_url, headers, status = _read(source, url, strict=False)
    except ConfigError as exc:
        return _failed_record(source, str(exc))
    try:
        record = _record(data, page_url, headers, status, profile, links)
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser bug costs this file, not the batch
        return _failed_record(source, f"parser failed: {type(exc).__name__}: {exc}")
    record["file"] = source.name
    return record


def _record(data: bytes, url: str, headers, status: int | None, profile: str | None,
            links: bool) -> dict:
    from govnews.api import page_record
    from govnews.parsers.extract import parse_page
    from govnews.parsers.profile import ProfileError

    try:
        page = parse_page(data, url, headers, profile=profile)
    except ProfileError as exc:
        raise ConfigError(str(exc)) from None
    record = page_record(page, _site_of(url))
    if status is not None:
        record["http_status"] = status
        if not 200 <= status < 300:
            record["warnings"].append(f"HTTP {status}: not the page itself")
    if links:
        record["links"] = {"articles": page.listing.article_links,
                           "pages": page.listing.page_links,
                           "postbacks": [p.label or dict(p.fields).get("__EVENTARGUMENT", "")
                                         for p in page.listing.postbacks]}
    record["_failed"] = (page.kind != "article" or not (record["headline"] or record["body"])
                         or (status is not None and not 200 <= status < 300))
    return record


def _failed_record(source: Source, why: str) -> dict:
    return {"file": source.name, "url": source.url, "headline": None, "body": None,
            "warnings": [why], "_failed": True}


def _expand(names: Iterable[str]) -> Iterator[Source]:
    for name in names:
        if name == "-" or name.startswith(("http://", "https://")):
            yield Source(name)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and not p.name.startswith(".") and p.suffix.lower() in PAGE_SUFFIXES)
            yield from (Source(str(p), _meta_url(p)) for p in files)
        else:
            yield Source(name, _meta_url(path))


def _meta_url(path: Path) -> str | None:
    """The URL a saved page was served from, when a `<name>.meta.json` beside it says so (the
    provenance file govnews's own fixtures keep)."""
    meta = path.with_suffix(".meta.json")
    if not meta.is_file():
        return None
    try:
        url = json.loads(meta.read_text(encoding="utf-8")).get("url")
    except (OSError, ValueError, AttributeError):
        return None
    return url if isinstance(url, str) else None


class _Unfetched(ConfigError):
    """A URL that did not answer (refused, DNS, timeout): the page's failure, not bad usage."""


def _read(source: Source, url: str | None, strict: bool) -> tuple[bytes, str, dict, int | None]:
    name = source.name
    if name.startswith(("http://", "https://")):
        from .http import Fetcher, HttpSettings
        try:
            response = Fetcher(HttpSettings(allow_private=True)).fetch(name)
        except FetchError as exc:
            raise _Unfetched(f"cannot fetch {name}: {exc}") from None
        return response.body, url or response.final_url, response.headers, response.status
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(name)
        if not path.exists():
            raise ConfigError(f"{name}: no such file")
        if path.is_dir():
            raise ConfigError(f"{name}: is a directory, not a page")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{name}: cannot read: {exc.strerror}") from None
    if not data.strip():
        raise ConfigError(f"{name}: empty file, nothing to parse")
    page_url = url or source.url or \
        f"file://{Path(name).resolve() if name != '-' else 'stdin'}"
    return data, page_url, {}, None


def _site_of(url: str) -> str:
    from urllib.parse import urlsplit
    return urlsplit(url).hostname or "local"
