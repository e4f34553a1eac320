"""The analyst's time series and the 2025 reorganisation, held to the README (fixtures/blind_hostile10.py).

Written blind: from the README, DESIGN.md, PORTALS.md, docs/, examples/ and the CLI's `--help` only,
without reading the crawler, parsers or output code.

One module-scoped history of five scheduled harvests (`govnews harvest -c sites.toml`, run with the
machine's clock in Vietnam time, TZ=Asia/Ho_Chi_Minh) of two NukeViet 4 portals on loopback:

  run 1  district (huyện Phú Tân, 3 articles) and province (tỉnh An Giang, 3 articles), all live
         -- readers come: every view count and both visitor counters grow; the district adds D4 --
  run 2  the same, one new article
         -- readers come; the 2025 reorganisation: every district address answers 301 to the
            province's new address (new host, new id), the province lists the absorbed articles;
            the province also moves its own P1 to a new category address (301 from the old one) --
  run 3
         -- readers come (province); the district portal now answers 404 (home) / 410 (articles) --
  run 4
         -- readers come; the district is removed from sites.toml --
  run 5  province only

The tests then read the dataset (govnews.load, exports in csv/jsonl/parquet, --excel, --raw-csv),
and run `report` and `stories` on it. Each test quotes the promise it checks; where the docs are
silent, the docstring says it is a demanding analyst's expectation.
"""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fixtures.blind_hostile10 import (  # noqa: E402
    Portal, district_articles, district_late_article, province_articles)

pd = pytest.importorskip("pandas")

BIN = Path(sys.executable).parent
GOVNEWS = str(BIN / "govnews")
DIST, PROV = "phutan-district", "angiang-province"
VN_TZ = "Asia/Ho_Chi_Minh"

Q_SERIES = ("README: 'Run it every day from cron and each article's view count becomes a time series'; "
            "DESIGN: 'observations: one row per fetch of an article page, so view counts form a time series'")
Q_REOBS = ("README: a harvest 're-fetches the articles still inside the re-observation window to add a "
           "point to their view-count series'")
Q_LATEST = "docs/schema.md: articles.view_count 'the article's own view count ... at the last fetch'"
Q_COUNTERS = ("DESIGN: 'site_counters: one row per site and run: site, run_id, observed_at, total, online, "
              "today (whatever the counter widget shows; nulls for the rest)'")
Q_UTC = ("README: 'times govnews observed are UTC'; DESIGN: 'every time the tool observes is UTC with Z'")
Q_DTYPES = ("README/DESIGN: govnews.load returns 'datetime64 (tz-aware), nullable Int64 and string dtypes'; "
            "docs/schema.md kinds: text -> string, count -> Int64, Vietnam time -> "
            "datetime64[ns, Asia/Ho_Chi_Minh], UTC time -> datetime64[ns, UTC], list -> Python list of str")
Q_VNTIME = ("PORTALS: 'Portals publish in Vietnam time (UTC+07:00) and print no zone'; README: "
            "'published_at carries +07:00 on Vietnamese pages'")
Q_DAY = ("README: 'published_precision is \"minute\", or \"day\" when the page printed only a date (then "
         "published_at holds midnight of that day ...)'")
Q_NULL = "README/DESIGN: 'Missing values are null, never \"\" or 0'"
Q_EXCEL = ("README 'Safe to open': 'a text cell that begins with =, +, -, @ ... is written with a leading ', "
           "... govnews.load removes exactly that ' again. export --raw-csv writes the cells as extracted; "
           "JSON Lines and Parquet always keep the exact text'")
Q_BOM = "DESIGN: 'CSV is UTF-8; --excel adds a BOM so that Excel shows Vietnamese correctly'"
Q_PARQUET = ("README: 'Parquet files carry the pandas metadata (plain pd.read_parquet gives Int64, string and "
             "tz-aware columns ...) and the schema version (govnews_schema_version in the file's metadata)'")
Q_LOADANY = ("README: 'load reads a dataset folder (dataset.sqlite) or an export folder in any format "
             "(Parquet, JSON Lines, CSV), with the same dtypes'")
Q_MOVE = ("README: 'A portal that moves its articles to new addresses (a new platform, 301s from the old "
          "ones) keeps one row per article: the page at the new address with the same text is folded into "
          "the article's row, and the view count it shows is that run's point of the article's series'")
Q_STATUS = ("README: 'Every harvest records each site's status from its start pages: reachable, redirected "
            "(with where to: a merged province's portal ...), gone (DNS, connection refused, 404/410 on the "
            "start page) ...'; govnews.site_status(DIR) gives (site, run_id, observed_at, status, detail, final_url)")
Q_CODES = ("README exit codes: 0 all well; 1 finished, but some pages or sites failed; 2 bad usage; 70 internal "
           "error; 75 lock; 130 interrupted")
Q_REPORT = ("README: 'govnews report DIR [-o report.html] [--lang vi|en] writes one self-contained HTML file'; "
            "'load reads ... an export folder ...; so do govnews report and govnews stories'")

TIMEOUT = 120


# ---- running govnews ----------------------------------------------------------------------------
@dataclass
class Run:
    args: list
    rc: int
    out: str
    elapsed: float
    t0: object = None            # UTC wall clock just before the process started
    t1: object = None            # ... and just after it ended

    def show(self) -> str:
        return f"govnews {' '.join(map(str, self.args))} -> exit {self.rc} in {self.elapsed:.1f}s:\n{self.out[-3000:]}"


