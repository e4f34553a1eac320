"""The record store: one SQLite database, `dataset.sqlite`, in the dataset folder.

It holds the four record tables and, on the same connection, the crawler's own frontier tables,
so that "page fetched + its records" commit in one transaction: a crash (even SIGKILL) loses no
committed record and duplicates none. WAL journal, `synchronous=NORMAL`.

Schema version 1 gained columns after its first release (`schema.ADDED_FIELDS`): opening an older
database adds them (ALTER TABLE ... ADD COLUMN, null in the old rows), and the read-only readers
(`read_rows`, `load`) read a database that still lacks them as nulls. Beside the record tables the
store keeps `sites` (`save_sites`): each site's start URLs, scope hosts and forced profile as the
crawl knew them, which `govnews reparse` needs to match archived pages to sites.

Threads may share one `Store`: every method holds `Store.lock` (an RLock); callers who use
`Store.conn` directly do so inside `with store.transaction():`.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Literal, Mapping
from govnews.parsers.urls import host_key

from .schema import FIELDS, KINDS, LIST_FIELDS, SCHEMA_VERSION, TABLES, content_sha256, to_utc_iso

DB_NAME = "dataset.sqlite"
BUSY_TIMEOUT_S = 30.0
_IN_CHUNK = 500  # ids per "IN (...)" query, well under SQLite's variable limit
_FETCH_BATCH = 1000

Status = Literal["new", "changed", "same"]


class StoreError(ValueError):
    """The dataset folder or a record cannot be used: wrong schema version, not a database, bad row."""


_SQL_TYPE = {"str": "TEXT", "str?": "TEXT", "int?": "INTEGER", "list": "TEXT", "utc": "TEXT", "local": "TEXT"}

# Columns the store keeps beyond the record schema (never exported).
_EXTRA_COLUMNS = {
    "articles": ("last_run_id TEXT", "published_utc TEXT"),
    "observations": (),
    "site_counters": (),
    "runs": (),
}

_CONSTRAINTS = {
    "articles": "PRIMARY KEY (article_id)",
    "observations": "UNIQUE (article_id, run_id)",
    "site_counters": "UNIQUE (site, run_id)",
    "runs": "PRIMARY KEY (run_id)",
}

_NOT_NULL = {
    "articles": {"article_id", "url", "site"},
    "observations": {"article_id", "run_id"},
    "site_counters": {"site", "run_id"},
    "runs": {"run_id"},
}

_INDEXES = (
    "CREATE INDEX IF NOT EXISTS articles_site_published ON articles (site, published_utc)",
    "CREATE INDEX IF NOT EXISTS articles_site_id ON articles (site, article_id)",
    "CREATE INDEX IF NOT EXISTS articles_last_run ON articles (last_run_id)",
    # duplicate folding (the crawl and reparse): same content under another URL of the site
    "CREATE INDEX IF NOT EXISTS articles_site_sha ON articles (site, content_sha256)",
    "CREATE INDEX IF NOT EXISTS observations_run ON observations (run_id)",
    "CREATE INDEX IF NOT EXISTS site_counters_run ON site_counters (run_id)",
    "CREATE INDEX IF NOT EXISTS observations_warc_record ON observations (warc_record_id)",
    "CREATE INDEX IF NOT EXISTS runs_status ON runs (status)",
)

# The sites a harvest covered, as it knew them (not a record table: never exported).
SITES_DDL = (
    "CREATE TABLE IF NOT EXISTS sites (name TEXT PRIMARY KEY, start_urls TEXT NOT NULL,"
    " profile TEXT, hosts TEXT NOT NULL, first_run_id TEXT, last_run_id TEXT)"
)
_SITE_KEYS = ("name", "start_urls", "profile", "hosts")

# Whether each site answered, per run: reachable, redirected (to where), gone (DNS, connection,
# 404/410 on the start URL), blocked (401/403/451, robots.txt), failing (5xx, timeouts). Internal
# like `sites`; read with `read_site_status`, shown by the report.
SITE_STATUS_DDL = (
    "CREATE TABLE IF NOT EXISTS site_status (site TEXT NOT NULL, run_id TEXT NOT NULL,"
    " observed_at TEXT, status TEXT NOT NULL, detail TEXT, final_url TEXT,"
    " PRIMARY KEY (site, run_id))"
)
SITE_STATUSES = ("reachable", "redirected", "gone", "blocked", "failing")

# The column that ties a row to a run, for `iter_rows(table, where_run_id=...)`.
_RUN_COLUMN = {"articles": "last_run_id", "observations": "run_id", "site_counters": "run_id", "runs": "run_id"}

RECENT_SQL = (
    "SELECT article_id, url FROM articles WHERE site = ? AND published_utc > ? "
    "ORDER BY published_utc DESC"
)
# A deterministic sample of the older articles: the article ids (hex hashes) are uniformly spread,
# so the rows after a seeded start point in (site, article_id) order are a random sample.
SAMPLE_FROM_SQL = (
    "SELECT article_id, url FROM articles WHERE site = ? AND article_id >= ? "
    "AND (published_utc IS NULL OR published_utc <= ?) ORDER BY article_id LIMIT ?"
)
SAMPLE_WRAP_SQL = (
    "SELECT article_id, url FROM articles WHERE site = ? AND article_id < ? "
    "AND (published_utc IS NULL OR published_utc <= ?) ORDER BY article_id LIMIT ?"
)


def table_ddl(table: str) -> str:
    cols = [
        f"{name} {_SQL_TYPE[kind]}{' NOT NULL' if name in _NOT_NULL[table] else ''}"
        for name, kind in KINDS[table].items()
    ]
    cols += list(_EXTRA_COLUMNS[table])
    return f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(cols + [_CONSTRAINTS[table]])})"


def open_readonly(path: Path | str, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A read-only connection to an existing SQLite file. A rollback-journal database (a shard)
    whose writer was killed mid-transaction holds a hot journal, which a read-only connection
    may not roll back (SQLITE_READONLY_ROLLBACK): a read-write connection rolls it back first,
    as any writer would, and the file is opened read-only again. In a folder the reader cannot
    write (a read-only mount, an archived copy, another user's dataset) a WAL database cannot
    make its shared-memory file: it is then opened as immutable (what was committed and
    checkpointed; nothing else can be writing there). sqlite3.Error when it cannot be read."""
    path = Path(path)
    base = path.resolve().as_uri()
    for attempt in (1, 2):
        conn = None
        try:
            conn = sqlite3.connect(base + "?mode=ro", uri=True, timeout=timeout)
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            return conn
        except sqlite3.OperationalError as exc:
            if conn is not None:
                conn.close()
            if not os.access(path.parent, os.W_OK):
                break
            if attempt == 2 or getattr(exc, "sqlite_errorcode", None) != _READONLY_ROLLBACK:
                raise
            _roll_back_hot_journal(path, timeout)
    conn = sqlite3.connect(base + "?mode=ro&immutable=1", uri=True, timeout=timeout)
    conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    return conn


