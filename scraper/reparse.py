"""`govnews reparse DIR`: rebuild every article record from the WARC archive alone, with no
network, using today's parsers: how researchers get better records when the parsers improve.

Faithful: every archived page is matched to the site the crawl had it under, from what the
dataset knows, never from the bare host name:
  1. the observation that points at the response's WARC record (`observations.warc_record_id`);
  2. the frontier row of the URL asked for, else of the final URL (the crawl's key: canonical URL,
     scheme and www folded), which also says what the crawl took the page for ('article', ...);
  3. the stored article or observation of the URL's canonical form;
  4. the scope: host:port and the start URLs' folders, from the `sites` table (as the last harvest
     knew its sites; a config given with -c overrides it site by site), then the frontier's
     (site, host) pairs; of two sites on one host, the one whose start folder is the longest
     prefix of the path. A page no site matches is counted (`unmatched`) and skipped.
Forced profiles come from the `sites` table (a -c config overrides them); otherwise the profile
is learned per site and per run as the crawl does (`crawl.ProfileMemory`). Only pages the crawl
treated as articles become articles: an observation points at the record, the frontier has the
URL as 'article', or the dataset already has an article or observation with that id; listing,
tag and menu pages never do. A page whose content duplicates another URL's article of the same
site is folded, as the crawl folds it.

Idempotent: the archive is read first into a private staging database (the latest capture of
each article, the first capture's time), then compared with the stored rows. A row whose every
extracted field is unchanged is not written at all (so its `fetched_at`, `first_seen_at` and
run stay); a changed row takes the new values, the time of its latest capture (the observation's
`observed_at`, else the WARC-Date) and keeps its `first_seen_at`. Observations that point at a
WARC record get that page's view count and visitor counter again. Writes are batched
(`BATCH` rows per transaction). Reparsing an untouched harvest, or reparsing twice, changes
nothing. Articles in the dataset that the archive does not hold are left as they are
(`unarchived`). Site counters and runs are never touched.

Modes: in place (under the dataset lock); `dry_run` reads the dataset through a read-only
connection, takes no lock, writes nothing and lists every change (`change_lines()`); `into=DIR`
copies the dataset (SQLite backup of `dataset.sqlite`; closed WARC files hard-linked, copied
where the file system cannot link, `.open` files copied) and reparses the copy, the original
untouched. Hard links cost no space and no time, and are safe because a closed WARC file is never
written again; the new folder still stands on its own (a later harvest there writes its own
files, deleting the old folder keeps the linked files alive).

The archive itself is never modified, `.open` files included: every unreadable record (a
truncated or corrupt file) is an error in `ReparseResult.errors`, so the CLI exits 1.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from govnews.output.schema import FIELDS, LIST_FIELDS, article_id
from govnews.output.shards import shard_folder
from govnews.output.store import DB_NAME, Store, open_readonly, read_sites, table_columns
from govnews.parsers.extract import parse_page, url_rules
from govnews.parsers.feeds import is_feed
from govnews.parsers.urls import canonical_url

from .archive import ArchivedResponse, ArchiveError, archive_files, iter_archived
from .config import Config
from .crawl import ProfileMemory, Site, host_of
from .frontier import frontier_key
from .errors import ConfigError
from .harvest import DatasetLock
from .records import article_row

BATCH = 500            # rows per transaction when writing, and per commit when staging
# The fields that are no extraction: they say when, not what, and are kept when nothing else
# changed.
_WHEN_FIELDS = frozenset({"fetched_at", "first_seen_at"})


@dataclass
class Change:
    """One row a reparse adds or changes (or would, in a dry run)."""
    table: str                     # "articles" or "observations"
    status: str                    # "new" or "changed"
    article_id: str
    url: str
    site: str
    fields: list[str]              # the fields that differ (every field for a new row)
    run_id: str | None = None      # observations: the run of the observation

    def line(self) -> str:
        if self.table == "observations":
            return f"changed observation {self.url} (run {self.run_id}): {', '.join(self.fields)}"
        if self.status == "new":
            return f"new article {self.url} ({self.site})"
        return f"changed article {self.url} ({self.site}): {', '.join(self.fields)}"


@dataclass
class ReparseResult:
    responses: int = 0             # response and revisit records read
    pages: int = 0                 # of which pages parsed (matched to a site, not feeds)
    articles: int = 0              # article records rebuilt (new + changed + same)
    new: int = 0
    changed: int = 0
    same: int = 0
    folded: int = 0                # captures folded into another URL's identical article
    not_articles: int = 0          # article-looking pages the crawl did not take as articles
    unmatched: int = 0             # pages no site of the dataset matches
    unarchived: int = 0            # stored articles the archive holds no capture of (kept)
    observations_changed: int = 0
    errors: list[str] = field(default_factory=list)   # unreadable records, parser failures
    changes: list[Change] = field(default_factory=list)
    dry_run: bool = False
    into: Path | None = None
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.pages / self.seconds if self.seconds else 0.0
        if self.dry_run:
            records = (f"{self.new} would be new, {self.changed} would change, {self.same} "
                       f"unchanged; {self.observations_changed} observations would change")
        else:
            records = (f"{self.new} new, {self.changed} changed, {self.same} unchanged; "
                       f"{self.observations_changed} observations changed")
        text = (f"reparsed {self.pages} archived pages ({rate:.0f}/s): {self.articles} article "
                f"records ({records}); {self.folded} duplicates folded, {self.not_articles} "
                f"pages the crawl did not take as articles, {self.unmatched} pages of no known "
                f"site, {self.unarchived} stored articles not in the archive; "
                f"errors: {len(self.errors)}")
        if self.dry_run:
            text = "dry run, nothing written: " + text
        if self.into is not None:
            text += f"; new dataset in {self.into}"
        return text

    def change_lines(self) -> list[str]:
        """One line per change, then up to 20 error lines, for a dry run (a real run prints
        only its summary: its changes are in the dataset)."""
        if not self.dry_run:
            return []
        return [c.line() for c in self.changes] + [f"error: {e}" for e in self.errors[:20]]


def reparse(folder: Path, config: Config | None = None, dry_run: bool = False,
            into: Path | None = None, cluster: dict | None = None) -> ReparseResult:
    """Re-extract the dataset in `folder` from its WARC archive (see the module docstring).
    `cluster` (a config's [cluster] table: `processes` or `scheduler`) reads the archive on
    worker processes or a Dask cluster, one task per site's WARC folder; the result is the
    same as in one process."""
    folder = Path(folder)
    warc = folder / "warc"
    if not warc.is_dir():
        raise ConfigError(f"{folder}: no WARC archive (warc/) to reparse")
    if not (folder / DB_NAME).is_file():
        raise ConfigError(f"{folder}: not a govnews dataset (no {DB_NAME})")
    if dry_run and into is not None:
        raise ConfigError("--dry-run and --into exclude each other: a dry run writes nothing")
    started = time.monotonic()
    if dry_run:
        conn = _connect_readonly(folder / DB_NAME)
        try:
            result = _Reparse(conn, None, warc, config).run(cluster)
        finally:
            conn.close()
        result.dry_run = True
    elif into is not None:
        target = Path(into)
        created = not target.exists()
        _new_dataset_folder(target, folder)
        try:
            with DatasetLock(target):
                with DatasetLock(folder):
                    copy_dataset(folder, target)
                with Store.open(target) as store:
                    result = _Reparse(store.conn, store, target / "warc", config).run(cluster)
                    _update_stories(store, result)
        except BaseException:
            if created:                      # no half-made dataset left behind
                shutil.rmtree(target, ignore_errors=True)
            raise
        result.into = target
    else:
        with DatasetLock(folder), Store.open(folder) as store:
            result = _Reparse(store.conn, store, warc, config).run(cluster)
            _update_stories(store, result)
    result.seconds = time.monotonic() - started
    return result


def _update_stories(store: Store, result: "ReparseResult") -> None:
    """Stories follow the re-extracted texts (only what changed is indexed again)."""
    from govnews.output.stories import StoriesError, update_stories
    if not store.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='stories'"
                              ).fetchone():
        return                      # a dataset no harvest built stories for: left as it is
    try:
        update_stories(store)
    except (StoriesError, sqlite3.Error) as exc:
        result.errors.append(f"stories: could not be updated: {exc}")


# -- the dataset as the crawl left it ---------------------------------------------------------------
class _Known(NamedTuple):
    """What the dataset says about one archived response."""
    site: str | None
    kind: str | None               # the frontier kind of the URL ('article', 'listing', ...)
    observation: tuple | None      # (site, run_id, observed_at, article_id, url, views, visitors)


class _Scope:
    """Site by host:port and path, as `Crawl._site_for` decides, from the `sites` table (a
    config overrides it site by site) and the frontier's (site, host) pairs."""

    def __init__(self, conn: sqlite3.Connection, config: Config | None) -> None:
        entries: dict[str, tuple[set[str], list[str], str | None]] = {}
        for row in read_sites(conn):
            site = Site(row["name"], list(row["start_urls"]), row["profile"])
            entries[row["name"]] = (set(row["hosts"]) or site.hosts(), site.path_prefixes(),
                                    row["profile"])
        for given in (config.sites if config is not None else ()):
            site = Site(given.name, list(given.start_urls), given.profile)
            entries[given.name] = (site.hosts(), site.path_prefixes(), given.profile)
        self.profiles = {name: profile for name, (_, _, profile) in entries.items() if profile}
        self.by_host: dict[str, list[tuple[str, list[str]]]] = {}
        for name, (hosts, prefixes, _) in entries.items():
            for host in hosts:
                self.by_host.setdefault(host, []).append((name, prefixes))
        if _has_table(conn, "frontier"):
            for name, host in conn.execute("SELECT DISTINCT site, host FROM frontier"):
                listed = self.by_host.setdefault(host, [])
                if name not in entries and all(name != n for n, _ in listed):
                    listed.append((name, []))

    def site_for(self, url: str) -> str | None:
        candidates = self.by_host.get(host_of(url)) or []
        if len(candidates) == 1:
            return candidates[0][0]
        path = urlsplit(url).path or "/"
        best, length = None, 1                 # "/" decides nothing between two sites
        for name, prefixes in candidates:
            for prefix in prefixes:
                if path.startswith(prefix) and len(prefix) > length:
                    best, length = name, len(prefix)
        return best


class _Dataset:
    """Indexed look-ups into the dataset (any connection, read-only too)."""

    def __init__(self, conn: sqlite3.Connection, folder: Path | None = None) -> None:
        self.conn = conn
        self.rules = url_rules()
        self.frontier = _has_table(conn, "frontier")
        self.record_ids = "warc_record_id" in table_columns(conn, "observations")
        self.folder = folder                   # the dataset: its shards hold their frontiers
        self._shards: dict[str, sqlite3.Connection | None] = {}

    def close(self) -> None:
        for conn in self._shards.values():
            if conn is not None:
                conn.close()
        self._shards.clear()

    def _frontier_conn(self, shard: str | None) -> sqlite3.Connection | None:
        """The frontier of the shard that wrote a file (read-only), else dataset.sqlite's (a
        dataset written before shards)."""
        if shard is None or self.folder is None:
            return self.conn if self.frontier else None
        if shard not in self._shards:
            path = shard_folder(self.folder, shard) / DB_NAME
            conn = None
            if path.exists():
                conn = open_readonly(path, timeout=30)
                if not _has_table(conn, "frontier"):
                    conn.close()
                    conn = None
            if len(self._shards) >= 64:        # a handful open at a time, files come in order
                self.close()
            self._shards[shard] = conn
        return self._shards[shard]

    def key(self, url: str) -> str:
        """The crawl's frontier key: canonical URL, scheme and www folded."""
        return frontier_key(url, self.rules)

    def known(self, archived: ArchivedResponse) -> _Known:
        observation = None
        if self.record_ids and archived.record_id:
            observation = self.conn.execute(
                "SELECT site, run_id, observed_at, article_id, url, view_count, visitor_counter"
                " FROM observations WHERE warc_record_id = ? LIMIT 1",
                (archived.record_id,)).fetchone()
        site = kind = None
        frontier = self._frontier_conn(archived.shard)
        if frontier is not None:
            site, kind = self._frontier(archived, frontier)
        if observation is not None:
            site = observation[0]
        return _Known(site, kind, observation)

    def _frontier(self, archived: ArchivedResponse, conn: sqlite3.Connection
                  ) -> tuple[str | None, str | None]:
        asked = archived.meta.get("url") or archived.url
        if archived.method == "POST":
            prefix = self.key(asked) + "#postback="
            row = conn.execute(
                "SELECT site, kind FROM frontier WHERE key >= ? AND key < ? LIMIT 1",
                (prefix, prefix[:-1] + ">")).fetchone()
            if row:
                return row[0], row[1]
        for url in dict.fromkeys((asked, archived.url)):
            row = conn.execute("SELECT site, kind FROM frontier WHERE key = ?",
                                    (self.key(url),)).fetchone()
            if row:
                return row[0], row[1]
        return None, None

    def site_of_article(self, aid: str) -> str | None:
        """The site the dataset has the article under (its row, else an observation)."""
        row = self.conn.execute("SELECT site FROM articles WHERE article_id = ?", (aid,)).fetchone()
        if row is None:
            row = self.conn.execute("SELECT site FROM observations WHERE article_id = ? LIMIT 1",
                                    (aid,)).fetchone()
        return row[0] if row else None

    def stored_duplicates(self, site: str, sha: str, url: str) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT article_id FROM articles WHERE site = ? AND content_sha256 = ? AND url != ?",
            (site, sha, url))]


