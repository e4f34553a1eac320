"""A shard's database (rollback journal, not WAL) whose writer was killed mid-transaction holds a
hot journal. The next harvest reads the shard read-only before it merges it (its archival runs,
what the interrupted run committed): the reader must not fail with "attempt to write a readonly
database" (SQLITE_READONLY_ROLLBACK, seen in CI after a SIGKILL in tests/test_multihost.py), and
the killed transaction must be rolled back, not read."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from govnews.output.shards import archival_runs, open_shard, shard_folder
from govnews.output.store import DB_NAME, open_readonly

_KILL_MID_TRANSACTION = textwrap.dedent("""
    import os, signal, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA cache_size=2")          # pages spill to the file before the commit
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE runs SET status = 'killed'")
    for i in range(3000):
        conn.execute("INSERT INTO runs (run_id, started_at, sites, status) VALUES (?, ?, '[]', 'x')",
                     (f"junk-{i:05d}-" + "x" * 200, "2026-01-01T00:00:00Z"))
    os.kill(os.getpid(), signal.SIGKILL)
""")


def _shard_with_hot_journal(dataset: Path) -> Path:
    folder = shard_folder(dataset, "site-a")
    store = open_shard(folder)
    store.start_run("wayback-20240101000000", "2024-01-01T00:00:00Z", ["site-a"])
    store.finish_run({"run_id": "wayback-20240101000000", "status": "archival"})
    store.start_run("run-1", "2026-01-01T00:00:00Z", ["site-a"])
    store.close()
    path = folder / DB_NAME
    done = subprocess.run([sys.executable, "-c", _KILL_MID_TRANSACTION, str(path)], timeout=60)
    assert done.returncode == -signal.SIGKILL
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    return path


def test_a_plain_read_only_connection_cannot_read_the_killed_shard(tmp_path):
    """The failure itself, so that the test below proves the repair and not a luckier kill."""
    path = _shard_with_hot_journal(tmp_path)
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=5)
    try:
        try:
            conn.execute("SELECT COUNT(*) FROM runs").fetchall()
        except sqlite3.OperationalError as exc:
            assert "readonly" in str(exc)
        else:
            raise AssertionError("the hot journal was not seen")
    finally:
        conn.close()


def test_reading_a_killed_shard_rolls_its_journal_back(tmp_path):
    path = _shard_with_hot_journal(tmp_path)
    assert archival_runs(tmp_path, "site-a") == ["wayback-20240101000000"]
    assert not path.with_name(path.name + "-journal").exists()
    conn = open_readonly(path)
    try:
        rows = conn.execute("SELECT run_id, status FROM runs ORDER BY run_id").fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert rows == [("run-1", "running"), ("wayback-20240101000000", "archival")]


def test_a_live_writers_journal_is_left_alone(tmp_path):
    """A journal whose writer still holds its lock is not hot: the reader waits for it (busy
    timeout) or fails with 'locked', and never rolls back another process's transaction."""
    folder = shard_folder(tmp_path, "site-a")
    store = open_shard(folder)
    store.start_run("run-1", "2026-01-01T00:00:00Z", ["site-a"])
    store.close()
    path = folder / DB_NAME
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("UPDATE runs SET status = 'changing'")
        try:
            open_readonly(path, timeout=0.2).close()
        except sqlite3.OperationalError as exc:
            assert "locked" in str(exc)
        else:
            raise AssertionError("read through another process's exclusive lock")
        writer.execute("COMMIT")
    finally:
        writer.close()
    conn = open_readonly(path)
    try:
        assert conn.execute("SELECT status FROM runs").fetchone()[0] == "changing"
    finally:
        conn.close()
