"""The cron operator's year: unattended nightly harvests, held to the README (fixtures/blind_hostile7.py).

Written blind: from the README, DESIGN.md, PORTALS.md, docs/, examples/sites.toml (the config file
the README calls "a complete commented example") and the CLI's `--help` only, without reading the
crawler, and without repeating the first six hostile sets (hostile HTTP at one crawl; more bad
servers; one site changing under nightly harvests; recovering a vanished portal; scale and
resources; the WARC's byte fidelity). Here the subject is the operator who puts the README's cron
line in a crontab and never watches it:

    17 2 * * *  cd /srv/govnews && .venv/bin/govnews harvest -c sites.toml >> harvest.log 2>&1

What such an operator needs: documented exit codes, one quiet line when all is well, a short clear
summary when not, and no data lost, through overlapping runs on one dataset (two, three in the same
second, one through a symlink, one while a crawl or a report works the folder), SIGTERM / SIGINT /
SIGKILL mid-run (also with `--processes 2`) and the next night's resume, a config edited between
nights (a site added, removed, moved; a typo; a bad value; a broken file), a read-only dataset
(a read-only bind mount in a private mount namespace when the tests run as root) or an unwritable
log folder, a clock that jumps back a day (an LD_PRELOAD shim compiled here shifts the wall clock),
a portal down for a week that returns, a portal answering 429 with Retry-After of an hour, a
time limit, cron's bare environment (no HOME, no terminal, LANG=C, another time zone, stdout and
stderr closed, a pipe closed early), six nights on six calendar days loading as a pandas time
series, and the report and export after them.

The oracle is what the README, DESIGN.md and docs/ promise; each test's docstring quotes it.
Where the docs are silent, the docstring says "demanding user" and what such a user expects.
Every server is on loopback and started here; every govnews run has a hard timeout (its process
group is killed and the test fails if it runs past it). Runs that the operator would start from
cron get cron's environment: PATH, SHELL, LANG=C, no HOME, no TERM, stdin /dev/null, stdout and
stderr appended to one log file.
"""
from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fixtures.blind_hostile7 import (  # noqa: E402
    Portal, fake_clock_lib, http_date, site, write_config,
)

BIN = Path(sys.executable).parent
GOVNEWS = str(BIN / "govnews")
SUMMARY = re.compile(r"^harvested (\d+) articles \((\d+) new, (\d+) changed\) from (\d+) sites? in "
                     r"([0-9.]+) s\b")
DOCUMENTED_CODES = {0, 1, 2, 70, 75, 130}

Q_CRON = ("README, Scheduled harvests: 'Under cron (no terminal) a run prints one summary line "
          "(\"harvested 12 articles (3 new, 1 changed) from 4 sites in 81.2 s; ...\") and nothing else "
          "when all is well; on a terminal it shows progress.'")
Q_LOCK = ("README: 'govnews locks the dataset folder itself (no flock needed): a second harvest on the "
          "same folder exits at once with code 75 and one line naming the process that holds the "
          "lock; the lock of a process that died is taken over.'")
Q_130 = ("README exit codes: '130 interrupted (Ctrl-C or SIGTERM): pages in flight finish, the run is "
         "recorded as interrupted (its counts in logs/runs.jsonl and the runs table, its summary line "
         "printed)'")
Q_KILLED = ("README: 'A killed run loses nothing committed: run it again and it goes on. The next run "
            "marks the killed one interrupted' and logs/runs.jsonl: 'a killed run's line is written by "
            "the next run, which finds it'")
Q_CONFIG = ("README, The configuration: 'Every value is checked when the config loads, before any "
            "request ... An unknown key is an error that suggests the closest known one. Each error is "
            "one line, exit 2.'")
Q_EXIT1 = ("README exit codes: '1 finished, but some pages or sites failed: the summary counts errors "
           "by kind'; 'To read a failed run: the summary line names the error kinds; "
           "logs/<run_id>.errors.txt has one line per failed page (timeout: https://...: read timeout)'")
Q_RETRY = ("README, Every run ends by itself: 'A Retry-After longer than max_retry_wait (300 s) ends "
           "that host's run at once, one line in the errors'; config: 'a longer Retry-After ends the "
           "host's run (its pages wait for the next)'")
Q_RO = ("README: 'A disk that fills or a dataset that becomes read-only or corrupt stops the run at "
        "once: one line naming the file and the cause, exit 1, nothing committed lost, no request "
        "after it.'")
Q_SERIES = ("README: 'Run it every day from cron and each article's view count becomes a time series'; "
            "'observations (one row per fetch of an article: the view-count series)'; docs/schema.md: "
            "observed_at UTC time datetime64[ns, UTC], view_count Int64")


# ---- running govnews the way cron does ---------------------------------------------------------
def cron_env(**extra) -> dict:
    """What cron gives a job: a short PATH, /bin/sh, the C locale; here no HOME and no TERM."""
    env = {"PATH": "/usr/bin:/bin", "SHELL": "/bin/sh", "LANG": "C", "LOGNAME": "root"}
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


@dataclass
class Run:
    args: list
    rc: int
    out: str                  # stdout + stderr, as `>> harvest.log 2>&1` collects them
    elapsed: float
    pid: int = 0

    @property
    def lines(self) -> list[str]:
        return [ln for ln in self.out.splitlines() if ln.strip()]

    def summary(self) -> re.Match | None:
        for ln in self.lines:
            m = SUMMARY.match(ln)
            if m:
                return m
        return None

    def show(self) -> str:
        return f"govnews {' '.join(map(str, self.args))} -> exit {self.rc} in {self.elapsed:.1f}s:\n{self.out}"


_LIVE: list[subprocess.Popen] = []


def _kill_group(p: subprocess.Popen) -> None:
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@pytest.fixture(autouse=True)
def _reap():
    yield
    while _LIVE:
        p = _LIVE.pop()
        if p.poll() is None:
            _kill_group(p)
            try:
                p.wait(5)
            except subprocess.TimeoutExpired:
                pass


