"""`govnews crawl` against hostile and badly configured web servers (fixtures/blind_hostile.py).

Written blind: from the README, DESIGN.md, PORTALS.md and `govnews crawl --help` only, without
reading the crawler. Each test serves the same small ward portal (six genuine articles) with one
family of misbehaviours, crawls it with the CLI in a subprocess, and checks what a demanding user
expects: the run ends by itself, the exit code is a documented one, no traceback, the genuine
articles are all there with the right headline, date, view count, author and whole body, the
output files parse, and nothing unbounded lands on disk or in memory.

Small limits keep the file quick: --delay 0, timeout 2 s, 2 tries, max_bytes 2 MiB, max_pages 40.
"""
from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from govnews.fixtures.blind_hostile import ARTICLES, BUSY_PATH, BY_ID, FAKE_HEADLINE, HostilePortal

SAFETY_NET = 120.0                      # seconds: a run that is still going is a hang
DOCUMENTED_EXIT = {0, 1}                # a finished crawl: all well, or some pages/sites failed
MAX_DISK = 40 * 1024 * 1024             # the whole dataset folder of one tiny crawl
MAX_RSS_KB = 600 * 1024                 # peak resident memory of one crawl process
MAX_BYTES = 2 * 1024 * 1024

BASE_SETTINGS = {"timeout": "2", "connect_timeout": "2", "max_tries": "2",
                 "max_bytes": str(MAX_BYTES)}


@dataclass
class Run:
    rc: int
    stdout: str
    stderr: str
    maxrss_kb: int
    out: Path

    def explain(self) -> str:
        return f"exit {self.rc}\n--- stdout\n{self.stdout[-2000:]}\n--- stderr\n{self.stderr[-4000:]}"


def crawl(portal: HostilePortal, out: Path, *, max_pages: int = 40, settings: dict | None = None,
          extra: tuple[str, ...] = ()) -> Run:
    """Run `govnews crawl` on the portal in a subprocess, bounded by SAFETY_NET; measure its memory."""
    opts = dict(BASE_SETTINGS, **(settings or {}))
    cmd = [sys.executable, "-m", "govnews", "crawl", portal.url + "/", "-o", str(out),
           "--allow-private", "--delay", "0", "--max-pages", str(max_pages), "--progress", "never"]
    for k, v in opts.items():
        cmd += ["-s", f"{k}={v}"]
    cmd += list(extra)
    logs = out.parent / f"{out.name}.proc"
    logs.mkdir(exist_ok=True)
    with open(logs / "stdout", "wb") as so, open(logs / "stderr", "wb") as se:
        proc = subprocess.Popen(cmd, stdout=so, stderr=se, stdin=subprocess.DEVNULL,
                                cwd=str(out.parent), start_new_session=True)
        deadline = time.monotonic() + SAFETY_NET
        status = rusage = None
        while True:
            pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                stderr = (logs / "stderr").read_text(errors="replace")
                pytest.fail(f"crawl still running after {SAFETY_NET:.0f} s (killed)\n{stderr[-3000:]}")
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(proc.returncode, (logs / "stdout").read_text(errors="replace"),
               (logs / "stderr").read_text(errors="replace"), rusage.ru_maxrss, out)


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def check_clean(run: Run) -> pd.DataFrame:
    """What every run owes its user, whatever the server did. Returns the articles table."""
    assert run.rc in DOCUMENTED_EXIT, run.explain()
    assert "Traceback (most recent call last)" not in run.stderr, run.explain()
    assert "Traceback (most recent call last)" not in run.stdout, run.explain()
    assert not list((run.out / "logs").glob("*.crash.txt")), run.explain()
    assert run.stdout.strip(), "no summary line\n" + run.explain()
    size = dir_size(run.out)
    assert size < MAX_DISK, f"dataset folder is {size} bytes\n" + run.explain()
    assert run.maxrss_kb < MAX_RSS_KB, f"peak RSS {run.maxrss_kb} KiB\n" + run.explain()
    assert (run.out / "articles.csv").exists(), run.explain()
    articles = pd.read_csv(run.out / "articles.csv")
    for name in ("observations.csv", "runs.csv"):
        if (run.out / name).exists():
            pd.read_csv(run.out / name)
    jsonl = run.out / "articles.jsonl"
    if jsonl.exists():
        rows = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len(rows) == len(articles)
    return articles