class _Stage:
    """The latest capture of each article, in a private temporary database (deleted on close):
    memory stays flat however large the archive."""

    def __init__(self) -> None:
        self.db = sqlite3.connect("", isolation_level=None)     # transactions made here
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE stage (article_id TEXT PRIMARY KEY, site TEXT, url TEXT,"
                        " sha TEXT, row TEXT, first_seen TEXT, run_id TEXT, seq INTEGER,"
                        " latest TEXT)")
        self.db.execute("CREATE INDEX stage_dup ON stage (site, sha)")
        self.db.execute("BEGIN")
        self._seq = self._pending = 0

    def sha_of(self, aid: str) -> str | None:
        row = self.db.execute("SELECT sha FROM stage WHERE article_id = ?", (aid,)).fetchone()
        return row[0] if row else None

    def duplicate(self, site: str, sha: str, url: str) -> bool:
        return self.db.execute("SELECT 1 FROM stage WHERE site = ? AND sha = ? AND url != ?"
                               " LIMIT 1", (site, sha, url)).fetchone() is not None

    def put(self, row: dict, first_seen: str, run_id: str | None) -> None:
        """Stage a capture: the article keeps its latest capture (by capture time, whatever
        order the archive holds them in: recovered captures are written newest first) and its
        earliest time seen."""
        self._upsert(row["article_id"], row["site"], row["url"], row["content_sha256"],
                     json.dumps(row, ensure_ascii=False), first_seen, run_id, first_seen)
        self._pending += 1
        if self._pending >= BATCH:
            self.db.execute("COMMIT")
            self.db.execute("BEGIN")
            self._pending = 0

    def rows(self):
        self.db.execute("COMMIT")
        cursor = self.db.execute("SELECT row, first_seen, run_id FROM stage ORDER BY seq")
        while batch := cursor.fetchmany(BATCH):
            for text, first_seen, run_id in batch:
                yield json.loads(text), first_seen, run_id

    def has(self, aid: str) -> bool:
        return self.db.execute("SELECT 1 FROM stage WHERE article_id = ?",
                               (aid,)).fetchone() is not None

    def dump(self) -> list[tuple]:
        """Every staged row, in staging order, for `load` into another stage."""
        self.db.execute("COMMIT")
        rows = self.db.execute("SELECT article_id, site, url, sha, row, first_seen, run_id,"
                               " latest FROM stage ORDER BY seq").fetchall()
        self.db.execute("BEGIN")
        return rows

    def load(self, rows: list[tuple]) -> None:
        """Another stage's rows (a part read elsewhere), with the same rule as `put`: an
        article keeps its latest capture and its earliest time seen."""
        for aid, site, url, sha, text, first_seen, run_id, latest in rows:
            self._upsert(aid, site, url, sha, text, first_seen, run_id, latest)

    def _upsert(self, aid: str, site: str, url: str, sha: str, text: str, first_seen: str,
                run_id: str | None, latest: str) -> None:
        """One capture into the stage: the latest capture's fields win, first_seen is the
        earliest."""
        self._seq += 1
        fresher = "excluded.latest >= stage.latest"
        self.db.execute(
            "INSERT INTO stage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE"
            f" SET site = CASE WHEN {fresher} THEN excluded.site ELSE site END,"
            f" url = CASE WHEN {fresher} THEN excluded.url ELSE url END,"
            f" sha = CASE WHEN {fresher} THEN excluded.sha ELSE sha END,"
            f" row = CASE WHEN {fresher} THEN excluded.row ELSE row END,"
            f" run_id = CASE WHEN {fresher} THEN excluded.run_id ELSE run_id END,"
            " first_seen = min(first_seen, excluded.first_seen),"
            " latest = max(latest, excluded.latest)",
            (aid, site, url, sha, text, first_seen, run_id, self._seq, latest))

    def close(self) -> None:
        self.db.close()