class Job:
    """A govnews process started in its own process group, its output going to a log file."""

    def __init__(self, args, *, cwd, env=None, log: Path | None = None, prefix=()):
        self.args = [str(a) for a in args]
        self.log = log or Path(tempfile.mkstemp(prefix="govnews-", suffix=".log", dir=str(cwd))[1])
        self.t0 = time.monotonic()
        with open(self.log, "ab") as fh:
            self.proc = subprocess.Popen([*prefix, GOVNEWS, *self.args], cwd=str(cwd),
                                         env=env or cron_env(), stdin=subprocess.DEVNULL, stdout=fh,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        _LIVE.append(self.proc)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def signal(self, sig, group=False) -> float:
        t = time.time()
        if group:
            os.killpg(self.proc.pid, sig)
        else:
            self.proc.send_signal(sig)
        return t

    def wait(self, timeout: float) -> Run:
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            _kill_group(self.proc)
            self.proc.wait(10)
            out = self.log.read_text(errors="replace") if self.log.exists() else ""
            pytest.fail(f"govnews {' '.join(self.args)} still running after {timeout}s "
                        f"(process group killed); output so far:\n{out[-3000:]}")
        out = self.log.read_text(errors="replace") if self.log.exists() else ""
        return Run(self.args, rc, out, time.monotonic() - self.t0, self.proc.pid)


def govnews(args, *, cwd, timeout=60, env=None, prefix=()) -> Run:
    return Job(args, cwd=cwd, env=env, prefix=prefix).wait(timeout)


def wait_until(cond, timeout: float, what: str, step: float = 0.02) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return
        time.sleep(step)
    pytest.fail(f"timed out after {timeout}s waiting for {what}")


# ---- reading a dataset ---------------------------------------------------------------------------
def load(folder: Path):
    import govnews
    return govnews.load(str(folder))


def runs_jsonl(folder: Path) -> list[dict]:
    p = folder / "logs" / "runs.jsonl"
    if not p.exists():
        return []
    return [json.loads(ln) for ln in p.read_text().splitlines() if ln.strip()]


def tree(folder: Path) -> dict:
    """Every file under folder with (size, mtime_ns), lock files aside."""
    out = {}
    if not folder.exists():
        return out
    for p in folder.rglob("*"):
        if p.is_file() and not p.name.endswith(".lock"):
            st = p.stat()
            out[str(p.relative_to(folder))] = (st.st_size, st.st_mtime_ns)
    return out


def assert_no_duplicates(data) -> None:
    obs = data.observations
    dup = obs[obs.duplicated(["run_id", "article_id"], keep=False)]
    assert dup.empty, f"an article observed twice in one run:\n{dup[['run_id', 'url']]}"
    arts = data.articles
    assert not arts["url"].duplicated().any(), "an article twice in the articles table"


def urls_of(data, site_name=None) -> set:
    a = data.articles
    if site_name is not None:
        a = a[a["site"] == site_name]
    return set(a["url"].astype(str))


def portal_urls(portal: Portal) -> set:
    return {portal.article_url(a) for a in portal.articles}


@pytest.fixture
def portals():
    made: list[Portal] = []

    def make(name, n=5, **kw) -> Portal:
        p = Portal(name, n, seed=len(made) + 1, **kw).start()
        made.append(p)
        return p

    yield make
    for p in made:
        p.stop()


def no_trace(run: Run) -> None:
    assert "Traceback" not in run.out, run.show()


# =================================================================================================
# 1. Quiet when all is well (cron's environment)
# =================================================================================================
@pytest.fixture(scope="module")
def two_quiet_nights(tmp_path_factory):
    """Two portals, two nights under cron's environment, the config's output relative to the cwd."""
    base = tmp_path_factory.mktemp("quiet")
    a = Portal("quiet-a", 5, seed=11).start()
    b = Portal("quiet-b", 4, seed=12).start()
    try:
        write_config(base / "sites.toml", "govnews-data", [site(a), site(b)])
        n1 = govnews(["harvest", "-c", "sites.toml"], cwd=base, timeout=60)
        views1 = {a.article_url(x): x.views for x in a.articles} | {b.article_url(x): x.views for x in b.articles}
        a.night()
        b.night()
        n2 = govnews(["harvest", "-c", "sites.toml"], cwd=base, timeout=60)
        views2 = {a.article_url(x): x.views for x in a.articles} | {b.article_url(x): x.views for x in b.articles}
        yield dict(base=base, data=base / "govnews-data", n1=n1, n2=n2, a=a, b=b, views1=views1,
                   views2=views2)
    finally:
        a.stop()
        b.stop()


def test_first_night_under_cron_prints_exactly_one_summary_line(two_quiet_nights):
    f"""{Q_CRON} With 9 articles on 2 sites, all served: exit 0 and one line, the summary."""
    n1 = two_quiet_nights["n1"]
    assert n1.rc == 0, n1.show()
    assert len(n1.lines) == 1, f"more than the summary line under cron:\n{n1.show()}"
    m = SUMMARY.match(n1.lines[0])
    assert m, n1.show()
    assert (int(m[1]), int(m[2]), int(m[4])) == (9, 9, 2), n1.show()
    assert (two_quiet_nights["base"] / "govnews-data" / "dataset.sqlite").exists(), \
        "examples/sites.toml: output is 'the dataset folder, relative to the current directory'"


def test_second_night_one_line_nothing_new_every_article_reobserved(two_quiet_nights):
    f"""{Q_CRON} README: 're-fetches the articles still inside the re-observation window to add a
    point to their view-count series'. Night 2: exit 0, one line, 0 new, each article a second
    observation carrying the view count the page showed that night."""
    n2 = two_quiet_nights["n2"]
    assert n2.rc == 0, n2.show()
    assert len(n2.lines) == 1, n2.show()
    m = SUMMARY.match(n2.lines[0])
    assert m and int(m[2]) == 0, n2.show()
    data = load(two_quiet_nights["data"])
    obs = data.observations
    assert len(data.runs) == 2
    per = obs.groupby("url").size()
    assert (per == 2).all() and len(per) == 9, per
    last = obs.sort_values("observed_at").groupby("url").last()
    got = {u: int(v) for u, v in last["view_count"].items()}
    assert got == two_quiet_nights["views2"]


def test_cron_log_file_collects_no_warnings_or_tracebacks(two_quiet_nights):
    f"""{Q_CRON} With no HOME, no TERM and LANG=C (cron's environment), nothing but the two summary
    lines lands in harvest.log over two nights: no locale, cache-folder or encoding warning."""
    for r in (two_quiet_nights["n1"], two_quiet_nights["n2"]):
        assert all(SUMMARY.match(ln) for ln in r.lines), r.show()
        assert not re.search(r"(?i)warning|traceback|error:", r.out), r.show()


def test_on_a_terminal_it_shows_progress(portals, tmp_path):
    f"""{Q_CRON} The same harvest on a pseudo-terminal shows more than the summary line (progress);
    the harvest's result is the same (exit 0)."""
    a = portals("tty-a", 6)
    a.article_delay = 0.15
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    master, slave = pty.openpty()
    env = cron_env(TERM="xterm", HOME=str(tmp_path))
    proc = subprocess.Popen([GOVNEWS, "harvest", "-c", "sites.toml"], cwd=tmp_path, env=env,
                            stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
    _LIVE.append(proc)
    os.close(slave)
    chunks = []
    end = time.monotonic() + 60
    while time.monotonic() < end:
        r, _, _ = select.select([master], [], [], 0.2)
        if r:
            try:
                data = os.read(master, 65536)
            except OSError:
                data = b""
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    try:
        rc = proc.wait(max(1.0, end - time.monotonic()))
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        pytest.fail("harvest on a terminal ran past 60 s")
    out = b"".join(chunks).decode("utf-8", "replace")
    assert rc == 0, out
    assert re.search(r"harvested \d+ articles", out), out
    rest = re.sub(r"harvested \d+ articles[^\n]*", "", out).strip()
    assert rest, f"no progress shown on a terminal:\n{out!r}"


def test_stdout_and_stderr_closed_the_harvest_still_completes(portals, tmp_path):
    """Demanding user: a cron line written `... >&- 2>&-` (or a wrapper that closes them) leaves
    the job without stdout and stderr. The harvest's data must not depend on being able to print:
    exit 0 (nothing failed), every article in the dataset, the run recorded `ok`, no crash file.
    README: 'Every wait ... is bounded'; '70 internal error (a bug)'."""
    a = portals("closed-a", 4)
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    (tmp_path / "tmp").mkdir()
    proc = subprocess.Popen(["/bin/sh", "-c", f'exec "{GOVNEWS}" harvest -c sites.toml >&- 2>&-'],
                            cwd=tmp_path, env=cron_env(TMPDIR=str(tmp_path / "tmp")),
                            stdin=subprocess.DEVNULL, start_new_session=True)
    _LIVE.append(proc)
    try:
        rc = proc.wait(60)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        pytest.fail("harvest with stdout closed ran past 60 s")
    data_dir = tmp_path / "data"
    crashes = list((data_dir / "logs").glob("*.crash.txt"))
    lines = runs_jsonl(data_dir)
    elsewhere = [p.name for p in (tmp_path / "tmp").glob("*crash*")]
    assert rc == 0, (f"exit {rc} with stdout and stderr closed; dataset folder holds "
                     f"{sorted(p.name for p in data_dir.iterdir()) if data_dir.exists() else None}, "
                     f"runs.jsonl {lines}, crash files in TMPDIR {elsewhere}")
    assert not crashes, crashes[0].read_text()[-2000:]
    assert lines and lines[-1]["status"] == "ok", lines
    assert urls_of(load(data_dir)) == portal_urls(a)


def test_summary_into_a_pipe_closed_early_loses_nothing(portals, tmp_path):
    """Demanding user: `govnews harvest ... | head -c0` (a mailer or filter that exits early) closes
    the pipe before the summary is written. The run's data and its record must not suffer: every
    article committed, the run recorded `ok`, no crash file, no internal-error exit (70) nor an
    undocumented one (Python's 120 for a failed flush); 141 / SIGPIPE, the Unix convention, or
    a documented 0/1 are fine."""
    a = portals("pipe-a", 4)
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    r, w = os.pipe()
    os.close(r)                               # the reader is gone before govnews writes a byte
    proc = subprocess.Popen([GOVNEWS, "harvest", "-c", "sites.toml"], cwd=tmp_path, env=cron_env(),
                            stdin=subprocess.DEVNULL, stdout=w, stderr=w, start_new_session=True)
    _LIVE.append(proc)
    os.close(w)
    try:
        rc = proc.wait(60)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        pytest.fail("harvest into a closed pipe ran past 60 s")
    data_dir = tmp_path / "data"
    crashes = list((data_dir / "logs").glob("*.crash.txt"))
    assert not crashes, crashes[0].read_text()[-2000:]
    lines = runs_jsonl(data_dir)
    assert lines and lines[-1]["status"] == "ok", lines
    assert urls_of(load(data_dir)) == portal_urls(a)
    assert rc in (0, 1, 141, -signal.SIGPIPE), f"exit {rc}"


def test_log_file_key_is_relative_to_the_dataset_and_cron_output_stays_one_line(portals, tmp_path):
    """README config table: '`log_file` | "" | also log (INFO and up) to this file, relative to the
    dataset folder'. The operator's log gets the INFO lines; cron's mail still gets one line."""
    a = portals("logkey-a", 3)
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)], log_file="harvest-info.log")
    run = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert run.rc == 0, run.show()
    assert len(run.lines) == 1 and SUMMARY.match(run.lines[0]), run.show()
    log = tmp_path / "data" / "harvest-info.log"
    assert log.exists(), sorted(p.name for p in (tmp_path / "data").iterdir())
    assert log.read_text(errors="replace").strip(), "the log file is empty"


def test_many_failed_pages_give_a_short_summary_and_a_complete_errors_file(portals, tmp_path):
    f"""{Q_EXIT1} A portal whose listing links 20 removed articles (404) beside 3 good ones: exit 1;
    the first line is the summary, naming the error kind with its count; the errors file has one
    `kind: URL: what` line per failed page (20); logs/runs.jsonl counts them by kind. Demanding
    user: what cron mails stays short (at most 15 lines) however many pages failed: the list is in
    the errors file."""
    a = portals("dead-a", 3, dead_links=20)
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    run = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert run.rc == 1, run.show()
    m = SUMMARY.match(run.lines[0])
    assert m, run.show()
    assert re.search(r"404\D{0,5}20\b|20\D{0,5}404", run.lines[0]), \
        f"the summary should count the 20 404s by kind:\n{run.lines[0]}"
    last = runs_jsonl(tmp_path / "data")[-1]
    errs = list((tmp_path / "data" / "logs").glob(f"{last['run_id']}.errors.txt"))
    assert errs, "no logs/<run_id>.errors.txt"
    elines = [ln for ln in errs[0].read_text().splitlines() if ln.strip()]
    dead = [ln for ln in elines if "da-go-bo-" in ln]
    assert len(dead) == 20, elines
    assert all(re.match(r"^[\w-]+: https?://\S+: .+", ln) for ln in dead), dead[:3]
    assert sum(last["errors"].values()) >= 20, last
    assert len(run.lines) <= 15, f"cron mails {len(run.lines)} lines:\n{run.show()}"


def test_quiet_flag_all_well_prints_only_the_summary(portals, tmp_path):
    f"""{Q_CRON} --help: '-q, --quiet only errors on stderr (the summary line still prints)'. An
    operator who adds -q to the cron line gets exactly the summary line when all is well."""
    a = portals("q-a", 3)
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    run = govnews(["harvest", "-q", "-c", "sites.toml"], cwd=tmp_path)
    assert run.rc == 0, run.show()
    assert len(run.lines) == 1 and SUMMARY.match(run.lines[0]), run.show()


def test_machine_time_zone_does_not_shift_any_time(portals, tmp_path):
    """README: '`published_at` carries `+07:00` on Vietnamese pages ..., times govnews observed are
    UTC'. The cron host runs in another zone (TZ=America/Los_Angeles, a rented server abroad):
    published_at is exactly what each page printed, in Vietnam time, and observed_at is the true UTC
    time of the run (within two minutes)."""
    a = portals("tz-a", 3)
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    t0 = time.time()
    run = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path, env=cron_env(TZ="America/Los_Angeles"))
    assert run.rc == 0, run.show()
    data = load(tmp_path / "data")
    got = {u: ts for u, ts in zip(data.articles["url"], data.articles["published_at"])}
    for art in a.articles:
        ts = got[a.article_url(art)]
        assert ts.utcoffset().total_seconds() == 7 * 3600, ts
        assert ts.to_pydatetime() == art.published, (ts, art.published)
    obs_t = data.observations["observed_at"]
    assert ((obs_t.astype("int64") / 1e9 - t0).abs() < 120).all(), (t0, list(obs_t))


def test_non_ascii_dataset_path_under_the_c_locale(portals, tmp_path):
    """Demanding user: cron's C locale (LANG=C, LC_ALL=C) and a Vietnamese folder name
    (/srv/dữ-liệu/tin-tức) are not a problem: exit 0, one summary line, the dataset loads."""
    a = portals("c-a", 3)
    folder = tmp_path / "dữ-liệu" / "tin-tức"
    write_config(tmp_path / "sites.toml", folder, [site(a)])
    run = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path, env=cron_env(LC_ALL="C"))
    assert run.rc == 0, run.show()
    assert len(run.lines) == 1, run.show()
    assert urls_of(load(folder)) == portal_urls(a)


def test_report_of_a_dataset_that_does_not_exist_is_one_line_exit_2(tmp_path):
    """README exit codes: '2 bad usage, config or path: one line says what is wrong'. The cron line
    `govnews harvest ... && govnews report DIR` with DIR misspelt: exit 2, one line naming it, and
    no folder or file created."""
    run = govnews(["report", "govnews-dta", "-o", "r.html"], cwd=tmp_path, timeout=60)
    assert run.rc == 2, run.show()
    assert len(run.lines) == 1 and "govnews-dta" in run.lines[0], run.show()
    assert not (tmp_path / "govnews-dta").exists() and not (tmp_path / "r.html").exists()