def check_genuine(articles: pd.DataFrame, run: Run, ids: tuple[int, ...] | None = None) -> None:
    """Every genuine article once, with its headline, date, view count, author and whole body."""
    ids = ids or tuple(BY_ID)
    headlines = [unicodedata.normalize("NFC", str(h)) for h in articles["headline"]]
    assert FAKE_HEADLINE not in headlines, "a smuggled response became an article\n" + run.explain()
    problems = []
    for i in ids:
        a = BY_ID[i]
        rows = articles[[h == a.headline for h in headlines]]
        if len(rows) != 1:
            problems.append(f"{i}: {len(rows)} rows with its headline (of {len(articles)}: {headlines})")
            continue
        r = rows.iloc[0]
        if str(r["published_at"]) != a.iso:
            problems.append(f"{i}: published_at {r['published_at']!r} != {a.iso!r}")
        if pd.isna(r["view_count"]) or int(r["view_count"]) != a.views:
            problems.append(f"{i}: view_count {r['view_count']!r} != {a.views}")
        if unicodedata.normalize("NFC", str(r["author"])) != a.author:
            problems.append(f"{i}: author {r['author']!r} != {a.author!r}")
        body = unicodedata.normalize("NFC", str(r["body"]))
        for para in (a.paragraphs[0], a.paragraphs[-1]):
            if para not in body:
                problems.append(f"{i}: body lacks {para[:50]!r}...")
    assert not problems, "\n".join(problems) + "\n" + run.explain()


def warc_text(out: Path) -> bytes:
    """Every byte the dataset holds, WARC members decompressed."""
    chunks = []
    for f in out.rglob("*"):
        if not f.is_file():
            continue
        data = f.read_bytes()
        if f.name.endswith(".gz") or ".warc.gz" in f.name:
            try:
                data = gzip.decompress(data)
            except Exception:          # a .open file cut mid-member: keep the raw bytes
                pass
        chunks.append(data)
    return b"\n".join(chunks)


def portal(scenario: str, other: HostilePortal | None = None) -> HostilePortal:
    return HostilePortal(scenario, other=other)


# --------------------------------------------------------------------------------------------
def test_baseline_portal_is_harvested_whole(tmp_path: Path) -> None:
    with portal("baseline") as p:
        run = crawl(p, tmp_path / "data")
    articles = check_clean(run)
    assert run.rc == 0, run.explain()
    assert run.stderr.strip() == "", "all well, yet stderr is not empty\n" + run.explain()
    check_genuine(articles, run)
    assert len(articles) == 6, run.explain()


def test_tarpits_drip_body_endless_headers_and_silence_are_cut(tmp_path: Path) -> None:
    """A body dripping a byte every 0.2 s, headers that never end, a server that never answers."""
    with portal("tarpit") as p:
        run = crawl(p, tmp_path / "data", settings={"timeout": "1", "max_tries": "1"})
    articles = check_clean(run)
    check_genuine(articles, run)
    assert run.rc == 1, "three pages never completed: the run must say some pages failed\n" + run.explain()
    assert not any("/hostile/" in u for u in articles["url"]), run.explain()


def test_endless_ten_mb_gzip_bomb_and_lying_length_are_capped(tmp_path: Path) -> None:
    """An endless chunked body, 10 MiB, 1 GiB of gzip in 1 MB, Content-Length: 10^12."""
    with portal("big") as p:
        run = crawl(p, tmp_path / "data")
    articles = check_clean(run)            # disk and peak memory bounded there
    check_genuine(articles, run)
    assert run.rc == 1, "oversized responses are documented as errors\n" + run.explain()


