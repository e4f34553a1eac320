"""Parquet exports keep their dtypes with plain pandas, carry the schema version, and load."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from govnews.output.dataset import Dataset, load
from govnews.output.schema import DTYPES, LIST_FIELDS, SCHEMA_VERSION, TABLES, article_id, content_sha256
from govnews.output.store import Store, StoreError
from govnews.output.writers import ParquetUnavailableError, export_dataset, write_jsonl, write_parquet

pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

RUN1, RUN2 = "2024-05-01T020000Z", "2024-05-02T020000Z"


def article(slug: str, **overrides: object) -> dict:
    url = f"https://sonongnghiep.lamdong.gov.vn/tin-tuc/{slug}"
    headline, body = f"Đà Lạt: {slug}", "Nội dung bài viết."
    record = {
        "article_id": article_id(url), "url": url, "site": "lamdong", "platform": "liferay",
        "category": "Tin tức", "headline": headline, "summary": None,
        "published_at": "2024-04-30T08:15:00+07:00", "published_at_raw": "30/04/2024 08:15",
        "body": body, "author": "Mai Anh", "source": None, "view_count": 321,
        "visitor_counter": 9_876_543, "images": [f"https://lamdong.gov.vn/{slug}.jpg", "https://lamdong.gov.vn/b.png"],
        "attachments": [], "first_seen_at": "2024-05-01T02:00:00Z", "fetched_at": "2024-05-01T02:00:00Z",
        "content_sha256": content_sha256(headline, body), "warnings": ["no summary"],
    }
    record.update(overrides)
    return record


def fill(store: Store) -> None:
    """Two runs: counts with gaps, an undated article, lists empty and not, a run still running."""
    a, b = article("hoa-mai-anh-dao"), article("cho-dem", published_at=None, view_count=None, warnings=[])
    store.start_run(RUN1, "2024-05-01T02:00:00Z", ["lamdong"])
    for rec in (a, b):
        store.upsert_article(rec, run_id=RUN1)
        store.add_observation({"article_id": rec["article_id"], "url": rec["url"], "site": "lamdong",
                               "run_id": RUN1, "observed_at": "2024-05-01T02:00:05Z",
                               "view_count": rec["view_count"], "visitor_counter": None, "http_status": 200})
    store.add_site_counters({"site": "lamdong", "run_id": RUN1, "observed_at": "2024-05-01T02:00:05Z",
                             "total": 9_876_543, "online": None, "today": 77})
    store.finish_run({"run_id": RUN1, "finished_at": "2024-05-01T02:10:00Z", "pages_fetched": 9,
                      "articles_new": 2, "observations": 2, "errors": 0, "status": "ok"})
    store.start_run(RUN2, "2024-05-02T02:00:00Z", ["lamdong", "baclieu"])


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "ds") as opened:
        fill(opened)
        yield opened


def plain(value: object) -> object:
    """A list cell as pandas reads it from Parquet (an array of str) as a Python list."""
    return value if isinstance(value, list) else list(value)


def test_plain_read_parquet_gives_the_loaders_dtypes(store: Store, tmp_path: Path) -> None:
    export_dataset(store, tmp_path, formats=("parquet",))
    loaded = load(store.path.parent)
    for table in TABLES:
        read = pd.read_parquet(tmp_path / f"{table}.parquet")
        expected = getattr(loaded, table)
        assert {c: str(t) for c, t in read.dtypes.items()} == DTYPES[table], table
        assert read.dtypes.equals(expected.dtypes), table
        lists = sorted(LIST_FIELDS[table])
        pd.testing.assert_frame_equal(read.drop(columns=lists), expected.drop(columns=lists))
        for name in lists:
            assert [plain(v) for v in read[name]] == expected[name].tolist(), (table, name)


def test_plain_read_parquet_values(store: Store, tmp_path: Path) -> None:
    export_dataset(store, tmp_path, formats=("parquet",))
    articles = pd.read_parquet(tmp_path / "articles.parquet").set_index("url")
    dated = articles.loc["https://sonongnghiep.lamdong.gov.vn/tin-tuc/hoa-mai-anh-dao"]
    undated = articles.loc["https://sonongnghiep.lamdong.gov.vn/tin-tuc/cho-dem"]
    assert dated["published_at"] == pd.Timestamp("2024-04-30 08:15", tz="Asia/Ho_Chi_Minh")
    assert dated["view_count"] == 321 and undated["view_count"] is pd.NA
    assert pd.isna(undated["published_at"]) and undated["summary"] is pd.NA
    assert plain(undated["attachments"]) == [] and plain(undated["warnings"]) == []
    runs = pd.read_parquet(tmp_path / "runs.parquet")
    assert runs["pages_fetched"].tolist() == [9, pd.NA] and str(runs["pages_fetched"].dtype) == "Int64"
    assert [plain(v) for v in runs["sites"]] == [["lamdong"], ["lamdong", "baclieu"]]


def test_the_file_metadata_has_the_schema_version(store: Store, tmp_path: Path) -> None:
    written = export_dataset(store, tmp_path, formats=("parquet",))
    for path in written:
        metadata = pq.read_schema(path).metadata
        assert metadata[b"govnews_schema_version"] == str(SCHEMA_VERSION).encode()
        assert metadata[b"govnews_table"] == path.stem.encode()
        assert b"pandas" in metadata


def test_load_of_a_parquet_only_export(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "export"
    export_dataset(store, out, formats=("parquet",))
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    from_parquet, from_db = load(out), load(store.path.parent)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(from_parquet, table), getattr(from_db, table))
    assert from_parquet.runs["sites"].tolist() == [["lamdong"], ["lamdong", "baclieu"]]
    assert isinstance(from_parquet.articles["images"].iloc[0], list)


def test_every_format_loads_the_same_frames(store: Store, tmp_path: Path) -> None:
    frames = {}
    for fmt in ("parquet", "jsonl", "csv"):
        export_dataset(store, tmp_path / fmt, formats=(fmt,))
        frames[fmt] = load(tmp_path / fmt)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(frames["parquet"], table), getattr(frames["jsonl"], table))
        pd.testing.assert_frame_equal(getattr(frames["parquet"], table), getattr(frames["csv"], table))


def test_load_prefers_parquet_then_jsonl_then_csv(store: Store, tmp_path: Path) -> None:
    export_dataset(store, tmp_path, formats=("csv", "jsonl", "parquet"))
    loaded = load(tmp_path)
    marked = loaded.runs.assign(status="from parquet")
    write_parquet(tmp_path / "runs.parquet", marked, table="runs")
    write_jsonl(tmp_path / "runs.jsonl", [{"run_id": "r", "started_at": "2024-05-03T02:00:00Z", "status": "from jsonl"}])
    assert load(tmp_path).runs["status"].tolist() == ["from parquet"] * 2
    (tmp_path / "runs.parquet").unlink()
    assert load(tmp_path).runs["status"].tolist() == ["from jsonl"]
    (tmp_path / "runs.jsonl").unlink()
    assert load(tmp_path).runs["status"].tolist() == ["ok", "running"]  # from the CSV


def test_without_pyarrow_load_falls_back_or_says_why(store: Store, tmp_path: Path, monkeypatch) -> None:
    export_dataset(store, tmp_path / "both", formats=("parquet", "jsonl"))
    export_dataset(store, tmp_path / "only", formats=("parquet",))
    expected = load(store.path.parent)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    pd.testing.assert_frame_equal(load(tmp_path / "both").articles, expected.articles)
    with pytest.raises(ParquetUnavailableError, match="govnews\\[parquet\\]"):
        load(tmp_path / "only")


def test_a_file_from_a_newer_schema_is_refused(store: Store, tmp_path: Path) -> None:
    export_dataset(store, tmp_path, formats=("parquet",))
    path = tmp_path / "runs.parquet"
    arrow = pq.read_table(path)
    newer = {**arrow.schema.metadata, b"govnews_schema_version": str(SCHEMA_VERSION + 1).encode()}
    pq.write_table(arrow.replace_schema_metadata(newer), path)
    with pytest.raises(StoreError, match="newer"):
        load(tmp_path)


def test_columns_a_file_lacks_are_null(store: Store, tmp_path: Path) -> None:
    export_dataset(store, tmp_path, formats=("parquet",))
    path = tmp_path / "articles.parquet"
    pq.write_table(pq.read_table(path).drop_columns(["author", "images"]), path)
    articles = load(tmp_path).articles
    assert articles["author"].isna().all() and str(articles["author"].dtype) == "string"
    assert articles["images"].tolist() == [[], []]


def test_write_parquet_of_a_loaded_frame_round_trips(store: Store, tmp_path: Path) -> None:
    loaded = load(store.path.parent)
    for table in TABLES:
        write_parquet(tmp_path / f"{table}.parquet", getattr(loaded, table), table=table)
    again = load(tmp_path)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(again, table), getattr(loaded, table))


def test_empty_tables_keep_their_dtypes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "ds") as empty:
        export_dataset(empty, tmp_path / "out", formats=("parquet",))
    for table in TABLES:
        read = pd.read_parquet(tmp_path / "out" / f"{table}.parquet")
        assert len(read) == 0 and {c: str(t) for c, t in read.dtypes.items()} == DTYPES[table]
    assert all(len(frame) == 0 for frame in load(tmp_path / "out"))
    assert isinstance(load(tmp_path / "out"), Dataset)