@dataclass
class _PartResult:
    """What reading one part of the archive found (picklable: it may come from a worker)."""
    name: str
    staged: list[tuple]                   # _Stage.dump(): the part's latest captures
    result: ReparseResult
    observation_updates: list[tuple]


def archive_parts(warc: Path) -> list[tuple[str, str | None, bool]]:
    """The archive's parts, each read on its own: (folder, shard, recursive). Files of a
    dataset written before shards (directly in warc/) are one part, each site's folder one.
    A site's pages are all in one part, so its profile memory and duplicate folding are the
    crawl's."""
    parts = []
    if any(True for _ in archive_files(warc, recursive=False)):
        parts.append((str(warc), None, False))
    for sub in sorted(p for p in warc.iterdir() if p.is_dir()):
        parts.append((str(sub), sub.name, True))
    return parts


PART_BASE_SECONDS = 300.0      # a part's time bound on a cluster: this, plus
PART_SECONDS_PER_MIB = 10.0    # this per MiB of its WARC files (~100 pages: 1-2 s to parse)


def part_seconds(folder: Path, recursive: bool) -> float:
    """How long a reparse waits for one part's result on a cluster: far above what parsing it
    takes, so that only a hung or lost worker reaches it."""
    size = sum(f.stat().st_size for f in archive_files(Path(folder), recursive=recursive))
    return PART_BASE_SECONDS + PART_SECONDS_PER_MIB * size / 2**20