def test_redirect_loops_and_chains_end_and_a_short_chain_is_followed(tmp_path: Path) -> None:
    """a->b->a, a 30-hop chain, a self-redirect, 302 without Location, a malformed Location;
    article 106 is linked only through a 3-hop redirect chain and must be harvested."""
    with portal("redirect_loops") as p:
        run = crawl(p, tmp_path / "data")
        paths = p.paths()
    articles = check_clean(run)
    check_genuine(articles, run)
    hostile = [x for x in paths if x.startswith("/hostile/")]
    assert len(hostile) <= 80, f"{len(hostile)} requests into redirect traps\n" + run.explain()


def test_redirects_off_site_and_to_other_schemes_are_not_followed(tmp_path: Path) -> None:
    """Redirects to another host:port, file:///etc/passwd, javascript:, data: and ftp:."""
    with portal("baseline") as other, portal("redirect_offsite", other=other) as p:
        run = crawl(p, tmp_path / "data")
        other_paths = other.paths()
    articles = check_clean(run)
    check_genuine(articles, run)
    assert other_paths == [], f"the crawl left its site: {other_paths}\n" + run.explain()
    assert b"root:x:0:0" not in warc_text(run.out), "a local file ended up in the dataset"


def test_non_html_and_pathological_bodies_make_no_articles(tmp_path: Path) -> None:
    """A PDF and a PNG under .html, random bytes as text/html, an empty 200, 100,000 nested
    <div>s, application/octet-stream, NUL bytes, a tag with 30,000 attributes."""
    with portal("junk") as p:
        run = crawl(p, tmp_path / "data")
    articles = check_clean(run)
    check_genuine(articles, run)
    assert len(articles) == 6, articles[["url", "headline"]].to_string()


def test_broken_headers_status_lines_and_content_encodings(tmp_path: Path) -> None:
    """300 Set-Cookie headers, a 300 KB header line, a garbled status line, no status line at
    all, Content-Encoding gzip on plain text, an unknown Content-Encoding, an unsolicited 304,
    an invalid chunk size, a reset mid-body, a 500."""
    with portal("headers") as p:
        run = crawl(p, tmp_path / "data")
    articles = check_clean(run)
    check_genuine(articles, run)
    assert len(articles) == 6, articles[["url", "headline"]].to_string()
    assert run.rc == 1, run.explain()


def test_unusual_framing_and_a_smuggled_response(tmp_path: Path) -> None:
    """Genuine articles served as HTTP/1.0 without length, in 7-byte chunks with chunk
    extensions and a trailer, HTTP/1.1 ended by close, with a doubled Content-Length; plus a
    page whose Content-Length is shorter than what follows (a whole fake response)."""
    with portal("framing") as p:
        run = crawl(p, tmp_path / "data")
    articles = check_clean(run)
    check_genuine(articles, run)
    assert len(articles) == 6, articles[["url", "headline"]].to_string()


def test_first_attempt_failures_are_retried(tmp_path: Path) -> None:
    """First attempts: a reset half-way through the body, an empty reply, a 500, a body shorter
    than its Content-Length, a 502. The second attempts are fine: every article, whole."""
    with portal("flaky") as p:
        run = crawl(p, tmp_path / "data")
    articles = check_clean(run)
    check_genuine(articles, run)
    assert run.rc == 0, "every page came through on its retry\n" + run.explain()


def test_wrong_unknown_and_missing_charsets(tmp_path: Path) -> None:
    """charset=foo, windows-1258 bytes labelled utf-8 (the page's own meta says windows-1258),
    no Content-Type at all, utf-8 bytes labelled iso-8859-1, charset="UTF8", and a UTF-8 BOM
    under a windows-1258 label: every headline must come out as Vietnamese, in NFC."""
    with portal("charset") as p:
        run = crawl(p, tmp_path / "data")
    articles = check_clean(run)
    check_genuine(articles, run)