# =================================================================================================
# 2. Two cron runs at once: the lock
# =================================================================================================
@pytest.fixture(scope="module")
def overlap(tmp_path_factory):
    """Night 1 is slow (8 articles, 0.4 s each); a second cron entry (its own config, another
    portal, the same dataset folder) starts while it runs."""
    base = tmp_path_factory.mktemp("overlap")
    a = Portal("ovl-a", 8, seed=21).start()
    c = Portal("ovl-c", 3, seed=22).start()
    try:
        a.article_delay = 0.4
        write_config(base / "one.toml", base / "data", [site(a)])
        write_config(base / "two.toml", base / "data", [site(c)])
        first = Job(["harvest", "-c", "one.toml"], cwd=base)
        wait_until(lambda: len(a.article_requests()) >= 1, 30, "night 1's first article request")
        second = govnews(["harvest", "-c", "two.toml"], cwd=base, timeout=30)
        first_done = first.wait(90)
        yield dict(base=base, data=base / "data", first=first_done, second=second, a=a, c=c)
    finally:
        a.stop()
        c.stop()


def test_overlapping_run_exits_75_at_once_with_one_line_naming_the_holder(overlap):
    f"""{Q_LOCK} The second run: exit 75 within a few seconds, one line, naming the first run's pid."""
    second, first = overlap["second"], overlap["first"]
    assert second.rc == 75, second.show()
    assert second.elapsed < 10, second.show()
    assert len(second.lines) == 1, second.show()
    assert str(first.pid) in second.lines[0], f"pid {first.pid} not named:\n{second.show()}"


def test_overlapping_run_fetches_and_writes_nothing(overlap):
    f"""{Q_LOCK} The run that lost the lock sends no request (its portal sees none) and leaves no run
    behind: one line in logs/runs.jsonl, one row in the runs table, one runs/<run_id>/ folder."""
    assert overlap["c"].requests == [], [r.path for r in overlap["c"].requests]
    data_dir = overlap["data"]
    assert len(runs_jsonl(data_dir)) == 1, runs_jsonl(data_dir)
    assert len(load(data_dir).runs) == 1
    assert len([p for p in (data_dir / "runs").iterdir() if p.is_dir()]) == 1


def test_overlapped_run_finishes_unharmed(overlap):
    f"""{Q_LOCK} {Q_CRON} The run holding the lock is not disturbed: exit 0, one summary line, all 8
    articles, each observed once."""
    first = overlap["first"]
    assert first.rc == 0, first.show()
    assert len(first.lines) == 1 and SUMMARY.match(first.lines[0]), first.show()
    data = load(overlap["data"])
    assert urls_of(data) == portal_urls(overlap["a"])
    assert_no_duplicates(data)
    assert len(data.observations) == 8


def test_lock_is_per_dataset_two_datasets_harvest_at_once(portals, tmp_path):
    """README: 'govnews locks the dataset folder itself'. Demanding user: two cron entries for two
    different dataset folders (two projects) at the same minute both run: exit 0, one line each."""
    a = portals("pair-a", 5)
    b = portals("pair-b", 5)
    a.article_delay = b.article_delay = 0.2
    write_config(tmp_path / "a.toml", tmp_path / "data-a", [site(a)])
    write_config(tmp_path / "b.toml", tmp_path / "data-b", [site(b)])
    ja = Job(["harvest", "-c", "a.toml"], cwd=tmp_path)
    jb = Job(["harvest", "-c", "b.toml"], cwd=tmp_path)
    ra, rb = ja.wait(60), jb.wait(60)
    assert ra.rc == 0 and len(ra.lines) == 1, ra.show()
    assert rb.rc == 0 and len(rb.lines) == 1, rb.show()


def test_harvest_while_a_crawl_holds_the_folder_exits_75(portals, tmp_path):
    f"""README: '`crawl` is a harvest of one ad-hoc site per seed host: it takes the dataset's lock'.
    {Q_LOCK} A cron harvest that starts while an operator's crawl works the same folder exits 75
    with one line, and the crawl ends well."""
    a = portals("crawl-a", 6)
    a.article_delay = 0.4
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    crawl = Job(["crawl", a.url, "-o", "data", "--allow-private", "--delay", "0"], cwd=tmp_path)
    wait_until(lambda: len(a.article_requests()) >= 1, 30, "the crawl's first article")
    h = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path, timeout=30)
    c = crawl.wait(90)
    assert h.rc == 75, h.show()
    assert len(h.lines) == 1 and str(crawl.pid) in h.lines[0], h.show()
    assert c.rc == 0, c.show()


def test_three_cron_entries_at_the_same_second_one_runs(portals, tmp_path):
    f"""{Q_LOCK} The same job in three crontabs (/etc/cron.d, root's and the operator's) starts three
    harvests in the same second: exactly one runs (exit 0), the two others exit 75 with one line
    naming the winner's pid; the dataset holds one run and each article once."""
    a = portals("race-a", 5)
    a.article_delay = 0.6
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    jobs = [Job(["harvest", "-c", "sites.toml"], cwd=tmp_path) for _ in range(3)]
    runs = [j.wait(90) for j in jobs]
    codes = sorted(r.rc for r in runs)
    assert codes == [0, 75, 75], "\n".join(r.show() for r in runs)
    winner = next(r for r in runs if r.rc == 0)
    for r in runs:
        if r.rc == 75:
            assert len(r.lines) == 1 and str(winner.pid) in r.lines[0], r.show()
    data = load(tmp_path / "data")
    assert len(data.runs) == 1 and len(runs_jsonl(tmp_path / "data")) == 1
    assert_no_duplicates(data)
    assert len(data.observations) == 5