def read_part(dataset: str, folder: str, shard: str | None, recursive: bool,
              config: Config | None) -> _PartResult:
    """Read and parse one part of a dataset's archive (a task: any process may run it; the
    dataset is only read)."""
    conn = _connect_readonly(Path(dataset) / DB_NAME)
    stage = _Stage()
    try:
        reader = _Reparse(conn, None, Path(dataset) / "warc", config)
        reader.read(stage, Path(folder), shard, recursive)
        return _PartResult(folder, stage.dump(), reader.result, reader.observation_updates)
    finally:
        stage.close()
        reader.data.close()
        conn.close()


class _Reparse:
    def __init__(self, conn: sqlite3.Connection, store: Store | None, warc: Path,
                 config: Config | None) -> None:
        self.conn, self.store, self.warc, self.config = conn, store, warc, config
        self.data = _Dataset(conn, Path(warc).parent)
        self.scope = _Scope(conn, config)
        self.memories: dict[str, ProfileMemory] = {}      # per run, as each crawl learns
        self.result = ReparseResult()
        self.observation_updates: list[tuple[int | None, int | None, str]] = []

    def run(self, cluster: dict | None = None) -> ReparseResult:
        """Read every part of the archive (here, or on the cluster's workers), stage the
        latest capture of each article, then compare with the dataset and write."""
        stage = _Stage()
        try:
            for part in self._read_parts(cluster):
                stage.load(part.staged)
                self._absorb(part)
            self._apply(stage)
        finally:
            stage.close()
            self.data.close()
        return self.result

    def _read_parts(self, cluster: dict | None):
        dataset = str(Path(self.warc).parent)
        parts = archive_parts(Path(self.warc))
        if not cluster or not (cluster.get("scheduler") or cluster.get("processes")):
            for folder, shard, recursive in parts:
                yield read_part(dataset, folder, shard, recursive, self.config)
            return
        from .executors import map_on_cluster
        yield from map_on_cluster(cluster, read_part,
                                  [(dataset, folder, shard, recursive, self.config)
                                   for folder, shard, recursive in parts],
                                  key="reparse",
                                  timeouts=[part_seconds(folder, recursive)
                                            for folder, _, recursive in parts])

    def _absorb(self, part: _PartResult) -> None:
        mine, theirs = self.result, part.result
        for name in ("responses", "pages", "folded", "not_articles", "unmatched",
                     "observations_changed"):
            setattr(mine, name, getattr(mine, name) + getattr(theirs, name))
        mine.errors += theirs.errors
        mine.changes += theirs.changes
        self.observation_updates += part.observation_updates

    def read(self, stage: "_Stage", folder: Path, shard: str | None, recursive: bool) -> None:
        archive_errors: list[ArchiveError] = []
        for archived in iter_archived(folder, errors=archive_errors, recursive=recursive,
                                      shard=shard):
            self.result.responses += 1
            self._capture(archived, stage)
        self.result.errors[:0] = [str(e) for e in archive_errors]

    # -- reading the archive ------------------------------------------------------------------
    def _capture(self, archived: ArchivedResponse, stage: _Stage) -> None:
        result = self.result
        if archived.meta.get("payload_missing"):
            result.errors.append(f"{archived.warc_file}: {archived.record_id}: revisit of a "
                                 "payload the archive does not hold")
            return
        if not 200 <= archived.status < 300 or archived.meta.get("truncated") or archived.meta.get("error") \
                or urlsplit(archived.url).path == "/robots.txt":
            return
        known = self.data.known(archived)
        if not (_is_page(archived) or known.observation or known.kind == "article"):
            return
        if known.kind == "feed" or is_feed(archived.body, _header(archived, "Content-Type"),
                                           archived.url):
            return
        site = known.site
        if site is None:
            site = self.data.site_of_article(article_id(canonical_url(archived.url,
                                                                      self.data.rules)))
        from_scope = site is None
        if from_scope:
            site = self.scope.site_for(archived.url)
        if site is None:
            result.unmatched += 1
            return
        result.pages += 1
        observation = known.observation
        run_id = observation[1] if observation else archived.run_id
        memory = self.memories.setdefault(run_id or archived.warc_file, ProfileMemory())
        try:
            page = parse_page(archived.body, archived.url, archived.headers,
                              self.scope.profiles.get(site) or memory.profile_for(site),
                              quick_listings=True)
        except Exception as exc:  # noqa: BLE001 - a parser bug costs one page, as in the crawl
            result.errors.append(f"{archived.url}: parser failed: {type(exc).__name__}: {exc}")
            return
        memory.learn(site, page)
        if page.kind != "article":
            return
        article = page.article
        aid = article_id(article.url)
        stored_site = None if observation else self.data.site_of_article(aid)
        if not (observation or known.kind == "article" or stored_site):
            result.not_articles += 1
            return
        if from_scope and stored_site:
            site = stored_site                  # the dataset's name wins over the scope's
        when = observation[2] if observation and observation[2] else _utc(archived.date)
        row = article_row(article, site, when)
        if observation is not None:
            self._check_observation(observation, row, archived.record_id)
        if row["body"] and self._duplicate(stage, row):
            result.folded += 1
            return
        stage.put(row, when, run_id)         # an article staged before keeps its first time

    def _duplicate(self, stage: _Stage, row: dict) -> bool:
        """Another URL of the site has this content already (as the crawl folds it: against
        what was stored before, here the captures read so far and the stored rows they have
        not replaced)."""
        site, sha, url = row["site"], row["content_sha256"], row["url"]
        if stage.duplicate(site, sha, url):
            return True
        return any(stage.sha_of(aid) in (None, sha)
                   for aid in self.data.stored_duplicates(site, sha, url))

    def _check_observation(self, observation: tuple, row: dict, record_id: str) -> None:
        _, run_id, _, aid, url, views, visitors = observation
        fields = [name for name, old in (("view_count", views), ("visitor_counter", visitors))
                  if row[name] != old]
        if fields:
            self.result.observations_changed += 1
            self.result.changes.append(Change("observations", "changed", aid, url,
                                              observation[0], fields, run_id))
            self.observation_updates.append((row["view_count"], row["visitor_counter"],
                                             record_id))

    # -- comparing and writing ------------------------------------------------------------------
    def _apply(self, stage: _Stage) -> None:
        result = self.result
        present = table_columns(self.conn, "articles")
        fields = [f for f in FIELDS["articles"] if f in present]
        lists = LIST_FIELDS["articles"]
        select = (f"SELECT {', '.join(fields)}, last_run_id FROM articles WHERE article_id = ?")
        batch: list[tuple[dict, str | None]] = []
        for row, first_seen, run_id in stage.rows():
            values = self.conn.execute(select, (row["article_id"],)).fetchone()
            result.articles += 1
            if values is None:
                row["first_seen_at"] = first_seen
                result.new += 1
                result.changes.append(Change("articles", "new", row["article_id"], row["url"],
                                             row["site"], list(FIELDS["articles"])))
                batch.append((row, run_id))
            else:
                stored = dict(zip(fields + ["last_run_id"], values))
                for name in lists & stored.keys():
                    stored[name] = json.loads(stored[name]) if stored[name] else []
                differ = [f for f in FIELDS["articles"]
                          if f not in _WHEN_FIELDS and row[f] != stored.get(f)]
                if not differ:
                    result.same += 1
                    continue
                result.changed += 1
                result.changes.append(Change("articles", "changed", row["article_id"],
                                             row["url"], row["site"], differ))
                row["first_seen_at"] = stored.get("first_seen_at") or first_seen
                batch.append((row, run_id or stored["last_run_id"]))
            if len(batch) >= BATCH:
                self._write(batch)
                batch = []
        self._write(batch)
        self._write_observations()
        self.result.unarchived = sum(
            1 for (aid,) in self.conn.execute("SELECT article_id FROM articles")
            if not stage.has(aid))

    def _write(self, batch: list[tuple[dict, str | None]]) -> None:
        if self.store is None or not batch:
            return
        with self.store.transaction():
            for row, run_id in batch:
                self.store.upsert_article(row, run_id=run_id)

    def _write_observations(self) -> None:
        updates = self.observation_updates
        if self.store is None or not updates:
            return
        for start in range(0, len(updates), BATCH):
            with self.store.transaction() as conn:
                conn.executemany("UPDATE observations SET view_count = ?, visitor_counter = ?"
                                 " WHERE warc_record_id = ?", updates[start:start + BATCH])


