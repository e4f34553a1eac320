"""The crawl frontier in SQLite, in the dataset's database: what is queued, what is done, and
the validators (ETag, Last-Modified) of what was fetched. A crawl killed at any point resumes
from here: a request is marked done in the same transaction that commits its records."""
from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from typing import Sequence

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS frontier (
        key TEXT PRIMARY KEY,        -- canonical URL (GET) or action + postback argument (POST)
        url TEXT NOT NULL,           -- the URL as discovered, fetched as is
        method TEXT NOT NULL DEFAULT 'GET',
        body BLOB,                   -- form fields of a POST
        site TEXT NOT NULL,
        host TEXT NOT NULL,
        kind TEXT NOT NULL,          -- 'article' | 'listing' | 'other' | 'seed'
        depth INTEGER NOT NULL,
        state TEXT NOT NULL,         -- 'queued' | 'done' | 'failed' | 'skipped'
        tries INTEGER NOT NULL DEFAULT 0,
        priority INTEGER NOT NULL,
        run_id TEXT,                 -- the run that last queued it
        note TEXT,
        linked INTEGER NOT NULL DEFAULT 0,   -- article links the page showed when last fetched
        seq INTEGER NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS frontier_next ON frontier(host, state, priority, seq)",
    # a run's cost must not grow with the dataset: these keep MAX(seq) and the "what is still
    # queued" questions index lookups instead of scans
    "CREATE INDEX IF NOT EXISTS frontier_seq ON frontier(seq)",
    "CREATE INDEX IF NOT EXISTS frontier_state ON frontier(state, host)",
    """CREATE TABLE IF NOT EXISTS validators (
        key TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, sha256 TEXT, checked_at TEXT)""",
    # no longer written (a repeated listing is told from its pager's parent page now); kept so
    # that datasets written before stay one schema
    """CREATE TABLE IF NOT EXISTS listing_signatures (
        site TEXT NOT NULL, signature TEXT NOT NULL, PRIMARY KEY (site, signature))""",
)
def frontier_key(url: str, rules) -> str:
    """The frontier key of a URL: its canonical form with http/https and www/bare host folded,
    since portals serve the same page under all four. Crawl and reparse both key by it."""
    from govnews.parsers.urls import canonical_url
    return canonical_key(canonical_url(url, rules))


def canonical_key(canonical: str) -> str:
    """The frontier key of a URL already in canonical form (`frontier_key` without
    canonicalising again)."""
    rest = canonical.split("://", 1)[-1]
    return rest[4:] if rest.startswith("www.") else rest


PRIORITY = {"seed": 0, "listing": 1, "article": 2, "feed": 1, "other": 3}


@dataclass(frozen=True)
class Request:
    key: str
    url: str
    method: str
    body: bytes | None
    site: str
    host: str
    kind: str
    depth: int
    tries: int


class Frontier:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        for ddl in SCHEMA:
            conn.execute(ddl)

    def add(self, request: Request, run_id: str) -> bool:
        """Queue a request unless its key is known; True when it was new. Call in a transaction."""
        cursor = self.conn.execute(
            "INSERT OR IGNORE INTO frontier (key, url, method, body, site, host, kind, depth, state,"
            " tries, priority, run_id, seq) VALUES (?,?,?,?,?,?,?,?,'queued',0,?,?,"
            " (SELECT COALESCE(MAX(seq), 0) + 1 FROM frontier))",
            (request.key, request.url, request.method, request.body, request.site, request.host,
             request.kind, request.depth, PRIORITY.get(request.kind, 3), run_id))
        return cursor.rowcount == 1

    def requeue(self, key: str, run_id: str, kind: str | None = None) -> None:
        """Queue a known request again (a new run re-visits seeds, listings, articles to observe)."""
        self.conn.execute(
            "UPDATE frontier SET state='queued', tries=0, run_id=?, kind=COALESCE(?, kind),"
            " priority=? WHERE key=?", (run_id, kind, PRIORITY.get(kind or "", 2), key))

    def next_for(self, host: str, sites: Sequence[str], kinds: Sequence[str] | None = None
                 ) -> Request | None:
        """The host's next queued request that belongs to one of `sites` (a run touches only its
        own sites' pages: others wait for their site's next run), optionally of `kinds` only."""
        where, params = _members("site", sites)
        if kinds is not None:
            kind_where, kind_params = _members("kind", kinds)
            where, params = f"{where} AND {kind_where}", params + kind_params
        row = self.conn.execute(
            "SELECT key, url, method, body, site, host, kind, depth, tries FROM frontier"
            f" WHERE host=? AND state='queued' AND {where} ORDER BY priority, seq LIMIT 1",
            (host, *params)).fetchone()
        return Request(*row) if row else None

    def hosts_with_work(self, sites: Sequence[str]) -> list[str]:
        where, params = _members("site", sites)
        return [r[0] for r in self.conn.execute(
            f"SELECT DISTINCT host FROM frontier WHERE state='queued' AND {where}", params)]

    def queued_for_site(self, site: str) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM frontier WHERE state='queued' AND site=?",
                                 (site,)).fetchone()[0]

    def finish(self, key: str, state: str, note: str | None = None,
               linked: int | None = None) -> None:
        """The request's outcome; `linked` (a fetched page's count of article links) is set in
        the same statement (None leaves it as it was)."""
        self.conn.execute("UPDATE frontier SET state=?, note=?, tries=tries+1, linked=COALESCE(?, linked)"
                          " WHERE key=?", (state, note, linked, key))

    def queued_count(self, sites: Sequence[str]) -> int:
        where, params = _members("site", sites)
        return self.conn.execute(f"SELECT COUNT(*) FROM frontier WHERE state='queued' AND {where}",
                                 params).fetchone()[0]

    def validators(self, key: str) -> tuple[str | None, str | None]:
        row = self.conn.execute("SELECT etag, last_modified FROM validators WHERE key=?",
                                (key,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_validators(self, key: str, etag: str | None, last_modified: str | None) -> None:
        if etag or last_modified:
            self.conn.execute("INSERT OR REPLACE INTO validators (key, etag, last_modified,"
                              " checked_at) VALUES (?,?,?,?)",
                              (key, etag, last_modified, time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                        time.gmtime())))


def _members(column: str, values: Sequence[str]) -> tuple[str, list[str]]:
    """`column IN (?, ...)` for a non-empty list; an empty list matches nothing."""
    if not values:
        return "0", []
    return f"{column} IN ({','.join('?' * len(values))})", list(values)
