"""The output package: schema checks, the SQLite store, atomic writers, exports and the loader."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import textwrap
import threading
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from govnews.output import Dataset, load
from govnews.output.dataset import frame_from_rows, views_over_time
from govnews.output.schema import DTYPES, FIELDS, TABLES, article_id, content_sha256, validate_article
from govnews.output.store import (
    DB_NAME,
    RECENT_SQL,
    SAMPLE_FROM_SQL,
    SAMPLE_WRAP_SQL,
    Store,
    StoreError,
)
from govnews.output.writers import (
    ParquetUnavailableError,
    atomic_write,
    export_dataset,
    write_csv,
    write_jsonl,
    write_parquet,
)

REPO = Path(__file__).resolve().parent.parent

BODIES = {
    "han-man": [
        "Sáng 4/8, UBND tỉnh Bạc Liêu tổ chức cuộc họp triển khai kế hoạch phòng, chống hạn hán, "
        "xâm nhập mặn mùa khô 2020 - 2021. Đồng chí Phạm Văn Thiều, Chủ tịch UBND tỉnh chủ trì cuộc họp.",
        "Theo báo cáo của Sở Nông nghiệp và Phát triển nông thôn, mùa khô năm nay dự báo đến sớm, "
        "độ mặn trên các tuyến sông chính có thể vượt 4‰ từ cuối tháng 12.",
        "Chủ tịch UBND tỉnh yêu cầu các huyện Hồng Dân, Phước Long, Vĩnh Lợi rà soát hệ thống cống, "
        "đê bao; hướng dẫn nông dân trữ nước ngọt và xuống giống lúa đúng lịch thời vụ.",
        "Ngành y tế phối hợp chính quyền địa phương bảo đảm nước sinh hoạt cho các hộ dân vùng sâu, "
        "vùng xa, không để người dân thiếu nước ăn uống trong những tháng cao điểm.",
    ],
    "vac-xin": [
        "Ngày 12/3/2022, Trung tâm Y tế huyện Hải Lăng ra quân tiêm vắc xin phòng COVID-19 mũi 3 "
        "cho người từ 18 tuổi trở lên tại 20 xã, thị trấn.",
        "Ông Lê Quang Vinh, Phó Chủ tịch UBND huyện cho biết, đến nay toàn huyện đã tiêm mũi 2 cho "
        "hơn 98% dân số trong độ tuổi; riêng mũi 3 đạt 41%.",
        "Huyện bố trí thêm các điểm tiêm lưu động tại thôn Mỹ Chánh và Hội Kỳ để người cao tuổi, "
        "người có bệnh nền không phải đi xa.",
    ],
    "duong-mai-anh-dao": [
        "UBND thành phố Đà Lạt vừa phê duyệt dự án nâng cấp, mở rộng tuyến đường Mai Anh Đào với tổng "
        "mức đầu tư hơn 86 tỷ đồng từ ngân sách tỉnh Lâm Đồng.",
        "Tuyến đường dài 1,8 km, được mở rộng mặt đường lên 10,5 m, xây dựng vỉa hè, hệ thống thoát "
        "nước và chiếu sáng đồng bộ.",
        "Trong thời gian thi công, Ban Quản lý dự án yêu cầu nhà thầu bảo đảm an toàn giao thông, "
        "vệ sinh môi trường và hạn chế ảnh hưởng đến hoạt động kinh doanh của các hộ dân hai bên đường.",
        "Dự kiến công trình hoàn thành trong quý IV năm 2023, góp phần giảm ùn tắc tại cửa ngõ "
        "phía Bắc thành phố.",
        "Người dân phường 8 bày tỏ đồng tình, mong muốn dự án sớm khởi công trước mùa mưa.",
    ],
}


def make_article(slug: str = "han-man", **overrides: object) -> dict:
    url = f"https://baclieu.gov.vn/web/guest/tin-tuc-su-kien/-/{slug}"
    headline = {
        "han-man": "UBND tỉnh họp triển khai phòng, chống hạn hán, xâm nhập mặn mùa khô 2020 - 2021",
        "vac-xin": "Hải Lăng ra quân tiêm vắc xin phòng COVID-19 mũi 3",
        "duong-mai-anh-dao": "Đà Lạt nâng cấp tuyến đường Mai Anh Đào",
    }[slug]
    body = "\n\n".join(BODIES[slug])
    record = {
        "article_id": article_id(url),
        "url": url,
        "site": "baclieu",
        "platform": "lacviet",
        "category": "Tin tức sự kiện",
        "headline": headline,
        "summary": BODIES[slug][0],
        "published_at": "2020-08-04T16:20:00+07:00",
        "published_at_raw": "04/08/2020 16:20",
        "body": body,
        "author": "Nguyễn Thanh",
        "source": "Báo Bạc Liêu",
        "view_count": 1532,
        "visitor_counter": 8_412_907,
        "images": [f"https://baclieu.gov.vn/images/{slug}-1.jpg"],
        "attachments": [],
        "first_seen_at": "2024-05-01T02:00:00Z",
        "fetched_at": "2024-05-01T02:00:00Z",
        "content_sha256": content_sha256(headline, body),
        "warnings": [],
    }
    record.update(overrides)
    if "headline" in overrides or "body" in overrides:
        record["content_sha256"] = content_sha256(record["headline"], record["body"])
    return record


def make_observation(record: dict, run_id: str, observed_at: str, views: int | None) -> dict:
    return {
        "article_id": record["article_id"],
        "url": record["url"],
        "site": record["site"],
        "run_id": run_id,
        "observed_at": observed_at,
        "view_count": views,
        "visitor_counter": 8_412_907,
        "http_status": 200,
    }


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "ds") as opened:
        yield opened


def fill(store: Store) -> None:
    """Two runs over three articles, with counters, as the harvester would write them."""
    a, b, c = make_article("han-man"), make_article("vac-xin"), make_article("duong-mai-anh-dao")
    store.start_run("2024-05-01T020000Z", "2024-05-01T02:00:00Z", ["baclieu"])
    with store.transaction():
        for rec in (a, b):
            store.upsert_article(rec, run_id="2024-05-01T020000Z")
            store.add_observation(make_observation(rec, "2024-05-01T020000Z", "2024-05-01T02:00:05Z", 1532))
        store.add_site_counters(
            {"site": "baclieu", "run_id": "2024-05-01T020000Z", "observed_at": "2024-05-01T02:00:05Z",
             "total": 8_412_907, "online": 37, "today": None}
        )
    store.finish_run({"run_id": "2024-05-01T020000Z", "finished_at": "2024-05-01T02:03:00Z",
                      "pages_fetched": 14, "articles_new": 2, "articles_changed": 0,
                      "observations": 2, "errors": 0, "status": "ok"})
    store.start_run("2024-05-02T020000Z", "2024-05-02T02:00:00Z", ["baclieu"])
    c2 = dict(c, fetched_at="2024-05-02T02:00:09Z", first_seen_at="2024-05-02T02:00:09Z", view_count=None)
    store.upsert_article(c2, run_id="2024-05-02T020000Z")
    store.add_observation(make_observation(c2, "2024-05-02T020000Z", "2024-05-02T02:00:09Z", None))
    a2 = dict(a, fetched_at="2024-05-02T02:00:04Z", view_count=1690)
    store.upsert_article(a2, run_id="2024-05-02T020000Z")
    store.add_observation(make_observation(a2, "2024-05-02T020000Z", "2024-05-02T02:00:04Z", 1690))
    store.finish_run({"run_id": "2024-05-02T020000Z", "finished_at": "2024-05-02T02:02:00Z", "status": "ok"})


# -- atomic writes ---------------------------------------------------------------------------------

def test_atomic_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "articles.csv"
    target.write_text("cũ\n", encoding="utf-8")
    with atomic_write(target) as handle:
        handle.write("mới\n")
        assert target.read_text(encoding="utf-8") == "cũ\n"  # invisible until done
    assert target.read_text(encoding="utf-8") == "mới\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.csv"]


def test_exception_inside_atomic_write_keeps_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "articles.jsonl"
    target.write_text('{"headline": "Bản cũ"}\n', encoding="utf-8")
    with pytest.raises(RuntimeError, match="giữa chừng"):
        with atomic_write(target) as handle:
            handle.write('{"headline": "Bản mới, chưa xong')
            raise RuntimeError("hỏng giữa chừng")
    assert target.read_text(encoding="utf-8") == '{"headline": "Bản cũ"}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["articles.jsonl"]


def test_failed_rename_keeps_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "runs.csv"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        with atomic_write(target, mode="wb") as handle:
            handle.write(b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["runs.csv"]


def test_a_killed_writer_never_leaves_a_half_written_file(tmp_path: Path) -> None:
    target = tmp_path / "observations.csv"
    target.write_text("article_id,view_count\nab,1\n", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import os, signal
        from govnews.output.writers import atomic_write
        with atomic_write({str(target)!r}) as handle:
            handle.write("article_id,view_count\\n" + "cd,2\\n" * 10000)
            handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True)
    assert proc.returncode == -9
    assert target.read_text(encoding="utf-8") == "article_id,view_count\nab,1\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != target.name]
    assert all(name.startswith(".observations.csv.") and name.endswith(".tmp") for name in leftovers)


# -- CSV and JSON Lines ----------------------------------------------------------------------------

def read_csv_rows(path: Path, encoding: str = "utf-8") -> list[dict]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_round_trip_keeps_vietnamese_lists_and_nulls(tmp_path: Path) -> None:
    rec = make_article("duong-mai-anh-dao", author=None, attachments=["https://baclieu.gov.vn/a.pdf", "https://baclieu.gov.vn/b.docx"])
    path = tmp_path / "articles.csv"
    assert write_csv(path, FIELDS["articles"], [rec]) == 1
    [row] = read_csv_rows(path)
    assert list(row) == list(FIELDS["articles"])
    assert row["headline"] == "Đà Lạt nâng cấp tuyến đường Mai Anh Đào"
    assert row["body"] == rec["body"]  # blank lines between paragraphs survive quoting
    assert row["author"] == ""
    assert json.loads(row["attachments"]) == rec["attachments"]
    assert json.loads(row["warnings"]) == []
    assert row["view_count"] == "1532"
    assert "Đà Lạt" in path.read_text(encoding="utf-8")  # raw UTF-8, no escapes


def test_csv_has_a_bom_only_for_excel(tmp_path: Path) -> None:
    rows = [{"site": "quangtri", "headline": "Hải Lăng ra quân tiêm vắc xin"}]
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    write_csv(plain, ["site", "headline"], rows)
    write_csv(excel, ["site", "headline"], rows, excel=True)
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_csv_rows(excel, encoding="utf-8-sig") == read_csv_rows(plain)


def test_write_csv_streams_a_generator(tmp_path: Path) -> None:
    rows = ({"article_id": f"{i:016x}", "view_count": i} for i in range(2500))
    assert write_csv(tmp_path / "o.csv", ["article_id", "view_count"], rows) == 2500
    assert len(read_csv_rows(tmp_path / "o.csv")) == 2500


def test_jsonl_round_trip(tmp_path: Path) -> None:
    recs = [make_article("han-man"), make_article("vac-xin", summary=None, images=[])]
    path = tmp_path / "articles.jsonl"
    assert write_jsonl(path, recs) == 2
    text = path.read_text(encoding="utf-8")
    assert "Hải Lăng" in text and "\\u" not in text
    assert [json.loads(line) for line in text.splitlines()] == recs


# -- the store -------------------------------------------------------------------------------------

def test_upsert_reports_new_same_and_changed(store: Store) -> None:
    rec = make_article("han-man")
    assert store.upsert_article(rec) == "new"
    later = dict(rec, fetched_at="2024-06-01T02:00:00Z", first_seen_at="2024-06-01T02:00:00Z", view_count=2001)
    assert store.upsert_article(later) == "same"
    edited = make_article("han-man", body=rec["body"] + "\n\nCuộc họp kết thúc lúc 11 giờ cùng ngày.",
                          fetched_at="2024-07-01T02:00:00Z", view_count=2400)
    assert store.upsert_article(edited) == "changed"
    [row] = store.iter_rows("articles")
    assert row["first_seen_at"] == "2024-05-01T02:00:00Z"
    assert row["fetched_at"] == "2024-07-01T02:00:00Z"
    assert row["view_count"] == 2400
    assert row["body"].endswith("cùng ngày.")
    assert row["images"] == rec["images"]
    assert store.count("articles") == 1


def test_upsert_computes_a_missing_content_hash(store: Store) -> None:
    rec = make_article("vac-xin", content_sha256=None)
    store.upsert_article(rec)
    [row] = store.iter_rows("articles")
    assert row["content_sha256"] == content_sha256(rec["headline"], rec["body"])


@pytest.mark.parametrize(
    "change, message",
    [({"tieu_de": "x"}, "unknown field"), ({"article_id": None}, "missing required"), ({"images": "a.jpg"}, "list")],
)
def test_upsert_rejects_bad_records(store: Store, change: dict, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        store.upsert_article(make_article("han-man", **change))
    assert store.count("articles") == 0


def test_observations_and_counters_are_unique_per_run(store: Store) -> None:
    rec = make_article("vac-xin")
    obs = make_observation(rec, "r1", "2024-05-01T02:00:05Z", 10)
    assert store.add_observation(obs) is True
    assert store.add_observation(dict(obs, view_count=11)) is False  # a replayed commit
    assert store.add_observation(dict(obs, run_id="r2", observed_at="2024-05-02T02:00:05Z")) is True
    counters = {"site": "quangtri", "run_id": "r1", "observed_at": "2024-05-01T02:00:00Z",
                "total": 1_204_551, "online": 12, "today": 830}
    assert store.add_site_counters(counters) is True
    assert store.add_site_counters(counters) is False
    assert store.count("observations") == 2
    assert [r["view_count"] for r in store.iter_rows("observations")] == [10, 10]
    assert store.count("site_counters") == 1


def test_runs_start_and_finish(store: Store) -> None:
    assert store.start_run("r1", "2024-05-01T02:00:00Z", ["baclieu", "quangtri"]) is True
    assert store.start_run("r1", "2024-05-01T02:09:00Z", ["baclieu"]) is False
    store.finish_run({"run_id": "r1", "finished_at": "2024-05-01T02:30:00Z", "errors": 3, "status": "partial"})
    [run] = store.iter_rows("runs")
    assert run["started_at"] == "2024-05-01T02:00:00Z"
    assert run["sites"] == ["baclieu", "quangtri"]
    assert (run["errors"], run["status"], run["pages_fetched"]) == (3, "partial", None)


def test_transaction_rolls_back_everything_on_error(store: Store) -> None:
    with pytest.raises(KeyError):
        with store.transaction():
            store.upsert_article(make_article("han-man"))
            store.add_observation(make_observation(make_article("han-man"), "r1", "2024-05-01T02:00:05Z", 5))
            raise KeyError("trang lỗi")
    assert store.count("articles") == store.count("observations") == 0


def test_nested_transaction_is_a_savepoint(store: Store) -> None:
    with store.transaction():
        store.upsert_article(make_article("han-man"))
        with pytest.raises(StoreError):
            with store.transaction():
                store.upsert_article(make_article("vac-xin"))
                store.upsert_article(make_article("duong-mai-anh-dao", tieu_de="x"))
    assert [r["headline"][:3] for r in store.iter_rows("articles")] == ["UBN"]


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    import sqlite3

    with sqlite3.connect(tmp_path / DB_NAME) as conn:
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(tmp_path)
    with pytest.raises(StoreError, match="newer"):
        load(tmp_path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_text("không phải SQLite", encoding="utf-8")
    with pytest.raises(StoreError):
        Store.open(tmp_path)


def test_sigkill_keeps_committed_records_and_drops_the_open_transaction(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        sys.path.insert(0, {str(REPO / "tests")!r})
        from test_output import make_article, make_observation
        from govnews.output.store import Store
        store = Store.open({str(tmp_path)!r})
        a, b = make_article("han-man"), make_article("vac-xin")
        with store.transaction():
            store.upsert_article(a)
            store.add_observation(make_observation(a, "r1", "2024-05-01T02:00:05Z", 7))
        with store.transaction():
            store.upsert_article(b)
            store.add_observation(make_observation(b, "r1", "2024-05-01T02:00:06Z", 8))
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()
    with Store.open(tmp_path) as store:
        assert [r["article_id"] for r in store.iter_rows("articles")] == [make_article("han-man")["article_id"]]
        assert store.count("observations") == 1
        # replaying the first page's commit after the crash duplicates nothing
        a = make_article("han-man")
        with store.transaction():
            assert store.upsert_article(a) == "same"
            assert store.add_observation(make_observation(a, "r1", "2024-05-01T02:00:05Z", 7)) is False


def test_threads_share_one_store(store: Store) -> None:
    def work(worker: int) -> None:
        for i in range(25):
            url = f"https://sonongnghiep.lamdong.gov.vn/tin/{worker}-{i}"
            rec = make_article("duong-mai-anh-dao", url=url, article_id=article_id(url), site=f"site{worker}")
            with store.transaction():
                store.upsert_article(rec)
                store.add_observation(make_observation(rec, "r1", "2024-05-01T02:00:05Z", i))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.count("articles") == store.count("observations") == 100


def test_known_articles_over_many_ids(store: Store) -> None:
    stored = [make_article("han-man"), make_article("vac-xin")]
    for rec in stored:
        store.upsert_article(rec)
    asked = [f"{i:016x}" for i in range(1200)] + [r["article_id"] for r in stored]
    assert store.known_articles(asked) == {r["article_id"] for r in stored}
    assert store.known_articles([]) == set()


def add_dated_articles(store: Store, site: str, count: int) -> dict[str, str]:
    dates = {}
    for i in range(count):
        url = f"https://{site}.gov.vn/tin-tuc/{i}"
        published = f"20{18 + i % 7}-0{1 + i % 9}-1{i % 10}T08:30:00+07:00"
        rec = make_article("vac-xin", url=url, article_id=article_id(url), site=site, published_at=published)
        store.upsert_article(rec)
        dates[rec["article_id"]] = published
    return dates


def test_articles_to_reobserve_recent_then_a_seeded_sample(store: Store) -> None:
    dates = add_dated_articles(store, "quangtri", 60)
    add_dated_articles(store, "baclieu", 20)
    undated = make_article("han-man", site="quangtri", published_at=None)
    store.upsert_article(undated)
    after = "2024-01-01T00:00:00+07:00"
    recent = {a for a, d in dates.items() if d >= "2024"}
    picked = store.articles_to_reobserve("quangtri", after, sample_older=10, seed="r7")
    ids = [a for a, _ in picked]
    assert set(ids[: len(recent)]) == recent
    assert len(ids) == len(recent) + 10 == len(set(ids))
    older = set(ids[len(recent):])
    assert all(a not in recent for a in older)
    assert all(a in dates or a == undated["article_id"] for a in older)
    assert picked == store.articles_to_reobserve("quangtri", after, sample_older=10, seed="r7")
    other_seeds = {tuple(store.articles_to_reobserve("quangtri", after, 10, seed=s)) for s in range(5)}
    assert len(other_seeds) > 1
    everything = store.articles_to_reobserve("quangtri", after, sample_older=1000, seed=3)
    assert len(everything) == 61


def test_articles_to_reobserve_compares_times_across_offsets(store: Store) -> None:
    rec = make_article("han-man", published_at="2024-03-01T06:00:00+07:00")  # 2024-02-29T23:00Z
    store.upsert_article(rec)
    assert store.articles_to_reobserve("baclieu", "2024-02-29T22:00:00Z", 0, seed=1) == [(rec["article_id"], rec["url"])]
    assert store.articles_to_reobserve("baclieu", "2024-03-01T00:00:00Z", 0, seed=1) == []


@pytest.mark.parametrize(
    "sql, params",
    [(RECENT_SQL, ("s", "t")), (SAMPLE_FROM_SQL, ("s", "a", "t", 5)), (SAMPLE_WRAP_SQL, ("s", "a", "t", 5))],
)
def test_reobserve_queries_use_indexes(store: Store, sql: str, params: tuple) -> None:
    plan = " ".join(str(row[-1]) for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    assert "USING INDEX" in plan and "SCAN" not in plan and "TEMP B-TREE" not in plan


# -- exports and loading ---------------------------------------------------------------------------

def assert_schema_dtypes(ds: Dataset) -> None:
    for table in TABLES:
        frame = getattr(ds, table)
        assert list(frame.columns) == list(FIELDS[table])
        for name, dtype in DTYPES[table].items():
            assert str(frame[name].dtype) == dtype, (table, name, frame[name].dtype)


def test_load_from_sqlite_has_schema_dtypes(store: Store) -> None:
    fill(store)
    ds = load(store.path.parent)
    assert_schema_dtypes(ds)
    assert isinstance(ds.articles["headline"].dtype, pd.StringDtype)
    assert ds.articles["author"].dtype.na_value is pd.NA
    arts = ds.articles.set_index("url")
    first = arts.loc["https://baclieu.gov.vn/web/guest/tin-tuc-su-kien/-/han-man"]
    assert first["published_at"] == pd.Timestamp("2020-08-04 16:20", tz="Asia/Ho_Chi_Minh")
    assert first["published_at"].hour == 16
    assert first["fetched_at"] == pd.Timestamp("2024-05-02 02:00:04", tz="UTC")
    assert first["view_count"] == 1690
    assert first["images"] == ["https://baclieu.gov.vn/images/han-man-1.jpg"]
    assert pd.isna(arts.loc["https://baclieu.gov.vn/web/guest/tin-tuc-su-kien/-/duong-mai-anh-dao", "view_count"])
    assert ds.site_counters["today"].isna().all()
    assert ds.runs["sites"].tolist() == [["baclieu"], ["baclieu"]]


def test_empty_tables_have_columns_and_dtypes(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    ds = load(tmp_path)
    assert all(len(frame) == 0 for frame in ds)
    assert_schema_dtypes(ds)
    assert_schema_dtypes(Dataset(*(frame_from_rows(t, []) for t in TABLES)))


def test_load_without_anything_says_so(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load(tmp_path)


@pytest.mark.parametrize("fmt, excel", [("jsonl", False), ("csv", False), ("csv", True)])
def test_load_from_exported_files_equals_load_from_sqlite(store: Store, tmp_path: Path, fmt: str, excel: bool) -> None:
    fill(store)
    out = tmp_path / "export"
    written = export_dataset(store, out, formats=(fmt,), excel=excel)
    assert sorted(p.name for p in written) == sorted(f"{t}.{fmt}" for t in TABLES)
    assert not (out / DB_NAME).exists()
    from_files, from_db = load(out), load(store.path.parent)
    assert_schema_dtypes(from_files)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(from_files, table), getattr(from_db, table))


def test_export_of_one_run(store: Store, tmp_path: Path) -> None:
    fill(store)
    export_dataset(store, tmp_path, run_id="2024-05-02T020000Z")
    folder = tmp_path / "runs" / "2024-05-02T020000Z"
    ds = load(folder)
    assert sorted(ds.articles["headline"].str[:5]) == ["UBND ", "Đà Lạ"]
    assert len(ds.observations) == 2 and set(ds.observations["run_id"]) == {"2024-05-02T020000Z"}
    assert len(ds.site_counters) == 0
    assert ds.runs["run_id"].tolist() == ["2024-05-02T020000Z"]
    with pytest.raises(ValueError):
        export_dataset(store, tmp_path, run_id="../etc")
    with pytest.raises(ValueError, match="format"):
        export_dataset(store, tmp_path, formats=("xlsx",))


def test_views_over_time_pivot(store: Store) -> None:
    fill(store)
    wide = views_over_time(load(store.path.parent).observations)
    a = make_article("han-man")["article_id"]
    assert wide.index.name == "observed_at" and str(wide.index.dtype) == "datetime64[ns, UTC]"
    assert wide.index.is_monotonic_increasing
    assert all(str(dtype) == "Int64" for dtype in wide.dtypes)
    assert wide[a].dropna().tolist() == [1532, 1690]
    assert len(wide.columns) == 3


def test_views_over_time_tolerates_duplicates_and_empty_input() -> None:
    rows = [
        {"article_id": "a1", "observed_at": "2024-05-01T02:00:00Z", "view_count": 10, "run_id": "r1"},
        {"article_id": "a1", "observed_at": "2024-05-01T02:00:00Z", "view_count": 12, "run_id": "r1b"},
        {"article_id": "b2", "observed_at": "2024-05-01T02:00:00Z", "view_count": None, "run_id": "r1"},
        {"article_id": "b2", "observed_at": "2024-05-02T02:00:00Z", "view_count": 3, "run_id": "r2"},
    ]
    wide = views_over_time(frame_from_rows("observations", rows))
    assert wide.shape == (2, 2)
    assert wide.loc[pd.Timestamp("2024-05-01T02:00:00Z"), "a1"] == 12
    assert pd.isna(wide.loc[pd.Timestamp("2024-05-01T02:00:00Z"), "b2"])
    empty = views_over_time(frame_from_rows("observations", []))
    assert empty.empty and empty.index.name == "observed_at"


def test_parquet_export_round_trip(store: Store, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    fill(store)
    export_dataset(store, tmp_path, formats=("parquet",))
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    assert list(articles.columns) == list(FIELDS["articles"])
    assert str(articles["published_at"].dtype) == "datetime64[ns, Asia/Ho_Chi_Minh]"
    assert list(articles["images"].iloc[0]) == ["https://baclieu.gov.vn/images/han-man-1.jpg"]
    assert len(pd.read_parquet(tmp_path / "site_counters.parquet")) == 1


def test_parquet_without_pyarrow_raises_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ParquetUnavailableError, match="govnews\\[parquet\\]"):
        write_parquet(tmp_path / "runs.parquet", [], table="runs")
    assert not list(tmp_path.iterdir())


# -- schema ----------------------------------------------------------------------------------------

def test_article_id_and_content_hash() -> None:
    url = "https://quangtri.gov.vn/tin-tuc/hai-lang-tiem-vac-xin"
    assert len(article_id(url)) == 16 and article_id(url) == article_id(url)
    decomposed = unicodedata.normalize("NFD", "Hải Lăng")
    assert content_sha256(decomposed, None) == content_sha256("Hải Lăng", "")
    assert content_sha256("Hải Lăng", "a") != content_sha256("Hải Lăng", "b")


def test_a_good_article_is_valid() -> None:
    for slug in BODIES:
        assert validate_article(make_article(slug)) == []
    assert validate_article(make_article("han-man", published_at=None, view_count=None, summary=None)) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"headline": ...}, "headline: missing"),
        ({"tieu_de": "Họp"}, "tieu_de: unexpected key"),
        ({"view_count": "1.532"}, "view_count: expected an integer"),
        ({"view_count": True}, "view_count: expected an integer"),
        ({"images": "https://a/b.jpg"}, "images: expected a list"),
        ({"images": [None]}, "images: item 0: expected a string"),
        ({"author": ""}, "author: empty string instead of null"),
        ({"warnings": [""]}, "warnings: item 0: empty string"),
        ({"source": unicodedata.normalize("NFD", "Báo Bạc Liêu")}, "source: text is not Unicode NFC"),
        ({"published_at": "04/08/2020 16:20"}, "published_at: not ISO 8601 with an offset"),
        ({"published_at": "2020-08-04T16:20:00"}, "published_at: not ISO 8601 with an offset"),
        ({"fetched_at": "2024-05-01T09:00:00+07:00"}, "fetched_at: not a UTC time ending in Z"),
        ({"view_count": -3}, "view_count: negative count"),
        ({"visitor_counter": -1}, "visitor_counter: negative count"),
        ({"url": None}, "url: null in a required field"),
        ({"article_id": "xyz"}, "article_id: not 16 lowercase hex digits"),
        ({"article_id": "0123456789abcdef"}, "article_id: does not match url"),
        ({"content_sha256": "0" * 64}, "content_sha256: does not match headline and body"),
    ],
)
def test_validate_article_catches_each_problem(change: dict, expected: str) -> None:
    record = make_article("vac-xin")
    for key, value in change.items():
        if value is ...:
            del record[key]
        else:
            record[key] = value
    problems = validate_article(record)
    assert any(p.startswith(expected) for p in problems), problems
