"""A running site task keeps its shard's store open between pages; the dataset's readers
(`govnews.load`, `export`, `report` read unmerged shard runs) must still read it meanwhile, at
once, not after a lock timeout (an exclusive-locking shard was tried for a 3% faster harvest and
reverted for this)."""
from __future__ import annotations

import sqlite3
import time

from govnews.output.shards import open_shard


def test_a_shard_held_open_by_its_site_task_can_be_read_by_another_connection(tmp_path):
    store = open_shard(tmp_path / "shards" / "site")       # the one way a site task opens its shard
    try:
        with store.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('probe', '1')")
        with store.transaction() as conn:                             # a second page's commit
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('probe', '2')")
        started = time.monotonic()
        reader = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, timeout=0.5)
        try:
            assert reader.execute("SELECT value FROM meta WHERE key = 'probe'").fetchone() == ("2",)
        finally:
            reader.close()
        assert time.monotonic() - started < 0.5                      # no wait for a lock
    finally:
        store.close()