# -- helpers ----------------------------------------------------------------------------------------
def _is_page(archived) -> bool:
    """A response that may be an HTML page (what the crawl parses): 200, HTML or no type."""
    if archived.status != 200 or archived.url.endswith("/robots.txt"):
        return False
    ctype = (_header(archived, "Content-Type") or "").lower()
    return not ctype or "html" in ctype or "xml" in ctype and "xhtml" in ctype


def _header(archived, name: str) -> str | None:
    lower = name.lower()
    for key, value in archived.headers.items():
        if key.lower() == lower:
            return value
    return None


def _utc(warc_date: str) -> str:
    when = datetime.fromisoformat(warc_date.replace("Z", "+00:00")).astimezone(timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """The dataset read-only, also where its folder cannot be written (a read-only share:
    `open_readonly` reads it as immutable there)."""
    try:
        return open_readonly(path)
    except sqlite3.Error as exc:
        raise ConfigError(f"{path}: cannot read the dataset database: {exc}") from None


def _new_dataset_folder(target: Path, source: Path) -> Path:
    if target.resolve() == source.resolve():
        raise ConfigError(f"{target}: --into must name a new folder, not the dataset itself")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ConfigError(f"{target}: --into must name a new or empty folder")
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"{target}: cannot create the folder: {exc.strerror}") from None
    return target


