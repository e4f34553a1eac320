"""Journeys: many runs of `govnews harvest` / `crawl` into one dataset, against a portal that
changes between them (fixtures/blind_hostile3.py).

Written blind: from the README, DESIGN.md, PORTALS.md and the CLI's `--help` only, without
reading the crawler, and without repeating the first two hostile sets (tests/test_blind_hostile.py,
tests/test_blind_hostile2.py), which throw bad HTTP at one crawl. Here the server is polite; what
changes is the site, run after run, as a nightly cron harvest sees it over a year: articles
published, edited, deleted; view counts and the visitor counter rising; the platform moving from
NukeViet to WordPress; the domain redirected to a merged province's portal; the server down for
days; robots.txt tightened; sites added to and dropped from sites.toml; runs killed (SIGKILL),
interrupted (SIGTERM, Ctrl-C), stopped at their time limit; a dataset that is read-only or whose
disk fills; broken configs; and the README's chain crawl -> reparse -> export -> report after it
all. The oracle is what the README and DESIGN.md promise; each test's docstring quotes it.

Small limits keep the file quick: delay 0, timeout 2 s, 2 tries.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from govnews.fixtures.blind_hostile3 import VN, HostilePortal3

import govnews

SAFETY_NET = 90.0                 # seconds: a run still going after this is a hang
SUMMARY = re.compile(r"harvested (\d+) articles? \((\d+) new, (\d+) changed\) from (\d+) sites?")
BASE_HARVEST = {"contact": "blind-tests@example.org", "delay": 0, "timeout": 2.0,
                "connect_timeout": 2.0, "max_tries": 2, "max_pages": 80, "workers": 4,
                "allow_private": True, "host_give_up_seconds": 20.0}
NO_REOBSERVE = {"window_days": 0, "sample_older": 0}


# --------------------------------------------------------------------------------- harness --
@dataclass
class Run:
    rc: int
    stdout: str
    stderr: str
    out: Path | None
    started: float               # time.time() at start
    ended: float
    pid: int

    @property
    def elapsed(self) -> float:
        return self.ended - self.started

    def lines(self, stream: str = "stdout") -> list[str]:
        return [x for x in getattr(self, stream).splitlines() if x.strip()]

    def explain(self) -> str:
        errs = ""
        if self.out is not None and (self.out / "logs").is_dir():
            errs = "\n".join(f.read_text(errors="replace")[-1500:] for f in sorted((self.out / "logs").glob("*.txt")))
        return (f"exit {self.rc} after {self.elapsed:.1f} s\n--- stdout\n{self.stdout[-2500:]}"
                f"\n--- stderr\n{self.stderr[-3500:]}\n--- logs\n{errs[-3000:]}")

    def summary(self) -> tuple[int, int, int, int]:
        m = SUMMARY.search(self.stdout)
        assert m, "no summary line 'harvested N articles (N new, N changed) from N sites'\n" + self.explain()
        return tuple(int(x) for x in m.groups())  # type: ignore[return-value]


class Proc:
    """`python -m govnews ARGS` in its own session, stdout/stderr to files (no terminal: cron)."""

    counter = 0

    def __init__(self, args: list[str], cwd: Path, out: Path | None) -> None:
        Proc.counter += 1
        self.logs = cwd / f"proc{Proc.counter:03d}"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.started = time.time()
        with open(self.logs / "stdout", "wb") as so, open(self.logs / "stderr", "wb") as se:
            self.popen = subprocess.Popen([sys.executable, "-m", "govnews", *map(str, args)], stdout=so,
                                          stderr=se, stdin=subprocess.DEVNULL, cwd=str(cwd),
                                          start_new_session=True)
        self.pid = self.popen.pid

    def running(self) -> bool:
        return self.popen.poll() is None

    def wait(self, limit: float = SAFETY_NET) -> Run:
        try:
            rc = self.popen.wait(timeout=max(0.1, self.started + limit - time.time()))
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(f"govnews still running after {limit:.0f} s (killed)\n"
                        + (self.logs / "stderr").read_text(errors="replace")[-3000:])
        return Run(rc, (self.logs / "stdout").read_text(errors="replace"),
                   (self.logs / "stderr").read_text(errors="replace"), self.out, self.started,
                   time.time(), self.pid)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        try:
            os.killpg(self.pid, sig)
        except ProcessLookupError:
            pass
        if sig == signal.SIGKILL:
            self.popen.wait()


def toml_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)


def write_config(path: Path, out: Path, sites: list[HostilePortal3], *, harvest: dict | None = None,
                 reobserve: dict | None = None) -> Path:
    h = dict(BASE_HARVEST, output=str(out), **(harvest or {}))
    text = "[harvest]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in h.items())
    if reobserve:
        text += "\n[reobserve]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in reobserve.items())
    for p in sites:
        text += f'\n[[sites]]\nname = "{p.commune}"\nstart_urls = ["{p.url}/"]\n'
    path.write_text(text, encoding="utf-8")
    return path


def harvest(cfg: Path, out: Path, *extra: str, limit: float = SAFETY_NET) -> Run:
    return Proc(["harvest", "-c", cfg, "--progress", "never", *extra], cfg.parent, out).wait(limit)


def start_harvest(cfg: Path, out: Path, *extra: str) -> Proc:
    return Proc(["harvest", "-c", cfg, "--progress", "never", *extra], cfg.parent, out)


def crawl(portal: HostilePortal3, out: Path, *extra: str, cwd: Path | None = None) -> Run:
    args = ["crawl", portal.url + "/", "-o", out, "--allow-private", "--delay", "0", "--progress", "never",
            "-s", "timeout=2", "-s", "connect_timeout=2", "-s", "max_tries=2", *extra]
    return Proc(args, cwd or out.parent, out).wait()


def govnews_cmd(cwd: Path, *args: str, out: Path | None = None) -> Run:
    return Proc(list(args), cwd, out).wait()


def check_run(run: Run, rcs: set[int] = frozenset({0})) -> None:
    """What every finished run owes its user: a documented exit code, a summary, no traceback."""
    assert run.rc in rcs, f"exit code {run.rc}, expected one of {sorted(rcs)}\n" + run.explain()
    for stream in (run.stdout, run.stderr):
        assert "Traceback (most recent call last)" not in stream, run.explain()
    if run.out is not None and (run.out / "logs").is_dir():
        assert not list((run.out / "logs").glob("*.crash.txt")), run.explain()
    run.summary()


def check_quiet(run: Run) -> None:
    """README: under cron (no terminal) a run prints one summary line and nothing else when all is well."""
    assert run.rc == 0, run.explain()
    assert len(run.lines("stdout")) == 1, "more than the summary line on stdout\n" + run.explain()
    assert run.stderr.strip() == "", "all was well, yet stderr is not empty\n" + run.explain()


def nfc(x: object) -> str:
    return unicodedata.normalize("NFC", str(x))


def runs_jsonl(out: Path) -> list[dict]:
    path = out / "logs" / "runs.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()] if path.exists() else []


def rows_for(df: pd.DataFrame, headline: str) -> pd.DataFrame:
    return df[[nfc(h) == headline for h in df["headline"]]]


def leftovers(out: Path) -> list[Path]:
    return [f for f in out.rglob("*") if f.is_file() and (f.name.endswith((".open", ".part", "~")) or ".tmp" in f.name)]


def warc_records(out: Path) -> dict[str, dict]:
    """Every WARC record of the dataset, read to its end: id -> type, target URI, digest, file."""
    from warcio.archiveiterator import ArchiveIterator
    records: dict[str, dict] = {}
    files = sorted(out.rglob("*.warc.gz"))
    assert files, f"no WARC file under {out}"
    for f in files:
        cdxj = f.with_name(f.name[:-len(".warc.gz")] + ".cdxj")
        assert cdxj.exists() and cdxj.stat().st_size > 0, f"no CDXJ index beside {f.name}"
        with open(f, "rb") as fh:
            for rec in ArchiveIterator(fh):
                rec.content_stream().read()
                h = rec.rec_headers
                records[h.get_header("WARC-Record-ID")] = {
                    "type": rec.rec_type, "uri": h.get_header("WARC-Target-URI"),
                    "digest": h.get_header("WARC-Payload-Digest"), "file": f.name}
    return records


def warcio_check(out: Path) -> None:
    warcio = Path(sys.executable).with_name("warcio")
    for f in sorted(out.rglob("*.warc.gz")):
        r = subprocess.run([str(warcio), "check", str(f)], capture_output=True, text=True, timeout=60, check=False)
        assert r.returncode == 0, f"warcio check {f.name}: {r.stdout[-1500:]} {r.stderr[-1500:]}"


def wait_until(cond, proc: Proc, limit: float, what: str) -> None:
    end = time.time() + limit
    while time.time() < end:
        if cond():
            return
        if not proc.running():
            run = proc.wait()
            pytest.fail(f"the run ended before {what}\n" + run.explain())
        time.sleep(0.03)
    proc.kill()
    pytest.fail(f"{what}: not within {limit:.0f} s")


def observed_views(obs: pd.DataFrame, run_id: str, slug: str) -> list[int]:
    """View counts observed in one run for the article whose (old or new) address holds `slug`."""
    mask = (obs["run_id"] == run_id) & (obs["url"].astype(str).str.contains(slug, regex=False)
                                        | obs["final_url"].astype(str).str.contains(slug, regex=False))
    return [int(v) for v in obs.loc[mask, "view_count"].dropna()]


def snapshot(out: Path) -> dict[str, str]:
    """Every file's hash, except locks and SQLite's own files (a reader may checkpoint a WAL into
    the database without changing a record: those are compared through govnews.load instead)."""
    skip = (".lock", ".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal", "heartbeat")
    return {str(f.relative_to(out)): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(out.rglob("*")) if f.is_file() and not f.name.endswith(skip)}


ARTICLE_COLUMNS = ["url", "headline", "body", "author", "view_count", "published_at", "content_sha256",
                   "first_seen_at", "fetched_at"]


def article_table(out: Path) -> pd.DataFrame:
    a = govnews.load(out).articles
    return a[ARTICLE_COLUMNS].astype(str).sort_values("url").reset_index(drop=True)


# ---------------------------------------------------------------------------------- tests --
def test_nightly_runs_are_quiet_and_their_counts_match_what_happened(tmp_path: Path) -> None:
    """Three nightly harvests: six articles; then one published and one corrected; then nothing
    but readers. README: "Under cron (no terminal) a run prints one summary line ("harvested 12
    articles (3 new, 1 changed) from 4 sites in 81.2 s; ...") and nothing else when all is well";
    "re-fetches the articles still inside the re-observation window" (30 days; these are 1-16 days
    old). The summary, logs/runs.jsonl, the runs table and the run's observations must agree."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        expected = [(6, 6, 0, 1)]
        runs = [harvest(cfg, out)]
        p.next_run()
        p.publish(1)
        p.edit(302, headline="Triển khai kế hoạch phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão 2025")
        expected.append((7, 1, 1, 1))
        runs.append(harvest(cfg, out))
        p.next_run()
        expected.append((7, 0, 0, 1))
        runs.append(harvest(cfg, out))
    data = govnews.load(out)
    lines = runs_jsonl(out)
    assert len(lines) == 3, lines
    problems = []
    for k, (run, exp, line) in enumerate(zip(runs, expected, lines), 1):
        check_run(run)
        check_quiet(run)
        if run.summary() != exp:
            problems.append(f"run {k}: summary says {run.summary()}, expected {exp} (articles, new, changed, sites)")
        rid = line["run_id"]
        n_obs = int((data.observations["run_id"] == rid).sum())
        if (line.get("articles_new"), line.get("articles_changed"), line.get("observations")) != (exp[1], exp[2], n_obs):
            problems.append(f"run {k}: runs.jsonl {line} vs summary {exp} and {n_obs} observations")
        if n_obs != exp[0]:
            problems.append(f"run {k}: {n_obs} observation rows, summary says {exp[0]} articles harvested")
        row = data.runs[data.runs["run_id"] == rid]
        if len(row) != 1 or (int(row.iloc[0]["articles_new"]), int(row.iloc[0]["articles_changed"])) != exp[1:3]:
            problems.append(f"run {k}: runs table {row.to_dict('records')}")
        elif str(row.iloc[0]["status"]) != "ok":
            problems.append(f"run {k}: status {row.iloc[0]['status']!r}")
    assert not problems, "\n".join(problems)
    assert len(data.articles) == 7, data.articles[["url", "headline"]].to_string()