def test_parameter_order_and_fragments_fold_into_one_article(tmp_path: Path) -> None:
    """The same article linked as ?id=&cat=, ?cat=&id=, with a #fragment and a trailing '&'."""
    with portal("queries") as p:
        run = crawl(p, tmp_path / "data")
        paths = p.paths()
    articles = check_clean(run)
    check_genuine(articles, run)
    assert len(articles) == 6, articles[["url", "headline"]].to_string()
    for a in ARTICLES:
        fetched = [x for x in paths if x.startswith("/tin-tuc/chi-tiet.aspx") and f"id={a.id}" in x]
        assert len(fetched) <= 1, f"article {a.id} fetched {len(fetched)} times: {fetched}"


def test_endless_pager_and_calendar_stay_within_max_pages(tmp_path: Path) -> None:
    """A pager with a next page forever and a day-by-day calendar with a fresh session id in
    every link: infinitely many unique URLs."""
    with portal("trap") as p:
        run = crawl(p, tmp_path / "data", max_pages=30)
        paths = p.paths()
    articles = check_clean(run)
    check_genuine(articles, run)
    assert len(paths) <= 30 + 10, f"{len(paths)} requests for --max-pages 30\n" + run.explain()


def test_malformed_links_and_dot_segments(tmp_path: Path) -> None:
    """Control characters, NUL, 5,000-character paths, 800 parameters, '../../..', javascript:,
    mailto:, data:, file:, broken IPv6, port 99999, lone '%'; and four genuine articles linked a
    second time through '.', '..', '%2e' and '%2e%2e' segments (the server resolves them, as
    Apache, nginx and IIS do). Unknown addresses get a 200 soft-404 page."""
    with portal("links") as p:
        run = crawl(p, tmp_path / "data")
        raw = list(p.raw_lines)
    articles = check_clean(run)
    check_genuine(articles, run)
    assert len(articles) == 6, articles[["url", "headline"]].to_string()
    assert not any(b"passwd" in line for line in raw if not line.startswith(b"GET /etc/passwd ")), raw
    dotted = [line for line in raw
              if any(seg in (b".", b"..") for seg in line.split(b" ")[1].split(b"?")[0].split(b"/"))]
    assert not dotted, f"request paths with dot segments sent as is: {dotted[:5]}"


def test_garbage_retry_after_values_are_survived(tmp_path: Path) -> None:
    """First attempts answer 429/503 with Retry-After 'soon', '-1', 'nan', a past date, '0', '1.5'."""
    with portal("retry_garbage") as p:
        run = crawl(p, tmp_path / "data")
    articles = check_clean(run)
    check_genuine(articles, run)
    assert run.rc == 0, run.explain()


def test_429_storm(tmp_path: Path) -> None:
    """Every fifth request, robots.txt included, is answered 429 with Retry-After: 1."""
    with portal("storm") as p:
        run = crawl(p, tmp_path / "data", settings={"max_tries": "3"})
    articles = check_clean(run)
    check_genuine(articles, run)


def test_absurd_retry_after_ends_the_host_and_the_next_run_resumes(tmp_path: Path) -> None:
    """The home page's first article link answers 503 with Retry-After: 999999999. The run must
    end at once (documented: the host's pages stay queued), and the next run, the server healthy
    again (the notice now 404), harvests what was queued."""
    out = tmp_path / "data"
    with portal("retry_huge") as p:
        first = crawl(p, out)
        check_clean(first)
        assert first.rc == 1, first.explain()
        assert "Retry-After" in first.stderr + first.stdout, first.explain()
        assert p.paths().count(BUSY_PATH) == 1, p.paths()
        p.scenario = "baseline"
        second = crawl(p, out)
    articles = check_clean(second)
    check_genuine(articles, second)