def test_same_folder_by_another_name_is_still_locked(portals, tmp_path):
    f"""{Q_LOCK} The folder is the thing locked, whatever it is called: a second cron line that
    reaches the same dataset through a symlink (/srv/govnews/current -> data, with a trailing
    slash) exits 75 with one line while the first runs."""
    a = portals("alias-a", 6)
    a.article_delay = 0.4
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    (tmp_path / "current").symlink_to(tmp_path / "data", target_is_directory=False)
    first = Job(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    wait_until(lambda: len(a.article_requests()) >= 1, 30, "the first harvest's first article")
    second = govnews(["harvest", "-c", "sites.toml", "-o", str(tmp_path / "current") + "/"],
                     cwd=tmp_path, timeout=30)
    done = first.wait(90)
    assert second.rc == 75, second.show()
    assert len(second.lines) == 1, second.show()
    assert done.rc == 0, done.show()
    assert len(load(tmp_path / "data").runs) == 1


def test_report_during_a_harvest_is_bounded_and_harms_nothing(portals, tmp_path):
    """README: 'A run killed before a shard was merged is merged at the next start (or by export,
    report, stories on that folder)'. Demanding user: an analyst's `govnews report` on the folder
    while the nightly harvest runs ends within a minute (exit 0, or 75 with one line) and must not
    merge the running harvest's shards under it: the harvest still exits 0 and the dataset holds
    each article once, observed once."""
    a = portals("rep-a", 4)
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    n1 = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert n1.rc == 0, n1.show()
    a.night()
    for _ in range(4):
        a.publish()
    a.article_delay = 0.4
    a.reset_log()
    job = Job(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    wait_until(lambda: len(a.article_requests()) >= 2, 30, "night 2's articles")
    rep = govnews(["report", "data", "-o", str(tmp_path / "r.html")], cwd=tmp_path, timeout=60)
    n2 = job.wait(90)
    assert rep.rc in (0, 75), rep.show()
    if rep.rc == 75:
        assert len(rep.lines) == 1, rep.show()
    assert n2.rc == 0, n2.show()
    data = load(tmp_path / "data")
    assert urls_of(data) == portal_urls(a)
    assert_no_duplicates(data)
    assert len(data.observations) == 4 + 8


# =================================================================================================
# 3. Signals: SIGTERM, SIGINT, SIGKILL mid-run, and the next night
# =================================================================================================
@pytest.fixture(scope="module")
def sigterm(tmp_path_factory):
    """A slow night (10 articles, 0.5 s each) stopped with SIGTERM (what `systemctl stop`, a
    container stop or the operator's `kill` sends) after its third article; then the next night."""
    base = tmp_path_factory.mktemp("sigterm")
    a = Portal("term-a", 10, seed=31).start()
    try:
        a.article_delay = 0.5
        write_config(base / "sites.toml", base / "data", [site(a)])
        job = Job(["harvest", "-c", "sites.toml"], cwd=base)
        wait_until(lambda: len([r for r in a.article_requests() if r.done]) >= 3, 40,
                   "three articles served")
        t_sig = job.signal(signal.SIGTERM)
        stopped = job.wait(30)
        stop_secs = time.time() - t_sig
        served_before = [r for r in a.article_requests() if r.done and r.done < t_sig - 1.0]
        started_after = [r for r in a.article_requests() if r.t > t_sig + 1.0]
        data_after_stop = load(base / "data")
        jsonl_after_stop = runs_jsonl(base / "data")
        responses_after_stop = _warc_responses(base / "data")
        a.article_delay = 0.0
        a.night()
        nxt = govnews(["harvest", "-c", "sites.toml"], cwd=base, timeout=60)
        yield dict(base=base, data=base / "data", stopped=stopped, t_sig=t_sig, a=a, next=nxt,
                   stop_secs=stop_secs,
                   served_before=served_before, started_after=started_after,
                   data_after_stop=data_after_stop, jsonl_after_stop=jsonl_after_stop,
                   responses_after_stop=responses_after_stop)
    finally:
        a.stop()


def _warc_responses(folder) -> int:
    """The response and revisit records in every WARC file of a dataset folder."""
    from warcio.archiveiterator import ArchiveIterator
    count = 0
    for path in sorted(folder.glob("warc/**/*.warc.gz")):
        with open(path, "rb") as fh:
            count += sum(1 for r in ArchiveIterator(fh) if r.rec_type in ("response", "revisit"))
    return count


def test_sigterm_exits_130_soon_with_its_summary_line(sigterm):
    f"""{Q_130} SIGTERM with a page in flight (0.5 s each): exit 130 within 10 s, the summary line
    printed, no traceback."""
    s = sigterm["stopped"]
    assert s.rc == 130, s.show()
    assert sigterm["stop_secs"] < 10, f"{sigterm['stop_secs']:.1f}s after SIGTERM\n{s.show()}"
    assert s.summary(), f"no summary line after SIGTERM:\n{s.show()}"
    no_trace(s)


def test_sigterm_stops_promptly_and_takes_no_new_page(sigterm):
    f"""{Q_130} 'pages in flight finish': no article request starts more than 1 s after the signal,
    and the process is gone within 10 s of it."""
    assert not sigterm["started_after"], [r.path for r in sigterm["started_after"]]
    assert sigterm["stop_secs"] < 10, sigterm["stop_secs"]


def test_sigterm_run_is_recorded_interrupted_with_its_counts(sigterm):
    f"""{Q_130} logs/runs.jsonl's line for the run says `interrupted` with pages_fetched > 0, and the
    runs table row says `interrupted` (docs/schema.md runs.status), right after the stop."""
    lines = sigterm["jsonl_after_stop"]
    assert lines, "no line in logs/runs.jsonl after SIGTERM"
    assert lines[-1]["status"] == "interrupted", lines[-1]
    assert lines[-1].get("pages_fetched", 0) > 0, lines[-1]
    runs = sigterm["data_after_stop"].runs
    assert list(runs["status"]) == ["interrupted"], runs


def test_sigterm_run_counts_each_page_once(sigterm):
    """Fifth walk: an interrupted run reported twice the pages it fetched (the CDXJ lines of the
    metadata records beside the responses were counted as pages). The run's pages_fetched and
    requests are the responses its WARC files hold."""
    line = sigterm["jsonl_after_stop"][-1]
    assert sigterm["responses_after_stop"] > 0
    assert line["pages_fetched"] == sigterm["responses_after_stop"], line
    assert line["requests"] == sigterm["responses_after_stop"], line


def test_sigterm_keeps_every_page_served_before_it(sigterm):
    f"""{Q_130} README: 'shards/<site>/dataset.sqlite ... committed page by page'; 'A killed run
    loses nothing committed'. Every article whose answer was complete a full second before SIGTERM
    is in the dataset right after the stop."""
    got = urls_of(sigterm["data_after_stop"])
    a = sigterm["a"]
    want = {f"http://{a.netloc}{r.path}" for r in sigterm["served_before"]}
    assert want, "test setup: no article was served before the signal"
    assert want <= got, f"lost: {sorted(want - got)}"


def test_night_after_sigterm_finishes_the_job_without_duplicates(sigterm):
    f"""{Q_KILLED} The next night: exit 0, one summary line, all 10 articles, no article twice and no
    article observed twice in one run; two runs in the runs table (interrupted, ok)."""
    n = sigterm["next"]
    assert n.rc == 0, n.show()
    assert len(n.lines) == 1, n.show()
    data = load(sigterm["data"])
    assert urls_of(data) == portal_urls(sigterm["a"])
    assert_no_duplicates(data)
    assert sorted(data.runs["status"]) == ["interrupted", "ok"], data.runs


def test_sigint_to_the_process_group_exits_130_without_a_traceback(portals, tmp_path):
    f"""{Q_130} Ctrl-C (SIGINT to the whole process group, as a terminal sends it): exit 130 within
    10 s, the summary line, no Python traceback or KeyboardInterrupt on the screen."""
    a = portals("int-a", 10)
    a.article_delay = 0.5
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    job = Job(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    wait_until(lambda: len([r for r in a.article_requests() if r.done]) >= 2, 40, "two articles")
    t = time.monotonic()
    job.signal(signal.SIGINT, group=True)
    run = job.wait(30)
    assert run.rc == 130, run.show()
    assert time.monotonic() - t < 10, run.show()
    assert run.summary(), run.show()
    assert "KeyboardInterrupt" not in run.out, run.show()
    no_trace(run)
    assert runs_jsonl(tmp_path / "data")[-1]["status"] == "interrupted"


def test_sigterm_during_an_honoured_retry_after_wait_is_prompt(portals, tmp_path):
    """README: 'shorter ones [Retry-After under max_retry_wait] are honoured'; '130 interrupted
    (Ctrl-C or SIGTERM)'; DESIGN: 'every wait ... is bounded'. Demanding user: a run sleeping out
    a 120 s Retry-After stops on SIGTERM within 10 s (exit 130), it does not sleep the wait out."""
    a = portals("wait-a", 4)
    a.mode, a.mode_scope, a.retry_after = "429", "articles", "120"
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)], host_give_up_seconds=600.0)
    job = Job(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    wait_until(lambda: any(r.status == 429 for r in a.article_requests()), 30, "the first 429")
    time.sleep(1.5)
    t = time.monotonic()
    job.signal(signal.SIGTERM)
    run = job.wait(60)
    took = time.monotonic() - t
    assert run.rc == 130, run.show()
    assert took < 10, f"SIGTERM took {took:.1f}s to stop a run waiting out Retry-After\n{run.show()}"


@pytest.fixture(scope="module")
def killed(tmp_path_factory):
    """Night 1 killed with SIGKILL (the OOM killer, a power cut) mid-run; night 2 runs as usual."""
    base = tmp_path_factory.mktemp("killed")
    a = Portal("kill-a", 10, seed=41).start()
    try:
        a.article_delay = 0.4
        write_config(base / "sites.toml", base / "data", [site(a)])
        job = Job(["harvest", "-c", "sites.toml"], cwd=base)
        wait_until(lambda: len([r for r in a.article_requests() if r.done]) >= 4, 40, "four articles")
        job.signal(signal.SIGKILL, group=True)
        job.proc.wait(10)
        killed_pid = job.pid
        a.article_delay = 0.0
        a.night()
        nxt = govnews(["harvest", "-c", "sites.toml"], cwd=base, timeout=60)
        yield dict(base=base, data=base / "data", next=nxt, a=a, killed_pid=killed_pid)
    finally:
        a.stop()


def test_night_after_sigkill_takes_the_lock_over_and_exits_0(killed):
    f"""{Q_LOCK} The killed run's lock is taken over: the next night does not exit 75; it exits 0 with
    one summary line."""
    n = killed["next"]
    assert n.rc == 0, n.show()
    assert len(n.lines) == 1 and SUMMARY.match(n.lines[0]), n.show()


def test_night_after_sigkill_records_the_killed_run_as_interrupted(killed):
    f"""{Q_KILLED} logs/runs.jsonl has a line for the killed run (status interrupted) and the runs
    table has both runs, the killed one `interrupted`."""
    lines = runs_jsonl(killed["data"])
    assert len(lines) == 2, lines
    st = {ln["run_id"]: ln["status"] for ln in lines}
    assert sorted(st.values()) == ["interrupted", "ok"], st
    runs = load(killed["data"]).runs
    assert sorted(runs["status"]) == ["interrupted", "ok"], runs


def test_night_after_sigkill_has_every_article_once(killed):
    f"""{Q_KILLED} After the next night: all 10 articles, none twice, none observed twice in a run,
    and the latest view counts are tonight's."""
    data = load(killed["data"])
    a = killed["a"]
    assert urls_of(data) == portal_urls(a)
    assert_no_duplicates(data)
    got = {u: int(v) for u, v in zip(data.articles["url"], data.articles["view_count"])}
    assert got == {a.article_url(x): x.views for x in a.articles}


def test_sigterm_twice_still_130_and_nothing_lost(portals, tmp_path):
    f"""{Q_130} Demanding user: an impatient operator (or a supervisor) sends SIGTERM twice, 0.2 s
    apart, while a slow page (2 s) is in flight. Still exit 130, no traceback; after the next night
    the stopped run is `interrupted`, every article is there once."""
    a = portals("twice-a", 8)
    a.article_delay = 2.0
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    job = Job(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    wait_until(lambda: len([r for r in a.article_requests() if r.done]) >= 1, 40, "one article")
    wait_until(lambda: len(a.article_requests()) >= 2, 40, "a second article in flight")
    time.sleep(0.3)
    job.signal(signal.SIGTERM)
    time.sleep(0.2)
    try:
        job.signal(signal.SIGTERM)
    except ProcessLookupError:
        pass
    run = job.wait(30)
    assert run.rc == 130, run.show()
    no_trace(run)
    a.article_delay = 0.0
    nxt = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert nxt.rc == 0, nxt.show()
    data = load(tmp_path / "data")
    assert sorted(data.runs["status"]) == ["interrupted", "ok"], data.runs
    assert urls_of(data) == portal_urls(a)
    assert_no_duplicates(data)


def test_killed_then_site_dropped_then_readded_picks_up_its_queue(portals, tmp_path):
    """README: 'Pages queued for a site that is not in this run (a site dropped from sites.toml
    after a killed run) are left alone for that site's next run.' Night 1 is killed (SIGKILL) while
    site b is half done; night 2's config lacks b: exit 0, one line, b gets no request; night 3 has b
    again: exit 0, all of b's articles, none twice."""
    a = portals("drop-a", 2)
    b = portals("drop-b", 10)
    b.article_delay = 0.4
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a, "a"), site(b, "b")])
    job = Job(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    wait_until(lambda: len([r for r in b.article_requests() if r.done]) >= 3, 40, "three of b's articles")
    job.signal(signal.SIGKILL, group=True)
    job.proc.wait(10)
    b.article_delay = 0.0
    b.reset_log()
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a, "a")])
    n2 = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert n2.rc == 0, n2.show()
    assert len(n2.lines) == 1, n2.show()
    assert b.requests == [], [r.path for r in b.requests]
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a, "a"), site(b, "b")])
    n3 = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert n3.rc == 0, n3.show()
    data = load(tmp_path / "data")
    assert urls_of(data, "b") == portal_urls(b)
    assert_no_duplicates(data)


def _descendants(pid: int) -> list:
    import psutil
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def _alive(procs) -> list:
    import psutil
    out = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.Error:
            pass
    return out


def _kill_all(procs) -> None:
    for p in procs:
        try:
            p.kill()
        except Exception:
            pass


def _processes_night(portals, tmp_path, name):
    a = portals(f"{name}-a", 8)
    b = portals(f"{name}-b", 8)
    a.article_delay = b.article_delay = 0.5
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a, "a"), site(b, "b")])
    job = Job(["harvest", "-c", "sites.toml", "--processes", "2"], cwd=tmp_path)
    wait_until(lambda: len([r for p in (a, b) for r in p.article_requests() if r.done]) >= 3, 90,
               "three articles on worker processes")
    return a, b, job


def test_sigterm_with_worker_processes_exits_130_and_leaves_no_process(portals, tmp_path):
    f"""{Q_130} README: '--processes N ... the lock, the exit codes, the summary and logs/runs.jsonl
    ... mean what they mean for one process'. SIGTERM to the harvest running on 2 worker processes:
    exit 130 within 30 s having taken no new page ('pages in flight finish': no article request
    starts more than 1.5 s after the signal), and (demanding user) none of the worker processes it
    started is still running 15 s later; the next night exits 0 within a minute with every article
    once."""
    a, b, job = _processes_night(portals, tmp_path, "pterm")
    kids = _descendants(job.pid)
    assert kids, "test setup: no worker processes seen"
    try:
        t = time.monotonic()
        t_sig = job.signal(signal.SIGTERM)
        run = job.wait(60)
        late = [r.path for p in (a, b) for r in p.article_requests() if r.t > t_sig + 1.5]
        assert not late, f"{len(late)} articles requested after SIGTERM:\n{run.show()}"
        assert run.rc == 130, run.show()
        assert time.monotonic() - t < 30, run.show()
        end = time.monotonic() + 15
        while _alive(kids) and time.monotonic() < end:
            time.sleep(0.2)
        left = _alive(kids)
        assert not left, f"left running after SIGTERM: {[(p.pid, p.cmdline()[:3]) for p in left]}"
    finally:
        _kill_all(kids)
    a.article_delay = b.article_delay = 0.0
    nxt = govnews(["harvest", "-c", "sites.toml", "--processes", "2"], cwd=tmp_path, timeout=60)
    assert nxt.rc == 0, nxt.show()
    data = load(tmp_path / "data")
    assert urls_of(data) == portal_urls(a) | portal_urls(b)
    assert_no_duplicates(data)