def test_view_counts_and_the_visitor_counter_form_a_time_series(tmp_path: Path) -> None:
    """Three runs a 'day' apart; each article gains its own number of readers, the site's counter
    rises. README: "Run it every day from cron and each article's view count becomes a time
    series"; DESIGN: observations, "one row per fetch of an article page", site_counters "one row
    per site and run"; times govnews observes are UTC. govnews.engagement gives views_gained."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        series = {s.id: [] for s in p.visible()}
        counters, runs = [], []
        for k in range(3):
            if k:
                p.next_run()
            for s in p.visible():
                series[s.id].append(s.views)
            counters.append(p.counter)
            runs.append(harvest(cfg, out))
        stories = {s.id: s for s in p.visible()}
    for run in runs:
        check_run(run)
    data = govnews.load(out)
    run_ids = [x["run_id"] for x in runs_jsonl(out)]
    obs = data.observations
    problems = []
    for sid, views in series.items():
        s = stories[sid]
        mine = obs[obs["url"].astype(str).str.endswith(s.nv_path)].sort_values("observed_at")
        got = [None if pd.isna(v) else int(v) for v in mine["view_count"]]
        if got != views or list(mine["run_id"]) != run_ids:
            problems.append(f"{sid}: observed {got} in runs {list(mine['run_id'])}, expected {views} in {run_ids}")
    for k, run in enumerate(runs):
        seen = pd.to_datetime(obs.loc[obs["run_id"] == run_ids[k], "observed_at"], utc=True)
        lo = pd.Timestamp(run.started - 2, unit="s", tz="UTC")
        hi = pd.Timestamp(run.ended + 2, unit="s", tz="UTC")
        if not ((seen >= lo) & (seen <= hi)).all():
            problems.append(f"run {k + 1}: observed_at outside the run's wall-clock time: {list(seen)}")
    sc = data.site_counters.sort_values("observed_at")
    if list(sc["site"]) != ["tanphu"] * 3 or [int(x) for x in sc["total"]] != counters:
        problems.append(f"site_counters {sc[['site', 'run_id', 'total']].to_dict('records')}, expected totals {counters}")
    latest = {nfc(r["headline"]): r["view_count"] for _, r in data.articles.iterrows()}
    for sid, views in series.items():
        if latest.get(stories[sid].headline) != views[-1]:
            problems.append(f"{sid}: articles.view_count {latest.get(stories[sid].headline)}, latest observed {views[-1]}")
    eng = govnews.engagement(data)
    last = eng[eng["run_id"] == run_ids[-1]]
    gains = {nfc(r["headline"]): r["views_gained"] for _, r in last.iterrows()}
    for sid in series:
        if gains.get(stories[sid].headline) != stories[sid].gain:
            problems.append(f"{sid}: engagement views_gained {gains.get(stories[sid].headline)}, gained {stories[sid].gain}")
    assert not problems, "\n".join(problems)


def test_an_edited_article_stays_one_row_holding_its_latest_text(tmp_path: Path) -> None:
    """Between two runs an editor corrects article 302's headline and adds a paragraph. DESIGN:
    articles has "one row per article (canonical URL), its latest extraction"; content_sha256 is
    "hash of the extracted text: an edit changes it"; first_seen_at stays, fetched_at moves on.
    The untouched articles (only their view counts rose) keep their hash; the run counts 1 changed."""
    out = tmp_path / "data"
    new_headline = "Triển khai kế hoạch phòng, chống thiên tai mùa mưa bão năm 2025 (cập nhật)"
    extra = "Cập nhật: chiều cùng ngày, xã đã tổ chức diễn tập sơ tán tại ấp Tân Hòa với 120 người tham gia."
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        first = harvest(cfg, out)
        before = govnews.load(out).articles.set_index("url")
        p.next_run()
        p.edit(302, headline=new_headline, extra=extra)
        second = harvest(cfg, out)
        s302 = p.by_id[302]
    check_run(first)
    check_run(second)
    data = govnews.load(out)
    after = data.articles.set_index("url")
    assert len(after) == 6, after[["headline"]].to_string()
    url302 = next(u for u in after.index if str(u).endswith(s302.nv_path))
    r = after.loc[url302]
    problems = []
    if nfc(r["headline"]) != new_headline:
        problems.append(f"headline {r['headline']!r}, the page now says {new_headline!r}")
    if extra not in nfc(r["body"]):
        problems.append("the added paragraph is not in the body")
    if r["content_sha256"] == before.loc[url302, "content_sha256"]:
        problems.append("content_sha256 did not change although the text did")
    if str(r["first_seen_at"]) != str(before.loc[url302, "first_seen_at"]):
        problems.append(f"first_seen_at moved: {before.loc[url302, 'first_seen_at']} -> {r['first_seen_at']}")
    if not pd.Timestamp(r["fetched_at"]) > pd.Timestamp(before.loc[url302, "fetched_at"]):
        problems.append("fetched_at did not move on")
    for u in after.index:
        if u != url302 and after.loc[u, "content_sha256"] != before.loc[u, "content_sha256"]:
            problems.append(f"{u}: content_sha256 changed though only the view count did")
    n302 = data.observations[data.observations["url"] == url302]
    if len(n302) != 2 or n302["article_id"].nunique() != 1:
        problems.append(f"article 302 has {len(n302)} observations under {n302['article_id'].nunique()} ids")
    if second.summary()[2] != 1:
        problems.append(f"summary counts {second.summary()[2]} changed, one article was edited")
    assert not problems, "\n".join(problems) + "\n" + second.explain()


def test_deleted_articles_keep_their_records_and_survive_reparse(tmp_path: Path) -> None:
    """After the first harvest the portal deletes two articles (one answers 404, one 410); the
    next harvest re-observes them. A removed page is history the dataset must keep: DESIGN
    "a crash at any moment ... loses no committed record", articles hold each article's
    "latest extraction" (an error page is no extraction), an observation's view_count is "the
    article's view count as printed on the page" (a 404 prints none). README: "Reparse of an
    untouched dataset changes nothing"."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        first = harvest(cfg, out)
        check_run(first)
        before = article_table(out)
        p.next_run()
        p.delete(303, 404)
        p.delete(305, 410)
        second = harvest(cfg, out)
        gone = {303: p.by_id[303], 305: p.by_id[305]}
        live = {s.id: s for s in p.visible()}
    check_run(second, {0, 1})
    data = govnews.load(out)
    rid2 = runs_jsonl(out)[-1]["run_id"]
    obs = data.observations
    problems = []
    for sid, s in gone.items():
        rows = data.articles[data.articles["url"].astype(str).str.endswith(s.nv_path)]
        old = before[before["url"].str.endswith(s.nv_path)].iloc[0]
        if len(rows) != 1:
            problems.append(f"{sid} (now {s.gone}): {len(rows)} article rows")
            continue
        r = rows.iloc[0]
        for col in ("headline", "body", "view_count", "content_sha256"):
            if str(r[col]) != str(old[col]):
                problems.append(f"{sid} (now {s.gone}): {col} became {str(r[col])[:80]!r}, was {str(old[col])[:80]!r}")
        mine = obs[(obs["run_id"] == rid2) & obs["url"].astype(str).str.endswith(s.nv_path)]
        for _, o in mine.iterrows():
            if not pd.isna(o["view_count"]):
                problems.append(f"{sid}: a view count {o['view_count']} observed from a {s.gone} page")
            if not pd.isna(o["http_status"]) and int(o["http_status"]) != s.gone:
                problems.append(f"{sid}: observation says HTTP {o['http_status']}, the server said {s.gone}")
    for sid, s in live.items():
        if observed_views(obs, rid2, s.slug) != [s.views]:
            problems.append(f"{sid}: run 2 observed {observed_views(obs, rid2, s.slug)}, the page showed {s.views}")
    assert not problems, "\n".join(problems) + "\n" + second.explain()

    settled = article_table(out)
    n_obs = len(obs)
    rp = govnews_cmd(tmp_path, "reparse", str(out), out=out)
    assert rp.rc == 0 and "Traceback" not in rp.stderr, rp.explain()
    again = article_table(out)
    diff = settled.compare(again) if settled.shape == again.shape else f"{settled.shape} -> {again.shape}"
    assert settled.equals(again), f"reparse of an untouched dataset changed the articles:\n{diff}"
    assert len(govnews.load(out).observations) == n_obs, "reparse changed the number of observations"


