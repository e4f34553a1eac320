"""The archivist's journeys: `govnews recover` against a hostile web archive, then `reparse`,
`export`, `report` and the WARC files on what it recovered (fixtures/blind_hostile4.py).

Written blind: from the README, DESIGN.md, PORTALS.md and the CLI's `--help` only, without reading
the crawler, and without repeating the first three hostile sets (hostile HTTP at one crawl; a site
changing under nightly harvests). Here the portal is gone (closed in the 2025 reorganisation) and
everything comes from a Wayback-style archive on 127.0.0.1 (`--archive-url`, `--allow-private`) or a
Common Crawl index (`--cc-index-url`, `--cc-data-url`): rate limits with small and absurd
Retry-After, 503s, CDX pages with resumeKeys, CDX answers that never end or are not CDX, malformed
rows, duplicate and identical captures, replays that redirect to another timestamp, archived 404s
and 500s, truncated replays, listing-only captures, wrong content types, windows-1258 pages,
timestamps of every shape; then the dataset's hygiene (recover twice, killed and resumed, into a
dataset with live crawls, a merged portal: old domain archived, new domain live) and bad input.

The oracle is what the README and DESIGN.md promise; each test's docstring quotes it. Where the
docs are silent, the docstring says "demanding archivist" and what such a user expects.
Every server is on 127.0.0.1 and started here; every govnews run has a hard time limit.
"""
from __future__ import annotations

import datetime as dt
import html as htmlmod
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import unicodedata
import zipfile
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path

import pandas as pd
import pytest
from govnews.fixtures.blind_hostile4 import (
    BACLIEU_ARTICLES,
    BACLIEU_CITY,
    CAMAU_ARTICLES,
    HONGDAN,
    HONGDAN_ARTICLES,
    UTC,
    Article,
    Capture,
    FakeArchive,
    LivePortal,
    baclieu_history,
    lacviet_article_html,
    lacviet_capture,
    lacviet_error_html,
    lacviet_listing_html,
    lacviet_listing_url,
    lacviet_url,
    nukeviet_article_html,
    sha1_b32,
    to_cp1258,
)

import govnews

SAFETY_NET = 90.0                  # seconds: a run still going after this is a hang
CONTACT = "luu-tru@example.org"
TRACEBACK = "Traceback (most recent call last)"


# --------------------------------------------------------------------------------- harness --
@dataclass
class Run:
    args: list[str]
    rc: int
    stdout: str
    stderr: str
    out: Path | None
    elapsed: float

    def lines(self) -> list[str]:
        return [x for x in (self.stdout + "\n" + self.stderr).splitlines() if x.strip()]

    def explain(self) -> str:
        return (f"govnews {' '.join(map(str, self.args))}\nexit {self.rc} after {self.elapsed:.1f} s"
                f"\n--- stdout\n{self.stdout[-2500:]}\n--- stderr\n{self.stderr[-3500:]}")


class Proc:
    """`python -m govnews ARGS` in its own session, output to files, no terminal (as under cron)."""

    counter = 0

    def __init__(self, args: list, cwd: Path, out: Path | None = None) -> None:
        Proc.counter += 1
        self.args = [str(a) for a in args]
        self.logs = cwd / f"proc{Proc.counter:03d}"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.started = time.time()
        with open(self.logs / "stdout", "wb") as so, open(self.logs / "stderr", "wb") as se:
            self.popen = subprocess.Popen([sys.executable, "-m", "govnews", *self.args], stdout=so, stderr=se,
                                          stdin=subprocess.DEVNULL, cwd=str(cwd), start_new_session=True)

    def running(self) -> bool:
        return self.popen.poll() is None

    def wait(self, limit: float = SAFETY_NET, what=None) -> Run:
        try:
            rc = self.popen.wait(timeout=max(0.1, self.started + limit - time.time()))
        except subprocess.TimeoutExpired:
            self.kill()
            pytest.fail(f"govnews {' '.join(self.args)}\nstill running after {limit:.0f} s (killed)"
                        + (f"; {what()}" if what else "") + "\n--- stdout\n"
                        + (self.logs / "stdout").read_text(errors="replace")[-2000:] + "\n--- stderr\n"
                        + (self.logs / "stderr").read_text(errors="replace")[-3000:])
        return Run(self.args, rc, (self.logs / "stdout").read_text(errors="replace"),
                   (self.logs / "stderr").read_text(errors="replace"), self.out, time.time() - self.started)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        try:
            os.killpg(self.popen.pid, sig)
        except ProcessLookupError:
            pass
        if sig == signal.SIGKILL:
            self.popen.wait()


def recover_args(arch: FakeArchive | None, out: Path, *extra: str, prefix: str = BACLIEU_CITY,
                 source: str = "wayback", delay: str = "0") -> list:
    args: list = ["recover", prefix, "--from", source, "-o", out, "--allow-private", "--delay", delay,
                  "--contact", CONTACT]
    if arch is not None and source == "wayback":
        args += ["--archive-url", arch.url]
    elif arch is not None:
        args += ["--cc-index-url", arch.base, "--cc-data-url", arch.base]
    return args + list(extra)


def recover(arch: FakeArchive | None, out: Path, *extra: str, limit: float = SAFETY_NET, **kw) -> Run:
    what = None
    if arch is not None:
        def what() -> str:
            kinds = [r.kind for r in arch.requests]
            return ", ".join(f"{kinds.count(k)} {k} requests" for k in sorted(set(kinds)))
    return Proc(recover_args(arch, out, *extra, **kw), out.parent, out).wait(limit, what)


def govnews_cmd(cwd: Path, *args, limit: float = SAFETY_NET) -> Run:
    return Proc(list(args), cwd).wait(limit)


def check_run(run: Run, rcs=frozenset({0})) -> None:
    """What every finished run owes its user: a documented exit code and no traceback."""
    assert run.rc in rcs, f"exit code {run.rc}, expected one of {sorted(rcs)}\n" + run.explain()
    assert TRACEBACK not in run.stdout + run.stderr, run.explain()
    if run.out is not None and (run.out / "logs").is_dir():
        crashes = list((run.out / "logs").glob("*.crash.txt"))
        assert not crashes, f"crash files {crashes}\n" + run.explain()


def nfc(x: object) -> str:
    return unicodedata.normalize("NFC", str(x))


def item_of(url: object) -> int | None:
    """The Lạc Việt ItemID (or NukeViet id) in an article address, whatever its case and order."""
    m = re.search(r"itemid=(\d+)", str(url), re.IGNORECASE) or re.search(r"-(\d+)\.html", str(url))
    return int(m[1]) if m else None


def load(out: Path):
    return govnews.load(out)


def same_instant(a: object, b: object) -> bool:
    try:
        return not pd.isna(a) and not pd.isna(b) and pd.Timestamp(a) == pd.Timestamp(b)
    except (TypeError, ValueError):
        return False


def article_rows(data, item: int) -> pd.DataFrame:
    a = data.articles
    return a[[item_of(u) == item for u in a["url"]]]


def obs_rows(data, item: int) -> pd.DataFrame:
    o = data.observations
    return o[[item_of(u) == item for u in o["url"]]]


def leftovers(out: Path) -> list[Path]:
    return [f for f in out.rglob("*") if f.is_file() and (f.name.endswith((".open", ".part", "~")) or ".tmp" in f.name)]


def warc_records(out: Path) -> list[dict]:
    """Every WARC record of the dataset, read to its end, with its payload as stored."""
    from warcio.archiveiterator import ArchiveIterator
    recs: list[dict] = []
    for f in sorted(out.rglob("*.warc.gz")):
        with open(f, "rb") as fh:
            for rec in ArchiveIterator(fh):
                h = rec.rec_headers
                payload = rec.raw_stream.read()
                recs.append({"file": f, "type": rec.rec_type, "uri": h.get_header("WARC-Target-URI") or "",
                             "date": h.get_header("WARC-Date"), "id": h.get_header("WARC-Record-ID"),
                             "digest": h.get_header("WARC-Payload-Digest"), "payload": payload,
                             "status": rec.http_headers.get_statuscode() if rec.http_headers else None,
                             "headers_text": "\n".join(f"{k}: {v}" for k, v in h.headers)
                             + ("\n" + "\n".join(f"{k}: {v}" for k, v in rec.http_headers.headers)
                                if rec.http_headers else "")})
    return recs


def warcio_check(out: Path) -> list[str]:
    warcio = Path(sys.executable).with_name("warcio")
    bad = []
    for f in sorted(out.rglob("*.warc.gz")):
        r = subprocess.run([str(warcio), "check", str(f)], capture_output=True, text=True, timeout=60, check=False)
        if r.returncode != 0:
            bad.append(f"warcio check {f.name}: {r.stdout[-800:]} {r.stderr[-800:]}")
    return bad