def copy_dataset(source: Path, target: Path) -> None:
    """A new dataset in `target` (an empty folder) with the records of `source`: its databases
    (dataset.sqlite and each shard's) copied by SQLite's backup (a consistent snapshot, read
    through a read-only connection, so the source is not written) and its WARC files, shard
    folders included, hard-linked (copied where the file system cannot link; `.open` files
    always copied, since finalising them later truncates them in place)."""
    from govnews.output.shards import SHARDS_DIR
    _backup(source / DB_NAME, target / DB_NAME)
    shards = source / SHARDS_DIR
    if shards.is_dir():
        for db in sorted(shards.glob(f"*/{DB_NAME}")):
            copy = target / SHARDS_DIR / db.parent.name / DB_NAME
            copy.parent.mkdir(parents=True, exist_ok=True)
            _backup(db, copy)
    (target / "warc").mkdir(exist_ok=True)
    for path in sorted((source / "warc").rglob("*")):
        if not path.is_file():
            continue
        copy = target / "warc" / path.relative_to(source / "warc")
        copy.parent.mkdir(parents=True, exist_ok=True)
        if path.name.endswith(".open"):
            shutil.copy2(path, copy)
            continue
        try:
            copy.hardlink_to(path)
        except OSError:
            shutil.copy2(path, copy)


def _backup(source: Path, target: Path) -> None:
    src = _connect_readonly(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


__all__ = ["reparse", "ReparseResult", "Change", "copy_dataset", "BATCH"]