def test_platform_move_to_wordpress_keeps_every_articles_series_going(tmp_path: Path) -> None:
    """The commune moves its portal from NukeViet to WordPress between two runs: new addresses
    (/2025/11/21/<slug>/), new markup, 301s from every old article address to its new one, and one
    new article. README: govnews knows WordPress; "Run it every day from cron and each article's
    view count becomes a time series"; the harvest "re-fetches the articles still inside the
    re-observation window to add a point to their view-count series"; DESIGN: an observation names
    fetched_url and final_url "after redirects". So run 2 records the new count of every
    article, and extracts the new one whole; a 301 is not a failure (exit 0)."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        first = harvest(cfg, out)
        check_run(first)
        p.next_run()
        p.platform = "wordpress"
        (new,) = p.publish(1)
        second = harvest(cfg, out)
        stories = p.visible()
    check_run(second, {0, 1})
    data = govnews.load(out)
    rid1, rid2 = [x["run_id"] for x in runs_jsonl(out)]
    obs = data.observations
    problems = []
    if int((obs["run_id"] == rid1).sum()) != 6:
        problems.append(f"run 1's observations: {int((obs['run_id'] == rid1).sum())} left of 6")
    for s in stories:
        got = observed_views(obs, rid2, s.slug)
        if s.views not in got:
            problems.append(f"{s.id}: run 2 observed {got}, the WordPress page shows {s.views}")
    rows = rows_for(data.articles, new.headline)
    if len(rows) != 1:
        problems.append(f"the new WordPress article: {len(rows)} rows")
    else:
        r = rows.iloc[0]
        checks = {"url": (str(r["url"]).endswith(new.wp_path), r["url"]),
                  "published_at": (pd.Timestamp(r["published_at"]) == pd.Timestamp(new.iso), r["published_at"]),
                  "view_count": (not pd.isna(r["view_count"]) and int(r["view_count"]) == new.views, r["view_count"]),
                  "author": (nfc(r["author"]) == new.author, r["author"]),
                  "body": (all(x in nfc(r["body"]) for x in new.paragraphs), str(r["body"])[:80]),
                  "platform": (r["platform"] == "wordpress", r["platform"])}
        problems += [f"new article: {k} = {v!r}" for k, (ok, v) in checks.items() if not ok]
    assert not problems, "\n".join(problems) + "\n" + second.explain()
    assert second.rc == 0, "nothing failed: the old addresses redirect\n" + second.explain()


def test_platform_move_does_not_split_an_article_in_two(tmp_path: Path) -> None:
    """The same move to WordPress. Every old address answers `301 Moved Permanently` to the new
    one (RFC 9110 15.4.2: "the target resource has been assigned a new permanent URI"), and the new
    page names itself with rel=canonical. DESIGN: articles has "one row per article (canonical
    URL)"; README: each article's view count "becomes a time series". An analyst counting articles
    or plotting an article's views must not see each article twice, or its series cut in two at
    the move: one row per article, its observations from both runs under one article_id."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        check_run(harvest(cfg, out))
        p.next_run()
        p.platform = "wordpress"
        second = harvest(cfg, out)
        stories = p.visible()
    check_run(second, {0, 1})
    data = govnews.load(out)
    run_ids = {x["run_id"] for x in runs_jsonl(out)}
    problems = []
    for s in stories:
        rows = rows_for(data.articles, s.headline)
        if len(rows) != 1:
            problems.append(f"{s.id}: {len(rows)} article rows: {list(rows['url'])}")
            continue
        aid = rows.iloc[0]["article_id"]
        mine = data.observations[data.observations["article_id"] == aid]
        if set(mine["run_id"]) != run_ids:
            problems.append(f"{s.id}: its article_id has observations from {len(set(mine['run_id']))} of the 2 runs")
    assert not problems, "\n".join(problems) + "\n" + second.explain()