_READONLY_ROLLBACK = getattr(sqlite3, "SQLITE_READONLY_ROLLBACK", 776)


def _roll_back_hot_journal(path: Path, timeout: float) -> None:
    """Open `path` read-write and read it once: SQLite rolls back the hot journal a killed
    writer left (a journal whose writer still lives is not hot, and is left alone)."""
    conn = sqlite3.connect(path, timeout=timeout)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    finally:
        conn.close()


def connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to an existing `dataset.sqlite` (for loaders and exports)."""
    try:
        conn = open_readonly(path)
        check_schema_version(conn, Path(path))
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot read the dataset database: {exc}") from exc
    return conn


def check_schema_version(conn: sqlite3.Connection, path: Path) -> int | None:
    """The schema version recorded in `meta`, or None; StoreError if newer than this code reads."""
    if not _has_table(conn, "meta"):
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return None
    version = int(row[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: dataset schema version {version} is newer than this govnews "
            f"(reads up to {SCHEMA_VERSION}); upgrade govnews"
        )
    return version


def read_rows(conn: sqlite3.Connection, table: str, where_run_id: str | None = None,
              where_site: str | None = None) -> Iterator[dict]:
    """Stream the rows of `table` as record dicts (schema fields only, lists decoded), in insertion order.

    A column an older database lacks (see `schema.ADDED_FIELDS`) reads as null. `where_run_id`
    and `where_site` (tables with a site column) select one run's or one site's rows."""
    _check_table(table)
    if not _has_table(conn, table):
        return
    fields = FIELDS[table]
    present = table_columns(conn, table)
    selected = [f if f in present else f"NULL AS {f}" for f in fields]
    sql = f"SELECT {', '.join(selected)} FROM {table}"
    conditions, params = [], []
    if where_run_id is not None:
        conditions.append(f"{_RUN_COLUMN[table]} = ?")
        params.append(where_run_id)
    if where_site is not None:
        conditions.append("site = ?")
        params.append(where_site)
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    cursor = conn.execute(sql + " ORDER BY rowid", params)
    lists = LIST_FIELDS[table]
    while batch := cursor.fetchmany(_FETCH_BATCH):
        for values in batch:
            yield {f: (_decode_list(v) if f in lists else v) for f, v in zip(fields, values)}


def table_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    """The column names `table` has in this database (empty when there is no such table)."""
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


class Store:
    """The dataset's SQLite database. Open with `Store.open(folder)`; close with `close()` or `with`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.lock = threading.RLock()
        self._depth = 0
        self._whole = False                       # the open transaction's nested blocks join it
        self._commit_hooks: list = []

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open_for_reading(cls, folder: Path | str) -> "Store":
        """The store of an existing dataset folder, read-only (`open_readonly`): for commands
        that only read it (export), also from a folder they cannot write."""
        path = Path(folder) / DB_NAME
        try:
            conn = open_readonly(path)
            check_schema_version(conn, path)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot read the dataset database: {exc}") from exc
        return cls(conn, path)

    @classmethod
    def open(cls, folder: Path | str, wal: bool = True) -> "Store":
        """Open (creating if needed) the store of a dataset folder. `wal=False` (a shard):
        a rollback journal instead of WAL, for a database that one process writes at a time
        but possibly from different machines of a cluster over a shared file system, where
        WAL's shared-memory index does not work."""
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{folder}: cannot create the dataset folder: {exc}") from exc
        path = folder / DB_NAME
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the dataset database: {exc}") from exc
        store = cls(conn, path)
        store.wal = wal
        try:
            store._prepare()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path}: not a usable dataset database: {exc}") from exc
        except StoreError:
            conn.close()
            raise
        return store

    def _prepare(self) -> None:
        wanted = "wal" if getattr(self, "wal", True) else "delete"
        mode = self.conn.execute(f"PRAGMA journal_mode={wanted.upper()}").fetchone()[0]
        if str(mode).lower() != wanted:
            raise StoreError(f"{self.path}: the file system does not support SQLite "
                             f"{wanted.upper()} journal mode")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=OFF")
        with self.transaction() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            if check_schema_version(conn, self.path) is None:
                conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            for table in TABLES:
                conn.execute(table_ddl(table))
                self._add_missing_columns(table)
            conn.execute(SITES_DDL)
            for ddl in _INDEXES:
                conn.execute(ddl)

    def _add_missing_columns(self, table: str) -> None:
        """The migration within schema version 1: columns added since a database was created are
        added to it, null in its existing rows."""
        present = table_columns(self.conn, table)
        wanted = [(name, f"{name} {_SQL_TYPE[kind]}") for name, kind in KINDS[table].items()]
        wanted += [(ddl.split()[0], ddl) for ddl in _EXTRA_COLUMNS[table]]
        for name, ddl in wanted:
            if name not in present:
                if name in _NOT_NULL[table]:
                    raise StoreError(f"{self.path}: table {table} lacks the required column {name}")
                self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {ddl}")

    def close(self) -> None:
        with self.lock:
            try:
                self.conn.close()
            finally:
                self._commit_hooks.clear()        # nothing writes into a closed store

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------------
    @contextmanager
    def transaction(self, whole: bool = False) -> Iterator[sqlite3.Connection]:
        """Hold the lock and one write transaction; commit on success, roll back on any exception.

        Nested use becomes a SAVEPOINT: an exception caught inside the outer block undoes only
        the inner block's writes. `whole` (for an outer block that catches nothing its nested
        blocks raise, such as a crawl's commit of a page): nested blocks join the transaction
        without a savepoint, two statements each that could only matter to a catcher; any
        exception still rolls back all of it.
        """
        with self.lock:
            if self._depth:
                if self._whole:
                    yield self.conn
                else:
                    yield from self._savepoint()
                return
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth, self._whole = 1, whole
            try:
                yield self.conn
            except BaseException:
                self._depth = 0
                if self.conn.in_transaction:  # SQLite may have rolled back already (e.g. disk full)
                    self.conn.execute("ROLLBACK")
                raise
            try:
                for hook in self._commit_hooks:
                    hook.before_commit(self.conn)
                self._depth = 0
                self.conn.execute("COMMIT")
            except BaseException:
                self._depth = 0
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                for hook in self._commit_hooks:
                    hook.rolled_back()
                raise
            for hook in self._commit_hooks:
                hook.committed()

    def add_commit_hook(self, hook) -> None:
        """`hook.before_commit(conn)` writes into every outermost transaction just before its
        COMMIT (writes that wait for the next transaction instead of costing one of their own);
        `hook.committed()` is told when that COMMIT succeeded, `hook.rolled_back()` when the
        transaction rolled back instead. Removed with `remove_commit_hook` (or `close`)."""
        with self.lock:
            self._commit_hooks.append(hook)

    def remove_commit_hook(self, hook) -> None:
        """The hook is no longer told of transactions (absent: nothing to do)."""
        with self.lock:
            if hook in self._commit_hooks:
                self._commit_hooks.remove(hook)

    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        name = f"sp{self._depth}"
        self.conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        else:
            self.conn.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    # -- writing records ----------------------------------------------------------------------
    def upsert_article(self, record: Mapping[str, Any], run_id: str | None = None) -> Status:
        """Store the latest extraction of an article; "changed" when its content hash differs.

        Keeps the stored `first_seen_at`; every other field (fetched_at and the counts included)
        takes the new value. `run_id` marks the article as fetched by that run (for per-run
        exports). A missing `content_sha256` is computed from headline and body.
        """
        row = _row_for("articles", record)
        if row["content_sha256"] is None:
            row["content_sha256"] = content_sha256(row["headline"], row["body"])
        if row["first_seen_at"] is None:
            row["first_seen_at"] = row["fetched_at"]
        try:
            row["published_utc"] = to_utc_iso(row["published_at"])
        except ValueError:
            row["published_utc"] = None
        row["last_run_id"] = run_id
        columns = list(row)
        updates = ", ".join(
            f"{c} = COALESCE(articles.{c}, excluded.{c})" if c == "first_seen_at" else f"{c} = excluded.{c}"
            for c in columns
            if c != "article_id"
        )
        sql = (
            f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT (article_id) DO UPDATE SET {updates}"
        )
        with self.transaction() as conn:
            old = conn.execute(
                "SELECT content_sha256 FROM articles WHERE article_id = ?", (row["article_id"],)
            ).fetchone()
            self._execute(sql, list(row.values()))
        if old is None:
            return "new"
        return "same" if old[0] == row["content_sha256"] else "changed"

    def add_observation(self, row: Mapping[str, Any]) -> bool:
        """Append one observation; False when (article_id, run_id) is already there."""
        return self._insert_or_ignore("observations", row)

    def add_site_counters(self, row: Mapping[str, Any]) -> bool:
        """Append one site's counters for a run; False when (site, run_id) is already there."""
        return self._insert_or_ignore("site_counters", row)

    def start_run(self, run_id: str, started_at: str, sites: Iterable[str]) -> bool:
        """Record the start of a run (status "running"); False when the run is already recorded."""
        row = {"run_id": run_id, "started_at": started_at, "sites": list(sites), "status": "running"}
        return self._insert_or_ignore("runs", row)

    def finish_run(self, row: Mapping[str, Any]) -> None:
        """Set the given fields of a run (`run_id` required), inserting the run if unknown."""
        values = _row_for("runs", row, partial=True)
        columns = list(values)
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "run_id")
        conflict = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
        sql = (
            f"INSERT INTO runs ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT (run_id) {conflict}"
        )
        with self.transaction():
            self._execute(sql, list(values.values()))

    def close_interrupted_runs(self, now: str) -> list[str]:
        """Mark every run still "running" that started at or before `now` as "interrupted", and
        return their ids (oldest first). Call it at the start of a harvest, under the dataset lock:
        a run found "running" then is one that was killed.

        `finished_at` becomes the last time the run is known to have been alive: the latest
        `observed_at` of its observations and site counters, or null when it committed none (the
        moment it died is unknown; `now`, the next run's start, would overstate its length).
        """
        with self.transaction() as conn:
            ids = [r[0] for r in conn.execute(
                "SELECT run_id FROM runs WHERE status = 'running'"
                " AND (started_at IS NULL OR started_at <= ?) ORDER BY started_at, run_id", (now,))]
            for run_id in ids:
                last = conn.execute(
                    "SELECT MAX(t) FROM (SELECT MAX(observed_at) AS t FROM observations WHERE run_id = ?"
                    " UNION ALL SELECT MAX(observed_at) FROM site_counters WHERE run_id = ?)",
                    (run_id, run_id)).fetchone()[0]
                conn.execute("UPDATE runs SET status = 'interrupted', finished_at = ? WHERE run_id = ?",
                             (last, run_id))
        return ids

    def save_sites(self, run_id: str, sites: Iterable[Mapping[str, Any]]) -> None:
        """Record the sites a run covers, as the crawl knows them: each a mapping with `name`,
        `start_urls` (list), `profile` (forced profile or None) and `hosts` (the scope: host, or
        host:port when the port is not the default, as `crawl.Site.hosts()` gives them; derived
        from the start URLs when missing). A known site gets the new values and `last_run_id`;
        `first_run_id` stays the run that first covered it."""
        rows = []
        for site in sites:
            unknown = sorted(set(site) - set(_SITE_KEYS))
            if unknown:
                raise StoreError(f"sites: unknown field(s) {', '.join(unknown)}")
            name, start_urls = site.get("name"), site.get("start_urls")
            if not name or not start_urls or isinstance(start_urls, (str, bytes)):
                raise StoreError(f"sites: a site needs a name and a list of start_urls: {dict(site)!r:.120}")
            hosts = site.get("hosts")
            if hosts is None:
                hosts = sorted({h for url in start_urls for h in _scope_hosts(url)})
            elif isinstance(hosts, (str, bytes)):
                raise StoreError(f"sites: hosts must be a list of strings, got {hosts!r:.60}")
            rows.append((name, json.dumps(list(start_urls), ensure_ascii=False), site.get("profile"),
                         json.dumps(sorted(hosts), ensure_ascii=False), run_id, run_id))
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO sites (name, start_urls, profile, hosts, first_run_id, last_run_id)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
                " start_urls = excluded.start_urls, profile = excluded.profile,"
                " hosts = excluded.hosts, last_run_id = excluded.last_run_id,"
                " first_run_id = COALESCE(sites.first_run_id, excluded.first_run_id)", rows)

    def record_site_status(self, run_id: str, observed_at: str,
                           rows: Iterable[Mapping[str, Any]]) -> None:
        """Each site's status in this run: mappings with site, status (one of SITE_STATUSES),
        detail and final_url."""
        values = []
        for row in rows:
            if row.get("status") not in SITE_STATUSES:
                raise StoreError(f"site_status: unknown status {row.get('status')!r}")
            values.append((row["site"], run_id, observed_at, row["status"], row.get("detail"),
                           row.get("final_url")))
        with self.transaction() as conn:
            conn.execute(SITE_STATUS_DDL)
            conn.executemany("INSERT OR REPLACE INTO site_status VALUES (?, ?, ?, ?, ?, ?)",
                             values)

    def gone_streak(self, site: str) -> int:
        """How many of the site's latest runs in a row found it gone."""
        with self.lock:
            if not _has_table(self.conn, "site_status"):
                return 0
            statuses = [r[0] for r in self.conn.execute(
                "SELECT status FROM site_status WHERE site = ? ORDER BY run_id DESC LIMIT 100",
                (site,))]
        streak = 0
        for status in statuses:
            if status != "gone":
                break
            streak += 1
        return streak

    def sites(self) -> list[dict]:
        """The `sites` table: dicts with name, start_urls, profile, hosts, first_run_id, last_run_id."""
        with self.lock:
            return read_sites(self.conn)

    def _insert_or_ignore(self, table: str, record: Mapping[str, Any]) -> bool:
        row = _row_for(table, record)
        sql = f"INSERT OR IGNORE INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"
        with self.transaction():
            return self._execute(sql, list(row.values())).rowcount == 1

    def _execute(self, sql: str, params: list) -> sqlite3.Cursor:
        try:
            return self.conn.execute(sql, params)
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"row rejected by the store: {exc}") from exc

    # -- reading ------------------------------------------------------------------------------
    def known_articles(self, article_ids: Iterable[str]) -> set[str]:
        """The given ids that are already stored."""
        ids = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        with self.lock:
            for start in range(0, len(ids), _IN_CHUNK):
                chunk = ids[start : start + _IN_CHUNK]
                sql = f"SELECT article_id FROM articles WHERE article_id IN ({', '.join('?' * len(chunk))})"
                found.update(r[0] for r in self.conn.execute(sql, chunk))
        return found

    def articles_to_reobserve(
        self, site: str, published_after: str, sample_older: int, seed: object
    ) -> list[tuple[str, str]]:
        """(article_id, url) of the site's articles published after `published_after` (newest first),
        then up to `sample_older` older or undated ones, a sample fixed by `seed`.

        Index-backed: the cost follows the rows returned, not the size of the dataset.
        """
        after = to_utc_iso(published_after)
        with self.lock:
            rows = self.conn.execute(RECENT_SQL, (site, after)).fetchall()
            if sample_older > 0:
                start = hashlib.sha256(str(seed).encode("utf-8")).hexdigest()[:16]
                sample = self.conn.execute(SAMPLE_FROM_SQL, (site, start, after, sample_older)).fetchall()
                if len(sample) < sample_older:
                    rest = sample_older - len(sample)
                    sample += self.conn.execute(SAMPLE_WRAP_SQL, (site, start, after, rest)).fetchall()
                rows += sample
        return [(r[0], r[1]) for r in rows]

    def iter_rows(self, table: str, where_run_id: str | None = None) -> Iterator[dict]:
        """Stream a table's committed rows as dicts (lists decoded), optionally one run's only.

        Reads through its own connection, a consistent snapshot that does not block writers.
        For articles, `where_run_id` selects those last fetched by that run.
        """
        _check_table(table)
        conn = open_readonly(self.path)
        try:
            yield from read_rows(conn, table, where_run_id)
        finally:
            conn.close()

    def count(self, table: str) -> int:
        _check_table(table)
        with self.lock:
            return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def read_site_status(conn: sqlite3.Connection) -> list[dict]:
    """The `site_status` table as dicts (empty for a dataset that has none)."""
    if not _has_table(conn, "site_status"):
        return []
    return [{"site": s, "run_id": r, "observed_at": o, "status": st, "detail": d, "final_url": f}
            for s, r, o, st, d, f in conn.execute(
                "SELECT site, run_id, observed_at, status, detail, final_url FROM site_status"
                " ORDER BY run_id, site")]