def test_coordinator_killed_with_worker_processes_next_night_is_not_blocked(portals, tmp_path):
    f"""{Q_LOCK} README: 'each site ... under a lease (a lock on the shard folder, freed by the kernel
    if its holder dies)'; '--processes N starts a local Dask cluster of N processes'. The OOM killer
    kills the harvest's main process (SIGKILL to it alone) while 2 worker processes harvest.
    Demanding user: the workers it started do not live on (gone within 20 s: otherwise they keep
    the sites' leases and write shards with no run to merge them), and the next night exits 0 within
    a minute with every article once."""
    a, b, job = _processes_night(portals, tmp_path, "pkill")
    kids = _descendants(job.pid)
    assert kids, "test setup: no worker processes seen"
    try:
        os.kill(job.pid, signal.SIGKILL)
        job.proc.wait(10)
        end = time.monotonic() + 20
        while _alive(kids) and time.monotonic() < end:
            time.sleep(0.2)
        left = _alive(kids)
        left_desc = [(p.pid, " ".join(p.cmdline()[:4])) for p in left]
    finally:
        _kill_all(kids)
    a.article_delay = b.article_delay = 0.0
    nxt = govnews(["harvest", "-c", "sites.toml", "--processes", "2"], cwd=tmp_path, timeout=60)
    assert nxt.rc == 0, nxt.show()
    data = load(tmp_path / "data")
    assert urls_of(data) == portal_urls(a) | portal_urls(b)
    assert_no_duplicates(data)
    assert not left_desc, f"worker processes still running 20 s after the coordinator died: {left_desc}"


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_signal_to_the_whole_group_with_worker_processes(portals, tmp_path, sig):
    f"""{Q_130} README: '--processes N ... the exit codes, the summary ... mean what they mean for one
    process'. Ctrl-C on a terminal, and systemd's default stop (KillMode=control-group), signal
    every process of the job, the worker processes too: still exit 130 within 30 s with the summary
    line, no new page taken ('pages in flight finish': no article request starts more than 1.5 s
    after the signal), no traceback or KeyboardInterrupt from any process, and the next night exits
    0 with every article once."""
    a, b, job = _processes_night(portals, tmp_path, "g" + sig.lower()[3:])
    kids = _descendants(job.pid)
    try:
        t = time.monotonic()
        t_sig = job.signal(getattr(signal, sig), group=True)
        run = job.wait(60)
        took = time.monotonic() - t
        late = [r.path for p in (a, b) for r in p.article_requests() if r.t > t_sig + 1.5]
    finally:
        end = time.monotonic() + 10
        while _alive(kids) and time.monotonic() < end:
            time.sleep(0.2)
        _kill_all(kids)
    assert run.rc == 130, run.show()
    assert took < 30, run.show()
    assert run.summary(), run.show()
    assert not late, f"{len(late)} articles requested after {sig}:\n{run.show()}"
    assert "KeyboardInterrupt" not in run.out, run.show()
    no_trace(run)
    a.article_delay = b.article_delay = 0.0
    nxt = govnews(["harvest", "-c", "sites.toml", "--processes", "2"], cwd=tmp_path, timeout=60)
    assert nxt.rc == 0, nxt.show()
    data = load(tmp_path / "data")
    assert urls_of(data) == portal_urls(a) | portal_urls(b)
    assert_no_duplicates(data)


# =================================================================================================
# 4. The config edited between nights
# =================================================================================================
@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """Night 1: sites a, b. Night 2: b removed, c added, a moved to a new address (same name)."""
    base = tmp_path_factory.mktemp("edited")
    a = Portal("ed-a", 3, seed=51).start()
    b = Portal("ed-b", 3, seed=52).start()
    c = Portal("ed-c", 3, seed=53).start()
    a2 = Portal("ed-a-new", 3, seed=54).start()
    try:
        write_config(base / "sites.toml", base / "data", [site(a, "a"), site(b, "b")])
        n1 = govnews(["harvest", "-c", "sites.toml"], cwd=base)
        b.reset_log()
        write_config(base / "sites.toml", base / "data", [site(a2, "a"), site(c, "c")])
        n2 = govnews(["harvest", "-c", "sites.toml"], cwd=base)
        yield dict(base=base, data=base / "data", n1=n1, n2=n2, a=a, b=b, c=c, a2=a2)
    finally:
        for p in (a, b, c, a2):
            p.stop()


def test_config_edit_site_added_is_harvested(edited):
    f"""README: 'govnews harvest -c sites.toml: the scheduled, incremental job'. {Q_CRON} A site added
    to sites.toml between nights is harvested the next night: exit 0, one line, its 3 articles
    under its name."""
    n2 = edited["n2"]
    assert edited["n1"].rc == 0, edited["n1"].show()
    assert n2.rc == 0, n2.show()
    assert len(n2.lines) == 1, n2.show()
    assert urls_of(load(edited["data"]), "c") == portal_urls(edited["c"])


def test_config_edit_site_removed_keeps_its_data_and_is_left_alone(edited):
    """README: 'Pages queued for a site that is not in this run (a site dropped from sites.toml
    after a killed run) are left alone for that site's next run'; DESIGN: 'One folder holds a whole
    harvest over time'. A site dropped from the config: its articles and observations stay in the
    dataset, it gets no request, and night 2's runs row lists only the configured sites."""
    data = load(edited["data"])
    assert urls_of(data, "b") == portal_urls(edited["b"])
    assert (data.observations["site"] == "b").sum() == 3
    assert edited["b"].requests == [], [r.path for r in edited["b"].requests]
    runs = data.runs.sort_values("started_at")
    assert sorted(runs.iloc[-1]["sites"]) == ["a", "c"], runs


def test_config_edit_site_moved_keeps_its_name_and_history(edited):
    """README: '[[sites]] name: the site's name in the records'. Demanding user: the operator points
    site `a` at its new address; night 2 harvests the new address's articles under `a`, and a's
    night-1 articles stay in the dataset."""
    data = load(edited["data"])
    got = urls_of(data, "a")
    assert portal_urls(edited["a2"]) <= got, sorted(got)
    assert portal_urls(edited["a"]) <= got, sorted(got)


@pytest.fixture(scope="module")
def cfg_portal(tmp_path_factory):
    """One small portal and a night-1 dataset that each config test copies before its night 2."""
    p = Portal("cfg-a", 2, seed=61).start()
    base = tmp_path_factory.mktemp("cfgbase")
    write_config(base / "sites.toml", base / "data", [site(p)])
    first = govnews(["harvest", "-c", "sites.toml"], cwd=base)
    assert first.rc == 0, first.show()
    p.base_data = base / "data"
    yield p
    p.stop()


def _bad_config_run(tmp_path, portal, *, raw_harvest="", sites=None, harvest=None, tail="",
                    reobserve=None, extra_args=()):
    shutil.copytree(portal.base_data, tmp_path / "data")
    before = tree(tmp_path / "data")
    portal.reset_log()
    write_config(tmp_path / "sites.toml", tmp_path / "data", sites or [site(portal)],
                 raw_harvest=raw_harvest, tail=tail, reobserve=reobserve, **(harvest or {}))
    run = govnews(["harvest", "-c", "sites.toml", *extra_args], cwd=tmp_path, timeout=30)
    return run, before


def _assert_refused(run, before, tmp_path, portal, *names):
    assert run.rc == 2, run.show()
    assert len(run.lines) == 1, f"not one line:\n{run.show()}"
    for n in names:
        assert n in run.lines[0], f"{n!r} not named:\n{run.show()}"
    assert portal.requests == [], [r.path for r in portal.requests]
    assert tree(tmp_path / "data") == before, "the refused run wrote into the dataset"
    no_trace(run)


def test_config_typo_in_a_key_names_it_and_the_closest_key(tmp_path, cfg_portal):
    f"""{Q_CONFIG} `dealy = 2` in [harvest]: exit 2, one line naming `dealy` and suggesting `delay`,
    no request, nothing written."""
    run, before = _bad_config_run(tmp_path, cfg_portal, raw_harvest="dealy = 2")
    _assert_refused(run, before, tmp_path, cfg_portal, "dealy", "delay")


def test_config_typo_in_a_site_key_names_it(tmp_path, cfg_portal):
    f"""{Q_CONFIG} `start_url` (for start_urls) in a [[sites]] table: exit 2, one line naming it and
    suggesting `start_urls`, no request, nothing written."""
    bad = {"name": "cfg-a", "start_urls": [cfg_portal.url], "start_url": [cfg_portal.url]}
    run, before = _bad_config_run(tmp_path, cfg_portal, sites=[bad])
    _assert_refused(run, before, tmp_path, cfg_portal, "start_url", "start_urls")


@pytest.mark.parametrize("key,raw", [
    ("workers", "workers = 0"),
    ("timeout", "timeout = -1.0"),
    ("delay", "delay = nan"),
    ("formats", 'formats = ["csv", "xls"]'),
    ("window_days", None),
    ("contact", 'contact = "ops@example.org\\u0007"'),
], ids=["workers-0", "timeout-negative", "delay-nan", "formats-xls", "window-days-40000",
        "contact-control-char"])
def test_config_bad_value_is_one_line_exit_2_nothing_written(tmp_path, cfg_portal, key, raw):
    f"""{Q_CONFIG} ('types, ranges (e.g. workers >= 1, timeout > 0, window_days <= 36500), finite
    numbers, known formats, no control characters in user_agent or contact'). The bad value edited
    in between nights: exit 2, one line naming the key, no request, nothing written."""
    harvest = {}
    reobserve = None
    if raw:
        k = raw.split("=", 1)[0].strip()
        harvest[k] = None            # drop the default from [harvest], the raw line sets it
    else:
        reobserve = {"window_days": 40000}
    run, before = _bad_config_run(tmp_path, cfg_portal, raw_harvest=raw or "", harvest=harvest,
                                  reobserve=reobserve)
    _assert_refused(run, before, tmp_path, cfg_portal, key)


def test_config_bad_site_name_is_refused(tmp_path, cfg_portal):
    f"""{Q_CONFIG} ('site names of letters, digits, -, _, . (and a :port)'). `name = "city/news"`:
    exit 2, one line naming the name, no request, nothing written."""
    bad = {"name": "city/news", "start_urls": [cfg_portal.url]}
    run, before = _bad_config_run(tmp_path, cfg_portal, sites=[bad])
    _assert_refused(run, before, tmp_path, cfg_portal, "city/news")


def test_config_duplicate_site_names_are_refused(tmp_path, cfg_portal):
    """README: 'shards/<site>/dataset.sqlite | one site's records'; '[[sites]] name | required | the
    site's name in the records'. Docs silent on two [[sites]] with one name; demanding user: that is
    a copy-paste slip that would mix two portals into one site's shard and series, so it is refused
    like any bad config: exit 2, one line naming the duplicate, no request, nothing written."""
    other = Portal("cfg-dup", 2, seed=62).start()
    try:
        sites = [site(cfg_portal), {"name": "cfg-a", "start_urls": [other.url]}]
        run, before = _bad_config_run(tmp_path, cfg_portal, sites=sites)
        _assert_refused(run, before, tmp_path, cfg_portal, "cfg-a")
        assert other.requests == []
    finally:
        other.stop()


