"""Engagement for analysts: gains, rates, ages, the wide views frame, rankings, decay by age."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import govnews
from govnews.output.dataset import Dataset, load, views_over_time as raw_views_over_time
from govnews.output.engagement import decay_by_age, engagement, top_gainers, views_over_time
from govnews.output.schema import article_id, content_sha256
from govnews.output.store import Store

REPO = Path(__file__).resolve().parent.parent
NA = pd.NA

# Four articles on two sites. A was published 3 hours before the first run, B two months and C
# five months earlier; D has no date. Times below are UTC; Vietnam is UTC+7.
HEADLINE_A = "Bạc Liêu họp triển khai phòng, chống hạn hán, xâm nhập mặn"
HEADLINE_B = ("Đà Lạt phê duyệt dự án nâng cấp, mở rộng tuyến đường Mai Anh Đào với tổng mức "
              "đầu tư hơn 86 tỷ đồng")
ARTICLES = {
    "A": ("baclieu", HEADLINE_A, "2024-05-01T06:01:00+07:00"),
    "B": ("baclieu", HEADLINE_B, "2024-03-01T09:01:00+07:00"),
    "C": ("quangtri", HEADLINE_A, "2023-12-01T09:01:00+07:00"),  # same headline as A
    "D": ("quangtri", "Quảng Trị: tiêm vắc xin mũi 3 cho người từ 18 tuổi", None),
}
RUNS = {  # run_id: (started_at, observed_at)
    "r1": ("2024-05-01T02:00:00Z", "2024-05-01T02:01:00Z"),
    "r2": ("2024-05-02T02:00:00Z", "2024-05-02T02:01:00Z"),
    "r2b": ("2024-05-02T18:00:00Z", "2024-05-02T18:01:00Z"),  # 01:01 on 3 May in Vietnam
    "r3": ("2024-05-04T02:00:00Z", "2024-05-04T02:01:00Z"),
    "r4": ("2024-05-08T02:00:00Z", "2024-05-08T02:01:00Z"),
}
VIEWS = {  # (run, article): the view count printed on the page (None: no counter on the page)
    ("r1", "A"): 100, ("r1", "B"): 1000, ("r1", "D"): 5,
    ("r2", "A"): 160, ("r2", "B"): 1010, ("r2", "C"): 50,
    ("r2b", "A"): 170,
    ("r3", "A"): None, ("r3", "B"): 1030,
    ("r4", "A"): 390, ("r4", "B"): 1070, ("r4", "C"): 90, ("r4", "D"): 5,
}


def url(name: str) -> str:
    site = ARTICLES[name][0]
    return f"https://{site}.gov.vn/tin-tuc/bai-{name.lower()}"


def aid(name: str) -> str:
    return article_id(url(name))


def article_record(name: str) -> dict:
    site, headline, published = ARTICLES[name]
    body = f"Nội dung bài {name}."
    return {
        "article_id": aid(name), "url": url(name), "site": site, "platform": "generic",
        "category": None, "headline": headline, "summary": None, "published_at": published,
        "published_at_raw": None, "body": body, "author": None, "source": None,
        "view_count": None, "visitor_counter": None, "images": [], "attachments": [],
        "first_seen_at": "2024-05-01T02:01:00Z", "fetched_at": "2024-05-01T02:01:00Z",
        "content_sha256": content_sha256(headline, body), "warnings": [],
    }


def build_dataset(folder: Path) -> Path:
    with Store.open(folder) as store:
        for name in ARTICLES:
            store.upsert_article(article_record(name))
        for run_id, (started, observed) in RUNS.items():
            sites = sorted({ARTICLES[n][0] for (r, n) in VIEWS if r == run_id})
            store.start_run(run_id, started, sites)
            for (r, name), views in VIEWS.items():
                if r == run_id:
                    store.add_observation({
                        "article_id": aid(name), "url": url(name), "site": ARTICLES[name][0],
                        "run_id": run_id, "observed_at": observed, "view_count": views,
                        "visitor_counter": None, "http_status": 200,
                    })
            store.finish_run({"run_id": run_id, "finished_at": observed, "status": "ok"})
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_dataset(tmp_path_factory.mktemp("engagement") / "ds")


@pytest.fixture(scope="module")
def data(folder: Path) -> Dataset:
    return load(folder)


def values(series: pd.Series) -> list:
    """A column as a list with <NA> for missing values, floats rounded for comparison."""
    return [NA if pd.isna(v) else (round(float(v), 6) if isinstance(v, float) else v) for v in series]


def rows_of(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    return frame[frame["article_id"] == aid(name)]


# -- engagement -----------------------------------------------------------------------------------

def test_engagement_columns_dtypes_and_order(data: Dataset) -> None:
    eng = engagement(data)
    assert list(eng.columns) == ["article_id", "site", "headline", "published_at", "run_id", "observed_at",
                                 "views", "views_gained", "views_per_day", "age_days",
                                 "source_archive"]
    assert {c: str(t) for c, t in eng.dtypes.items()} == {
        "article_id": "string", "site": "string", "headline": "string",
        "published_at": "datetime64[ns, Asia/Ho_Chi_Minh]", "run_id": "string",
        "observed_at": "datetime64[ns, UTC]", "views": "Int64", "views_gained": "Int64",
        "views_per_day": "Float64", "age_days": "Float64", "source_archive": "string",
    }
    assert eng["source_archive"].isna().all()          # govnews's own fetches
    assert len(eng) == len(VIEWS)
    order = sorted(VIEWS, key=lambda key: (aid(key[1]), RUNS[key[0]][1]))
    assert list(zip(eng["run_id"], eng["article_id"])) == [(r, aid(n)) for r, n in order]


def test_engagement_gains_and_rates_of_an_article_with_a_missing_count(data: Dataset) -> None:
    a = rows_of(engagement(data), "A")
    assert a["run_id"].tolist() == ["r1", "r2", "r2b", "r3", "r4"]
    assert values(a["views"]) == [100, 160, 170, NA, 390]
    assert values(a["views_gained"]) == [NA, 60, 10, NA, 220]  # r4 is measured from r2b
    # 1 day; 16 hours; r2b -> r4 is 5 days 8 hours
    assert values(a["views_per_day"]) == [NA, 60.0, 15.0, NA, 41.25]
    # published 2024-04-30 23:01 UTC: 3 hours before r1
    assert values(a["age_days"]) == [0.125, 1.125, round(1 + 19 / 24, 6), 3.125, 7.125]
    assert a["headline"].tolist() == [HEADLINE_A] * 5 and set(a["site"]) == {"baclieu"}
    assert a["published_at"].iloc[0] == pd.Timestamp("2024-05-01 06:01", tz="Asia/Ho_Chi_Minh")


def test_engagement_steady_gains_zero_gain_and_no_date(data: Dataset) -> None:
    eng = engagement(data)
    b, c, d = rows_of(eng, "B"), rows_of(eng, "C"), rows_of(eng, "D")
    assert values(b["views_gained"]) == [NA, 10, 20, 40]
    assert values(b["views_per_day"]) == [NA, 10.0, 10.0, 10.0]
    assert values(b["age_days"]) == [61.0, 62.0, 64.0, 68.0]
    assert values(c["views_gained"]) == [NA, 40] and values(c["views_per_day"]) == [NA, round(40 / 6, 6)]
    assert values(c["age_days"]) == [153.0, 159.0]
    assert values(d["views_gained"]) == [NA, 0] and values(d["views_per_day"]) == [NA, 0.0]
    assert d["age_days"].isna().all() and d["published_at"].isna().all()


def test_engagement_takes_a_folder_and_matches_the_facade(folder: Path, data: Dataset) -> None:
    pd.testing.assert_frame_equal(engagement(folder), engagement(data))
    pd.testing.assert_frame_equal(govnews.engagement(data), engagement(data))


def test_engagement_of_bare_observations_and_of_nothing(data: Dataset) -> None:
    eng = engagement(data.observations)
    assert eng["headline"].isna().all() and eng["age_days"].isna().all()
    assert values(rows_of(eng, "A")["views_per_day"]) == [NA, 60.0, 15.0, NA, 41.25]
    empty = engagement(Dataset(*(frame.iloc[:0] for frame in data)))
    assert empty.empty and str(empty["views_per_day"].dtype) == "Float64"


# -- views_over_time ------------------------------------------------------------------------------

DAYS = pd.date_range("2024-05-01", "2024-05-08", freq="D", tz="Asia/Ho_Chi_Minh")


def test_daily_views_are_local_days_forward_filled_never_before_the_first(data: Dataset) -> None:
    wide = views_over_time(data, freq="D")
    assert wide.index.equals(pd.DatetimeIndex(DAYS, name="period"))
    assert sorted(wide.columns) == sorted(aid(n) for n in "ABCD")
    assert all(str(t) == "Int64" for t in wide.dtypes)
    # r2b (18:01 UTC on 2 May) falls on 3 May in Vietnam; A's missing count at r3 is not a value
    assert values(wide[aid("A")]) == [100, 160, 170, 170, 170, 170, 170, 390]
    assert values(wide[aid("B")]) == [1000, 1010, 1010, 1030, 1030, 1030, 1030, 1070]
    assert values(wide[aid("C")]) == [NA, 50, 50, 50, 50, 50, 50, 90]
    assert values(wide[aid("D")]) == [5] * 8


def test_views_without_fill_and_by_week(data: Dataset) -> None:
    raw = views_over_time(data, freq="D", fill=False)
    assert values(raw[aid("A")]) == [100, 160, 170, NA, NA, NA, NA, 390]
    assert values(raw[aid("C")]) == [NA, 50, NA, NA, NA, NA, NA, 90]
    weekly = views_over_time(data, freq="W")  # weeks end on Sunday 5 May and Sunday 12 May
    assert weekly.index.tolist() == [pd.Timestamp("2024-05-05", tz="Asia/Ho_Chi_Minh"),
                                     pd.Timestamp("2024-05-12", tz="Asia/Ho_Chi_Minh")]
    assert values(weekly[aid("A")]) == [170, 390]


def test_views_by_run_are_indexed_by_run_start(data: Dataset) -> None:
    wide = views_over_time(data, freq="run")
    starts = [pd.Timestamp(started).tz_convert("Asia/Ho_Chi_Minh") for started, _ in RUNS.values()]
    assert wide.index.tolist() == starts and wide.index.name == "run_started_at"
    assert values(wide[aid("A")]) == [100, 160, 170, 170, 390]
    assert values(wide[aid("C")]) == [NA, 50, 50, 50, 90]


def test_views_by_site_sum_the_articles(data: Dataset) -> None:
    wide = views_over_time(data, freq="D", by="site")
    assert list(wide.columns) == ["baclieu", "quangtri"] and wide.columns.name == "site"
    assert values(wide["baclieu"]) == [1100, 1170, 1180, 1200, 1200, 1200, 1200, 1460]
    assert values(wide["quangtri"]) == [5, 55, 55, 55, 55, 55, 55, 95]


def test_views_labelled_by_headline_are_short_and_unique(data: Dataset) -> None:
    wide = views_over_time(data, label="headline")
    labels = list(wide.columns)
    assert wide.columns.name == "headline" and len(set(labels)) == 4
    assert all(len(label) <= 60 for label in labels)
    assert HEADLINE_B[:59] + "…" in labels
    assert HEADLINE_A in labels  # A and C share it: the second gets " #2", cut to fit in 60
    assert HEADLINE_A[:56] + "… #2" in labels
    by_id = dict(zip(views_over_time(data).columns, labels))
    assert by_id[aid("D")] == ARTICLES["D"][1]
    assert values(wide[by_id[aid("A")]]) == [100, 160, 170, 170, 170, 170, 170, 390]


def test_views_over_time_of_observations_alone_and_old_name(data: Dataset) -> None:
    pd.testing.assert_frame_equal(views_over_time(data.observations), views_over_time(data))
    by_run = views_over_time(data.observations, freq="run")  # no runs table: each run's first fetch
    assert by_run.index.tolist() == [pd.Timestamp(observed).tz_convert("Asia/Ho_Chi_Minh")
                                     for _, observed in RUNS.values()]
    assert values(by_run[aid("A")]) == [100, 160, 170, 170, 390]
    old = raw_views_over_time(data.observations)  # output.dataset.views_over_time: raw times
    assert old.index.name == "observed_at" and len(old) == len(RUNS)
    assert values(old[aid("A")]) == [100, 160, 170, NA, 390]
    assert govnews.views_over_time is views_over_time
    with pytest.raises(ValueError):
        views_over_time(data, by="platform")


# -- top_gainers ----------------------------------------------------------------------------------

def test_top_gainers_of_the_last_week(data: Dataset) -> None:
    top = top_gainers(data, since="7D")
    assert top.index.tolist() == [1, 2, 3, 4] and top.index.name == "rank"
    assert top["article_id"].tolist() == [aid(n) for n in "ABCD"]
    assert values(top["views_start"]) == [100, 1000, 50, 5]  # C: its first count in the window
    assert values(top["views_end"]) == [390, 1070, 90, 5]
    assert values(top["gained"]) == [290, 70, 40, 0]
    assert top["site"].tolist() == ["baclieu", "baclieu", "quangtri", "quangtri"]
    assert top["headline"].iloc[0] == HEADLINE_A
    assert top["start_at"].iloc[0] == pd.Timestamp(RUNS["r1"][1])


def test_top_gainers_window_start_ties_and_n(data: Dataset) -> None:
    # window from 2024-05-05 02:01 UTC: A starts at r2b (r3 had no count); B and C tie at 40
    top = top_gainers(data, since=pd.Timedelta(days=3), n=3)
    assert top["article_id"].tolist() == [aid("A"), aid("B"), aid("C")]
    assert values(top["gained"]) == [220, 40, 40]
    assert values(top["views_start"]) == [170, 1030, 50]
    since_date = top_gainers(data, since="2024-05-04")  # midnight in Vietnam
    assert values(since_date["gained"]) == [220, 60, 40, 0]
    everything = top_gainers(data)
    assert values(everything["gained"]) == [290, 70, 40, 0]
    assert top_gainers(data, since="1h")["article_id"].tolist() == [aid(n) for n in "ABCD"]


# -- decay_by_age ---------------------------------------------------------------------------------

def test_decay_by_age_medians_per_site(data: Dataset) -> None:
    decay = decay_by_age(data)
    assert decay.index.tolist() == ["0-1", "1-7", "7-30", "30-90", "90+"]
    assert decay.index.name == "age_days" and list(decay.columns) == ["baclieu", "quangtri"]
    # A's gains sit at mid-interval ages 0.625 (60/day), 1.46 (15/day) and 4.46 days (41.25/day);
    # B's at 61.5-66 days (10/day); C's at 156 days; D has no date.
    assert values(decay["baclieu"]) == [60.0, 28.125, NA, 10.0, NA]
    assert values(decay["quangtri"]) == [NA, NA, NA, NA, round(40 / 6, 6)]
    assert all(str(t) == "Float64" for t in decay.dtypes)
    custom = decay_by_age(data, bins=[0, 30, float("inf")])
    assert custom.index.tolist() == ["0-30", "30+"]
    assert values(custom["baclieu"]) == [41.25, 10.0]
    with pytest.raises(ValueError):
        decay_by_age(data, bins=[7, 1])


# -- the walkthrough ------------------------------------------------------------------------------

def test_examples_analysis_runs_on_a_dataset(folder: Path) -> None:
    proc = subprocess.run([sys.executable, str(REPO / "examples" / "analysis.py"), str(folder)],
                          capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert HEADLINE_A[:50] in out and "290" in out
    assert "90+" in out and "28.1" in out


def test_examples_analysis_usage_error() -> None:
    proc = subprocess.run([sys.executable, str(REPO / "examples" / "analysis.py")],
                          capture_output=True, text=True, timeout=120, cwd=REPO)
    assert proc.returncode == 2 and "usage" in proc.stderr