def read_sites(conn: sqlite3.Connection) -> list[dict]:
    """The `sites` table of a database (any connection, read-only ones too); [] without it."""
    if not _has_table(conn, "sites"):
        return []
    rows = conn.execute("SELECT name, start_urls, profile, hosts, first_run_id, last_run_id"
                        " FROM sites ORDER BY rowid").fetchall()
    return [{"name": n, "start_urls": _decode_list(u), "profile": p, "hosts": _decode_list(h),
             "first_run_id": f, "last_run_id": l} for n, u, p, h, f, l in rows]


def _scope_hosts(url: str) -> set[str]:
    """The crawl's scope hosts of a start URL (host, with its port when not the default; with
    and without www), for `save_sites` callers that give no hosts."""
    host = host_key(url)
    return {host, host[4:] if host.startswith("www.") else "www." + host}


def _row_for(table: str, record: Mapping[str, Any], partial: bool = False) -> dict[str, Any]:
    """The SQL values of a record: schema fields in order, lists as JSON; unknown keys are errors."""
    kinds = KINDS[table]
    unknown = sorted(set(record) - set(kinds))
    if unknown:
        raise StoreError(f"{table}: unknown field(s) {', '.join(unknown)}")
    missing = [k for k in _NOT_NULL[table] if record.get(k) is None]
    if missing:
        raise StoreError(f"{table}: missing required field(s) {', '.join(sorted(missing))}")
    keys = [k for k in kinds if k in record] if partial else list(kinds)
    return {k: _encode(record.get(k), kinds[k]) for k in keys}


def _encode(value: Any, kind: str) -> Any:
    if kind == "list":
        if isinstance(value, (str, bytes)):
            raise StoreError(f"expected a list of strings, got {type(value).__name__}: {value!r:.60}")
        return json.dumps(list(value or []), ensure_ascii=False)
    return value


def _decode_list(text: str | None) -> list:
    return json.loads(text) if text else []


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None