@pytest.mark.parametrize("variant", ["robots_html", "robots_binary", "robots_huge"])
def test_robots_txt_that_is_not_a_robots_file_does_not_block_the_site(tmp_path: Path, variant: str) -> None:
    """robots.txt answered with the home page's HTML, 20 KB of random bytes, or an endless
    stream after valid rules (RFC 9309 2.5: parse at least the first 500 KiB, ignore the rest)."""
    with portal(variant) as p:
        run = crawl(p, tmp_path / "data")
        paths = p.paths()
    articles = check_clean(run)
    check_genuine(articles, run)
    assert paths.count("/robots.txt") <= 4, paths


def test_absurd_crawl_delay_is_bounded_by_max_run_seconds(tmp_path: Path) -> None:
    """robots.txt asks for Crawl-delay: 100000 (28 hours). With max_run_seconds = 3 the run
    stops taking pages at the time limit (documented: exit 1, "stopped at the time limit")."""
    with portal("robots_crawl_delay") as p:
        run = crawl(p, tmp_path / "data", settings={"max_run_seconds": "3"})
    check_clean(run)
    assert run.rc == 1, run.explain()
    assert "stopped at the time limit" in run.stdout + run.stderr, run.explain()


def test_cookie_auto_detection_redirects(tmp_path: Path) -> None:
    """ASP.NET cookie auto-detection: every request without the session cookie is redirected to
    itself + '?AspxAutoDetectCookieSupport=1' with a Set-Cookie; with the cookie, pages are served."""
    with portal("cookie_gate") as p:
        run = crawl(p, tmp_path / "data")
    articles = check_clean(run)
    check_genuine(articles, run)
    assert len(articles) == 6, articles[["url", "headline"]].to_string()


@pytest.mark.parametrize("variant", ["robots_disallow", "robots_500"])
def test_robots_txt_disallow_or_5xx_means_no_pages(tmp_path: Path, variant: str) -> None:
    """'Disallow: /' and a 500 (RFC 9309 2.3.1.4: assume complete disallow): no page is fetched."""
    with portal(variant) as p:
        run = crawl(p, tmp_path / "data")
        paths = p.paths()
    articles = check_clean(run)
    assert [x for x in paths if x != "/robots.txt"] == [], paths
    assert len(articles) == 0


def test_robots_txt_redirect_loop_is_bounded(tmp_path: Path) -> None:
    """robots.txt -> robots2.txt -> robots.txt ...: either unavailable (crawl all, RFC 9309
    2.3.1.2) or skipped; never a loop."""
    with portal("robots_loop") as p:
        run = crawl(p, tmp_path / "data")
        paths = p.paths()
    articles = check_clean(run)
    robots = [x for x in paths if x.startswith("/robots")]
    assert len(robots) <= 24, robots
    pages = [x for x in paths if not x.startswith("/robots")]
    if pages:
        check_genuine(articles, run)


def test_hostile_sitemaps(tmp_path: Path) -> None:
    """robots.txt names six sitemaps: malformed XML with control characters, an endless urlset,
    an endless chain of sitemap indexes, billion laughs, an XXE reading /etc/passwd, a gzip bomb."""
    with portal("sitemaps") as p:
        run = crawl(p, tmp_path / "data")
        paths = p.paths()
    articles = check_clean(run)            # peak memory bounded there
    check_genuine(articles, run)
    assert len([x for x in paths if x.startswith("/sm/")]) <= 100, paths
    assert not any("root" in x or "passwd" in x for x in paths), paths
    assert b"root:x:0:0" not in warc_text(run.out), "a local file ended up in the dataset"


def test_dead_links_do_not_cost_the_site_its_articles(tmp_path: Path) -> None:
    """A listing that still shows twelve removed articles (404, promptly) before the six live
    ones: a 404 is a healthy server's answer, and the live articles must be harvested."""
    with portal("dead_links") as p:
        run = crawl(p, tmp_path / "data", settings={"max_tries": "4"})
    articles = check_clean(run)
    check_genuine(articles, run)