def test_domain_redirected_to_a_merged_portal_is_recorded_not_followed(tmp_path: Path) -> None:
    """After the 2025 merger the commune's whole domain answers 301 to the new commune's portal (another
    host). README: site status `redirected` "(with where to: a merged province's portal; a
    redirect out of the site's scope is never followed)"; "robots.txt and sitemaps go through the
    same scope ... checks"; the records harvested before stay. And the run stays short: every
    page of the host now fails the same way, and "A host that answers nothing usable for
    host_give_up_seconds ... is given up" ("a bad host costs a bounded time"; a tarpit host costs
    "at most" host_give_up_seconds + one attempt's timeout)."""
    out = tmp_path / "data"
    give_up = 5
    with HostilePortal3("tanphu", visible=6) as p, HostilePortal3("phuloi", visible=4) as other:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        check_run(harvest(cfg, out))
        p.next_run()
        p.site_redirect = other.url + "/"
        second = harvest(cfg, out, "-s", f"host_give_up_seconds={give_up}")
        strays = other.paths()
    check_run(second, {0, 1})
    assert strays == [], f"the crawler followed the redirect out of the site: {strays}"
    status = govnews.site_status(out)
    rid2 = runs_jsonl(out)[-1]["run_id"]
    row = status[status["run_id"] == rid2]
    assert len(row) == 1, status.to_string()
    assert row.iloc[0]["status"] == "redirected", status.to_string()
    assert str(row.iloc[0]["final_url"]).startswith(other.url), status.to_string()
    assert len(govnews.load(out).articles) == 6
    assert second.elapsed < give_up + 2 + 8, (
        f"a host whose every page redirects off-site held the run {second.elapsed:.0f} s "
        f"(host_give_up_seconds={give_up}, timeout=2)\n" + second.explain())


def test_site_gone_three_runs_in_a_row_then_back(tmp_path: Path) -> None:
    """Run 1 harvests the portal; for runs 2-4 its server is down (connection refused); for run 5
    it is back with one new article. README: status `gone` ("DNS, connection refused, 404/410 on
    the start page"); "When a site has been gone three runs in a row, the harvest says once how to
    recover it from the Wayback Machine"; exit 1 "finished, but some pages or sites failed";
    nothing harvested before is lost; the site picks up again when it returns."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        runs = [harvest(cfg, out)]
        p.down()
        for _ in range(3):
            runs.append(harvest(cfg, out))
            assert len(govnews.load(out).articles) == 6, "articles lost while the site is down"
        p.up()
        p.next_run()
        p.publish(1)
        runs.append(harvest(cfg, out))
    check_run(runs[0])
    for run in runs[1:4]:
        check_run(run, {1})
    check_run(runs[4])
    status = govnews.site_status(out).sort_values("observed_at")
    assert list(status["status"]) == ["reachable", "gone", "gone", "gone", "reachable"], status.to_string()
    hints = [k + 1 for k, r in enumerate(runs) if re.search(r"wayback", r.stdout + r.stderr, re.IGNORECASE)]
    assert hints == [4], f"the Wayback hint came in runs {hints}; expected once, in run 4 (the third gone run)"
    assert runs[4].summary()[:3] == (7, 1, 0), runs[4].explain()
    assert len(govnews.load(out).articles) == 7


def test_site_added_dropped_and_added_back(tmp_path: Path) -> None:
    """Run 1: sites.toml has tanphu. Run 2: phuloi is added. Run 3: phuloi is dropped (its records
    stay, its server sees no request). Run 4: phuloi is back, with one new article. DESIGN: "One
    folder holds a whole harvest over time"; README: site_counters "one row per site and run";
    the summary counts "from N sites"; nothing known is counted new again."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as a, HostilePortal3("phuloi", visible=5) as b:
        one = write_config(tmp_path / "one.toml", out, [a])
        two = write_config(tmp_path / "two.toml", out, [a, b])
        r1 = harvest(one, out)
        a.next_run()
        r2 = harvest(two, out)
        a.next_run()
        b.next_run()
        r3 = harvest(one, out)
        b_in_run3 = b.paths(run=2)
        a.next_run()
        b.next_run()
        b.publish(1)
        r4 = harvest(two, out)
    for r in (r1, r2, r3, r4):
        check_run(r)
    assert b_in_run3 == [], f"phuloi is not in sites.toml for run 3, yet its server was asked {b_in_run3}"
    problems = []
    for k, (r, exp) in enumerate(zip((r1, r2, r3, r4), ((6, 6, 0, 1), (11, 5, 0, 2), (6, 0, 0, 1), (12, 1, 0, 2))), 1):
        if r.summary() != exp:
            problems.append(f"run {k}: summary {r.summary()}, expected {exp}")
    data = govnews.load(out)
    per_site = data.articles.groupby("site").size().to_dict()
    if per_site != {"tanphu": 6, "phuloi": 6}:
        problems.append(f"articles per site {per_site}")
    if data.articles["url"].duplicated().any():
        problems.append("duplicate article URLs")
    run_ids = [x["run_id"] for x in runs_jsonl(out)]
    b_obs = data.observations[data.observations["site"] == "phuloi"]
    if sorted(set(b_obs["run_id"])) != sorted({run_ids[1], run_ids[3]}):
        problems.append(f"phuloi observed in runs {sorted(set(b_obs['run_id']))}, expected runs 2 and 4")
    sc = data.site_counters
    pairs = sorted((s, run_ids.index(r) + 1) for s, r in zip(sc["site"], sc["run_id"]))
    want = sorted([("tanphu", k) for k in (1, 2, 3, 4)] + [("phuloi", 2), ("phuloi", 4)])
    if pairs != want:
        problems.append(f"site_counters rows (site, run): {pairs}, expected {want}")
    assert not problems, "\n".join(problems)