def test_config_toml_syntax_error_is_one_line_with_where(tmp_path, cfg_portal):
    f"""{Q_CONFIG} A half-edited file (an unclosed array) is a config error too: exit 2, one line that
    names the file and (demanding user) the line of the mistake, no request, nothing written."""
    run, before = _bad_config_run(tmp_path, cfg_portal, tail='[[sites]]\nname = "x"\nstart_urls = ["http://')
    _assert_refused(run, before, tmp_path, cfg_portal, "sites.toml")
    assert re.search(r"(?i)line\s*\d+|:\d+", run.lines[0]), run.show()


def test_config_missing_file_is_one_line_exit_2(tmp_path):
    """README exit codes: '2 bad usage, config or path: one line says what is wrong'. The crontab
    names a config that was renamed: exit 2, one line naming it, no dataset folder created."""
    run = govnews(["harvest", "-c", "renamed.toml", "-o", "data"], cwd=tmp_path, timeout=30)
    assert run.rc == 2, run.show()
    assert len(run.lines) == 1 and "renamed.toml" in run.lines[0], run.show()
    assert not (tmp_path / "data").exists()


def test_command_line_override_typo_is_one_line_exit_2(tmp_path, cfg_portal):
    f"""{Q_CONFIG} README: 'Defaults < file < command line (-s KEY=VALUE ...)'; --help: '-s KEY=VALUE
    ... (validated like the file)'. `-s delya=2` in the crontab: exit 2, one line naming `delya`,
    no request, nothing written."""
    run, before = _bad_config_run(tmp_path, cfg_portal, extra_args=("-s", "delya=2"))
    _assert_refused(run, before, tmp_path, cfg_portal, "delya")


def test_output_path_that_is_a_file_is_one_line_exit_2(tmp_path, cfg_portal):
    """README exit codes: '2 bad usage, config or path: one line says what is wrong'. The config's
    output names an existing file: exit 2, one line naming it, no request, the file untouched."""
    f = tmp_path / "not-a-folder"
    f.write_text("keep me\n")
    cfg_portal.reset_log()
    write_config(tmp_path / "sites.toml", f, [site(cfg_portal)])
    run = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path, timeout=30)
    assert run.rc == 2, run.show()
    assert len(run.lines) == 1 and "not-a-folder" in run.lines[0], run.show()
    assert f.read_text() == "keep me\n"
    assert cfg_portal.requests == []


def test_log_file_in_a_missing_folder_is_one_line_exit_2_before_any_request(tmp_path, cfg_portal):
    """README exit codes: '2 bad usage, config or path: one line says what is wrong'; --help:
    '--log-file FILE also write every message ... to FILE'. `--log-file /nonexistent/x/h.log`:
    exit 2, one line naming the path, no request, no dataset created."""
    cfg_portal.reset_log()
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(cfg_portal)])
    run = govnews(["harvest", "-c", "sites.toml", "--log-file", "/nonexistent-h7/x/h.log"],
                  cwd=tmp_path, timeout=30)
    assert run.rc == 2, run.show()
    assert len(run.lines) == 1 and "/nonexistent-h7/x/h.log" in run.lines[0], run.show()
    assert cfg_portal.requests == []
    no_trace(run)


# =================================================================================================
# 5. A read-only dataset, an unwritable log folder
# =================================================================================================
def _chmod_tree(path: Path, writable: bool):
    for p in sorted([path, *path.rglob("*")], key=lambda p: -len(p.parts)):
        if p.is_symlink():
            continue
        m = p.stat().st_mode
        p.chmod((m | stat.S_IWUSR) if writable else (m & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)))


