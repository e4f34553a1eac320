"""The dataset's shards: one per group of sites that share a host (usually one site), each its
own SQLite store under `shards/<name>/` (the same schema as `dataset.sqlite`, plus the site's
frontier, validators and payload digests). A site's run writes only its shard and its own WARC
files, so runs on many workers never contend for a file; the coordinator, the one writer of
`dataset.sqlite`, merges each finished shard run into it. `dataset.sqlite` is therefore the
union of the shards, and everything that reads a dataset (load, export, report, reparse,
stories) reads it unchanged. A shard uses a rollback journal, not WAL: it has one writer at a
time, but after a worker dies the next one may be on another machine, and WAL's shared-memory
index only works among processes of one host.

A shard run is merged once: `shard_merges` in `dataset.sqlite` has a row per shard run the
coordinator started (`note_started`, before the task is sent) with `merged_at` set once merged,
so the runs a killed coordinator left unmerged are one indexed query away (`unmerged_runs`: no
shard is opened to find them), they are merged at its next start (`pending_merges`), and
merging twice changes nothing (observations and counters are unique per run, articles are
upserted)."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Iterable

from .store import DB_NAME, Store, open_readonly

SHARDS_DIR = "shards"

SHARD_MERGES_DDL = (
    "CREATE TABLE IF NOT EXISTS shard_merges (shard TEXT NOT NULL, run_id TEXT NOT NULL,"
    " merged_at TEXT, PRIMARY KEY (shard, run_id))"
)
_UNMERGED_INDEX = ("CREATE INDEX IF NOT EXISTS shard_merges_pending ON shard_merges (run_id)"
                   " WHERE merged_at IS NULL")


def note_started(top: Store, shard_runs: Iterable[tuple[str, str]]) -> None:
    """Record the shard runs a harvest is about to send out (merged_at null until merged)."""
    with top.transaction() as conn:
        conn.execute(SHARD_MERGES_DDL)
        conn.execute(_UNMERGED_INDEX)
        conn.executemany("INSERT OR IGNORE INTO shard_merges VALUES (?, ?, NULL)",
                         list(shard_runs))
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def shard_name(site_names: Iterable[str]) -> str:
    """The shard of a group of sites: the first name in sort order, made safe as a folder name
    (site names are validated already; this is belt and braces)."""
    first = sorted(site_names)[0]
    return _SAFE.sub("_", first).strip("._") or "site"


def shard_folder(dataset: Path, shard: str) -> Path:
    return Path(dataset) / SHARDS_DIR / shard


def open_shard(folder: Path) -> Store:
    """A shard's store as its one writer opens it: a rollback journal (see above), in SQLite's
    normal locking mode, so that the dataset's readers (`load`, `export`, `report` read unmerged
    shard runs) can read it between the writer's commits while its site task runs."""
    return Store.open(folder, wal=False)


def shard_exists(dataset: Path, shard: str) -> bool:
    return (shard_folder(dataset, shard) / DB_NAME).exists()


def seed_shard(top: Store, dataset: Path, shard: str, sites: list[str]) -> int:
    """A new shard starts from what the dataset already knows of its sites: their articles (so a
    harvest stays incremental) and, in a dataset written before shards, their frontier rows and
    validators. Returns the articles copied. Called by the coordinator only, before the shard's
    first run."""
    folder = shard_folder(dataset, shard)
    with open_shard(folder) as shard_store:
        from govnews.scraper.frontier import Frontier
        with shard_store.transaction() as conn:
            Frontier(conn)                       # the frontier tables exist before the copy
        conn = shard_store.conn
        conn.execute("ATTACH DATABASE ? AS top", (str(top.path),))
        try:
            with shard_store.transaction():
                marks = ",".join("?" * len(sites))
                copied = _copy(conn, "articles", f"site IN ({marks})", sites)
                if _attached_has(conn, "frontier"):
                    _copy(conn, "frontier", f"site IN ({marks})", sites)
                    _copy(conn, "validators", "key IN (SELECT key FROM main.frontier)", [])
        finally:
            conn.execute("DETACH DATABASE top")
    return max(copied, 0)


def merge_run(top: Store, dataset: Path, shard: str, run_id: str, merged_at: str) -> dict:
    """Copy one shard run's rows into dataset.sqlite in one transaction: the articles it fetched
    last (first_seen_at kept from the dataset), its observations and site counters. Returns the
    row counts copied; a run merged before copies nothing."""
    return merge_runs(top, dataset, shard, [run_id], merged_at)