def test_robots_txt_tightened_between_runs_is_obeyed(tmp_path: Path) -> None:
    """Run 2: robots.txt (sent with Cache-Control: no-cache, RFC 9309 2.4 allows HTTP caching
    rules) now disallows one harvested article and the address of a new one. Run 3: it
    disallows everything. DESIGN: "robots.txt obeyed"; the summary counts "N refused by
    robots.txt"; README: status `blocked` when "robots.txt disallows it"; records stay."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        check_run(harvest(cfg, out))
        p.next_run()
        p.robots = ("User-agent: *\nDisallow: /admin/\nDisallow: /vi/news/tin-tuc/ban-giao-nha-tinh-nghia\n"
                    "Disallow: /vi/news/tin-tuc/khanh-thanh-\n")
        p.robots_headers = [("Cache-Control", "no-cache, max-age=0")]
        p.publish(1)                             # 307 khanh-thanh-cau-kenh-ba-dong
        second = harvest(cfg, out)
        asked2 = p.paths(run=2)
        p.next_run()
        p.robots = "User-agent: *\nDisallow: /\n"
        third = harvest(cfg, out)
        asked3 = p.paths(run=3)
    check_run(second, {0, 1})
    check_run(third, {0, 1})
    assert "/robots.txt" in asked2, f"robots.txt (no-cache) was not read again in run 2: {asked2}"
    bad = [x for x in asked2 if x.startswith(("/vi/news/tin-tuc/ban-giao-nha-tinh-nghia", "/vi/news/tin-tuc/khanh-thanh-"))]
    assert not bad, f"run 2 fetched newly disallowed pages: {bad}"
    m = re.search(r"(\d+) refused by robots\.txt", second.stdout)
    assert m and int(m.group(1)) >= 1, "the summary does not count the refused pages\n" + second.explain()
    assert [x for x in asked3 if x != "/robots.txt"] == [], f"run 3 under 'Disallow: /' fetched {asked3}"
    status = govnews.site_status(out).sort_values("observed_at")
    assert list(status["status"])[-1] == "blocked", status.to_string()
    assert len(govnews.load(out).articles) == 6


def test_sigkill_mid_harvest_then_rerun_resumes_without_duplicates(tmp_path: Path) -> None:
    """A harvest of 14 slow articles. While it runs a second harvest on the folder exits at once
    with 75 and one line naming the holder; then the first is killed with SIGKILL. README: "the
    lock of a process that died is taken over"; "A killed run loses nothing committed: run it again
    and it goes on. The next run marks the killed one `interrupted` and finalises its `.warc.gz.open`
    files (cut after the last complete record), so replay tools read them"; a CDXJ index beside
    each file. Re-observation off: nothing committed is fetched again, nothing is doubled."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=14) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p], reobserve=NO_REOBSERVE)
        p.article_delay = 0.25
        proc = start_harvest(cfg, out)
        wait_until(lambda: len(p.served) >= 5, proc, 40, "five articles served")
        rival = harvest(cfg, out, limit=30)
        wait_until(lambda: len(p.served) >= 6, proc, 20, "six articles served")
        proc.kill(signal.SIGKILL)
        served1 = {sid for _, sid in p.served}
        p.next_run()
        p.article_delay = 0.0
        second = harvest(cfg, out)
        refetched = {sid for r, sid in p.served if r == 2} & served1
        stories = p.visible()
    assert rival.rc == 75, "a second harvest on a locked folder\n" + rival.explain()
    lines = rival.lines("stdout") + rival.lines("stderr")
    assert len(lines) == 1 and str(proc.pid) in lines[0], f"expected one line naming pid {proc.pid}\n" + rival.explain()
    assert rival.elapsed < 10, rival.explain()
    check_run(second)
    assert not leftovers(out), f"half-written files after the re-run: {leftovers(out)}"
    warc_records(out)
    warcio_check(out)
    data = govnews.load(out)
    statuses = list(data.runs.sort_values("started_at")["status"])
    assert statuses == ["interrupted", "ok"], data.runs.to_string()
    assert len(data.articles) == 14 and not data.articles["url"].duplicated().any(), data.articles["url"].to_string()
    for s in stories:
        assert len(rows_for(data.articles, s.headline)) == 1, s.headline
    per = data.observations.groupby("article_id").size()
    assert per.max() == 1, f"articles observed twice with re-observation off:\n{per[per > 1]}"
    assert len(refetched) <= 2, f"the re-run fetched again {sorted(refetched)}, committed before the kill"


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_sigterm_or_ctrl_c_mid_run_exits_130_cleanly(tmp_path: Path, sig: str) -> None:
    """README: exit 130 "interrupted (Ctrl-C or SIGTERM): pages in flight finish, the run is
    recorded as interrupted". The process ends promptly, no traceback (no KeyboardInterrupt
    dump), no `.open` file left (".open while being written": nothing is being written once it
    exited), what it fetched is kept; the next run goes on, nothing doubled. And the interrupted
    run is recorded like any other: `logs/runs.jsonl` is "one JSON line per run: counts, errors by
    kind", the runs table's counts match the observations it committed, and "a run prints one
    summary line" (what a cron mail shows for a reboot's SIGTERM)."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=14) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p], reobserve=NO_REOBSERVE)
        p.article_delay = 0.3
        proc = start_harvest(cfg, out)
        wait_until(lambda: len(p.served) >= 4, proc, 40, "four articles served")
        t_sig = time.time()
        if sig == "SIGTERM":
            os.kill(proc.pid, signal.SIGTERM)            # cron, systemd, `kill`
        else:
            os.killpg(proc.pid, signal.SIGINT)           # Ctrl-C: the whole foreground group
        run = proc.wait(limit=SAFETY_NET)
        late = [r.path for r in p.requests if r.t > t_sig + 0.05 and r.path != "/robots.txt"]
        served = len(p.served)
        mid = govnews.load(out)
        logged = runs_jsonl(out)
        p.next_run()
        p.article_delay = 0.0
        again = harvest(cfg, out)
    assert run.rc == 130, f"{sig}: exit {run.rc}\n" + run.explain()
    assert run.ended - t_sig < 10, f"{sig}: the run took {run.ended - t_sig:.1f} s to stop\n" + run.explain()
    for stream in (run.stdout, run.stderr):
        assert "Traceback" not in stream and "KeyboardInterrupt" not in stream, run.explain()
    assert len(late) <= 2, f"requests started after {sig}: {late}"
    assert not leftovers(out), f"{sig}: files still '.open' after the process ended: {leftovers(out)}"
    kept = len(mid.articles)
    assert kept >= min(served, 4) - 1, f"only {kept} articles kept of {served} served before {sig}"
    assert list(mid.runs["status"]) == ["interrupted"], mid.runs.to_string()
    check_run(again)
    warc_records(out)
    data = govnews.load(out)
    assert len(data.articles) == 14 and not data.articles["url"].duplicated().any()
    assert data.observations.groupby("article_id").size().max() == 1
    problems = []
    rid = mid.runs.iloc[0]["run_id"]
    committed = int((mid.observations["run_id"] == rid).sum())
    row = mid.runs.iloc[0]
    if int(row["observations"]) != committed or int(row["pages_fetched"]) < committed:
        problems.append(f"runs table: observations {row['observations']}, pages_fetched {row['pages_fetched']}; "
                        f"{committed} observations were committed in that run")
    mine = [x for x in logged if x.get("run_id") == rid]
    if len(mine) != 1 or mine[0].get("status") != "interrupted":
        problems.append(f"logs/runs.jsonl has {len(mine)} lines for the interrupted run: {mine}")
    if not SUMMARY.search(run.stdout):
        problems.append("no summary line ('harvested N articles ...') on stdout; it printed "
                        f"{(run.stdout + run.stderr).strip()!r}")
    assert not problems, "\n".join(problems)


def test_year_long_cache_headers_and_a_future_date_do_not_stop_the_series(tmp_path: Path) -> None:
    """Every page says `Cache-Control: public, max-age=31536000, immutable`, an Expires a year
    ahead, a Last-Modified a year in the future (a server clock gone wrong) and one weak ETag for
    all pages; it ignores conditional requests and always sends the current page. One article is
    dated tomorrow (scheduled by an editor). README: the harvest "re-fetches the articles still
    inside the re-observation window to add a point to their view-count series": HTTP freshness is
    no reason to skip a point. Times govnews observes are its own (UTC); published_at is as printed."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        p.cache_oddities = True
        future = p.by_id[306]
        future.published = (dt.datetime.now(VN) + dt.timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        first = harvest(cfg, out)
        p.next_run()
        second = harvest(cfg, out)
        stories = [s for s in p.visible() if s.id != 306]
    check_run(first)
    check_run(second)
    data = govnews.load(out)
    rid2 = runs_jsonl(out)[-1]["run_id"]
    obs = data.observations
    problems = [f"{s.id}: run 2 observed {observed_views(obs, rid2, s.slug)}, the page shows {s.views}"
                for s in stories if observed_views(obs, rid2, s.slug) != [s.views]]
    seen = pd.to_datetime(obs.loc[obs["run_id"] == rid2, "observed_at"], utc=True)
    if len(seen) and not (seen <= pd.Timestamp(second.ended + 2, unit="s", tz="UTC")).all():
        problems.append(f"observed_at taken from the server's clock: {list(seen)}")
    rows = rows_for(data.articles, future.headline)
    if len(rows) != 1 or pd.Timestamp(rows.iloc[0]["published_at"]) != pd.Timestamp(future.iso):
        problems.append(f"the article dated tomorrow: {rows[['published_at']].to_dict('records')}, printed {future.iso}")
    assert not problems, "\n".join(problems) + "\n" + second.explain()
    rep = govnews_cmd(tmp_path, "report", str(out), "-o", str(tmp_path / "r.html"), out=out)
    assert rep.rc == 0 and (tmp_path / "r.html").stat().st_size > 0, rep.explain()


def test_crawl_then_reparse_export_report_after_a_journey(tmp_path: Path) -> None:
    """README's chain on a `crawl` folder ("crawl then reparse, export and report work on its folder
    as on a harvest's") after two crawls: in between an article was edited, one deleted (410), one
    published, and readers came (one small article gained 500 views, the most read gained 1).
    `reparse --dry-run` "writes nothing"; reparse of an untouched dataset "changes nothing, and a
    second reparse changes nothing either"; `export --format parquet` loads back with the same
    rows and dtypes; the report ranks gainers "by gain, not lifetime views" and is self-contained."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        first = crawl(p, out)
        check_run(first)
        p.by_id[306].gain, p.by_id[301].gain = 500, 1
        p.next_run()
        p.edit(302, extra="Ban Chỉ huy cũng công bố số điện thoại trực ban 24/24 giờ trong mùa mưa bão.")
        p.delete(304, 410)
        p.publish(1)
        second = crawl(p, out, "-s", "reobserve.window_days=30")
        check_run(second, {0, 1})
        assert second.summary()[1:3] == (1, 1), second.explain()
        s306, s301 = p.by_id[306], p.by_id[301]
    before = article_table(out)
    n_obs = len(govnews.load(out).observations)
    files = snapshot(out)
    dry = govnews_cmd(tmp_path, "reparse", str(out), "--dry-run", out=out)
    assert dry.rc == 0, dry.explain()
    after_dry = snapshot(out)
    changed = sorted(k for k in set(files) | set(after_dry) if files.get(k) != after_dry.get(k))
    assert not changed, f"reparse --dry-run wrote {changed}"
    assert before.equals(article_table(out)), "reparse --dry-run changed the articles"
    for k in (1, 2):
        rp = govnews_cmd(tmp_path, "reparse", str(out), out=out)
        assert rp.rc == 0 and "Traceback" not in rp.stderr, rp.explain()
        now = article_table(out)
        diff = before.compare(now) if before.shape == now.shape else f"{before.shape} -> {now.shape}"
        assert before.equals(now), f"reparse #{k} changed the articles:\n{diff}"
        assert len(govnews.load(out).observations) == n_obs, f"reparse #{k} changed the observations"
    exp = tmp_path / "exp"
    ex = govnews_cmd(tmp_path, "export", str(out), "--format", "parquet", "-o", str(exp), out=out)
    assert ex.rc == 0 and list(exp.glob("*.parquet")), ex.explain()
    loaded = govnews.load(exp).articles
    assert sorted(loaded["url"]) == sorted(before["url"]), "the Parquet export lost or added articles"
    assert str(loaded["view_count"].dtype) == "Int64" and "datetime64" in str(loaded["published_at"].dtype), loaded.dtypes
    data = govnews.load(out)
    top = govnews.top_gainers(data, n=2)
    assert nfc(top.iloc[0]["headline"]) == s306.headline, top[["headline", "views_start", "views_end", "gained"]].to_string()
    report = tmp_path / "report.html"
    rep = govnews_cmd(tmp_path, "report", str(out), "-o", str(report), "--lang", "en", out=out)
    assert rep.rc == 0, rep.explain()
    text = report.read_text(encoding="utf-8")
    external = re.findall(r"<(?:script|img)[^>]+src=[\"']https?://[^\"']+|<link[^>]+stylesheet[^>]+href=[\"']https?://[^\"']+", text)
    assert not external, f"the report is not self-contained: {external[:3]}"
    assert nfc(s306.headline) in nfc(text.replace("&amp;", "&")), "the top gainer is not in the report"
    from govnews.output.report import report_data
    gainers = report_data(data)["gainers"]
    first_gainer = nfc(gainers.iloc[0]["headline"]) if "headline" in gainers else None
    assert first_gainer == s306.headline, f"the report's first gainer is {first_gainer!r}, not {s306.headline!r} (+500); {s301.headline!r} gained 1"


@contextmanager
def read_only(path: Path):
    """Make `path` read-only for this process tree: chmod for a normal user, a read-only bind mount
    for root (root ignores file modes); skip where neither works."""
    if os.geteuid() != 0:
        modes = {f: f.stat().st_mode for f in [path, *path.rglob("*")]}
        for f in modes:
            f.chmod(modes[f] & ~0o222)
        try:
            yield
        finally:
            for f, m in modes.items():
                f.chmod(m)
        return
    r = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True, check=False)
    if r.returncode:
        pytest.skip("cannot make a folder read-only for root here (no mount)")
    r = subprocess.run(["mount", "-o", "remount,bind,ro", str(path)], capture_output=True, check=False)
    try:
        if r.returncode:
            pytest.skip("cannot remount read-only here")
        yield
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


def test_read_only_dataset_is_one_line_and_the_next_run_goes_on(tmp_path: Path) -> None:
    """After a good harvest the dataset folder becomes read-only (a remounted disk, a wrong
    owner). README: "a dataset that becomes read-only ... stops the run at once: one line naming
    the file and the cause, exit 1, nothing committed lost, no request after it"; exit 2 is "bad
    usage, config or path: one line says what is wrong" (either is fair here). Writable again,
    the next run goes on."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        check_run(harvest(cfg, out))
        p.next_run()
        p.publish(1)
        with read_only(out):
            ro = harvest(cfg, out)
        asked = p.article_requests(run=2)
        third = harvest(cfg, out)
    assert ro.rc in (1, 2), ro.explain()
    assert "Traceback" not in ro.stdout + ro.stderr, ro.explain()
    err = ro.lines("stderr")
    assert len(err) == 1, "expected one line saying what is wrong\n" + ro.explain()
    assert re.search(r"read-only|permission|denied", err[0], re.IGNORECASE) and str(out) in err[0], \
        "the line should name the file and the cause\n" + ro.explain()
    assert len(asked) <= 1, f"pages fetched into a read-only dataset: {asked}"
    check_run(third)
    data = govnews.load(out)
    assert len(data.articles) == 7 and not data.articles["url"].duplicated().any()


def test_output_path_that_is_a_file_is_one_line_exit_2(tmp_path: Path) -> None:
    """`-o` names an existing file, or a folder under one (a typo'd mount point holding a file).
    README: exit 2 "bad usage, config or path: one line says what is wrong". Nothing can be kept,
    so no article page is fetched."""
    blocker = tmp_path / "data.csv"
    blocker.write_text("ngay,luot_xem\n", encoding="utf-8")
    with HostilePortal3("tanphu", visible=6) as p:
        runs = {str(target): crawl(p, target, cwd=tmp_path) for target in (blocker, blocker / "data")}
        cfg = write_config(tmp_path / "sites.toml", blocker / "nested", [p])
        runs["harvest " + str(blocker / "nested")] = harvest(cfg, blocker / "nested")
        asked = p.article_requests()
    problems = []
    for what, run in runs.items():
        lines = run.lines("stdout") + run.lines("stderr")
        if run.rc != 2 or len(lines) != 1 or "Traceback" in run.stderr:
            problems.append(f"{what}: exit {run.rc}, {len(lines)} lines: {lines[:4]}")
    assert not problems, "\n".join(problems)
    assert blocker.read_text(encoding="utf-8") == "ngay,luot_xem\n", "the file in the way was overwritten"
    assert not asked, f"articles fetched with nowhere to keep them: {asked}"


@contextmanager
def small_disk(path: Path, size: str):
    path.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True, check=False)
    if r.returncode:
        pytest.skip("cannot mount a small tmpfs here")

    def resize(new: str) -> None:
        rr = subprocess.run(["mount", "-o", f"remount,size={new}", str(path)], capture_output=True, text=True, check=False)
        assert rr.returncode == 0, rr.stderr
    try:
        yield resize
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