class ReadOnly:
    """Make folders read-only for one govnews run, as a remount or a backup job's chmod would.

    As root, permission bits do not bind, so the run gets its own mount namespace in which the
    folders are read-only bind mounts (writes fail with EROFS, a truly read-only file system);
    as any other user the write bits are taken off for the run.
    """

    def __init__(self, *paths: Path):
        self.paths = [str(p) for p in paths]
        self.root = os.geteuid() == 0

    def run(self, args, *, cwd, timeout=60) -> Run:
        if self.root:
            quoted = " ".join("'" + str(a).replace("'", "'\\''") + "'" for a in [GOVNEWS, *args])
            mounts = " && ".join(f"mount --bind '{p}' '{p}' && mount -o remount,bind,ro '{p}'"
                                 for p in self.paths)
            cmd = ["unshare", "-m", "--propagation", "private", "sh", "-c",
                   f"{mounts} || exit 99; exec {quoted}"]
            log = Path(tempfile.mkstemp(prefix="govnews-", suffix=".log", dir=str(cwd))[1])
            t0 = time.monotonic()
            with open(log, "ab") as fh:
                proc = subprocess.Popen(cmd, cwd=str(cwd), env=cron_env(), stdin=subprocess.DEVNULL,
                                        stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
            _LIVE.append(proc)
            try:
                rc = proc.wait(timeout)
            except subprocess.TimeoutExpired:
                _kill_group(proc)
                proc.wait(10)
                pytest.fail(f"govnews {args} on a read-only folder ran past {timeout}s:\n"
                            f"{log.read_text(errors='replace')[-3000:]}")
            assert rc != 99, "test setup: the read-only bind mount failed"
            return Run([str(a) for a in args], rc, log.read_text(errors="replace"),
                       time.monotonic() - t0, proc.pid)
        for p in self.paths:
            _chmod_tree(Path(p), False)
        try:
            return govnews(args, cwd=cwd, timeout=timeout)
        finally:
            for p in self.paths:
                _chmod_tree(Path(p), True)


def test_read_only_dataset_one_line_no_request_nothing_lost(portals, tmp_path):
    f"""{Q_RO} The dataset folder becomes read-only between nights (a remount after a disk error, a
    backup job's chmod): night 2 exits 1 (README's documented code for this case; 2, 'bad ...
    path', is accepted too), says so in one line naming a path in the dataset and the cause, sends
    no request for an article, and night 1's records are all still there. It does not claim
    another harvest holds the lock (75) nor crash (70)."""
    a = portals("ro-a", 3)
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    n1 = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert n1.rc == 0, n1.show()
    before = load(tmp_path / "data")
    a.night()
    a.reset_log()
    n2 = ReadOnly(tmp_path / "data").run(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert n2.rc in (1, 2), n2.show()
    assert len(n2.lines) == 1, n2.show()
    assert str(tmp_path / "data") in n2.lines[0] or "data/" in n2.lines[0], n2.show()
    assert re.search(r"(?i)read-only|permission|denied|not writable", n2.lines[0]), n2.show()
    assert not a.article_requests(), [r.path for r in a.article_requests()]
    after = load(tmp_path / "data")
    assert urls_of(after) == urls_of(before)
    assert len(after.observations) == len(before.observations)


def test_unwritable_logs_folder_is_said_briefly_and_loses_nothing(portals, tmp_path):
    """README: 'logs/runs.jsonl | one JSON line per run'; exit codes: '70 internal error (a bug):
    one line, the traceback in logs/<run_id>.crash.txt'. Docs silent on logs/ alone being
    unwritable (a logrotate or backup job that left it read-only). Demanding user: the operator is
    told in a few lines at most (no traceback) that logs/ cannot be written, naming it; the exit code
    is not 0 (the run's record is lost) and not 70 (its crash file could not be written either);
    night 1's data is intact and the dataset still loads."""
    a = portals("logs-a", 3)
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    n1 = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert n1.rc == 0, n1.show()
    before = load(tmp_path / "data")
    a.night()
    n2 = ReadOnly(tmp_path / "data" / "logs").run(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert n2.rc in (1, 2), n2.show()
    assert 1 <= len(n2.lines) <= 3, n2.show()
    assert "logs" in n2.out, n2.show()
    no_trace(n2)
    after = load(tmp_path / "data")
    assert urls_of(before) <= urls_of(after)
    assert len(after.observations) >= len(before.observations)


# =================================================================================================
# 6. The clock jumps back a day
# =================================================================================================
@pytest.fixture(scope="module")
def clock(tmp_path_factory):
    """Night 1 at the true time; night 2 with the machine's clock a day behind (a VM restored from a
    snapshot, a dead RTC battery before NTP syncs); night 3 at the true time again."""
    base = tmp_path_factory.mktemp("clock")
    lib = fake_clock_lib(base)
    a = Portal("clk-a", 4, seed=71).start()
    try:
        write_config(base / "sites.toml", base / "data", [site(a)])
        nights = []
        served = []
        for offset in (0, -86400, 0):
            env = cron_env(LD_PRELOAD=str(lib), FAKE_CLOCK_OFFSET=str(offset))
            nights.append(govnews(["harvest", "-c", "sites.toml"], cwd=base, env=env))
            served.append({a.article_url(x): x.views for x in a.articles})
            a.night()
        # the shim itself works
        probe = subprocess.run([sys.executable, "-c", "import time; print(time.time())"],
                               env=cron_env(LD_PRELOAD=str(lib), FAKE_CLOCK_OFFSET="-86400"),
                               capture_output=True, text=True, timeout=30)
        yield dict(base=base, data=base / "data", nights=nights, served=served, a=a,
                   probe=float(probe.stdout.strip()))
    finally:
        a.stop()


def test_clock_back_a_day_every_night_exits_0(clock):
    f"""{Q_CRON} The clock a day behind on night 2 (and right again on night 3) is no failure: each
    night exits 0 with one summary line."""
    assert abs(clock["probe"] - (time.time() - 86400)) < 60, "test setup: the fake clock shim"
    for n in clock["nights"]:
        assert n.rc == 0, n.show()
        assert len(n.lines) == 1, n.show()


def test_clock_back_a_day_keeps_three_runs_and_all_their_records(clock):
    """DESIGN: 'a crash at any moment ... loses no committed record'; README: 'runs/<run_id>/ what
    each run fetched'. Demanding user: a run started at an earlier wall-clock time than the last one
    overwrites nothing: three distinct run ids in logs/runs.jsonl, the runs table and runs/, and
    three observations per article with the counts each night served."""
    data = load(clock["data"])
    ids = [ln["run_id"] for ln in runs_jsonl(clock["data"])]
    assert len(ids) == 3 and len(set(ids)) == 3, ids
    assert set(data.runs["run_id"]) == set(ids)
    assert len([p for p in (clock["data"] / "runs").iterdir() if p.is_dir()]) == 3
    obs = data.observations
    assert obs.groupby("url").size().eq(3).all() and obs["url"].nunique() == 4, obs.groupby("url").size()
    got = sorted((u, int(v)) for u, v in zip(obs["url"], obs["view_count"]))
    want = sorted((u, v) for night in clock["served"] for u, v in night.items())
    assert got == want


def test_clock_back_a_day_observed_at_is_the_clock_it_ran_by(clock):
    """docs/schema.md: 'observed_at | UTC time | when it was fetched'. Night 2's observations carry
    the (wrong) clock the machine had, about a day before night 1's: govnews records what it saw,
    it does not reorder or drop them."""
    data = load(clock["data"])
    obs = data.observations
    ids = [ln["run_id"] for ln in runs_jsonl(clock["data"])]
    # runs.jsonl is in the order the runs happened
    first = obs[obs["run_id"] == ids[0]]["observed_at"].min()
    second = obs[obs["run_id"] == ids[1]]["observed_at"].max()
    assert (first - second).total_seconds() > 80000, (first, second)


def test_clock_back_a_day_the_series_still_loads_and_plots(clock):
    """README: 'govnews.engagement(data) one row per article and observation ...';
    'govnews.views_over_time(data, freq="run") wide: one column per article, by run'. After a night
    with a clock a day behind, both still work: 12 engagement rows, a 3 x 4 wide table."""
    import govnews
    data = load(clock["data"])
    eng = govnews.engagement(data)
    assert len(eng) == 12
    wide = govnews.views_over_time(data, freq="run")
    assert wide.shape == (3, 4), wide


# =================================================================================================
# 7. A portal down for a week, then back
# =================================================================================================
@pytest.fixture(scope="module")
def down_week(tmp_path_factory):
    """Two portals. Night 1 both up; nights 2-8 portal b refuses connections; night 9 it is back,
    with a new article and more views."""
    base = tmp_path_factory.mktemp("downweek")
    a = Portal("wk-a", 3, seed=81).start()
    b = Portal("wk-b", 3, seed=82).start()
    try:
        write_config(base / "sites.toml", base / "data", [site(a, "a"), site(b, "b")])
        nights = [govnews(["harvest", "-c", "sites.toml"], cwd=base)]
        b.down()
        for _ in range(7):
            a.night()
            b.night()
            nights.append(govnews(["harvest", "-c", "sites.toml"], cwd=base))
        a.night()
        b.night()
        b.publish()
        b.up()
        nights.append(govnews(["harvest", "-c", "sites.toml"], cwd=base))
        yield dict(base=base, data=base / "data", nights=nights, a=a, b=b)
    finally:
        a.stop()
        b.stop()


def test_down_week_each_night_exits_1_with_a_short_summary(down_week):
    f"""{Q_EXIT1} Each night b refuses connections: exit 1, the first line the summary naming the
    error kind, and (demanding user) no more than 5 lines in cron's mail; the night it is back,
    exit 0 and one line."""
    nights = down_week["nights"]
    assert nights[0].rc == 0, nights[0].show()
    for n in nights[1:8]:
        assert n.rc == 1, n.show()
        assert SUMMARY.match(n.lines[0]) and re.search(r"errors: (?!none)\S", n.lines[0]), n.show()
        assert len(n.lines) <= 5, n.show()
        no_trace(n)
    assert nights[8].rc == 0, nights[8].show()
    assert len(nights[8].lines) == 1, nights[8].show()


def test_down_week_the_other_site_is_observed_every_night(down_week):
    """README: 'a bad host costs a bounded time ... never the other hosts''. Site a has one
    observation per article on each of the 9 nights."""
    obs = load(down_week["data"]).observations
    per = obs[obs["site"] == "a"].groupby("url")["run_id"].nunique()
    assert len(per) == 3 and (per == 9).all(), per


def test_down_week_status_is_gone_then_reachable(down_week):
    """README, Knowing when a portal dies: 'Every harvest records each site's status from its start
    pages: reachable, ... gone (DNS, connection refused, 404/410 on the start page)';
    `govnews.site_status(DIR)`. b is reachable on night 1, gone on nights 2-8, reachable on 9."""
    import govnews
    st = govnews.site_status(str(down_week["data"]))
    ids = [ln["run_id"] for ln in runs_jsonl(down_week["data"])]
    assert len(ids) == 9, ids
    b = st[st["site"] == "b"].set_index("run_id")["status"]
    got = [str(b.get(i, "<none>")) for i in ids]
    assert got == ["reachable"] + ["gone"] * 7 + ["reachable"], got


def test_down_week_the_wayback_hint_is_said_once(down_week):
    """README: 'When a site has been gone three runs in a row, the harvest says once how to recover
    it from the Wayback Machine.' Over seven nights gone, exactly one night's output mentions the
    Wayback Machine, and not before the third gone night."""
    said = [i for i, n in enumerate(down_week["nights"]) if re.search(r"(?i)wayback", n.out)]
    assert len(said) == 1, [down_week["nights"][i].out for i in said] or "never said"
    assert said[0] >= 3, said


def test_down_week_the_returned_site_continues_its_series(down_week):
    """README: 'a bad host ... then waits for the next run with its pages still queued'; 'each
    article's view count becomes a time series'. Night 9: b's three old articles get their second
    point, with the views they show now, and its new article is harvested."""
    data = load(down_week["data"])
    b = down_week["b"]
    assert urls_of(data, "b") == portal_urls(b)
    obs = data.observations[data.observations["site"] == "b"]
    per = obs.groupby("url").size()
    old = [b.article_url(x) for x in b.articles[:3]]
    assert all(per.get(u, 0) == 2 for u in old), per
    last = obs.sort_values("observed_at").groupby("url").last()["view_count"]
    assert {u: int(last[u]) for u in old} == {b.article_url(x): x.views for x in b.articles[:3]}


def test_down_week_report_shows_the_status_history(down_week, tmp_path):
    """README: 'When the dataset has them, the report also shows ... each site's status over time: a
    site x run grid coloured by status (reachable, redirected, failing, blocked, gone) ... its
    status now and since when'. The report after the week (--lang en, from cron): exit 0, and it
    shows b's statuses `gone` and `reachable`."""
    out = tmp_path / "week.html"
    run = govnews(["report", str(down_week["data"]), "-o", str(out), "--lang", "en"], cwd=tmp_path,
                  timeout=120)
    assert run.rc == 0, run.show()
    html = out.read_text(encoding="utf-8")
    assert re.search(r"(?i)\bgone\b", html) and re.search(r"(?i)\breachable\b", html)


# =================================================================================================
# 8. 429 with Retry-After of an hour
# =================================================================================================
@pytest.fixture(scope="module")
def hour_429(tmp_path_factory):
    """Portal b answers every article page with 429 Retry-After: 3600 (its listing is fine); a is
    fine. The next night b is fine again."""
    base = tmp_path_factory.mktemp("hour429")
    a = Portal("ra-a", 3, seed=91).start()
    b = Portal("ra-b", 4, seed=92).start()
    try:
        b.mode, b.mode_scope, b.retry_after = "429", "articles", "3600"
        write_config(base / "sites.toml", base / "data", [site(a, "a"), site(b, "b")])
        n1 = govnews(["harvest", "-c", "sites.toml"], cwd=base, timeout=90)
        b_reqs = list(b.article_requests())
        b.mode = "ok"
        a.night()
        b.night()
        n2 = govnews(["harvest", "-c", "sites.toml"], cwd=base, timeout=60)
        yield dict(base=base, data=base / "data", n1=n1, n2=n2, a=a, b=b, b_reqs=b_reqs)
    finally:
        a.stop()
        b.stop()


def test_retry_after_an_hour_does_not_hold_the_night(hour_429):
    f"""{Q_RETRY} A 429 asking for an hour: the night ends within 30 s, exit 1, the summary naming the
    error kind; site a harvested in full."""
    n1 = hour_429["n1"]
    assert n1.elapsed < 30, n1.show()
    assert n1.rc == 1, n1.show()
    assert n1.summary() and "errors: none" not in n1.summary()[0], n1.show()
    assert urls_of(load(hour_429["data"]), "a") == portal_urls(hour_429["a"])


def test_retry_after_an_hour_ends_the_host_at_once_with_one_error_line(hour_429):
    f"""{Q_RETRY} After the first 429 with Retry-After: 3600 the host gets no further article request
    that night, and logs/<run_id>.errors.txt has one line for it."""
    reqs = hour_429["b_reqs"]
    assert len(reqs) == 1, [r.path for r in reqs]
    first = runs_jsonl(hour_429["data"])[0]
    ef = hour_429["data"] / "logs" / f"{first['run_id']}.errors.txt"
    assert ef.exists()
    b = hour_429["b"]
    lines = [ln for ln in ef.read_text().splitlines() if b.netloc in ln]
    assert len(lines) == 1, lines


def test_retry_after_an_hour_the_pages_wait_for_the_next_night(hour_429):
    f"""{Q_RETRY} The next night b answers again: exit 0, one line, all 4 of b's articles harvested."""
    n2 = hour_429["n2"]
    assert n2.rc == 0, n2.show()
    assert len(n2.lines) == 1, n2.show()
    assert urls_of(load(hour_429["data"]), "b") == portal_urls(hour_429["b"])


def test_retry_after_as_an_http_date_an_hour_ahead_is_bounded_too(portals, tmp_path):
    f"""{Q_RETRY} Retry-After may be an HTTP-date (RFC 9110): a whole portal answering 429 'until an
    hour from now' on every path, robots.txt and start page included, costs the night under 30 s,
    exit 1, with its summary line (README: 'Warnings go to stderr by default: ... a host given up')."""
    a = portals("rd-a", 3)
    b = portals("rd-b", 3)
    b.mode, b.mode_scope, b.retry_after = "429", "all", http_date(time.time() + 3600)
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a, "a"), site(b, "b")])
    run = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path, timeout=90)
    assert run.elapsed < 30, run.show()
    assert run.rc == 1, run.show()
    assert run.summary(), run.show()
    assert urls_of(load(tmp_path / "data"), "a") == portal_urls(a)


def test_time_limit_stops_commits_exits_1_and_the_next_night_goes_on(portals, tmp_path):
    """README: '`max_run_seconds` (off by default) stops a run taking new pages after that time; it
    commits, exits 1 and says "stopped at the time limit"'; 'A killed run loses nothing committed:
    run it again and it goes on.' A night limited to 3 s on a slow portal (12 articles, 0.5 s
    each): exit 1 within 15 s, the words in its output; the next night (no limit) completes the set,
    exit 0, no duplicates."""
    a = portals("lim-a", 12)
    a.article_delay = 0.5
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)], max_run_seconds=3)
    n1 = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path, timeout=60)
    assert n1.rc == 1, n1.show()
    assert n1.elapsed < 15, n1.show()
    assert "stopped at the time limit" in n1.out, n1.show()
    partial = load(tmp_path / "data")
    assert 0 < len(partial.articles) < 12, len(partial.articles)
    a.article_delay = 0.0
    write_config(tmp_path / "sites.toml", tmp_path / "data", [site(a)])
    n2 = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path, timeout=60)
    assert n2.rc == 0, n2.show()
    data = load(tmp_path / "data")
    assert urls_of(data) == portal_urls(a)
    assert_no_duplicates(data)


def test_dataset_moved_to_a_new_disk_goes_on(portals, tmp_path):
    """Demanding user (README: 'One folder holds a whole harvest over time' per DESIGN; 'a crawl run
    again on the same folder goes on where it stopped'): the operator moves the dataset folder to a
    bigger disk (another path) and points `-o` at it; the next night goes on: exit 0, nothing new,
    every article a second observation, nothing refetched from scratch or lost."""
    a = portals("mv-a", 4)
    write_config(tmp_path / "sites.toml", tmp_path / "old" / "data", [site(a)])
    n1 = govnews(["harvest", "-c", "sites.toml"], cwd=tmp_path)
    assert n1.rc == 0, n1.show()
    (tmp_path / "new").mkdir()
    shutil.move(str(tmp_path / "old" / "data"), str(tmp_path / "new" / "data"))
    a.night()
    n2 = govnews(["harvest", "-c", "sites.toml", "-o", str(tmp_path / "new" / "data")], cwd=tmp_path)
    assert n2.rc == 0, n2.show()
    m = SUMMARY.match(n2.lines[0])
    assert m and int(m[2]) == 0, n2.show()
    data = load(tmp_path / "new" / "data")
    assert len(data.runs) == 2
    assert data.observations.groupby("url").size().eq(2).all()
    assert_no_duplicates(data)