def tables(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The article and observation rows that matter to an archivist, comparable across runs."""
    d = load(out)
    a = d.articles[["url", "headline", "body", "view_count", "visitor_counter", "published_at",
                    "content_sha256"]].astype(str).sort_values("url").reset_index(drop=True)
    o = d.observations[["url", "view_count", "visitor_counter", "source_archive", "captured_at",
                        "warc_record_id"]].astype(str).sort_values(["url", "captured_at"]).reset_index(drop=True)
    return a, o


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------- a recovered portal, shared --
@pytest.fixture(scope="module")
def recovered(tmp_path_factory: pytest.TempPathFactory):
    """Six Bạc Liêu city articles, three captures each, plus home and listing captures."""
    base = tmp_path_factory.mktemp("recovered")
    out = base / "baclieu-city"
    with FakeArchive() as arch:
        caps = arch.add(*baclieu_history(6, 3))
        run = recover(arch, out)
        check_run(run)
        yield {"arch": arch, "caps": caps, "out": out, "base": base, "run": run}


def copy_dataset(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("*.lock"))
    return dst


# ----------------------------------------------------------------------- provenance tests --
def test_each_capture_is_a_point_of_the_view_count_series(recovered) -> None:
    """README: recover "records every capture that shows a view count or a visitor counter as an
    observation at its capture time, with `source_archive` ("wayback" ...) and `captured_at`: an
    article's view-count history before govnews ever saw it"; it "fetches each capture's original
    bytes (the Wayback Machine's `id_` mode)". DESIGN: articles is one row per canonical URL; dates
    carry +07:00. The article's address is the portal's, never the archive's."""
    data = load(recovered["out"])
    caps = [c for c in recovered["caps"] if c.article]
    problems = []
    if len(data.articles) != 6:
        problems.append(f"{len(data.articles)} article rows, expected 6: {list(data.articles['url'])}")
    for a in BACLIEU_ARTICLES[:6]:
        rows = article_rows(data, a.item_id)
        if len(rows) != 1:
            problems.append(f"ItemID {a.item_id}: {len(rows)} article rows")
            continue
        r = rows.iloc[0]
        if BACLIEU_CITY not in str(r["url"]) or "127.0.0.1" in str(r["url"]):
            problems.append(f"ItemID {a.item_id}: article url {r['url']} is not the portal's address")
        if nfc(r["headline"]) != a.headline:
            problems.append(f"ItemID {a.item_id}: headline {r['headline']!r}")
        if not same_instant(r["published_at"], a.published):
            problems.append(f"ItemID {a.item_id}: published_at {r['published_at']}, expected {a.published_iso}")
        mine = sorted((c for c in caps if c.article is a), key=lambda c: c.ts)
        got = obs_rows(data, a.item_id).sort_values("captured_at")
        want = [(c.iso, c.views, c.counter) for c in mine]
        have = [(None if pd.isna(o["captured_at"]) else pd.Timestamp(o["captured_at"]).strftime("%Y-%m-%dT%H:%M:%SZ"),
                 None if pd.isna(o["view_count"]) else int(o["view_count"]),
                 None if pd.isna(o["visitor_counter"]) else int(o["visitor_counter"])) for _, o in got.iterrows()]
        if have != want:
            problems.append(f"ItemID {a.item_id}: observations (captured_at, views, counter) {have}, expected {want}")
        if set(got["source_archive"].astype(str)) != {"wayback"}:
            problems.append(f"ItemID {a.item_id}: source_archive {set(got['source_archive'].astype(str))}")
        off = [(str(o["observed_at"]), str(o["captured_at"])) for _, o in got.iterrows()
               if not same_instant(o["observed_at"], o["captured_at"])]
        if off:
            problems.append(f"ItemID {a.item_id}: observed_at is not the capture time: {off}")
    not_id = [r.path for r in recovered["arch"].replays() if "id_/" not in r.path]
    if not_id:
        problems.append(f"replays not in id_ mode (rewritten pages): {not_id[:3]}")
    assert not problems, "\n".join(problems)


def test_article_row_is_the_newest_capture_even_when_it_was_recovered_first(tmp_path: Path) -> None:
    """Two articles corrected by their editors between captures (a typo in the headline, views
    rising). Run 1 recovers 2019 on (--from-date), run 2 the older captures (--to-date). DESIGN:
    articles hold "its latest extraction"; a demanding archivist reads "latest" as the newest
    capture: the row must show the corrected headline and the 2019 view count, never be rolled
    back by an older capture recovered later; observations keep both points, nothing twice."""
    out = tmp_path / "data"
    old, new = [], []
    for k, a in enumerate(BACLIEU_ARTICLES[:2]):
        typo = a.headline.replace("Bạc Liêu", "Bạc Lieu").replace("sử dụng", "sủ dụng")
        old.append(lacviet_capture(a, f"2018080{k + 1}101010", views=120 + k, counter=1_210_000, headline=typo))
        new.append(lacviet_capture(a, f"2019030{k + 1}101010", views=980 + k, counter=1_290_000))
    with FakeArchive() as arch:
        arch.add(*old, *new)
        first = recover(arch, out, "--from-date", "2019-01-01")
        second = recover(arch, out, "--to-date", "2018-12-31")
        n_replays = len(arch.replays())
        third = recover(arch, out)
        again = len(arch.replays()) - n_replays
    for run in (first, second, third):
        check_run(run)
    data = load(out)
    problems = []
    for a, o, n in zip(BACLIEU_ARTICLES[:2], old, new):
        rows = article_rows(data, a.item_id)
        if len(rows) != 1:
            problems.append(f"ItemID {a.item_id}: {len(rows)} rows")
            continue
        r = rows.iloc[0]
        if nfc(r["headline"]) != a.headline or int(r["view_count"]) != n.views:
            problems.append(f"ItemID {a.item_id}: row shows {r['headline']!r} / {r['view_count']} views, expected the "
                            f"newest capture's {a.headline!r} / {n.views} (the older capture said {o.headline!r} / {o.views})")
        seen = sorted(int(v) for v in obs_rows(data, a.item_id)["view_count"].dropna())
        if seen != sorted([o.views, n.views]):
            problems.append(f"ItemID {a.item_id}: observed views {seen}, expected {[o.views, n.views]}")
    if again:
        problems.append(f"a third run over the whole range fetched {again} captures again")
    assert not problems, "\n".join(problems)


def test_identical_captures_are_fetched_once_even_from_a_mirror_that_ignores_collapse(tmp_path: Path) -> None:
    """One article captured four times with byte-identical pages (nobody read it, the counter
    stood still), then once more changed; the mirror ignores `collapse=`. README: govnews "lists the
    captures through the archive's CDX API (newest first, identical captures collapsed)" and is
    "polite to the archives": the identical bytes are fetched once, and make one point of the
    series, not four."""
    out = tmp_path / "data"
    a = BACLIEU_ARTICLES[0]
    body = lacviet_article_html(a, 333, 1_250_000).encode("utf-8")
    same = [Capture(lacviet_url(a.item_id), ts, body, article=a, views=333, counter=1_250_000)
            for ts in ("20180801000000", "20180901000000", "20181001000000", "20181101000000")]
    changed = lacviet_capture(a, "20190101000000", views=512, counter=1_260_000)
    with FakeArchive() as arch:
        arch.honor_collapse = False
        arch.add(*same, changed)
        run = recover(arch, out)
        fetched_same = sum(len(arch.replays_of(c)) for c in same)
    check_run(run)
    views = sorted(int(v) for v in obs_rows(load(out), a.item_id)["view_count"].dropna())
    assert fetched_same == 1, f"four identical captures fetched {fetched_same} times"
    assert views == [333, 512], f"observed views {views}, expected one point per distinct capture"


def test_warc_holds_the_archived_bytes_with_capture_time_and_provenance(recovered) -> None:
    """README: recover "stores them in the dataset's WARC (with the archive's capture time and a
    record naming the capture)"; "Responses are stored as received"; WARC/1.1 "with payload
    digests"; "its sorted CDXJ index (`*.cdxj`) is written beside it"; `warcio check` passes. So every recovered capture is a response
    record of the portal's URL, dated at its capture time, whose payload is byte for byte what the
    archive served and whose digest matches; another record names the capture in the archive."""
    out, arch = recovered["out"], recovered["arch"]
    recs = warc_records(out)
    problems = warcio_check(out)
    files = sorted(out.rglob("*.warc.gz"))
    for f in files:
        cdxj = f.with_name(f.name[:-len(".warc.gz")] + ".cdxj")
        if not cdxj.exists() or cdxj.stat().st_size == 0:
            problems.append(f"no CDXJ index beside {f.relative_to(out)}")
    if leftovers(out):
        problems.append(f"leftover files {leftovers(out)}")
    for r in recs:
        if r["type"] == "response" and r["digest"] and r["digest"] != "sha1:" + sha1_b32(r["payload"]):
            problems.append(f"{r['uri']}: payload digest {r['digest']} does not match its payload")
    for c in (c for c in recovered["caps"] if c.article):
        mine = [r for r in recs if r["type"] in ("response", "revisit") and item_of(r["uri"]) == c.article.item_id
                and same_instant(r["date"], c.iso)]
        if not mine:
            problems.append(f"ItemID {c.article.item_id} @ {c.ts}: no response record dated {c.iso} "
                            f"(dates held: {sorted(r['date'] for r in recs if item_of(r['uri']) == c.article.item_id)})")
            continue
        r = mine[0]
        if "127.0.0.1" in r["uri"] or BACLIEU_CITY not in r["uri"].lower():
            problems.append(f"ItemID {c.article.item_id} @ {c.ts}: WARC-Target-URI {r['uri']} is not the portal's URL")
        if r["type"] == "response" and r["payload"] != c.body:
            problems.append(f"ItemID {c.article.item_id} @ {c.ts}: stored payload ({len(r['payload'])} bytes) is not "
                            f"the archived bytes ({len(c.body)} bytes)")
        host = arch.base.split("//", 1)[1]
        naming = [x for x in recs if x is not r and c.ts in x["headers_text"] + x["payload"].decode("latin-1")
                  and host in x["headers_text"] + x["payload"].decode("latin-1")]
        if not naming:
            problems.append(f"ItemID {c.article.item_id} @ {c.ts}: no record names the capture "
                            f"({arch.replay_url(c)})")
    assert not problems, "\n".join(problems[:20])


def test_recovered_warc_files_are_in_the_sites_folder(recovered) -> None:
    """README, where things go in the dataset folder: "`warc/<site>/*.warc.gz` | every request and
    response"; "Each site's files are in its own folder" (so `wb-manager add` and reparse see one
    site's captures together); a recovered portal is a dataset "like any other"."""
    out = recovered["out"]
    files = sorted(out.rglob("*.warc.gz"))
    assert files, "no WARC file"
    loose = [str(f.relative_to(out)) for f in files if f.parent == out / "warc"]
    assert not loose, f"WARC files not in a site folder warc/<site>/: {loose}"


def test_every_observation_cites_the_warc_record_of_its_capture(recovered) -> None:
    """README: "Each observation names its capture: `fetched_url` (as requested), `final_url`
    (after redirects), `http_status`, and `warc_filename` + `warc_record_id` of the response
    record, so a capture can be cited and replayed." For a recovered capture the cited record is
    the portal's URL at the capture time."""
    out = recovered["out"]
    recs = {r["id"]: r for r in warc_records(out)}
    obs = load(out).observations
    problems = []
    for _, o in obs.iterrows():
        rec = recs.get(str(o["warc_record_id"]))
        if rec is None:
            problems.append(f"{o['url']} @ {o['captured_at']}: record {o['warc_record_id']} is not in the archive")
            continue
        if rec["file"].name != str(o["warc_filename"]):
            problems.append(f"{o['url']}: record is in {rec['file'].name}, observation says {o['warc_filename']}")
        if rec["type"] not in ("response", "revisit") or item_of(rec["uri"]) != item_of(o["url"]):
            problems.append(f"{o['url']}: cites a {rec['type']} record of {rec['uri']}")
        if not same_instant(rec["date"], o["captured_at"]):
            problems.append(f"{o['url']}: captured_at {o['captured_at']} but the cited record is dated {rec['date']}")
        if pd.isna(o["http_status"]) or int(o["http_status"]) != 200:
            problems.append(f"{o['url']}: http_status {o['http_status']}")
    assert len(obs) == 18, f"{len(obs)} observations, expected 18 (6 articles x 3 captures)"
    assert not problems, "\n".join(problems[:20])


def test_a_pywb_collection_is_an_archive_too(tmp_path: Path) -> None:
    """README: `--archive-url` may name "a pywb collection, `--archive-url
    http://localhost:8080/my-collection`: its CDX API at `URL/cdx` answering one JSON object a
    line, captures at `URL/<timestamp>id_/<url>`"."""
    out = tmp_path / "data"
    with FakeArchive(style="pywb") as arch:
        caps = arch.add(*baclieu_history(3, 2))
        run = recover(arch, out)
        wrong = [r.path for r in arch.replays() if not r.path.startswith(f"/{arch.collection}/")]
    check_run(run)
    data = load(out)
    assert not wrong, f"replays outside the collection: {wrong[:3]}"
    assert sorted(item_of(u) for u in data.articles["url"]) == [a.item_id for a in BACLIEU_ARTICLES[:3]], \
        data.articles["url"].tolist()
    assert len(data.observations) == sum(1 for c in caps if c.article)


# -------------------------------------------------------------------- hostile replays --
def test_replay_redirected_to_another_timestamp_records_the_real_capture_time(tmp_path: Path) -> None:
    """The CDX lists a capture at T1, but its replay answers 302 to T2 (the Wayback Machine sends
    you to the nearest capture it really holds); another pair of timestamps redirect to each other
    forever. Demanding archivist (README: observations at "its capture time"; "Every wait and every
    response is bounded"): the point recorded is the bytes received, so captured_at is T2 with T2's
    view count, never T1; the loop costs a bounded time and records nothing."""
    out = tmp_path / "data"
    a, b, c = BACLIEU_ARTICLES[:3]
    listed = lacviet_capture(a, "20190105000000", views=111, counter=1_230_000, redirect_to="20190107093000")
    real = lacviet_capture(a, "20190107093000", views=222, counter=1_231_000, in_cdx=False)
    loop1 = lacviet_capture(b, "20190110000000", views=333, counter=1_232_000, redirect_to="20190111000000")
    loop2 = lacviet_capture(b, "20190111000000", views=334, counter=1_232_001, in_cdx=False, redirect_to="20190110000000")
    plain = lacviet_capture(c, "20190112000000", views=444, counter=1_233_000)
    with FakeArchive() as arch:
        arch.add(listed, real, loop1, loop2, plain)
        run = recover(arch, out, limit=60)
        loop_requests = len(arch.replays_of(loop1)) + len(arch.replays_of(loop2))
    check_run(run, {0, 1})
    data = load(out)
    problems = []
    got = obs_rows(data, a.item_id)
    pts = [(str(o["captured_at"]), None if pd.isna(o["view_count"]) else int(o["view_count"])) for _, o in got.iterrows()]
    if len(got) != 1 or not same_instant(got.iloc[0]["captured_at"], real.iso) or pts[0][1] != 222:
        problems.append(f"redirected capture recorded as {pts}, expected [({real.iso}, 222)]")
    if len(obs_rows(data, b.item_id)):
        problems.append(f"the redirect loop recorded {obs_rows(data, b.item_id)[['captured_at', 'view_count']].values.tolist()}")
    if loop_requests > 25:
        problems.append(f"the redirect loop was followed {loop_requests} times")
    if len(obs_rows(data, c.item_id)) != 1:
        problems.append("the plain capture next to them was not recovered")
    assert not problems, "\n".join(problems) + "\n" + run.explain()


def test_archived_errors_never_become_articles_nor_clobber_a_good_capture(tmp_path: Path) -> None:
    """A mirror that ignores `filter=`, so the archived 404, 410 and 500 pages, a soft 404 served
    with 200, a `warc/revisit` row and an archived 301 come through. The original host is a live
    trap. README: "A page served with 200 that says it is an error ('Trang không tồn tại', 'Lỗi hệ
    thống' ...) is no article"; DESIGN: articles are articles. Demanding archivist: a newer archived
    404 does not erase the article recovered from its older 200 capture, and recovering from an
    archive never contacts the vanished portal itself (an archived redirect is not followed live)."""
    out = tmp_path / "data"
    with LivePortal() as trap, FakeArchive() as arch:
        host = f"127.0.0.1:{trap.port}"
        arts = BACLIEU_ARTICLES
        good = lacviet_capture(arts[0], "20180901000000", views=150, counter=1_240_000, host=host)
        gone = Capture(lacviet_url(arts[0].item_id, host), "20190901000000", status=404,
                       body=lacviet_error_html("404 - Không tìm thấy trang", "Trang không tồn tại hoặc đã bị xóa.",
                                               1_280_000, host=host).encode())
        err500 = Capture(lacviet_url(arts[1].item_id, host), "20180905000000", status=500,
                         body=lacviet_error_html("Lỗi hệ thống", "Đã xảy ra lỗi trong quá trình xử lý yêu cầu.",
                                                 1_241_000, host=host).encode())
        err410 = Capture(lacviet_url(arts[3].item_id, host), "20180906000000", status=410,
                         body=lacviet_error_html("Bài viết đã bị gỡ bỏ", "Nội dung không còn tồn tại.",
                                                 1_241_500, host=host).encode())
        soft = Capture(lacviet_url(arts[2].item_id, host), "20180910000000", status=200,
                       body=lacviet_error_html("Thông báo", "Trang không tồn tại.", 1_242_000, host=host).encode())
        moved = Capture(lacviet_url(arts[4].item_id, host), "20180915000000", status=301, body=b"",
                        headers=[("Location", f"http://{host}/tintuc/Pages/bai-viet-{arts[4].item_id}.aspx")])
        revisit = lacviet_capture(arts[5], "20181001000000", views=77, counter=1_243_000, host=host,
                                  mimetype="warc/revisit", cdx_status="-")
        base = lacviet_capture(arts[5], "20180920000000", views=70, counter=1_242_500, host=host)
        arch.add(good, gone, err500, err410, soft, moved, revisit, base)
        run = recover(arch, out, prefix=host, limit=60)
        trapped = [r.path for r in trap.requests]
    check_run(run, {0, 1})
    data = load(out)
    problems = []
    ids = sorted(item_of(u) for u in data.articles["url"])
    if ids != sorted([arts[0].item_id, arts[5].item_id]):
        problems.append(f"articles {ids}, expected only {[arts[0].item_id, arts[5].item_id]}: "
                        f"{data.articles[['url', 'headline']].values.tolist()}")
    errorish = [h for h in data.articles["headline"].astype(str)
                if re.search(r"không tìm thấy|không tồn tại|lỗi hệ thống|gỡ bỏ|thông báo", nfc(h), re.IGNORECASE)]
    if errorish:
        problems.append(f"error pages kept as articles: {errorish}")
    rows = article_rows(data, arts[0].item_id)
    if len(rows) == 1 and (nfc(rows.iloc[0]["headline"]) != arts[0].headline or pd.isna(rows.iloc[0]["view_count"])
                           or int(rows.iloc[0]["view_count"]) != 150):
        problems.append(f"the newer archived 404 clobbered the article: {rows.iloc[0][['headline', 'view_count']].tolist()}")
    if trapped:
        problems.append(f"the vanished portal itself was contacted: {trapped}")
    assert not problems, "\n".join(problems) + "\n" + run.explain()


def test_truncated_replays_are_retried_and_never_stored_short(tmp_path: Path) -> None:
    """Replays that stop in the middle of the body (Content-Length says more, the connection
    closes): one article's only capture just the first time; another article's newer capture every
    time, while its older capture is whole. README: "A body shorter than its Content-Length ... is a
    truncated page (retried, then counted), never a shorter record"; exit 1 when "some pages ...
    failed". So the first is recovered whole, the second from its older capture, the cut capture
    recorded nowhere (no observation, no WARC response), and the error counted."""
    out = tmp_path / "data"
    a, c = BACLIEU_ARTICLES[0], BACLIEU_ARTICLES[2]
    once = lacviet_capture(a, "20180801000000", views=101, counter=1_250_000, truncate=1)
    c_old = lacviet_capture(c, "20180803000000", views=303, counter=1_250_200)
    c_new = lacviet_capture(c, "20190803000000", views=909, counter=1_290_200, truncate=10 ** 6)
    with FakeArchive() as arch:
        arch.add(once, c_old, c_new)
        run = recover(arch, out, limit=75)
    check_run(run, {1})
    data = load(out)
    problems = []
    for art, want_views in ((a, 101), (c, 303)):
        rows = article_rows(data, art.item_id)
        if len(rows) != 1:
            problems.append(f"ItemID {art.item_id}: {len(rows)} rows")
            continue
        body = nfc(rows.iloc[0]["body"])
        if art.paragraphs[-1] not in body:
            problems.append(f"ItemID {art.item_id}: body lacks its last paragraph (stored short?): ...{body[-120:]!r}")
        if pd.isna(rows.iloc[0]["view_count"]) or int(rows.iloc[0]["view_count"]) != want_views:
            problems.append(f"ItemID {art.item_id}: view_count {rows.iloc[0]['view_count']}, expected {want_views}")
    if 909 in [int(v) for v in obs_rows(data, c.item_id)["view_count"].dropna()]:
        problems.append(f"ItemID {c.item_id}: the truncated capture was recorded as an observation")
    full = {cap.body for cap in (once, c_old, c_new)}
    short = [r["uri"] for r in warc_records(out) if r["type"] == "response" and item_of(r["uri"]) and r["payload"]
             and r["payload"] not in full]
    if short:
        problems.append(f"WARC responses that are not a whole archived page: {short}")
    if re.search(r"errors?:\s*0\b", run.stdout):
        problems.append(f"the summary counts no error: {run.stdout.strip()[-300:]}")
    assert not problems, "\n".join(problems) + "\n" + run.explain()


def test_rate_limits_and_outages_are_waited_out_politely(tmp_path: Path) -> None:
    """--delay 0.3. The CDX answers 429 with Retry-After: 2 first; one capture answers 503 with
    Retry-After: 1, another 429 with no Retry-After. README: recover is "polite to the archives (one
    request at a time, `--delay`, Retry-After honoured, a 429 doubles the delay, a contact in the
    User-Agent)"; max_tries 4 "attempts on timeouts, resets, 5xx and 429". So: everything is
    recovered (exit 0), each Retry-After is waited, requests after the 429 come at least 0.6 s apart,
    never two at once, each naming the contact."""
    out = tmp_path / "data"
    caps = [c for c in baclieu_history(3, 2) if c.article]
    caps[1].fail = [(503, "1")]
    caps[3].fail = [(429, None)]
    with FakeArchive() as arch:
        arch.add(*caps)
        arch.cdx_fail = [(429, "2")]
        run = recover(arch, out, delay="0.3", limit=80)
        reqs = [r for r in arch.requests if r.kind in ("cdx", "replay")]
        inflight = arch.max_inflight
    check_run(run)
    problems = []
    data = load(out)
    if len(data.observations) != len(caps):
        problems.append(f"{len(data.observations)} observations, expected {len(caps)}")
    cdx = [r for r in reqs if r.kind == "cdx"]
    if len(cdx) >= 2 and cdx[1].t0 - cdx[0].t0 < 1.95:
        problems.append(f"CDX retried {cdx[1].t0 - cdx[0].t0:.2f} s after a 429 with Retry-After: 2")
    for k, (x, y) in enumerate(itertools.pairwise(reqs)):
        gap = y.t0 - x.t0
        if x.status == 503 and gap < 0.95:
            problems.append(f"retried {gap:.2f} s after a 503 with Retry-After: 1")
        if gap < 0.27:
            problems.append(f"requests {k} and {k + 1} only {gap:.2f} s apart with --delay 0.3")
    after = next((i for i, r in enumerate(reqs) if r.kind == "replay" and r.status == 429), None)
    if after is None:
        problems.append("the 429 capture was never asked")
    else:
        tight = [f"{y.t0 - x.t0:.2f}" for x, y in zip(reqs[after + 1:], reqs[after + 2:]) if y.t0 - x.t0 < 0.57]
        if tight:
            problems.append(f"after a 429 the delay did not double (gaps {tight} s, expected >= 0.6)")
    if inflight != 1:
        problems.append(f"{inflight} requests in flight at once")
    no_contact = [r.path for r in arch.requests if CONTACT not in r.headers.get("user-agent", "")]
    if no_contact:
        problems.append(f"User-Agent without the contact on {len(no_contact)} requests")
    assert not problems, "\n".join(problems) + "\n" + run.explain()


ABSURD = [("replay", "86400"),
          ("cdx", format_datetime(dt.datetime.now(UTC) + dt.timedelta(days=365), usegmt=True))]


@pytest.mark.parametrize("where,retry_after", ABSURD, ids=["replay_86400s", "cdx_http_date_next_year"])
def test_absurd_retry_after_ends_the_run_at_once_and_the_next_run_goes_on(tmp_path: Path, where, retry_after) -> None:
    """A 429 asking to come back tomorrow (seconds) or next year (an HTTP date). README: "A
    `Retry-After` longer than `max_retry_wait` (300 s) ends that host's run at once, one line in the
    errors"; recover is "resumable (killed, run again: nothing fetched twice)". So the run ends in
    seconds with exit 1 and a line about it; the next run, the archive willing again, recovers the
    rest without fetching any capture twice."""
    out = tmp_path / "data"
    caps = [c for c in baclieu_history(4, 2) if c.article]
    with FakeArchive() as arch:
        arch.add(*caps)
        if where == "replay":
            caps[4].fail = [(429, retry_after)]
        else:
            arch.cdx_fail = [(429, retry_after)]
        first = recover(arch, out, limit=60)
        second = recover(arch, out)
        twice = [f"{c.article.item_id}@{c.ts}" for c in caps if c.served > 1]
    check_run(first, {1})
    assert first.elapsed < 45, f"the run took {first.elapsed:.0f} s\n" + first.explain()
    said = [x for x in first.lines() if re.search(r"retry-after|429|rate|too many", x, re.IGNORECASE)]
    assert said, "no line says why the run stopped\n" + first.explain()
    check_run(second)
    data = load(out)
    assert len(data.observations) == len(caps), f"{len(data.observations)} observations after the second run"
    assert not twice, f"captures fetched twice: {twice}"


def test_cdx_resume_keys_page_through_every_capture(tmp_path: Path) -> None:
    """Eight articles, three captures each; the archive answers at most 5 rows a page with a
    resumeKey (fewer than the `limit` asked). README: govnews "lists the captures through the
    archive's CDX API": all of them, each fetched once, every page asked once."""
    out = tmp_path / "data"
    with FakeArchive() as arch:
        arch.page_cap = 5
        caps = [c for c in arch.add(*baclieu_history(8, 3))]
        run = recover(arch, out)
        keys = [re.search(r"resumeKey=([^&]*)", r.path) for r in arch.of_kind("cdx")]
        twice = [f"{c.ts} {c.url[-30:]}" for c in caps if c.article and len(arch.replays_of(c)) != 1]
    check_run(run)
    data = load(out)
    assert len(data.articles) == 8, data.articles["url"].tolist()
    assert len(data.observations) == 24, f"{len(data.observations)} observations, expected 24"
    assert not twice, f"captures not fetched exactly once: {twice}"
    asked = [k[1] for k in keys if k]
    assert len(asked) == len(set(asked)), f"CDX pages asked more than once: {asked}"


@pytest.mark.parametrize("kind", ["wayback_resume_keys", "commoncrawl_pages"])
def test_a_cdx_that_never_ends_is_bounded(tmp_path: Path, kind) -> None:
    """The CDX never says it is done: the Wayback mirror hands out a fresh resumeKey with every
    page (the same captures again, for ever); the Common Crawl index server answers every `page=N`
    with the same lines. README/DESIGN: "Every run ends by itself: every wait and every response is
    bounded." So the run ends (within 40 s here: the real listing is 3 rows), with each real
    capture recovered once."""
    out = tmp_path / "data"
    caps = [c for c in baclieu_history(3, 1) if c.article]
    with FakeArchive() as arch:
        if kind == "wayback_resume_keys":
            arch.add(*caps)
            arch.endless = True
            arch.page_cap = 2
            run = recover(arch, out, limit=40)
        else:
            arch.cc_add(caps)
            arch.cc_ignore_page = True
            run = recover(arch, out, source="commoncrawl", limit=40)
        n_index = len(arch.of_kind("cdx")) + len(arch.of_kind("cc-index"))
    check_run(run, {0, 1})
    data = load(out)
    assert sorted(item_of(u) for u in data.articles["url"]) == [a.item_id for a in BACLIEU_ARTICLES[:3]], \
        data.articles["url"].tolist()
    assert len(data.observations) == 3, f"{len(data.observations)} observations ({n_index} index requests)"


def test_a_cdx_body_that_never_ends_is_cut_off(tmp_path: Path) -> None:
    """The CDX answer streams rows for ever (chunked, never a last chunk). README: "`timeout`
    bounds each attempt's whole response", `max_bytes` "responses beyond it are cut off and recorded
    as errors". So the run ends by itself, exit 1, having read a bounded amount, no traceback."""
    out = tmp_path / "data"
    with FakeArchive() as arch:
        arch.cdx_stream_forever = True
        run = recover(arch, out, limit=80)
        streamed = arch.streamed
    check_run(run, {1})
    assert streamed < 200 * 2 ** 20, f"{streamed / 2 ** 20:.0f} MiB read from an endless CDX answer"
    assert run.lines(), "nothing says what went wrong\n" + run.explain()


GARBAGE = [
    (["thisisnotarow"], "thisisnotarow"),
    ([], ""),
    (None, "null"),
    ("a string", "a string"),
    ({"timestamp": "20190101000000"}, "{ broken"),
    (["vn,gov)/x", "2019xx01", f"http://{BACLIEU_CITY}/x.aspx", "text/html", "200", "ABC", "100"],
     f"vn,gov)/x 2019xx01 http://{BACLIEU_CITY}/x.aspx text/html 200 ABC 100"),
    (["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], "a b c d e f g h i j"),
    (["vn,gov)/y", "", f"http://{BACLIEU_CITY}/y.aspx", "text/html", "200", "DEF", "100"],
     f"vn,gov)/y  http://{BACLIEU_CITY}/y.aspx text/html 200 DEF 100"),
    (["vn,gov)/z", "20190101000000", f"http://{BACLIEU_CITY}/z.aspx", "text/html", "abc", "GHI", "-"],
     f"vn,gov)/z 20190101000000 http://{BACLIEU_CITY}/z.aspx text/html abc GHI -"),
    ([12, 34.5, True, None, {}, [], "x"], "12 34.5 true null {} [] x"),
]


def test_malformed_cdx_rows_are_skipped_and_rows_outside_the_prefix_ignored(tmp_path: Path) -> None:
    """The CDX answer mixes good rows with rubbish (short rows, long rows, nulls, strings, bad
    timestamps, non-numeric status) and one row of another host. Demanding archivist (README:
    exit 70 is "a bug"; a site's pages are its prefix's): bad rows skipped, the good captures all
    recovered, nothing of another host in the dataset, no traceback."""
    out = tmp_path / "data"
    evil = Capture("http://evil.example.org/tintuc/lists/posts/post.aspx?ItemID=6666&Mode=1", "20190201000000",
                   lacviet_article_html(BACLIEU_ARTICLES[7], 66, 66).encode(), in_cdx=False)
    with FakeArchive() as arch:
        caps = [c for c in arch.add(*baclieu_history(4, 1)) if c.article]
        arch.add(evil)
        arch.cdx_garbage = GARBAGE + [([ "org,example,evil)/", evil.ts, evil.url, "text/html", "200", evil.digest, "900"],
                                       f"org,example,evil)/ {evil.ts} {evil.url} text/html 200 {evil.digest} 900")]
        run = recover(arch, out, limit=60)
    check_run(run, {0, 1})
    data = load(out)
    assert sorted(item_of(u) for u in data.articles["url"] if "evil" not in str(u)) == \
        [a.item_id for a in BACLIEU_ARTICLES[:4]], data.articles["url"].tolist()
    foreign = [u for u in list(data.articles["url"]) + list(data.observations["url"]) if "evil.example" in str(u)]
    assert not foreign, f"rows of a host outside the prefix: {foreign}"
    assert len(data.observations) == len(caps)


NOT_CDX = [
    ("maintenance_page", "text/html; charset=utf-8",
     (b"<!DOCTYPE html><html><head><title>Internet Archive: Scheduled Maintenance</title></head><body>"
      b"<h1>The Wayback Machine is temporarily offline for maintenance.</h1></body></html>")),
    ("truncated_json", "application/json",
     b'[["urlkey","timestamp","original","mimetype","statuscode","digest","length"],["vn,gov,baclieu)/","2019'),
    ("error_object", "application/json", b'{"error": "java.lang.OutOfMemoryError: Java heap space"}'),
    ("binary", "application/json", bytes(range(256)) * 8),
]


def test_a_cdx_answer_that_is_not_a_cdx_is_one_clear_line_exit_1(tmp_path: Path) -> None:
    """The CDX API answers 200 with a maintenance page, cut JSON, an error object or binary
    garbage. README: exit 1 "finished, but some pages, sites or files failed (the summary says
    which)"; 70 is an internal error (a bug). So, for each: exit 1 within a minute, a few lines
    at most, one naming the archive or its CDX, no traceback, no article invented."""
    problems = []
    with FakeArchive() as arch:
        arch.add(*baclieu_history(2, 1))
        host = arch.base.split("//", 1)[1]
        for name, ctype, body in NOT_CDX:
            arch.cdx_raw = (ctype, body)
            out = tmp_path / name
            run = recover(arch, out, limit=60)
            lines = run.lines()
            if run.rc != 1 or TRACEBACK in run.stdout + run.stderr or run.elapsed > 60:
                problems.append(f"{name}: exit {run.rc} after {run.elapsed:.0f} s, traceback: "
                                f"{TRACEBACK in run.stdout + run.stderr}; {lines[-3:]}")
            elif len(lines) > 3 or not any(re.search(rf"cdx|archive|{re.escape(host)}", x, re.IGNORECASE) for x in lines):
                problems.append(f"{name}: {len(lines)} lines, none naming the archive or CDX: {lines[:4]}")
            if (out / "dataset.sqlite").exists() and len(load(out).articles):
                problems.append(f"{name}: articles recorded from a non-CDX answer")
    assert not problems, "\n".join(problems)


def test_capture_timestamps_of_every_shape(tmp_path: Path) -> None:
    """Timestamps as a mirror may list them: 14, 12 and 8 digits, a month 13, letters, 30
    February. Demanding archivist (the Wayback convention: a short timestamp is the start of its
    period; DESIGN: times are UTC with Z; README: observations "at its capture time"): the valid
    ones are recorded at exactly that instant; an impossible time is never invented or kept, and
    never crashes the run."""
    out = tmp_path / "data"
    shapes = {8861: "20180701060000", 8874: "201807081331", 8902: "20180715",
              8915: "20181345000000", 8937: "abcdefghijklmn", 8950: "20180230101010"}
    valid = {8861: "2018-07-01T06:00:00Z", 8874: "2018-07-08T13:31:00Z", 8902: "2018-07-15T00:00:00Z"}
    with FakeArchive() as arch:
        for a in BACLIEU_ARTICLES[:6]:
            arch.add(lacviet_capture(a, shapes[a.item_id], views=a.item_id % 1000, counter=1_300_000))
        run = recover(arch, out, limit=60)
    check_run(run, {0, 1})
    data = load(out)
    problems = []
    for item, iso in valid.items():
        got = [str(x) for x in obs_rows(data, item)["captured_at"]]
        if len(got) != 1 or not same_instant(got[0], iso):
            problems.append(f"ItemID {item} listed at {shapes[item]}: captured_at {got}, expected {iso}")
    for item in (8915, 8937, 8950):
        got = [str(x) for x in obs_rows(data, item)["captured_at"]]
        if got:
            problems.append(f"ItemID {item} listed at impossible {shapes[item]!r}: recorded at {got}")
    assert not problems, "\n".join(problems) + "\n" + run.explain()


@pytest.mark.parametrize("honor", [True, False], ids=["archive_filters_dates", "mirror_ignores_from_to"])
def test_from_and_to_dates_are_inclusive_days(tmp_path: Path, honor) -> None:
    """`--from-date YYYY-MM-DD`: "captures from this day on"; `--to-date`: "captures up to this
    day" (--help). With --from-date 2019-01-01 --to-date 2020-12-31: captures on both boundary
    days are in, the day before and after out (times chosen to be the same day in UTC and in
    Vietnam). The second case is a mirror that ignores `from`/`to`: the promise is govnews's, so
    the result is the same."""
    out = tmp_path / "data"
    when = {8861: "20181231120000", 8874: "20190101080000", 8902: "20201231120000", 8915: "20210101120000"}
    with FakeArchive() as arch:
        arch.honor_dates = honor
        for a in BACLIEU_ARTICLES[:4]:
            arch.add(lacviet_capture(a, when[a.item_id], views=10, counter=1_300_000))
        run = recover(arch, out, "--from-date", "2019-01-01", "--to-date", "2020-12-31")
    check_run(run)
    got = sorted(item_of(u) for u in load(out).observations["url"])
    assert got == [8874, 8902], f"captures recovered: {got}, expected [8874, 8902]"


def test_a_windows_1258_capture_comes_out_as_nfc_unicode(tmp_path: Path) -> None:
    """Hồng Dân district (NukeViet, 2016) pages declared `windows-1258` in a meta tag, served
    without a charset in Content-Type, bytes with combining tone marks. README: "`windows-1258`,
    TCVN3 and VNI pages are converted to Unicode NFC"; "CSV is UTF-8" (DESIGN). The WARC keeps the
    original bytes."""
    out = tmp_path / "data"
    site = "Cổng thông tin điện tử huyện Hồng Dân"
    with FakeArchive() as arch:
        caps = []
        for k, a in enumerate(HONGDAN_ARTICLES):
            page = nukeviet_article_html(f"http://{HONGDAN}", site, a, 300 + k, 45_000 + k, charset="windows-1258")
            caps.append(arch.add(Capture(f"http://{HONGDAN}/vi/news/tin-tuc/{a.slug}-{a.item_id}.html",
                                         f"2016122{k}101010", to_cp1258(page), content_type="text/html",
                                         article=a, views=300 + k, counter=45_000 + k))[0])
        run = recover(arch, out, prefix=HONGDAN)
        check_run(run)
        exp = govnews_cmd(tmp_path, "export", out, "--format", "csv", "-o", tmp_path / "exp")
    check_run(exp)
    data = load(out)
    problems = []
    for a, c in zip(HONGDAN_ARTICLES, caps):
        rows = article_rows(data, a.item_id)
        if len(rows) != 1:
            problems.append(f"{a.item_id}: {len(rows)} rows")
            continue
        r = rows.iloc[0]
        if str(r["headline"]) != a.headline:
            problems.append(f"{a.item_id}: headline {str(r['headline'])!r} (NFC: {nfc(r['headline']) == str(r['headline'])}),"
                            f" expected {a.headline!r}")
        if a.paragraphs[1] not in str(r["body"]):
            problems.append(f"{a.item_id}: body lacks {a.paragraphs[1][:50]!r}: {str(r['body'])[:160]!r}")
        if not same_instant(r["published_at"], a.published):
            problems.append(f"{a.item_id}: published_at {r['published_at']}")
    csv = (tmp_path / "exp" / "articles.csv").read_bytes().decode("utf-8")
    for a in HONGDAN_ARTICLES:
        if a.headline not in csv:
            problems.append(f"articles.csv lacks the NFC headline {a.headline!r}")
    payloads = [r["payload"] for r in warc_records(out) if r["type"] == "response"]
    if not all(c.body in payloads for c in caps):
        problems.append("the WARC does not keep the original windows-1258 bytes")
    assert not problems, "\n".join(problems)


def test_non_html_and_mislabelled_captures(tmp_path: Path) -> None:
    """A mirror that ignores the mimetype filter lists the portal's images, a PDF and a stylesheet;
    one article's replay has no Content-Type at all; one row says text/html but the replay is a
    PNG. Demanding archivist (DESIGN: articles are article pages; README: a page that "holds no
    article" says why): exactly the two HTML articles are recovered, the rest never becomes an
    article, nothing crashes."""
    out = tmp_path / "data"
    a, b, c = BACLIEU_ARTICLES[:3]
    png = b"\x89PNG\r\n\x1a\n" + bytes(200)
    with FakeArchive() as arch:
        arch.honor_filters = False
        arch.add(
            Capture(f"http://{BACLIEU_CITY}/PublishingImages/2018/dua-ghe-ngo.jpg", "20180801000000",
                    b"\xff\xd8\xff\xe0" + bytes(300), mimetype="image/jpeg", content_type="image/jpeg"),
            Capture(f"http://{BACLIEU_CITY}/vanban/Lists/VanBan/Attachments/12/quyet-dinh-12.pdf", "20180802000000",
                    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF", mimetype="application/pdf",
                    content_type="application/pdf"),
            Capture(f"http://{BACLIEU_CITY}/Style%20Library/LacViet/portal.css", "20180803000000",
                    b"body{font-family:Arial} .Title{font-weight:bold}", mimetype="text/css", content_type="text/css"),
            lacviet_capture(a, "20180804000000", views=41, counter=1_260_000, content_type=None),
            Capture(lacviet_url(b.item_id), "20180805000000", png, content_type="image/png"),
            lacviet_capture(c, "20180806000000", views=43, counter=1_260_002),
        )
        run = recover(arch, out, limit=60)
    check_run(run, {0, 1})
    data = load(out)
    ids = sorted(item_of(u) for u in data.articles["url"])
    assert ids == [a.item_id, c.item_id], f"articles {data.articles[['url', 'headline']].values.tolist()}"


def test_a_portal_archived_only_through_its_listings(tmp_path: Path) -> None:
    """Only the home page and the category listing were ever captured (each listing shows the
    articles' view counts and the site's counter). DESIGN: listings are not articles; README:
    "records every capture that shows ... a visitor counter" and site_counters is "the visitor
    counter per site and run". So: no article invented from a listing, exit 0, and the counter's
    history is there at the capture times."""
    out = tmp_path / "data"
    views = {a.item_id: 500 + a.item_id % 100 for a in BACLIEU_ARTICLES}
    shots = []
    for k, ts in enumerate(("20170301080000", "20180301080000", "20190301080000")):
        shots.append(Capture(f"http://{BACLIEU_CITY}/", ts, lacviet_listing_html(
            1_100_000 + 50_000 * k, title="Trang chủ").encode(), counter=1_100_000 + 50_000 * k))
        shots.append(Capture(lacviet_listing_url(), ts[:-4] + "3000", lacviet_listing_html(
            1_100_007 + 50_000 * k, views=views).encode(), counter=1_100_007 + 50_000 * k))
    with FakeArchive() as arch:
        arch.add(*shots)
        run = recover(arch, out)
    check_run(run)
    data = load(out)
    assert len(data.articles) == 0, f"articles made of listings: {data.articles[['url', 'headline']].values.tolist()}"
    counters = data.site_counters
    got = sorted((pd.Timestamp(r["observed_at"]).strftime("%Y-%m-%dT%H:%M:%SZ"), int(r["total"]))
                 for _, r in counters.iterrows() if not pd.isna(r["total"]))
    want = sorted((c.iso, c.counter) for c in shots)
    assert got == want, f"site_counters {got}, expected {want}"


def test_one_article_archived_under_many_addresses_is_one_row(tmp_path: Path) -> None:
    """The archive holds one article under four spellings: http, https + www., parameters
    reordered with `itemid` in lower case, an upper-case host with `:80`. PORTALS: "The query
    parameters come in any order and with varying case"; "HTTP and HTTPS, `www.` and bare host ...
    serve the same articles"; DESIGN: articles are "one row per article (canonical URL)". So one
    row, four points in its series under one article_id."""
    out = tmp_path / "data"
    a = BACLIEU_ARTICLES[0]
    with FakeArchive() as arch:
        for v, ts in enumerate(("20180701000000", "20180801000000", "20180901000000", "20181001000000")):
            arch.add(lacviet_capture(a, ts, views=100 * (v + 1), counter=1_200_000 + v, variant=v))
        run = recover(arch, out)
    check_run(run)
    data = load(out)
    assert len(data.articles) == 1, data.articles["url"].tolist()
    obs = data.observations
    assert len(obs) == 4 and obs["article_id"].nunique() == 1, obs[["url", "article_id", "view_count"]].values.tolist()


# ----------------------------------------------------------------------- dataset hygiene --
def test_recover_twice_fetches_nothing_again_and_changes_nothing(recovered, tmp_path: Path) -> None:
    """README: recover is "resumable (killed, run again: nothing fetched twice)". Run again on the
    finished dataset: no capture fetched again, the tables as they were, no response record added."""
    out = copy_dataset(recovered["out"], tmp_path / "again")
    arch = recovered["arch"]
    before = tables(out)
    n_resp = sum(r["type"] == "response" for r in warc_records(out))
    n = len(arch.replays())
    run = recover(arch, out)
    check_run(run)
    after = tables(out)
    assert len(arch.replays()) == n, f"{len(arch.replays()) - n} captures fetched again"
    pd.testing.assert_frame_equal(before[0], after[0])
    pd.testing.assert_frame_equal(before[1], after[1])
    assert sum(r["type"] == "response" for r in warc_records(out)) == n_resp


def test_a_killed_recovery_resumes_without_fetching_anything_twice(tmp_path: Path) -> None:
    """SIGKILL in the middle of a recovery, then run again. README: "resumable (killed, run again:
    nothing fetched twice)"; "A killed run loses nothing committed"; the next run "finalises its
    `.warc.gz.open` files (cut after the last complete record), so replay tools read them"."""
    out = tmp_path / "data"
    with FakeArchive() as arch:
        caps = [c for c in arch.add(*baclieu_history(6, 2)) if c.article]
        proc = Proc(recover_args(arch, out, delay="0.4"), tmp_path, out)
        end = time.time() + 40
        while time.time() < end and sum(c.served for c in caps) < 5 and proc.running():
            time.sleep(0.02)
        assert proc.running(), "the recovery finished before it could be killed\n" + proc.wait().explain()
        proc.kill()
        served_before = sum(c.served for c in caps)
        run = recover(arch, out)
        twice = [f"{c.article.item_id}@{c.ts}" for c in caps if c.served > 1]
    check_run(run)
    data = load(out)
    problems = []
    if len(data.articles) != 6 or data.articles["url"].duplicated().any():
        problems.append(f"{len(data.articles)} article rows: {data.articles['url'].tolist()}")
    if len(data.observations) != 12 or data.observations.duplicated(["url", "captured_at"]).any():
        problems.append(f"{len(data.observations)} observations, expected 12, no duplicates")
    if len(twice) > 1:
        problems.append(f"{served_before} captures were served before the kill; fetched again: {twice}")
    if leftovers(out):
        problems.append(f"leftovers after the next run: {leftovers(out)}")
    problems += warcio_check(out)
    assert not problems, "\n".join(problems) + "\n" + run.explain()


@pytest.mark.parametrize("order", ["live_then_archive", "archive_then_live"])
def test_recover_into_a_dataset_that_crawls_the_same_portal_live(tmp_path: Path, order) -> None:
    """A portal still online is crawled live, and its older captures recovered into the same
    dataset (in either order). README: "Their pages can be recovered from web archives into a
    dataset like any other"; `source_archive` is "null for a live fetch"; `--site` defaults to "the
    host", as a crawl's site does; DESIGN: one row per article. So: one row per article showing the
    live (newest) page, live points without source_archive, archive points with it, and the series
    in time order. (The crawl after a recovery is told to re-observe: `-s reobserve.window_days`.)"""
    out = tmp_path / "data"
    arts = CAMAU_ARTICLES
    with LivePortal(arts) as live, FakeArchive() as arch:
        host = f"127.0.0.1:{live.port}"
        old_headline = arts[0].headline.replace("sau hợp nhất", "sau khi hợp nhất tỉnh")
        for k, a in enumerate(arts):
            for j, ts in enumerate((f"202507{10 + k}020000", f"202508{10 + k}020000")):
                arch.add(Capture(live.article_url(a), ts, live.page(a, 100 * (j + 1) + k, 9_000_000 + j,
                                                                     headline=old_headline if k == 0 else None),
                                 article=a, views=100 * (j + 1) + k))
        crawl_args = ["crawl", live.base + "/", "-o", out, "--allow-private", "--delay", "0", "--progress", "never",
                      "-s", "timeout=5", "-s", "max_tries=2"]
        if order == "live_then_archive":
            runs = [govnews_cmd(tmp_path, *crawl_args), recover(arch, out, prefix=host)]
        else:
            runs = [recover(arch, out, prefix=host),
                    govnews_cmd(tmp_path, *crawl_args, "-s", "reobserve.window_days=36500")]
    for run in runs:
        check_run(run)
    data = load(out)
    problems = []
    if data.articles["site"].nunique() != 1:
        problems.append(f"sites {sorted(data.articles['site'].astype(str).unique())}: one portal, one site")
    for a in arts:
        rows = article_rows(data, a.item_id)
        if len(rows) != 1:
            problems.append(f"{a.item_id}: {len(rows)} article rows")
            continue
        r = rows.iloc[0]
        if nfc(r["headline"]) != a.headline or pd.isna(r["view_count"]) or int(r["view_count"]) != live.views[a.item_id]:
            problems.append(f"{a.item_id}: row shows {r['headline']!r} / {r['view_count']}, expected the live page "
                            f"{a.headline!r} / {live.views[a.item_id]}")
        o = obs_rows(data, a.item_id)
        src = sorted("live" if pd.isna(s) else str(s) for s in o["source_archive"])
        if src != ["live", "wayback", "wayback"]:
            problems.append(f"{a.item_id}: observation sources {src}, expected one live and two wayback")
        when = [pd.Timestamp(c) if not pd.isna(c) else pd.Timestamp(ob)
                for c, ob in zip(o["captured_at"], o["observed_at"])]
        series = [int(v) for _, v in sorted(zip(when, o["view_count"]), key=lambda x: x[0]) if not pd.isna(v)]
        if series != sorted(series) or len(series) != 3:
            problems.append(f"{a.item_id}: the series in time order is {series}")
    assert not problems, "\n".join(problems)


def test_merged_portal_old_domain_archived_new_domain_live_in_one_harvest(tmp_path: Path) -> None:
    """After the merger the city portal is gone (recovered from the archive) and the province's new
    portal is live, republishing two of the city's articles; Hồng Dân district, also gone, is on the
    same archive. README: "A gone portal can also stay in `sites.toml`, recovered by every harvest
    beside the live ones (resumable the same way; sites on one archive take turns, one request at a
    time)"; `archive_url` "as `govnews recover` takes them"; `govnews stories` lists "one release
    republished across portals". A second harvest fetches nothing again from the archive."""
    out = tmp_path / "data"
    republished = tuple(Article(1300 + k, a.slug, a.headline, a.author, a.published, a.paragraphs)
                        for k, a in enumerate(BACLIEU_ARTICLES[:2]))
    with LivePortal(CAMAU_ARTICLES + republished) as camau, FakeArchive() as arch:
        for a in republished:
            camau.sources[a.item_id] = "Cổng thông tin điện tử thành phố Bạc Liêu"
        arch.add(*baclieu_history(4, 2))
        for k, a in enumerate(HONGDAN_ARTICLES):
            page = nukeviet_article_html(f"http://{HONGDAN}", "Huyện Hồng Dân", a, 50 + k, 40_000)
            arch.add(Capture(f"http://{HONGDAN}/vi/news/tin-tuc/{a.slug}-{a.item_id}.html", f"2017010{k + 1}000000",
                             page.encode(), article=a, views=50 + k))
        cfg = tmp_path / "sites.toml"
        cfg.write_text(f"""[harvest]
output = "{out}"
contact = "{CONTACT}"
delay = 0
timeout = 5.0
max_tries = 2
allow_private = true

[[sites]]
name = "baclieu-city"
start_urls = ["http://{BACLIEU_CITY}/"]
source = "wayback"
archive_url = "{arch.url}"

[[sites]]
name = "hongdan"
start_urls = ["http://{HONGDAN}/"]
source = "wayback"
archive_url = "{arch.url}"

[[sites]]
name = "camau"
start_urls = ["{camau.base}/"]
""", encoding="utf-8")
        first = govnews_cmd(tmp_path, "harvest", "-c", cfg, "--progress", "never")
        n = len(arch.replays())
        second = govnews_cmd(tmp_path, "harvest", "-c", cfg, "--progress", "never")
        again = len(arch.replays()) - n
        inflight = arch.max_inflight
        stories = govnews_cmd(tmp_path, "stories", out, "--min-sites", "2", "-o", tmp_path / "stories.jsonl")
        new_urls = {a.item_id: camau.article_url(a) for a in republished}
    check_run(first)
    check_run(second)
    data = load(out)
    problems = []
    per_site = data.articles.groupby("site").size().to_dict()
    if per_site != {"baclieu-city": 4, "hongdan": 2, "camau": 4}:
        problems.append(f"articles per site {per_site}, expected baclieu-city 4, hongdan 2, camau 4")
    obs = data.observations
    arch_sites = obs[obs["site"].isin(["baclieu-city", "hongdan"])]
    if set(arch_sites["source_archive"].astype(str)) != {"wayback"} or arch_sites["captured_at"].isna().any():
        problems.append(f"archived sites' observations: sources {set(arch_sites['source_archive'].astype(str))}")
    live_obs = obs[obs["site"] == "camau"]
    if live_obs["source_archive"].notna().any():
        problems.append("live observations carry a source_archive")
    wrong = [u for s, u in zip(data.articles["site"], data.articles["url"])
             if (s == "camau") != (f"127.0.0.1:{camau.port}" in str(u))]
    if wrong:
        problems.append(f"articles filed under the wrong site: {wrong}")
    if again:
        problems.append(f"the second harvest fetched {again} captures again")
    if inflight != 1:
        problems.append(f"{inflight} requests at once on the archive shared by two sites")
    if stories.rc != 0:
        problems.append("stories: " + stories.explain())
    else:
        text = (tmp_path / "stories.jsonl").read_text(encoding="utf-8") if (tmp_path / "stories.jsonl").exists() else ""
        for k, a in enumerate(republished):
            old_item = BACLIEU_ARTICLES[k].item_id
            paired = [x for x in text.splitlines() if re.search(rf"itemid={old_item}\b", x, re.IGNORECASE)
                      and "camau" in x and "baclieu-city" in x]
            if not paired:
                problems.append(f"no story carries ItemID {old_item} on both baclieu-city and camau "
                                f"(republished at {new_urls[a.item_id]}): {text[:600]}")
    assert not problems, "\n".join(problems) + "\n" + first.explain()


# ----------------------------------------------------------- reparse, export, report --
def test_reparse_of_a_recovered_dataset_changes_nothing(recovered, tmp_path: Path) -> None:
    """README: "`govnews reparse DIR` re-extracts every article from the archive with today's
    parsers and no network ... Reparse of an untouched dataset changes nothing, and a second reparse
    changes nothing either. `--dry-run` ... writes nothing; `--into NEW_DIR` writes the result as a
    new dataset". The recovered pages keep their provenance: source_archive and captured_at."""
    out = copy_dataset(recovered["out"], tmp_path / "data")
    before = tables(out)
    problems = []
    dry = govnews_cmd(tmp_path, "reparse", out, "--dry-run")
    check_run(dry)
    if tables(out)[0].to_dict() != before[0].to_dict():
        problems.append("--dry-run changed the articles")
    into = govnews_cmd(tmp_path, "reparse", out, "--into", tmp_path / "new")
    check_run(into)
    for k in range(2):
        run = govnews_cmd(tmp_path, "reparse", out)
        check_run(run)
        after = tables(out)
        for name, x, y in (("articles", before[0], after[0]), ("observations", before[1], after[1])):
            if not x.equals(y):
                diff = x.compare(y) if x.shape == y.shape else f"{x.shape} -> {y.shape}"
                problems.append(f"reparse {k + 1} changed {name}:\n{diff}")
    if (tmp_path / "new").exists():
        new = tables(tmp_path / "new")
        if not new[0].equals(before[0]):
            problems.append("reparse --into: the articles differ from the recovered ones")
        if not new[1].drop(columns=["warc_record_id"]).equals(before[1].drop(columns=["warc_record_id"])):
            problems.append(f"reparse --into: observations differ:\n{new[1].head(3)}\n{before[1].head(3)}")
    else:
        problems.append("reparse --into wrote no dataset")
    assert not problems, "\n".join(problems)


def test_export_keeps_the_provenance_in_every_format(recovered, tmp_path: Path) -> None:
    """`govnews export DIR --format csv|jsonl|parquet` (repeatable, `-o OUT_DIR`). README: `load`
    reads an export folder "in any format ... with the same dtypes"; Parquet "carry the pandas
    metadata ... and the schema version (`govnews_schema_version` in the file's metadata)";
    DESIGN: "every time the tool observes is UTC with `Z`". So each format keeps source_archive and
    captured_at for every recovered observation."""
    exp = tmp_path / "exp"
    run = govnews_cmd(tmp_path, "export", recovered["out"], "--format", "csv", "--format", "jsonl",
                      "--format", "parquet", "-o", exp)
    check_run(run)
    want = load(recovered["out"]).observations
    problems = []
    csv = pd.read_csv(exp / "observations.csv", dtype=str)
    for col in ("source_archive", "captured_at"):
        if col not in csv.columns:
            problems.append(f"observations.csv has no {col} column: {list(csv.columns)}")
    if "captured_at" in csv.columns:
        if sorted(pd.to_datetime(csv["captured_at"], utc=True)) != sorted(pd.to_datetime(want["captured_at"], utc=True)):
            problems.append("observations.csv: captured_at values differ from the dataset's")
        if not csv["observed_at"].str.endswith("Z").all():
            problems.append(f"observations.csv observed_at not UTC with Z: {csv['observed_at'].head(2).tolist()}")
    lines = [json.loads(x) for x in (exp / "observations.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    if sorted(str(x.get("source_archive")) for x in lines) != ["wayback"] * len(want):
        problems.append(f"observations.jsonl source_archive: {sorted({str(x.get('source_archive')) for x in lines})}")
    pq = sorted(exp.glob("observations*.parquet"))
    if not pq:
        problems.append(f"no observations parquet in {sorted(p.name for p in exp.iterdir())}")
    else:
        import pyarrow.parquet as papq
        meta = papq.read_schema(pq[0]).metadata or {}
        if b"govnews_schema_version" not in meta:
            problems.append(f"{pq[0].name}: no govnews_schema_version in its metadata ({list(meta)})")
        df = pd.read_parquet(pq[0])
        if "captured_at" not in df or not isinstance(df["captured_at"].dtype, pd.DatetimeTZDtype):
            problems.append(f"{pq[0].name}: captured_at dtype {df.get('captured_at', pd.Series()).dtype}")
        if "source_archive" not in df or set(df["source_archive"].astype(str)) != {"wayback"}:
            problems.append(f"{pq[0].name}: source_archive missing or wrong")
    back = load(exp).observations
    cols = ["url", "source_archive", "captured_at", "view_count"]
    if not back[cols].astype(str).sort_values(cols).reset_index(drop=True).equals(
            want[cols].astype(str).sort_values(cols).reset_index(drop=True)):
        problems.append("govnews.load(export folder) differs from the dataset in the provenance columns")
    assert not problems, "\n".join(problems)


def test_wacz_and_report_of_a_recovered_portal(recovered, tmp_path: Path) -> None:
    """README: "`govnews export DIR --format wacz` packs the archive as a WACZ (`pages.jsonl` lists
    the articles) for ReplayWeb.page; the `wacz` package's validator checks it"; `govnews report
    DIR [-o report.html] [--lang vi|en]` "writes one self-contained HTML file". A recovered portal
    (its views from 2018-2019 captures) gets both: every article in pages.jsonl under the portal's
    own address, and a report naming the articles."""
    out = recovered["out"]
    problems = []
    exp = tmp_path / "wacz"
    run = govnews_cmd(tmp_path, "export", out, "--format", "wacz", "-o", exp)
    check_run(run)
    waczs = sorted(exp.rglob("*.wacz"))
    if not waczs:
        problems.append(f"no .wacz written: {sorted(p.name for p in exp.rglob('*'))}")
    else:
        wacz = Path(sys.executable).with_name("wacz")
        v = subprocess.run([str(wacz), "validate", "-f", str(waczs[0])], capture_output=True, text=True, timeout=120,
                           check=False)
        if v.returncode != 0:
            problems.append(f"wacz validate: {v.stdout[-800:]} {v.stderr[-800:]}")
        with zipfile.ZipFile(waczs[0]) as z:
            names = [n for n in z.namelist() if n.endswith("pages.jsonl")]
            pages = z.read(names[0]).decode("utf-8") if names else ""
        listed = {item_of(json.loads(x).get("url", "")) for x in pages.splitlines()[1:] if x.strip().startswith("{")}
        missing = [a.item_id for a in BACLIEU_ARTICLES[:6] if a.item_id not in listed]
        if missing:
            problems.append(f"pages.jsonl lacks ItemIDs {missing}")
        if "127.0.0.1" in pages:
            problems.append("pages.jsonl lists the archive's addresses instead of the portal's")
    rep = govnews_cmd(tmp_path, "report", out, "-o", tmp_path / "r.html", "--lang", "en")
    check_run(rep)
    text = htmlmod.unescape((tmp_path / "r.html").read_text(encoding="utf-8")) if (tmp_path / "r.html").exists() else ""
    if not text:
        problems.append("no report written")
    else:
        text = nfc(text)
        named = [a.item_id for a in BACLIEU_ARTICLES[:6] if a.headline in text]
        if not named:
            problems.append("the report names none of the recovered articles")
        external = re.findall(r"""<(?:script|img|link)[^>]+(?:src|href)=["']https?://[^"']+""", text)
        if external:
            problems.append(f"the report is not self-contained: {external[:3]}")
    assert not problems, "\n".join(problems)


def test_commoncrawl_captures_are_recovered_and_a_bad_offset_is_an_error(tmp_path: Path) -> None:
    """`--from commoncrawl` with `--cc-index-url` / `--cc-data-url` (README: "a range request into
    Common Crawl's WARC file"; source_archive "commoncrawl"). One index line points 17 bytes into the
    wrong place: that capture is an error (exit 1), never an article made of the wrong bytes."""
    out = tmp_path / "data"
    caps = [c for c in baclieu_history(4, 1) if c.article]
    with FakeArchive() as arch:
        arch.cc_add(caps, bad_offset={2})
        run = recover(arch, out, source="commoncrawl", limit=60)
        ranged = [r.headers.get("range") for r in arch.of_kind("cc-data")]
    check_run(run, {1})
    data = load(out)
    problems = []
    ids = sorted(item_of(u) for u in data.articles["url"])
    if ids != sorted(c.article.item_id for k, c in enumerate(caps) if k != 2):
        problems.append(f"articles {ids}")
    for _, r in data.articles.iterrows():
        a = next((x for x in BACLIEU_ARTICLES if x.item_id == item_of(r["url"])), None)
        if a is None or nfc(r["headline"]) != a.headline:
            problems.append(f"{r['url']}: headline {r['headline']!r} is not that article's")
    o = data.observations
    if set(o["source_archive"].astype(str)) != {"commoncrawl"}:
        problems.append(f"source_archive {set(o['source_archive'].astype(str))}")
    for c in caps:
        got = obs_rows(data, c.article.item_id)
        if len(got) == 1 and not same_instant(got.iloc[0]["captured_at"], c.iso):
            problems.append(f"{c.article.item_id}: captured_at {got.iloc[0]['captured_at']}, expected {c.iso}")
    if not ranged or not all(ranged):
        problems.append(f"WARC data fetched without Range: {ranged}")
    assert not problems, "\n".join(problems) + "\n" + run.explain()


# -------------------------------------------------------------------------- bad input --
def test_bad_input_is_one_line_exit_2_and_asks_the_archive_nothing(tmp_path: Path) -> None:
    """README: exit 2 "bad usage, config or path: one line says what is wrong"; `--allow-private`
    "allow an archive service on loopback or a private network" (refused without it). For each bad
    invocation: exit 2, exactly one line, no traceback, not one request to the archive, and a file
    standing where the dataset should go left as it was."""
    blocker = tmp_path / "baclieu.csv"
    blocker.write_text("ngay,luot_xem\n", encoding="utf-8")
    problems = []
    with FakeArchive() as arch:
        arch.add(*baclieu_history(2, 1))
        good = ["recover", BACLIEU_CITY, "--from", "wayback", "--contact", CONTACT, "--delay", "0"]
        cases = {
            "ftp_archive": [*good, "-o", tmp_path / "a", "--allow-private", "--archive-url", f"ftp://127.0.0.1:{arch.port}/"],
            "not_a_url": [*good, "-o", tmp_path / "b", "--allow-private", "--archive-url", "lưu trữ"],
            "no_host": [*good, "-o", tmp_path / "c", "--allow-private", "--archive-url", "http://"],
            "port_out_of_range": [*good, "-o", tmp_path / "d", "--allow-private", "--archive-url", "http://127.0.0.1:99999"],
            "output_is_a_file": [*good, "-o", blocker, "--allow-private", "--archive-url", arch.url],
            "output_under_a_file": [*good, "-o", blocker / "data", "--allow-private", "--archive-url", arch.url],
            "impossible_date": [*good, "-o", tmp_path / "e", "--allow-private", "--archive-url", arch.url,
                                "--from-date", "2019-13-45"],
            "from_after_to": [*good, "-o", tmp_path / "f", "--allow-private", "--archive-url", arch.url,
                              "--from-date", "2021-01-01", "--to-date", "2019-01-01"],
            "negative_delay": ["recover", BACLIEU_CITY, "--from", "wayback", "-o", tmp_path / "g", "--allow-private",
                               "--archive-url", arch.url, "--delay", "-1"],
            "nan_delay": ["recover", BACLIEU_CITY, "--from", "wayback", "-o", tmp_path / "h", "--allow-private",
                          "--archive-url", arch.url, "--delay", "nan"],
            "empty_prefix": ["recover", "", "--from", "wayback", "-o", tmp_path / "i", "--allow-private",
                             "--archive-url", arch.url, "--delay", "0"],
            "loopback_without_allow_private": [*good, "-o", tmp_path / "j", "--archive-url", arch.url],
        }
        for name, args in cases.items():
            n = len(arch.requests)
            run = govnews_cmd(tmp_path, *args, limit=45)
            lines = run.lines()
            asked = len(arch.requests) - n
            if name == "loopback_without_allow_private":
                # refusing the archive's address may also be read as a failed site (exit 1, summary + line)
                ok = run.rc in (1, 2) and 1 <= len(lines) <= 2 and any(re.search(r"private|loopback", x, re.IGNORECASE)
                                                                       for x in lines)
            else:
                ok = run.rc == 2 and len(lines) == 1
            if not ok or TRACEBACK in run.stderr or asked:
                problems.append(f"{name}: exit {run.rc}, {len(lines)} lines {lines[:3]}, {asked} archive requests")
    assert blocker.read_text(encoding="utf-8") == "ngay,luot_xem\n", "the file in the way was overwritten"
    assert not problems, "\n".join(problems)


def test_an_unreachable_archive_is_a_bounded_failure_with_one_clear_line(tmp_path: Path) -> None:
    """--archive-url names a port nobody listens on. README: exit 1 "finished, but some pages or
    sites failed"; "a bad host costs a bounded time"; errors are lines, not tracebacks. Demanding
    archivist: the run ends within a minute, says which archive it could not reach in a line or
    two, and leaves no crash file."""
    out = tmp_path / "data"
    port = closed_port()
    args = ["recover", BACLIEU_CITY, "--from", "wayback", "-o", out, "--allow-private", "--delay", "0",
            "--archive-url", f"http://127.0.0.1:{port}", "--contact", CONTACT]
    run = Proc(args, tmp_path, out).wait(75)
    check_run(run, {1})
    assert run.elapsed < 60, f"{run.elapsed:.0f} s against a closed port\n" + run.explain()
    lines = run.lines()
    assert 1 <= len(lines) <= 3, f"{len(lines)} lines\n" + run.explain()
    assert any(f"127.0.0.1:{port}" in x or re.search(r"refused|unreachable|connect", x, re.IGNORECASE) for x in lines), \
        "no line names the archive that could not be reached\n" + run.explain()