def govnews(args, *, cwd: Path, timeout: float = TIMEOUT, tz: str | None = VN_TZ) -> Run:
    args = [str(a) for a in args]
    env = {k: v for k, v in os.environ.items() if k != "TERM"}
    if tz:
        env["TZ"] = tz                       # the analyst's machine runs on Vietnam time
    log = Path(cwd) / f".govnews-{time.monotonic_ns()}.log"
    t0 = pd.Timestamp.now(tz="UTC")
    m0 = time.monotonic()
    with open(log, "wb") as fh:
        p = subprocess.Popen([GOVNEWS, *args], cwd=str(cwd), env=env, stdin=subprocess.DEVNULL,
                             stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(10)
            pytest.fail(f"README 'Every run ends by itself': govnews {' '.join(args)} still running after "
                        f"{timeout}s:\n{log.read_text(errors='replace')[-3000:]}")
    t1 = pd.Timestamp.now(tz="UTC")
    out = log.read_text(errors="replace")
    log.unlink()
    return Run(args, p.returncode, out, time.monotonic() - m0, t0, t1)


def no_traceback(run: Run) -> None:
    assert "Traceback (most recent call last)" not in run.out, "a traceback in the output: " + run.show()


def documented(run: Run, codes) -> None:
    assert run.rc in codes, f"{Q_CODES}; expected one of {sorted(codes)}: " + run.show()
    no_traceback(run)


def load(folder):
    import govnews
    return govnews.load(str(folder))


def write_config(path: Path, out: Path, sites: list) -> Path:
    lines = [
        "# written by tests/test_blind_hostile10.py, following examples/sites.toml",
        "[harvest]",
        f'output = "{out}"',
        'contact = "analyst@example.org"',
        "delay = 0",
        "allow_private = true",
        "timeout = 5.0",
        "connect_timeout = 2.0",
        "max_tries = 2",
        "max_pages = 200",
        "host_give_up_seconds = 20.0",
        'formats = ["csv", "jsonl"]',
        "",
        "[reobserve]",
        "window_days = 36500",
        "sample_older = 1000",
    ]
    for name, portal in sites:
        lines += ["", "[[sites]]", f'name = "{name}"', f'start_urls = ["{portal.url}"]']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---- the module's history: five harvests ---------------------------------------------------------
@dataclass
class History:
    root: Path
    data: Path
    dist: Portal
    prov: Portal
    runs: list = field(default_factory=list)         # Run of each harvest
    snaps: list = field(default_factory=list)        # what the portals printed during each harvest
    old_urls: dict = field(default_factory=dict)     # (site, key) -> the address in run 1/2
    p1_old: str = ""
    p1_new: str = ""

    def run_ids(self, ds=None) -> list:
        """The run_id of each harvest, matched on the runs table by the test's own clock."""
        runs = (ds or load(self.data)).runs
        out = []
        for r in self.runs:
            hit = runs[(runs["started_at"] >= r.t0 - pd.Timedelta(seconds=0.2))
                       & (runs["started_at"] <= r.t1 + pd.Timedelta(seconds=0.2))]
            assert len(hit) == 1, (f"DESIGN 'runs: one row per run': {len(hit)} runs rows started in "
                                   f"[{r.t0}, {r.t1}]; runs table:\n{runs[['run_id', 'started_at']]}")
            out.append(str(hit.iloc[0]["run_id"]))
        return out


def _snap(dist: Portal, prov: Portal) -> dict:
    views = {}
    for a in dist.articles:
        views[(DIST, a.key)] = a.views
    for a in prov.articles:
        views[(PROV, a.key)] = a.views
    for k, a in prov.absorbed.items():
        views[(PROV, k)] = a.views
    return {"views": views, "dist_counter": dict(dist.counter), "prov_counter": dict(prov.counter),
            "dist_mode": dist.mode}


@pytest.fixture(scope="module")
def hist(tmp_path_factory):
    root = tmp_path_factory.mktemp("bh10")
    prov = Portal("province", province_articles()).start()
    dist = Portal("district", district_articles(), province=prov).start()
    h = History(root=root, data=root / "dữ liệu huyện", dist=dist, prov=prov)
    both = write_config(root / "sites.toml", h.data, [(DIST, dist), (PROV, prov)])
    only_prov = write_config(root / "sites-after.toml", h.data, [(PROV, prov)])

    def harvest(cfg):
        r = govnews(["harvest", "-c", cfg, "--progress", "never"], cwd=root)
        h.runs.append(r)
        h.snaps.append(_snap(dist, prov))
        return r

    try:
        for a in dist.articles:
            h.old_urls[(DIST, a.key)] = dist.article_url(a.key)
        for a in prov.articles:
            h.old_urls[(PROV, a.key)] = prov.article_url(a.key)
        harvest(both)                                               # run 1
        dist.tick(); prov.tick()
        dist.add(district_late_article())
        h.old_urls[(DIST, "D4")] = dist.article_url("D4")
        harvest(both)                                               # run 2
        dist.tick(); prov.tick()
        h.p1_old = h.old_urls[(PROV, "P1")]
        prov.recategorise("P1")
        h.p1_new = prov.base + prov.art("P1").moved_to
        dist.move()
        harvest(both)                                               # run 3
        prov.tick()
        dist.close(410)
        harvest(both)                                               # run 4
        prov.tick()
        harvest(only_prov)                                          # run 5
        yield h
    finally:
        dist.stop()
        prov.stop()


@pytest.fixture(scope="module")
def ds(hist):
    return load(hist.data)


@pytest.fixture(scope="module")
def exports(hist):
    """One export folder per format (and --excel, --raw-csv), made once."""
    out = {}
    for name, extra in (("csv", ["--format", "csv"]), ("jsonl", ["--format", "jsonl"]),
                        ("parquet", ["--format", "parquet"]), ("excel", ["--format", "csv", "--excel"]),
                        ("raw", ["--format", "csv", "--raw-csv"])):
        d = hist.root / f"xuất-{name}"
        r = govnews(["export", hist.data, "-o", d, *extra], cwd=hist.root)
        out[name] = (r, d)
    return out


def export_dir(exports, name) -> Path:
    r, d = exports[name]
    documented(r, {0})
    return d


def obs_of(ds, url=None, article_id=None):
    o = ds.observations
    if url is not None:
        o = o[(o["url"].astype(str) == url) | (o["fetched_url"].astype(str) == url)]
    if article_id is not None:
        o = o[o["article_id"].astype(str) == article_id]
    return o


def article_id_of(ds, url) -> str:
    """The article_id the dataset gave the article first seen at `url` (from its run-1/2 observation)."""
    o = ds.observations
    hit = o[(o["fetched_url"].astype(str) == url) | (o["url"].astype(str) == url)]
    assert len(hit), f"no observation was ever made of {url}"
    ids = set(hit["article_id"].astype(str))
    assert len(ids) == 1, f"{url} observed under several article_ids: {ids}"
    return ids.pop()


def by_run(o, run_ids) -> dict:
    """run index (0-based) -> list of view counts observed in that run."""
    out = {}
    for i, rid in enumerate(run_ids):
        vals = o[o["run_id"].astype(str) == rid]["view_count"]
        out[i] = [None if pd.isna(v) else int(v) for v in vals]
    return out


def csv_rows(path: Path) -> list:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def jsonl_rows(path: Path) -> list:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def title(key: str) -> str:
    for a in district_articles() + [district_late_article()] + province_articles():
        if a.key == key:
            return a.title
    raise KeyError(key)


# =================================================================================================
# 1. The runs themselves
# =================================================================================================
def test_harvests_end_with_documented_codes(hist):
    """Q_CODES. Runs 1, 2 and 5 (every page answers 200) exit 0; runs 3 and 4 (the district answers
    301 out of its scope, then 404/410) exit 0 or 1 ('finished, but some pages or sites failed'),
    never 70, and no run prints a traceback."""
    for i, r in enumerate(hist.runs, 1):
        documented(r, {0} if i in (1, 2, 5) else {0, 1})


def test_each_harvest_is_one_row_of_runs_and_one_line_of_the_run_log(hist, ds):
    """DESIGN: 'runs: one row per run'; README: 'logs/runs.jsonl: one JSON line per run'. Five harvests
    give five runs rows (distinct run_ids, started in the order they ran) and five run-log lines."""
    ids = hist.run_ids(ds)
    assert len(set(ids)) == 5, ids
    assert len(ds.runs) == 5, f"runs table has {len(ds.runs)} rows:\n{ds.runs[['run_id', 'status']]}"
    lines = [x for x in (hist.data / "logs" / "runs.jsonl").read_text().splitlines() if x.strip()]
    assert len(lines) == 5, f"logs/runs.jsonl has {len(lines)} lines"
    assert [json.loads(x).get("run_id") for x in lines] == ids, "run log order/ids differ from the runs table"


def test_runs_count_new_articles_and_observations(hist, ds):
    """docs/schema.md runs: 'pages_fetched, articles_new, articles_changed, observations, errors: the
    run's counts'. Run 1 finds 6 new articles and makes 6 observations; run 2 finds 1 new (D4) and
    makes 7; each run's `observations` equals the observation rows carrying its run_id (runs 1, 2, 5);
    run 5 covered the province only (`sites`)."""
    ids = hist.run_ids(ds)
    runs = ds.runs.set_index(ds.runs["run_id"].astype(str))
    assert int(runs.loc[ids[0], "articles_new"]) == 6, runs.loc[ids[0]].to_dict()
    assert int(runs.loc[ids[1], "articles_new"]) == 1, runs.loc[ids[1]].to_dict()
    for i, want in ((0, 6), (1, 7), (4, 7)):
        rows = ds.observations[ds.observations["run_id"].astype(str) == ids[i]]
        assert len(rows) == want, f"run {i + 1}: {len(rows)} observation rows, want {want}"
        assert int(runs.loc[ids[i], "observations"]) == want, runs.loc[ids[i]].to_dict()
    assert list(runs.loc[ids[4], "sites"]) == [PROV], f"run 5 sites: {runs.loc[ids[4], 'sites']!r}"


# =================================================================================================
# 2. The time series
# =================================================================================================
def test_every_run_adds_a_point_to_a_view_count_series(hist, ds):
    """Q_SERIES; Q_REOBS. P2 (a province article that never moves) is observed once in every one of
    the five runs, with exactly the count its page printed during that run (3.000, 3.029, ...): a
    series, not one overwritten value."""
    ids = hist.run_ids(ds)
    o = obs_of(ds, url=hist.old_urls[(PROV, "P2")])
    got = by_run(o, ids)
    want = {i: [s["views"][(PROV, "P2")]] for i, s in enumerate(hist.snaps)}
    assert got == want, f"{Q_SERIES}: P2's series by run {got}, the page printed {want}"


def test_district_series_before_the_move_is_exact(hist, ds):
    """Q_SERIES; Q_REOBS. Each district article observed in runs 1 and 2 carries the count printed then
    ('Lượt xem: 1.234' is 1234, the dot a thousands separator per PORTALS.md), D4 (new in run 2) once."""
    ids = hist.run_ids(ds)
    for key in ("D1", "D2", "D3", "D4"):
        got = by_run(obs_of(ds, url=hist.old_urls[(DIST, key)]), ids)
        want = [[hist.snaps[i]["views"][(DIST, key)]] if (DIST, key) in hist.snaps[i]["views"]
                and (key != "D4" or i >= 1) else [] for i in (0, 1)]
        assert [got[0], got[1]] == want, f"{Q_SERIES}: {key} runs 1-2 observed {got}, printed {want}"


def test_article_row_holds_the_count_of_the_last_fetch(hist, ds):
    """Q_LATEST; docs/schema.md articles.visitor_counter 'the site's visitor counter ... at the last fetch'.
    After five runs P2's row shows the count and the province counter printed during run 5."""
    a = ds.articles[ds.articles["url"].astype(str) == hist.old_urls[(PROV, "P2")]]
    assert len(a) == 1, f"P2 has {len(a)} article rows"
    last = hist.snaps[-1]
    assert a.iloc[0]["view_count"] == last["views"][(PROV, "P2")], f"{Q_LATEST}: {a.iloc[0]['view_count']}"
    assert a.iloc[0]["visitor_counter"] == last["prov_counter"]["total"], \
        f"visitor_counter {a.iloc[0]['visitor_counter']}, the page printed {last['prov_counter']['total']}"


def test_each_observation_carries_its_own_sites_counter_of_that_run(hist, ds):
    """DESIGN observations: 'article_id, url, site, run_id, observed_at, view_count, visitor_counter';
    docs/schema.md: 'view_count, visitor_counter: as printed on that fetch'. The two portals print
    different counters that grow between runs; every 200 observation holds its own site's total of
    that run (never the other portal's, never a stale one)."""
    ids = hist.run_ids(ds)
    o = ds.observations
    bad = []
    for i, rid in enumerate(ids):
        for _, row in o[(o["run_id"].astype(str) == rid) & (o["http_status"].fillna(0) == 200)].iterrows():
            want = hist.snaps[i]["dist_counter" if row["site"] == DIST else "prov_counter"]["total"]
            if pd.isna(row["visitor_counter"]) or int(row["visitor_counter"]) != want:
                bad.append((i + 1, str(row["site"]), str(row["url"])[-40:], row["visitor_counter"], want))
    assert not bad, f"observations with another counter than printed (run, site, url, got, want): {bad}"


def test_site_counters_one_row_per_site_and_run_with_the_widget_values(hist, ds):
    """Q_COUNTERS; docs/schema.md: total 'Tổng truy cập', online 'Đang truy cập', today 'Hôm nay'. Both
    sites have one row in runs 1 and 2, the province one in each of runs 3-5, each with exactly the
    widget's numbers of that run ('1.204.567' read as 1204567)."""
    ids = hist.run_ids(ds)
    sc = ds.site_counters
    for i, rid in enumerate(ids):
        sites = [(DIST, "dist_counter"), (PROV, "prov_counter")] if i < 2 else [(PROV, "prov_counter")]
        for site, key in sites:
            rows = sc[(sc["run_id"].astype(str) == rid) & (sc["site"].astype(str) == site)]
            assert len(rows) == 1, f"{Q_COUNTERS}: {site} run {i + 1}: {len(rows)} rows"
            c = hist.snaps[i][key]
            got = {k: rows.iloc[0][k] for k in ("total", "online", "today")}
            assert got == {k: c[k] for k in ("total", "online", "today")}, \
                f"{Q_COUNTERS}: {site} run {i + 1}: {got}, the widget showed {c}"


def test_observed_at_is_utc_on_a_vietnam_time_machine(hist, ds):
    """Q_UTC; docs/schema.md captured_at 'for a live fetch, the fetch time (the same as observed_at)',
    source_archive 'null for a live fetch'. The harvests ran with TZ=Asia/Ho_Chi_Minh: every observation's
    observed_at lies inside its run's wall-clock window as the test measured it in UTC (a local time
    labelled UTC would be 7 hours off), and equals captured_at."""
    ids = hist.run_ids(ds)
    o = ds.observations
    slack = pd.Timedelta(seconds=0.5)
    for i, rid in enumerate(ids):
        rows = o[o["run_id"].astype(str) == rid]
        r = hist.runs[i]
        assert len(rows), f"run {i + 1} has no observations"
        lo, hi = rows["observed_at"].min(), rows["observed_at"].max()
        assert r.t0 - slack <= lo and hi <= r.t1 + slack, \
            f"{Q_UTC}: run {i + 1} observed_at {lo}..{hi} outside the run's UTC window {r.t0}..{r.t1}"
        assert rows["source_archive"].isna().all(), "source_archive set on a live fetch"
        assert (rows["captured_at"] == rows["observed_at"]).all(), "captured_at differs from observed_at (live)"


def test_one_observation_per_article_and_run_in_plain_runs(hist, ds):
    """DESIGN: observations are 'one row per fetch of an article page'. In the runs where every article is
    fetched once (1, 2, 5) no (article_id, run_id) pair occurs twice and every observation's article_id
    is an article of the articles table."""
    ids = hist.run_ids(ds)
    o = ds.observations
    for i in (0, 1, 4):
        rows = o[o["run_id"].astype(str) == ids[i]]
        dup = rows[rows.duplicated(["article_id"], keep=False)]
        assert dup.empty, f"run {i + 1}: articles observed twice: {dup[['url', 'fetched_url']].values.tolist()}"
    missing = set(o["article_id"].astype(str)) - set(ds.articles["article_id"].astype(str))
    assert not missing, f"observations of article_ids that are in no articles row: {missing}"


def test_observations_come_in_run_order(hist, ds):
    """Demanding analyst (the docs are silent on row order): govnews.load's observations table lists the
    runs' observations in the order the runs happened, so `groupby(article_id)` yields each series
    already in time order."""
    ids = hist.run_ids(ds)
    rank = {rid: i for i, rid in enumerate(ids)}
    seq = [rank[str(r)] for r in ds.observations["run_id"]]
    assert seq == sorted(seq), f"observations not in run order: run index sequence {seq}"


# =================================================================================================
# 3. Dtypes and dates
# =================================================================================================
TEXT = {"articles": ["article_id", "url", "site", "platform", "category", "headline", "summary",
                     "published_at_raw", "published_precision", "body", "author", "source", "content_sha256"],
        "observations": ["article_id", "url", "site", "run_id", "fetched_url", "final_url", "warc_filename",
                         "warc_record_id", "source_archive"],
        "site_counters": ["site", "run_id"],
        "runs": ["run_id", "status"]}
COUNT = {"articles": ["view_count", "visitor_counter"],
         "observations": ["view_count", "visitor_counter", "http_status"],
         "site_counters": ["total", "online", "today"],
         "runs": ["pages_fetched", "articles_new", "articles_changed", "observations", "errors"]}
UTC = {"articles": ["first_seen_at", "fetched_at"], "observations": ["observed_at", "captured_at"],
       "site_counters": ["observed_at"], "runs": ["started_at", "finished_at"]}
VNT = {"articles": ["published_at"]}
LISTS = {"articles": ["images", "attachments", "warnings"], "runs": ["sites"]}


def check_dtypes(data, where: str) -> None:
    bad = []
    for table in ("articles", "observations", "site_counters", "runs"):
        df = getattr(data, table)
        for c in TEXT.get(table, []):
            if str(df[c].dtype) != "string":
                bad.append((table, c, str(df[c].dtype), "string"))
        for c in COUNT.get(table, []):
            if str(df[c].dtype) != "Int64":
                bad.append((table, c, str(df[c].dtype), "Int64"))
        for c in UTC.get(table, []):
            if str(df[c].dtype) != "datetime64[ns, UTC]":
                bad.append((table, c, str(df[c].dtype), "datetime64[ns, UTC]"))
        for c in VNT.get(table, []):
            if str(df[c].dtype) != "datetime64[ns, Asia/Ho_Chi_Minh]":
                bad.append((table, c, str(df[c].dtype), "datetime64[ns, Asia/Ho_Chi_Minh]"))
        for c in LISTS.get(table, []):
            notlist = [v for v in df[c] if not isinstance(v, list)]
            if notlist:
                bad.append((table, c, f"values {type(notlist[0]).__name__}", "list"))
        promised = set(TEXT.get(table, []) + COUNT.get(table, []) + UTC.get(table, []) + VNT.get(table, [])
                       + LISTS.get(table, []))
        missing = promised - set(df.columns)
        if missing:
            bad.append((table, sorted(missing), "missing", "present"))
        objs = [c for c in df.columns if df[c].dtype == object and c not in LISTS.get(table, [])]
        if objs:
            bad.append((table, objs, "object", "no object columns outside the list columns"))
    assert not bad, f"{Q_DTYPES} ({where}): (table, column, dtype, promised): {bad}"


def test_load_gives_the_documented_dtypes(ds):
    """Q_DTYPES. Every column of the four tables after a multi-run history has its documented dtype;
    no object column where text, numbers or times are promised."""
    check_dtypes(ds, "govnews.load(dataset)")


def test_printed_time_without_zone_is_vietnam_time(hist, ds):
    """Q_VNTIME; docs/schema.md published_at 'as printed; +07:00 unless the page prints its own offset'.
    D1 prints 'Thứ sáu - 05/12/2025 00:30': published_at is 2025-12-05 00:30 in Vietnam (2025-12-04 17:30
    UTC: the day differs), precision minute, the raw text kept; P2 prints 28/11/2025 23:45."""
    arts = ds.articles
    for key, want in (("D1", "2025-12-05 00:30"), ("P2", "2025-11-28 23:45")):
        a = arts[arts["headline"].astype(str) == title(key)]
        assert len(a) >= 1, f"no article {key}"
        for _, row in a.iterrows():
            got = row["published_at"]
            assert got == pd.Timestamp(want, tz=VN_TZ), f"{Q_VNTIME}: {key} published_at {got}, printed {want}"
            assert str(got.tz) == VN_TZ, f"{key}: zone {got.tz}"
            assert row["published_precision"] == "minute", row["published_precision"]
            assert want[-5:] in str(row["published_at_raw"]), f"published_at_raw {row['published_at_raw']!r}"
    d1 = arts[arts["headline"].astype(str) == title("D1")].iloc[0]["published_at"]
    assert d1.tz_convert("UTC") == pd.Timestamp("2025-12-04 17:30", tz="UTC")


def test_date_only_page_has_day_precision_at_midnight(ds):
    """Q_DAY; PORTALS: 'A page that shows only a date has no time: do not invent midnight without saying so'.
    D2 prints 'Thứ hai - 01/12/2025' only: published_at 2025-12-01 00:00 Vietnam time, precision 'day'."""
    a = ds.articles[ds.articles["headline"].astype(str) == title("D2")]
    assert len(a) >= 1
    for _, row in a.iterrows():
        assert row["published_at"] == pd.Timestamp("2025-12-01 00:00", tz=VN_TZ), row["published_at"]
        assert row["published_precision"] == "day", f"{Q_DAY}: {row['published_precision']!r}"


def test_missing_author_and_view_count_are_null_not_empty_or_zero(hist, ds, exports):
    """Q_NULL; docs/schema.md 'null is an empty CSV cell / JSON null'. D3 prints no author: author <NA>;
    P3 prints no view count: view_count <NA> in its row and in every observation of it (not 0), an
    empty cell in articles.csv and null in articles.jsonl."""
    arts = ds.articles
    d3 = arts[arts["headline"].astype(str) == title("D3")]
    assert len(d3) and d3["author"].isna().all(), f"{Q_NULL}: D3 author {list(d3['author'])}"
    p3 = arts[arts["headline"].astype(str) == title("P3")]
    assert len(p3) == 1 and pd.isna(p3.iloc[0]["view_count"]), f"{Q_NULL}: P3 view_count {list(p3['view_count'])}"
    o = obs_of(ds, url=hist.old_urls[(PROV, "P3")])
    assert len(o) == 5 and o["view_count"].isna().all(), f"{Q_NULL}: P3 observations {list(o['view_count'])}"
    rows = [r for r in csv_rows(export_dir(exports, "csv") / "articles.csv") if r["headline"] == title("P3")]
    assert rows and rows[0]["view_count"] == "", f"{Q_NULL}: CSV cell {rows[0]['view_count']!r}"
    rows = [r for r in jsonl_rows(export_dir(exports, "jsonl") / "articles.jsonl") if r["headline"] == title("P3")]
    assert rows and rows[0]["view_count"] is None, f"{Q_NULL}: JSON {rows[0]['view_count']!r}"


# =================================================================================================
# 4. Exports
# =================================================================================================
def test_csv_export_writes_times_and_counts_as_documented(exports):
    """docs/schema.md 'in CSV / JSON Lines': counts as digits, Vietnam time 'ISO 8601 with its offset',
    UTC time 'ISO 8601 with Z', lists a JSON array in one cell; DESIGN 'CSV is UTF-8' (no BOM without
    --excel). observations.csv: every observed_at ends in Z, view counts are plain digits (no '.0')."""
    d = export_dir(exports, "csv")
    raw = (d / "observations.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "a BOM without --excel"
    obs = csv_rows(d / "observations.csv")
    assert len(obs) >= 30, f"observations.csv has {len(obs)} rows"
    for r in obs:
        assert r["observed_at"].endswith("Z"), f"observed_at {r['observed_at']!r}"
        assert r["view_count"] == "" or r["view_count"].isdigit(), f"view_count cell {r['view_count']!r}"
        assert r["http_status"].isdigit(), f"http_status cell {r['http_status']!r}"
    arts = csv_rows(d / "articles.csv")
    for r in arts:
        assert r["published_at"].endswith("+07:00"), f"published_at {r['published_at']!r}"
        assert isinstance(json.loads(r["images"]), list), f"images cell {r['images']!r}"


def test_jsonl_export_keeps_numbers_as_numbers(exports):
    """docs/schema.md: counts are 'digits' in JSON Lines, times ISO 8601 (Z for UTC); DESIGN 'Counts are
    integers'. In observations.jsonl view_count/visitor_counter/http_status are JSON integers or null."""
    obs = jsonl_rows(export_dir(exports, "jsonl") / "observations.jsonl")
    assert len(obs) >= 30
    for r in obs:
        for k in ("view_count", "visitor_counter", "http_status"):
            assert r[k] is None or type(r[k]) is int, f"{k} = {r[k]!r} ({type(r[k]).__name__})"
        assert str(r["observed_at"]).endswith("Z"), r["observed_at"]


def test_parquet_export_reads_with_plain_pandas(exports):
    """Q_PARQUET. pd.read_parquet of observations/articles/site_counters (no govnews) gives Int64 counts,
    string text and tz-aware times, and the file's metadata names govnews_schema_version."""
    d = export_dir(exports, "parquet")
    import pyarrow.parquet as pq
    o = pd.read_parquet(d / "observations.parquet")
    assert str(o["view_count"].dtype) == "Int64", o.dtypes.to_dict()
    assert str(o["run_id"].dtype) == "string", o.dtypes.to_dict()
    assert str(o["observed_at"].dtype) == "datetime64[ns, UTC]", o.dtypes.to_dict()
    a = pd.read_parquet(d / "articles.parquet")
    assert str(a["published_at"].dtype) == "datetime64[ns, Asia/Ho_Chi_Minh]", a.dtypes.to_dict()
    assert str(a["visitor_counter"].dtype) == "Int64", a.dtypes.to_dict()
    sc = pd.read_parquet(d / "site_counters.parquet")
    assert str(sc["total"].dtype) == "Int64", sc.dtypes.to_dict()
    meta = pq.read_schema(d / "observations.parquet").metadata or {}
    assert any(b"govnews_schema_version" in k for k in meta), f"{Q_PARQUET}: metadata keys {list(meta)}"


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_load_of_an_export_folder_matches_the_dataset(ds, exports, fmt):
    """Q_LOADANY; Q_DTYPES. govnews.load of each export folder gives the documented dtypes and the same
    observations (count, and each (article_id, run_id) -> view_count) as the dataset itself."""
    e = load(export_dir(exports, fmt))
    check_dtypes(e, f"govnews.load({fmt} export)")
    assert len(e.observations) == len(ds.observations), (len(e.observations), len(ds.observations))
    key = lambda df: sorted(zip(df["article_id"].astype(str), df["run_id"].astype(str),
                                [None if pd.isna(v) else int(v) for v in df["view_count"]]))
    assert key(e.observations) == key(ds.observations), f"{Q_LOADANY}: {fmt} observations differ"
    assert len(e.site_counters) == len(ds.site_counters)
    assert len(e.runs) == len(ds.runs)


def test_csv_is_excel_safe_and_load_removes_exactly_the_quote(exports):
    """Q_EXCEL. P1's headline '+1.200 hộ nghèo ...' (a '+' a spreadsheet would evaluate) is written
    "'+1.200 ..." in articles.csv; govnews.load of that folder gives the exact headline back;
    articles.jsonl and --raw-csv keep it exact."""
    want = title("P1")
    rows = csv_rows(export_dir(exports, "csv") / "articles.csv")
    cells = [r["headline"] for r in rows if "hộ nghèo" in r["headline"]]
    assert cells and all(c == "'" + want for c in cells), f"{Q_EXCEL}: CSV cells {cells!r}"
    e = load(export_dir(exports, "csv")).articles
    got = [str(h) for h in e["headline"] if "hộ nghèo" in str(h)]
    assert got and all(h == want for h in got), f"{Q_EXCEL}: load gives {got!r}"
    js = [r["headline"] for r in jsonl_rows(export_dir(exports, "jsonl") / "articles.jsonl") if "hộ nghèo" in r["headline"]]
    assert js and all(h == want for h in js), f"{Q_EXCEL}: jsonl {js!r}"
    raw = [r["headline"] for r in csv_rows(export_dir(exports, "raw") / "articles.csv") if "hộ nghèo" in r["headline"]]
    assert raw and all(h == want for h in raw), f"{Q_EXCEL}: --raw-csv {raw!r}"


def test_excel_export_has_a_bom_and_still_loads(exports):
    """Q_BOM; Q_LOADANY. `export --excel`: articles.csv and observations.csv start with the UTF-8 BOM,
    and govnews.load of that folder reads the Vietnamese headlines and Int64 counts as from plain CSV."""
    d = export_dir(exports, "excel")
    for name in ("articles.csv", "observations.csv"):
        assert (d / name).read_bytes().startswith(b"\xef\xbb\xbf"), f"{Q_BOM}: {name} has no BOM"
    e = load(d)
    assert title("P2") in set(e.articles["headline"].astype(str)), sorted(e.articles["headline"].astype(str))
    assert str(e.observations["view_count"].dtype) == "Int64"
    assert "article_id" in e.articles.columns, f"BOM glued to the first column name: {list(e.articles.columns)[:3]}"


def test_each_runs_own_export_holds_what_that_run_fetched(hist, ds):
    """README: 'runs/<run_id>/*.csv, *.jsonl: what each run fetched (written atomically at the end of a
    run that was not interrupted)'. Each of the five runs has its folder; its observations file holds
    P2's count of that run only."""
    ids = hist.run_ids(ds)
    for i, rid in enumerate(ids):
        folder = hist.data / "runs" / rid
        assert folder.is_dir(), f"no runs/{rid}/"
        files = sorted(folder.glob("observations*.csv"))
        assert files, f"runs/{rid}/ holds {sorted(p.name for p in folder.iterdir())}"
        rows = [r for r in csv_rows(files[0]) if r["url"] == hist.old_urls[(PROV, "P2")]]
        assert [r["view_count"] for r in rows] == [str(hist.snaps[i]["views"][(PROV, "P2")])], \
            f"runs/{rid}/{files[0].name}: P2 rows {rows}"
        assert sorted(folder.glob("*.jsonl")), f"runs/{rid}/ has no JSON Lines file"


# =================================================================================================
# 5. The 2025 reorganisation
# =================================================================================================
def test_site_status_follows_the_district_from_reachable_to_redirected_to_gone(hist):
    """Q_STATUS. District: reachable in runs 1-2, redirected in run 3 with final_url on the province's
    host, gone in run 4 (404 on its start page); the province reachable in all five runs."""
    import govnews
    st = govnews.site_status(str(hist.data))
    ids = hist.run_ids()
    def status(site, i):
        rows = st[(st["site"].astype(str) == site) & (st["run_id"].astype(str) == ids[i])]
        assert len(rows) == 1, f"{Q_STATUS}: {site} run {i + 1}: {len(rows)} status rows\n{st}"
        return rows.iloc[0]
    assert [status(DIST, i)["status"] for i in range(4)] == ["reachable", "reachable", "redirected", "gone"], \
        f"{Q_STATUS}:\n{st[st['site'].astype(str) == DIST]}"
    assert hist.prov.host in str(status(DIST, 2)["final_url"]), \
        f"{Q_STATUS} 'with where to': final_url {status(DIST, 2)['final_url']!r}"
    assert [status(PROV, i)["status"] for i in range(5)] == ["reachable"] * 5


def test_closed_district_keeps_its_articles_and_their_history(hist, ds):
    """DESIGN: a crash/run 'loses no committed record'; README: archiving what the 2025 reorganisation
    takes down 'faithfully and with provenance' (PORTALS context). Demanding analyst: after the 301s
    and the 404/410s, every district article is still an articles row with its headline, body and
    published_at, and its run 1-2 observations keep their counts; nothing was overwritten by an error
    page ('Trang không tồn tại' is 'no article', README)."""
    ids = hist.run_ids(ds)
    arts = ds.articles
    for key in ("D1", "D2", "D3", "D4"):
        aid = article_id_of(ds, hist.old_urls[(DIST, key)])
        row = arts[arts["article_id"].astype(str) == aid]
        assert len(row) == 1, f"{key}: {len(row)} article rows for its article_id"
        row = row.iloc[0]
        assert row["headline"] == title(key), f"{key} headline now {row['headline']!r}"
        assert "tin số" in str(row["body"]) and "Trang không tồn tại" not in str(row["body"]), row["body"]
        assert pd.notna(row["published_at"])
        o = obs_of(ds, article_id=aid)
        kept = o[o["run_id"].astype(str).isin(ids[:2])]
        want = [hist.snaps[i]["views"][(DIST, key)] for i in (0, 1) if key != "D4" or i == 1]
        assert sorted(int(v) for v in kept["view_count"]) == sorted(want), \
            f"{key}: run 1-2 counts now {list(kept['view_count'])}, were {want}"


def test_removed_site_keeps_its_history(hist, ds):
    """README: 'Pages queued for a site that is not in this run (a site dropped from sites.toml ...) are
    left alone for that site's next run'; DESIGN: 'One folder holds a whole harvest over time'. After
    the district is removed from sites.toml (run 5), its articles, its observations of runs 1-2 and its
    site_counters rows are all still in the dataset, and run 5 made no observation for it."""
    ids = hist.run_ids(ds)
    o = ds.observations
    d_obs = o[o["site"].astype(str) == DIST]
    assert len(d_obs[d_obs["run_id"].astype(str) == ids[0]]) == 3, "district run-1 observations lost"
    assert len(d_obs[d_obs["run_id"].astype(str) == ids[1]]) == 4, "district run-2 observations lost"
    assert d_obs[d_obs["run_id"].astype(str) == ids[4]].empty, "run 5 observed the removed district"
    assert (ds.articles["site"].astype(str) == DIST).sum() >= 4, "district article rows lost"
    sc = ds.site_counters
    assert ((sc["site"].astype(str) == DIST) & sc["run_id"].astype(str).isin(ids[:2])).sum() == 2


def test_same_host_move_keeps_one_row_and_continues_the_series(hist, ds):
    """Q_MOVE. The province moves P1 to a new address on its own host (new category, new id, 301 from
    the old one) before run 3. The dataset keeps ONE articles row for P1, and that article's series has
    one point in each of the five runs with the count printed then, the run-3..5 points read at the new
    address (final_url)."""
    ids = hist.run_ids(ds)
    rows = ds.articles[ds.articles["headline"].astype(str) == title("P1")]
    assert len(rows) == 1, f"{Q_MOVE}: P1 has {len(rows)} article rows: {list(rows['url'].astype(str))}"
    aid = article_id_of(ds, hist.p1_old)
    assert str(rows.iloc[0]["article_id"]) == aid, "P1's row is not the article first seen at the old address"
    o = obs_of(ds, article_id=aid)
    got = by_run(o, ids)
    want = {i: [s["views"][(PROV, "P1")]] for i, s in enumerate(hist.snaps)}
    assert got == want, f"{Q_MOVE}: P1's series by run {got}, printed {want}"
    late = o[o["run_id"].astype(str).isin(ids[2:])]
    assert (late["final_url"].astype(str) == hist.p1_new).all(), \
        f"docs/schema.md final_url 'after redirects': {list(late['final_url'].astype(str))}"


def test_redirect_fetch_names_requested_and_final_address(hist, ds):
    """README: 'Each observation names its capture: fetched_url (as requested), final_url (after
    redirects), http_status'. Every observation of P1 in run 3 whose fetched_url is the old address has
    final_url = the new address and http_status 200 (the page's, not the 301's... or, if the 301 itself
    is the row, 301 with final_url the new address); and at least one run-3 observation reached the new
    address with 200."""
    ids = hist.run_ids(ds)
    o = ds.observations
    o3 = o[o["run_id"].astype(str) == ids[2]]
    old = o3[o3["fetched_url"].astype(str) == hist.p1_old]
    for _, r in old.iterrows():
        assert str(r["final_url"]) == hist.p1_new, f"fetched {hist.p1_old}, final_url {r['final_url']!r}"
        assert int(r["http_status"]) in (200, 301), r["http_status"]
    new = o3[(o3["final_url"].astype(str) == hist.p1_new) & (o3["http_status"].fillna(0) == 200)]
    assert len(new) >= 1, f"no run-3 observation reached {hist.p1_new}: {o3[['fetched_url', 'final_url', 'http_status']].values.tolist()}"


def test_absorbed_article_is_not_two_unrelated_articles(hist, ds):
    """Q_MOVE (the district's articles moved to the province's portal with 301s from every old address,
    same text); README stories: 'near-duplicate articles across portals', load 'adds story_id'.
    Demanding analyst: D1..D4 now live at the province under new ids; the dataset must not count each as
    two unrelated articles: either ONE articles row per headline (folded), or the district's row and
    the province's copy share a story_id."""
    arts = ds.articles
    bad = []
    for key in ("D1", "D2", "D3", "D4"):
        rows = arts[arts["headline"].astype(str) == title(key)]
        if len(rows) == 1:
            continue
        sids = set(rows["story_id"].astype(str)) if "story_id" in rows.columns else {"<no story_id>"}
        if len(rows) == 0 or len(sids) != 1 or "<NA>" in sids:
            bad.append((key, len(rows), sorted(rows["site"].astype(str)), sorted(sids)))
    assert not bad, f"{Q_MOVE}: moved articles counted as unrelated ones (key, rows, sites, story_ids): {bad}"


def test_absorbed_copies_are_observed_at_the_province_each_run(hist, ds):
    """Q_SERIES; Q_MOVE ('the view count it shows is that run's point of the article's series'). From run
    3 on, each absorbed article's count printed at the province's new address is observed once per run
    (runs 3, 4, 5), whichever row it is kept under."""
    ids = hist.run_ids(ds)
    o = ds.observations
    for key in ("D1", "D2", "D3", "D4"):
        url = hist.prov.article_url(key)
        rows = o[(o["final_url"].astype(str) == url) | (o["url"].astype(str) == url)]
        got = {i: sorted(int(v) for v in rows[rows["run_id"].astype(str) == ids[i]]["view_count"].dropna())
               for i in (2, 3, 4)}
        want = {i: [hist.snaps[i]["views"][(PROV, key)]] for i in (2, 3, 4)}
        assert got == want, f"{key} at the province: observed {got}, printed {want}"


# =================================================================================================
# 6. Analysis functions and the reporting commands
# =================================================================================================
def test_engagement_gives_views_gained_between_runs(hist, ds):
    """README: 'series = govnews.engagement(data)  # one row per article and observation: views,
    views_gained, views_per_day, age_days, observed_at, run_id'. P2's rows: views equal the five printed
    counts and views_gained at run 2 is 29 (3.029 - 3.000), at run 5 also 29."""
    import govnews
    aid = article_id_of(ds, hist.old_urls[(PROV, "P2")])
    e = govnews.engagement(ds)
    for c in ("views", "views_gained", "views_per_day", "age_days", "observed_at", "run_id"):
        assert c in e.columns, f"engagement has no {c}: {list(e.columns)}"
    rows = e[e["article_id"].astype(str) == aid].sort_values("observed_at")
    assert [int(v) for v in rows["views"]] == [s["views"][(PROV, "P2")] for s in hist.snaps], list(rows["views"])
    gained = list(rows["views_gained"])
    assert int(gained[1]) == 29 and int(gained[4]) == 29, f"views_gained {gained}"


def test_views_over_time_by_run_is_one_row_per_run(hist, ds):
    """README: 'daily = govnews.views_over_time(data, freq="run")  # wide: one column per article, by
    run'. Five runs give five rows; P2's column holds its five counts in run order."""
    import govnews
    aid = article_id_of(ds, hist.old_urls[(PROV, "P2")])
    w = govnews.views_over_time(ds, freq="run")
    assert len(w) == 5, f"{len(w)} rows:\n{w}"
    want = [s["views"][(PROV, "P2")] for s in hist.snaps]
    cols = [c for c in w.columns if aid in str(c)] or \
           [c for c in w.columns if [None if pd.isna(v) else int(v) for v in w[c]] == want]
    assert cols, f"no column for P2 ({aid}) in {list(w.columns)[:12]}"
    assert [None if pd.isna(v) else int(v) for v in w[cols[0]]] == want, list(w[cols[0]])


def test_report_runs_on_the_multi_run_dataset(hist, exports):
    """Q_REPORT; README: 'each site's status over time' shown when the dataset has them. `report` on the
    dataset (--lang en and vi) exits 0 and writes one self-contained HTML file naming both sites (no
    external script or stylesheet); `report` on the CSV export folder exits 0 too."""
    import re
    for lang in ("en", "vi"):
        out = hist.root / f"báo-cáo-{lang}.html"
        r = govnews(["report", hist.data, "-o", out, "--lang", lang], cwd=hist.root)
        documented(r, {0})
        text = out.read_text(encoding="utf-8")
        assert DIST in text and PROV in text, "the report does not name both sites"
        ext = re.findall(r"<(?:script|link|img)[^>]+(?:src|href)=[\"']https?://[^\"']+", text)
        assert not ext, f"{Q_REPORT} 'self-contained': external resources {ext[:3]}"
    out = hist.root / "báo-cáo-csv.html"
    r = govnews(["report", export_dir(exports, "csv"), "-o", out], cwd=hist.root)
    documented(r, {0})
    assert out.exists() and out.stat().st_size > 1000


def test_stories_runs_on_the_multi_run_dataset(hist, exports):
    """Q_REPORT; docs/schema.md stories columns. `stories DIR --min-sites 2 -o FILE.csv` on the dataset
    and on the Parquet export exits 0; the CSV has the documented header; plain `stories DIR` exits 0."""
    for src in (hist.data, export_dir(exports, "parquet")):
        out = hist.root / f"stories-{src.name}.csv"
        r = govnews(["stories", src, "--min-sites", "2", "-o", out], cwd=hist.root)
        documented(r, {0})
        with open(out, newline="", encoding="utf-8-sig") as fh:
            header = next(csv.reader(fh), [])
        for c in ("story_id", "articles", "sites", "origin_site", "origin_url", "total_views"):
            assert c in header, f"stories CSV header {header}"
    r = govnews(["stories", hist.data], cwd=hist.root)
    documented(r, {0})