def test_disk_that_fills_mid_run_stops_at_once_and_loses_nothing(tmp_path: Path) -> None:
    """The dataset lives on a small disk. Run 1 fits; then the disk has 192 KiB left and the
    portal publishes six heavy articles (about 400 KB of text each). README: "A disk that fills
    ... stops the run at once: one line naming the file and the cause, exit 1, nothing committed
    lost, no request after it". With room again, the next run goes on: every article once, the
    archive readable."""
    disk = tmp_path / "disk"
    with small_disk(disk, "32m") as resize, HostilePortal3("tanphu", visible=6) as p:
        out = disk / "data"
        cfg = write_config(tmp_path / "sites.toml", out, [p], reobserve=NO_REOBSERVE)
        check_run(harvest(cfg, out))
        st = os.statvfs(disk)
        used = (st.f_blocks - st.f_bfree) * st.f_frsize
        resize(str(used + 192 * 1024))
        heavy = p.publish(6)
        for s in heavy:
            s.filler_kb = 400
        p.next_run()
        full = harvest(cfg, out)
        asked = [x for x in p.article_requests(run=2) if any(s.slug in x for s in heavy)]
        resize("64m")
        p.next_run()
        third = harvest(cfg, out)
        everything = p.visible()
        assert full.rc == 1, full.explain()
        assert "Traceback" not in full.stdout + full.stderr, full.explain()
        said = [x for x in full.lines("stderr") + full.lines("stdout") if re.search(r"space|full", x, re.IGNORECASE)]
        assert said and str(out) in said[0], "no line naming the file and the cause\n" + full.explain()
        assert len(asked) <= 2, f"heavy articles still requested after the disk filled: {len(asked)} of 6"
        check_run(third)
        assert not leftovers(out), leftovers(out)
        warc_records(out)
        data = govnews.load(out)
        assert len(data.articles) == 12 and not data.articles["url"].duplicated().any()
        for s in everything:
            assert len(rows_for(data.articles, s.headline)) == 1, s.headline