# =================================================================================================
# 9. Six nights: the time series, the exports, the report
# =================================================================================================
@pytest.fixture(scope="module")
def six_nights(tmp_path_factory):
    """Two portals harvested on six days in a row under cron (the wall clock of night i set i-5 days
    from now by the LD_PRELOAD clock shim, so the nights fall on six calendar days); every night each
    article gains views at its own rate (on portal a the oldest article gains most, though it has
    the fewest views); on night 4 portal a publishes a new article."""
    import datetime as dt
    base = tmp_path_factory.mktemp("sixnights")
    lib = fake_clock_lib(base)
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=7)))
    week_ago = now - dt.timedelta(days=6)
    a = Portal("six-a", 4, seed=101, rates=[40, 9, 5, 2], now=week_ago).start()
    b = Portal("six-b", 3, seed=102, rates=[1, 3, 6], now=week_ago).start()
    # make the fastest gainer the article with the fewest lifetime views
    a.articles[0].views = 20
    try:
        write_config(base / "sites.toml", "govnews-data", [site(a, "a"), site(b, "b")])
        nights, served, counters = [], [], []
        for night in range(6):
            offset = -(5 - night) * 86400
            if night == 3:
                when = (now + dt.timedelta(seconds=offset) - dt.timedelta(hours=2)).replace(second=0, microsecond=0)
                a.publish(base_views=5, when=when)
            env = cron_env(LD_PRELOAD=str(lib), FAKE_CLOCK_OFFSET=str(offset))
            nights.append(govnews(["harvest", "-c", "sites.toml"], cwd=base, env=env))
            served.append({p.article_url(x): x.views for p in (a, b) for x in p.articles})
            counters.append({"a": a.counter_total, "b": b.counter_total})
            a.night()
            b.night()
        yield dict(base=base, data=base / "govnews-data", nights=nights, served=served,
                   counters=counters, a=a, b=b)
    finally:
        a.stop()
        b.stop()


def test_six_nights_each_quiet_and_0(six_nights):
    f"""{Q_CRON} Six nights: each exits 0 with exactly one summary line; night 4 reports 1 new."""
    for i, n in enumerate(six_nights["nights"]):
        assert n.rc == 0, n.show()
        assert len(n.lines) == 1 and SUMMARY.match(n.lines[0]), n.show()
    assert int(SUMMARY.match(six_nights["nights"][3].lines[0])[2]) == 1


def test_six_nights_load_with_the_documented_dtypes(six_nights):
    f"""{Q_SERIES} README: 'data.articles.dtypes # published_at: datetime64[ns, Asia/Ho_Chi_Minh],
    view_count: Int64, headline: string'. The four tables after six nights, as documented."""
    import pandas as pd
    data = load(six_nights["data"])
    o, a, sc, r = data.observations, data.articles, data.site_counters, data.runs
    assert str(o["observed_at"].dtype) == "datetime64[ns, UTC]", o.dtypes
    assert str(o["captured_at"].dtype) == "datetime64[ns, UTC]", o.dtypes
    for col in ("view_count", "visitor_counter", "http_status"):
        assert str(o[col].dtype) == "Int64", o.dtypes
    for col in ("run_id", "article_id", "url", "site"):
        assert pd.api.types.is_string_dtype(o[col].dtype) and o[col].dtype != object, o.dtypes
    assert str(a["published_at"].dtype) == "datetime64[ns, Asia/Ho_Chi_Minh]", a.dtypes
    assert str(a["view_count"].dtype) == "Int64", a.dtypes
    assert str(sc["total"].dtype) == "Int64" and str(sc["observed_at"].dtype) == "datetime64[ns, UTC]", sc.dtypes
    assert str(r["started_at"].dtype) == "datetime64[ns, UTC]", r.dtypes
    for col in ("pages_fetched", "articles_new", "observations", "errors"):
        assert str(r[col].dtype) == "Int64", r.dtypes


def test_six_nights_one_observation_per_article_and_night_with_the_served_counts(six_nights):
    f"""{Q_SERIES} Each article has one row per night it existed (6, or 3 for the one published on
    night 4), each row the count the page showed that night, in run order; articles.view_count is the
    last night's."""
    data = load(six_nights["data"])
    obs = data.observations.sort_values("observed_at")
    ids = [ln["run_id"] for ln in runs_jsonl(six_nights["data"])]
    assert len(ids) == 6
    for url in set(obs["url"]):
        series = obs[obs["url"] == url]
        want = [n[url] for n in six_nights["served"] if url in n]
        assert [int(v) for v in series["view_count"]] == want, (url, list(series["view_count"]), want)
        assert list(series["run_id"]) == ids[-len(want):]
    assert obs["url"].nunique() == 8
    last = six_nights["served"][-1]
    got = {u: int(v) for u, v in zip(data.articles["url"], data.articles["view_count"])}
    assert got == last


def test_six_nights_site_counters_one_per_site_and_night(six_nights):
    """docs/schema.md: 'site_counters: the visitor counter per site and run ... total: the counter's
    total (Tổng truy cập)'. 12 rows, each night's total as printed, per site."""
    sc = load(six_nights["data"]).site_counters
    assert len(sc) == 12, sc
    ids = [ln["run_id"] for ln in runs_jsonl(six_nights["data"])]
    for s in ("a", "b"):
        part = sc[sc["site"] == s].set_index("run_id")["total"]
        assert [int(part[i]) for i in ids] == [c[s] for c in six_nights["counters"]]


def test_six_nights_views_over_time_and_engagement(six_nights):
    """README: 'daily = govnews.views_over_time(data, freq="run") # wide: one column per article,
    by run'; 'series = govnews.engagement(data) # one row per article and observation: views,
    views_gained, ...'. A 6 x 8 wide table; engagement's views_gained for the fastest article on its
    last night is that article's nightly gain (40)."""
    import govnews
    data = load(six_nights["data"])
    wide = govnews.views_over_time(data, freq="run")
    assert wide.shape == (6, 8), wide.shape
    eng = govnews.engagement(data)
    assert len(eng) == len(data.observations)
    fast = six_nights["a"].articles[0]
    aid = data.articles.loc[data.articles["url"] == six_nights["a"].article_url(fast), "article_id"].iloc[0]
    mine = eng[eng["article_id"] == aid].sort_values("observed_at")
    assert int(mine["views_gained"].iloc[-1]) == 40, mine[["views", "views_gained"]]


def test_six_nights_by_day_top_gainers_and_decay(six_nights):
    """README: 'daily = govnews.views_over_time(data, freq="run") ... (freq="D" by day: a line then
    needs two days of harvests)'; 'govnews.top_gainers(data, since="7D", n=10) # most views gained
    this week'; 'govnews.decay_by_age(data) # median views/day by age bin, per site'. Six nights on
    six calendar days: 6 rows by day; this week's top gainer is the article gaining 40 a night
    (though it has the fewest lifetime views); decay_by_age gives rows for both sites."""
    import govnews
    data = load(six_nights["data"])
    by_day = govnews.views_over_time(data, freq="D")
    assert by_day.shape[0] == 6, by_day
    top = govnews.top_gainers(data, since="7D", n=3)
    fast = six_nights["a"].articles[0]
    aid = data.articles.loc[data.articles["url"] == six_nights["a"].article_url(fast), "article_id"].iloc[0]
    first = [str(v) for v in top.reset_index().iloc[0].tolist()]
    assert aid in first or six_nights["a"].article_url(fast) in first, top
    decay = govnews.decay_by_age(data)
    assert len(decay) > 0, decay
    labels = set(map(str, decay.columns)) | set(map(str, decay.reset_index().astype(str).values.ravel()))
    assert {"a", "b"} <= labels, decay


def test_six_nights_per_run_exports_match_the_dataset(six_nights):
    """README: 'runs/<run_id>/*.csv, *.jsonl | what each run fetched (written atomically at the end
    of a run that was not interrupted)'. Six folders, each with observations.csv whose view counts
    are that night's, which govnews.load reads with the same dtypes."""
    import govnews
    data_dir = six_nights["data"]
    ids = [ln["run_id"] for ln in runs_jsonl(data_dir)]
    for i, rid in enumerate(ids):
        folder = data_dir / "runs" / rid
        assert (folder / "observations.csv").exists(), sorted(p.name for p in folder.iterdir())
        part = govnews.load(str(folder)).observations
        assert str(part["view_count"].dtype) == "Int64"
        got = {u: int(v) for u, v in zip(part["url"], part["view_count"])}
        assert got == six_nights["served"][i]


def test_report_after_six_nights_under_cron_is_quiet_and_self_contained(six_nights, tmp_path):
    """README: 'govnews report DIR [-o report.html] [--lang vi|en] writes one self-contained HTML
    file ... the articles that gained the most views in the report's window (ranked by gain, not
    lifetime views)'. Run from cron after the nights (no HOME: matplotlib has no config folder):
    exit 0; demanding user: at most one line of output and no warning; the file loads nothing from
    the network and names the article that gained most (which has the fewest lifetime views)."""
    out = tmp_path / "report.html"
    run = govnews(["report", str(six_nights["data"]), "-o", str(out), "--lang", "en"], cwd=tmp_path,
                  timeout=120)
    assert run.rc == 0, run.show()
    assert len(run.lines) <= 1, run.show()
    assert not re.search(r"(?i)warning|traceback", run.out), run.show()
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"""(?i)<(script|img|link)[^>]+(src|href)=["']?https?://""", html), \
        "the report loads something from the network"
    fast = six_nights["a"].articles[0]
    assert fast.title[:40] in html, f"the top gainer {fast.title!r} is not in the report"


def test_export_parquet_after_six_nights_loads_with_plain_pandas(six_nights, tmp_path):
    """README: 'Parquet files carry the pandas metadata (plain pd.read_parquet gives Int64, string
    and tz-aware columns ...)'. `govnews export DIR --format parquet -o OUT` under cron: exit 0,
    and plain pandas reads observations with 42 rows, Int64 view counts and UTC times."""
    import pandas as pd
    out = tmp_path / "pq"
    run = govnews(["export", str(six_nights["data"]), "--format", "parquet", "-o", str(out)],
                  cwd=tmp_path, timeout=120)
    assert run.rc == 0, run.show()
    obs = pd.read_parquet(out / "observations.parquet")
    assert len(obs) == 6 * 7 + 3, len(obs)
    assert str(obs["view_count"].dtype) == "Int64", obs.dtypes
    assert str(obs["observed_at"].dtype).startswith("datetime64") and "UTC" in str(obs["observed_at"].dtype)
