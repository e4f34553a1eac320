"""`govnews reparse DIR`: rebuild every article record from the WARC archive alone, with no
network, using today's parsers: how researchers get better records when the parsers improve."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from govnews.output.store import Store
from govnews.parsers.extract import parse_page

from .archive import iter_archived
from .config import Config
from .crawl import ProfileMemory
from .errors import ConfigError
from .harvest import DatasetLock
from .records import article_row


@dataclass
class ReparseResult:
    responses: int = 0
    pages: int = 0
    articles: int = 0
    new: int = 0
    changed: int = 0
    same: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.pages / self.seconds if self.seconds else 0.0
        return (f"reparsed {self.pages} archived pages ({rate:.0f}/s): {self.articles} article "
                f"records ({self.new} new, {self.changed} changed, {self.same} unchanged); "
                f"errors: {len(self.errors)}")


def reparse(folder: Path, config: Config | None = None) -> ReparseResult:
    warc = folder / "warc"
    if not warc.is_dir():
        raise ConfigError(f"{folder}: no WARC archive (warc/) to reparse")
    import time
    started = time.monotonic()
    result = ReparseResult()
    with DatasetLock(folder), Store.open(folder) as store:
        sites, profiles = _site_rules(store, config)
        memory = ProfileMemory()
        for archived in iter_archived(warc):
            result.responses += 1
            if not _is_page(archived):
                continue
            result.pages += 1
            host = (urlsplit(archived.url).hostname or "").lower()
            site = sites.get(host) or sites.get(host.removeprefix("www.")) or host
            page = parse_page(archived.body, archived.url, archived.headers,
                              profiles.get(site) or memory.profile_for(site))
            memory.learn(site, page)
            if page.kind != "article":
                continue
            row = article_row(page.article, site, _utc(archived.date))
            with store.transaction():
                duplicate = store.conn.execute(
                    "SELECT 1 FROM articles WHERE site=? AND content_sha256=? AND url!=? LIMIT 1",
                    (site, row["content_sha256"], row["url"])).fetchone()
                if duplicate and row["body"]:
                    continue
                status = store.upsert_article(row)
            result.articles += 1
            setattr(result, status, getattr(result, status) + 1)
    result.seconds = time.monotonic() - started
    return result


def _site_rules(store: Store, config: Config | None) -> tuple[dict[str, str], dict[str, str]]:
    """host -> site name (from the config, else from the records already in the dataset) and
    site name -> forced profile."""
    sites: dict[str, str] = {}
    profiles: dict[str, str] = {}
    known = "SELECT DISTINCT site, url FROM observations"
    if store.conn.execute("SELECT name FROM sqlite_master WHERE name='frontier'").fetchone():
        known = "SELECT DISTINCT site, 'http://' || host || '/' FROM frontier UNION ALL " + known
    for site, url in store.conn.execute(known):
        host = (urlsplit(url).hostname or "").lower()
        sites.setdefault(host, site)
        sites.setdefault(host.removeprefix("www."), site)
    if config is not None:
        for s in config.sites:
            for url in s.start_urls:
                host = (urlsplit(url).hostname or "").lower()
                sites[host] = sites[host.removeprefix("www.")] = s.name
            if s.profile:
                profiles[s.name] = s.profile
    return sites, profiles


def _is_page(archived) -> bool:
    if archived.status != 200 or archived.url.endswith("/robots.txt"):
        return False
    ctype = (archived.headers.get("Content-Type") or archived.headers.get("content-type") or "").lower()
    return not ctype or "html" in ctype or "xml" in ctype and "xhtml" in ctype


def _utc(warc_date: str) -> str:
    when = datetime.fromisoformat(warc_date.replace("Z", "+00:00")).astimezone(timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