# the config-error cases: (id, how the good config is spoiled, extra CLI args, a word the line must hold)
CONFIG_ERRORS = [
    ("unknown_key", lambda t: t.replace("delay = 0\n", "dealy = 0\n"), [], "delay"),
    ("wrong_type", lambda t: t.replace("max_pages = 80", 'max_pages = "nhiều"'), [], "max_pages"),
    ("out_of_range", lambda t: t.replace("workers = 4", "workers = 0"), [], "workers"),
    ("decimal_comma", lambda t: t.replace("delay = 0\n", "delay = 0,5\n"), [], ""),
    ("nan", lambda t: t.replace("timeout = 2.0", "timeout = nan"), [], "timeout"),
    ("no_start_urls", lambda t: re.sub(r"start_urls = .*\n", "", t), [], "start_urls"),
    ("site_key_typo", lambda t: t.replace("start_urls =", "start_url ="), [], "start_urls"),
    ("bad_site_name", lambda t: t.replace('name = "tanphu"', 'name = "tan phu/xa"'), [], "name"),
    ("ftp_start_url", lambda t: re.sub(r'start_urls = \["http', 'start_urls = ["ftp', t), [], "ftp"),
    ("bad_override", lambda t: t, ["-s", "reobserve.window_days=99999"], "window_days"),
    ("missing_file", None, [], "nothing.toml"),
]