def merge_runs(top: Store, dataset: Path, shard: str, run_ids: list[str],
               merged_at: str) -> dict:
    """`merge_run` for several runs of one shard (a harvest run and the capture runs of a site
    recovered from a web archive), the shard attached once."""
    path = shard_folder(dataset, shard) / DB_NAME
    counts = {"articles": 0, "observations": 0, "site_counters": 0}
    with top.lock:
        conn = top.conn
        conn.execute(SHARD_MERGES_DDL)
        merged = {r[0] for r in conn.execute("SELECT run_id FROM shard_merges WHERE shard = ?"
                                             " AND merged_at IS NOT NULL", (shard,))}
        run_ids = [r for r in dict.fromkeys(run_ids) if r not in merged]
        if not run_ids or not path.exists():
            return counts
        conn.execute("ATTACH DATABASE ? AS shard", (str(path),))
        try:
            with top.transaction():
                theirs = _attached_columns(conn, "articles", "shard")
                columns = [c for c in _ordered_columns(conn, "articles") if c in theirs]
                names = ", ".join(columns)
                updates = ", ".join(
                    f"{c} = COALESCE(articles.{c}, excluded.{c})" if c == "first_seen_at"
                    else f"{c} = excluded.{c}" for c in columns if c != "article_id")
                tables = {}
                for t in ("observations", "site_counters"):
                    theirs = _attached_columns(conn, t, "shard")
                    tables[t] = ", ".join(c for c in _ordered_columns(conn, t) if c in theirs)
                for run_id in run_ids:
                    counts["articles"] += conn.execute(
                        f"INSERT INTO main.articles ({names}) SELECT {names} FROM shard.articles"
                        f" WHERE last_run_id = ? ORDER BY rowid"
                        f" ON CONFLICT (article_id) DO UPDATE SET {updates}", (run_id,)).rowcount
                    for table, cols in tables.items():
                        counts[table] += conn.execute(
                            f"INSERT OR IGNORE INTO main.{table} ({cols}) SELECT {cols}"
                            f" FROM shard.{table} WHERE run_id = ? ORDER BY rowid",
                            (run_id,)).rowcount
                    conn.execute("INSERT OR REPLACE INTO shard_merges VALUES (?, ?, ?)",
                                 (shard, run_id, merged_at))
        finally:
            conn.execute("DETACH DATABASE shard")
    return counts


def pending_merges(top: Store, dataset: Path) -> list[tuple[str, str]]:
    """(shard, run_id) of shard runs not merged yet: a coordinator died between a shard's end
    and its merge. Oldest first."""
    with top.lock:
        top.conn.execute(SHARD_MERGES_DDL)
        return unmerged_runs(top.conn, dataset)


def unmerged_runs(conn: sqlite3.Connection, dataset: Path) -> list[tuple[str, str]]:
    """(shard, run_id) of the shard runs dataset.sqlite (read through `conn`, read-only is
    fine) does not hold yet: a run in progress, or one a killed coordinator never merged.
    Oldest first."""
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='shard_merges'"
                       ).fetchone()
    if not has:
        return []
    return [(shard, run) for shard, run in conn.execute(
        "SELECT shard, run_id FROM shard_merges WHERE merged_at IS NULL ORDER BY run_id, shard")
        if (shard_folder(dataset, shard) / DB_NAME).exists()]


def archival_runs(dataset: Path, shard: str) -> list[str]:
    """The capture runs (`wayback-<timestamp>`, ...) a recovered site wrote into its shard."""
    path = shard_folder(dataset, shard) / DB_NAME
    if not path.exists():
        return []
    conn = open_readonly(path, timeout=30)
    try:
        return [r[0] for r in conn.execute(
            "SELECT run_id FROM runs WHERE status = 'archival' ORDER BY run_id")]
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def unmerged_rows(conn: sqlite3.Connection, dataset: Path) -> dict[str, list[dict]]:
    """The rows of the shard runs not merged yet (see `unmerged_runs`), per record table, for
    readers that show the dataset as the union of its shards without writing anything."""
    from .store import read_rows
    rows: dict[str, list[dict]] = {"articles": [], "observations": [], "site_counters": []}
    for shard, run_id in unmerged_runs(conn, dataset):
        try:
            shard_conn = open_readonly(shard_folder(dataset, shard) / DB_NAME, timeout=30)
        except sqlite3.Error:
            continue
        try:
            for table in rows:
                rows[table] += read_rows(shard_conn, table, where_run_id=run_id)
        except sqlite3.Error:
            continue                     # a shard being created: nothing to show yet
        finally:
            shard_conn.close()
    return rows


def _copy(conn: sqlite3.Connection, table: str, where: str, params: list) -> int:
    """INSERT OR IGNORE the attached `top` table's matching rows into main (shared columns)."""
    if not _attached_has(conn, table):
        return 0
    theirs = _attached_columns(conn, table)
    shared = [c for c in _ordered_columns(conn, table) if c in theirs]
    names = ", ".join(shared)
    return conn.execute(f"INSERT OR IGNORE INTO main.{table} ({names}) SELECT {names}"
                        f" FROM top.{table} WHERE {where}", params).rowcount


def _ordered_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]


def _attached_columns(conn: sqlite3.Connection, table: str, schema: str = "top") -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA {schema}.table_info({table})")}


def _attached_has(conn: sqlite3.Connection, table: str, schema: str = "top") -> bool:
    return conn.execute(f"SELECT 1 FROM {schema}.sqlite_master WHERE type='table' AND name=?",
                        (table,)).fetchone() is not None