@pytest.fixture(scope="module")
def harvested(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("cfgerr")
    out = base / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        cfg = write_config(base / "good.toml", out, [p])
        check_run(harvest(cfg, out))
        yield p, base, cfg, out


@pytest.mark.parametrize("case", CONFIG_ERRORS, ids=[c[0] for c in CONFIG_ERRORS])
def test_config_errors_are_one_line_exit_2_and_touch_nothing(harvested, case) -> None:
    """A nightly job whose sites.toml was edited badly. README: "Every value is checked when the
    config loads, before any request ... An unknown key is an error that suggests the closest known
    one. Each error is one line, exit 2." A dataset that is already there is left as it was."""
    p, base, cfg, out = harvested
    name, spoil, extra, word = case
    bad = base / f"{name}.toml"
    if spoil is None:
        bad = base / "nothing.toml"
    else:
        bad.write_text(spoil(cfg.read_text(encoding="utf-8")), encoding="utf-8")
    before_runs = (out / "logs" / "runs.jsonl").read_text(encoding="utf-8")
    n_req = len(p.requests)
    run = Proc(["harvest", "-c", bad, "--progress", "never", *extra], base, out).wait(30)
    lines = run.lines("stdout") + run.lines("stderr")
    assert run.rc == 2, run.explain()
    assert "Traceback" not in run.stderr, run.explain()
    assert len(lines) == 1, f"{len(lines)} lines, expected one\n" + run.explain()
    assert word.lower() in lines[0].lower(), f"the line does not mention {word!r}: {lines[0]!r}"
    assert len(p.requests) == n_req, f"requests made with a broken config: {[r.path for r in p.requests[n_req:]]}"
    assert (out / "logs" / "runs.jsonl").read_text(encoding="utf-8") == before_runs, "a broken config left a run behind"


def test_time_limited_runs_go_on_where_they_stopped(tmp_path: Path) -> None:
    """Fourteen slow articles, `max_run_seconds = 2`: each run stops taking new pages after 2 s.
    README: it "commits, exits 1 and says "stopped at the time limit""; "A killed run loses
    nothing committed: run it again and it goes on"; with re-observation off, no article is fetched
    or observed twice; a last run without the limit finishes the site, exit 0."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=14) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p], reobserve=NO_REOBSERVE,
                           harvest={"max_run_seconds": 2})
        p.article_delay = 0.35
        limited = []
        for _ in range(2):
            limited.append(harvest(cfg, out))
            p.next_run()
        final = harvest(cfg, out, "-s", "max_run_seconds=0")
        fetched = [sid for _, sid in p.served]
    for run in limited:
        check_run(run, {1})
        assert "stopped at the time limit" in run.stdout + run.stderr, run.explain()
        assert run.elapsed < 15, run.explain()
    check_run(final)
    data = govnews.load(out)
    assert len(data.articles) == 14 and not data.articles["url"].duplicated().any()
    assert data.observations.groupby("article_id").size().max() == 1, "an article observed twice"
    twice = sorted({s for s in fetched if fetched.count(s) > 1})
    assert len(twice) <= 2, f"articles fetched again in a later run: {twice}"
    assert sum(r.summary()[1] for r in [*limited, final]) == 14, [r.summary() for r in [*limited, final]]


def test_failed_pages_are_counted_by_kind_and_harvested_next_run(tmp_path: Path) -> None:
    """Run 1: two articles answer 500 and 503 every time, one never answers. README: exit 1,
    "the summary line names the error kinds; logs/<run_id>.errors.txt has one line per failed page";
    `tail -1 logs/runs.jsonl` "has the counts"; "a bad host ... waits for the next run with its
    pages still queued". Run 2, the server healthy and re-observation off: exactly those three are
    harvested, quietly."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=8) as p:
        cfg = write_config(tmp_path / "sites.toml", out, [p], reobserve=NO_REOBSERVE)
        p.fail = {303: 500, 305: 503}
        p.hang = {307}
        first = harvest(cfg, out)
        p.fail, p.hang = {}, set()
        p.next_run()
        second = harvest(cfg, out)
        bad = [p.by_id[i] for i in (303, 305, 307)]
        asked2 = p.article_requests(run=2)
    check_run(first, {1})
    line = runs_jsonl(out)[0]
    counts = line.get("errors") or {}
    assert sum(counts.values()) == 3, f"runs.jsonl errors {counts}, three pages failed"
    tail = first.stdout.split("errors:", 1)[-1]
    for kind, n in counts.items():
        assert re.search(rf"{re.escape(kind)}\D{{0,3}}{n}\b", tail), f"summary lacks {kind} {n}\n" + first.explain()
    errfile = out / "logs" / f"{line['run_id']}.errors.txt"
    assert errfile.exists(), first.explain()
    elines = [x for x in errfile.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(elines) == 3 and all(any(s.nv_path in x for x in elines) for s in bad), elines
    check_run(second)
    check_quiet(second)
    assert second.summary()[:2] == (3, 3), second.explain()
    assert sorted(asked2) == sorted(s.nv_path for s in bad), f"run 2 asked {asked2}"
    assert len(govnews.load(out).articles) == 8


def test_every_observation_cites_a_warc_record_and_unchanged_pages_are_revisits(tmp_path: Path) -> None:
    """Two runs; one article's page is byte for byte the same in both (nobody read it, the site
    counter stood still). README: "a payload seen before is written once, later copies as
    `revisit` records"; "Each observation names its capture: fetched_url ..., final_url ...,
    http_status, and warc_filename + warc_record_id of the response record, so a capture can be
    cited and replayed"; `warcio check` passes."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as p:
        p.counter_step = 0
        p.by_id[301].gain = 0
        cfg = write_config(tmp_path / "sites.toml", out, [p])
        check_run(harvest(cfg, out))
        p.next_run()
        check_run(harvest(cfg, out))
        still = p.by_id[301]
    records = warc_records(out)
    warcio_check(out)
    obs = govnews.load(out).observations
    assert len(obs) == 12, obs[["url", "run_id"]].to_string()
    problems = []
    for _, o in obs.iterrows():
        rec = records.get(str(o["warc_record_id"]))
        if rec is None:
            problems.append(f"{o['url']}: record {o['warc_record_id']} not in the archive")
            continue
        if rec["file"] != str(o["warc_filename"]):
            problems.append(f"{o['url']}: the record is in {rec['file']}, the observation says {o['warc_filename']}")
        if rec["type"] not in ("response", "revisit") or rec["uri"] not in (o["fetched_url"], o["final_url"]):
            problems.append(f"{o['url']}: cites a {rec['type']} record of {rec['uri']}")
    responses = [r for r in records.values() if r["uri"] and r["uri"].endswith(still.nv_path)]
    kinds = sorted(r["type"] for r in responses if r["type"] in ("response", "revisit"))
    if kinds != ["response", "revisit"]:
        problems.append(f"the unchanged page {still.nv_path} is stored as {kinds}, expected one response and one revisit")
    assert not problems, "\n".join(problems)


def test_killed_run_then_site_dropped_then_back(tmp_path: Path) -> None:
    """Two sites; the run is killed (SIGKILL) while phuloi's slow articles are half fetched; the
    next run's sites.toml lists tanphu only; then phuloi is back. README: "Pages queued for a site
    that is not in this run (a site dropped from sites.toml after a killed run) are left alone for
    that site's next run"; "A run killed before a shard was merged is merged at the next start";
    "govnews.load reads unmerged shard runs too"; "each resumes from its shard, nothing lost or
    duplicated"."""
    out = tmp_path / "data"
    with HostilePortal3("tanphu", visible=6) as a, HostilePortal3("phuloi", visible=8) as b:
        two = write_config(tmp_path / "two.toml", out, [a, b], reobserve=NO_REOBSERVE)
        one = write_config(tmp_path / "one.toml", out, [a], reobserve=NO_REOBSERVE)
        b.article_delay = 0.4
        proc = start_harvest(two, out)
        wait_until(lambda: len(b.served) >= 3 and len(a.served) >= 6, proc, 40, "phuloi half fetched")
        proc.kill(signal.SIGKILL)
        served_b = {sid for _, sid in b.served}
        a.next_run()
        b.next_run()
        second = harvest(one, out)
        b_asked = b.paths(run=2)
        b_kept = int((govnews.load(out).articles["site"] == "phuloi").sum())
        a.next_run()
        b.next_run()
        b.article_delay = 0.0
        third = harvest(two, out)
        refetched = {sid for r, sid in b.served if r == 3} & served_b
    check_run(second)
    assert b_asked == [], f"phuloi was dropped from sites.toml, yet asked {b_asked}"
    assert b_kept >= len(served_b) - 1, f"phuloi: {b_kept} articles visible after the kill, {len(served_b)} were served"
    check_run(third)
    data = govnews.load(out)
    per_site = data.articles.groupby("site").size().to_dict()
    assert per_site == {"tanphu": 6, "phuloi": 8}, per_site
    assert not data.articles["url"].duplicated().any()
    assert data.observations.groupby("article_id").size().max() == 1, "an article observed twice"
    assert len(refetched) <= 2, f"phuloi articles committed before the kill fetched again: {sorted(refetched)}"
    assert not leftovers(out), leftovers(out)
    warc_records(out)
    assert data.runs.sort_values("started_at")["status"].iloc[0] == "interrupted", data.runs.to_string()
