"""The command line around a run: exit codes mean one thing each, warnings are seen, a killed
harvest is closed by the next one, and a site dropped from the config stays out of later runs."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path


from govnews.fixtures.portals.lacviet import LacVietPortal
from govnews.fixtures.server import PortalServer
from govnews.output import load
from govnews.scraper import harvest as harvest_module
from govnews.scraper.cli import main

ROOT = Path(__file__).resolve().parent.parent


def config(path: Path, out: Path, *urls: str, names: tuple[str, ...] = ()) -> Path:
    sites = "".join(textwrap.dedent(f"""
        [[sites]]
        name = "{names[i] if names else f'site{i}'}"
        start_urls = ["{url}/"]
        """) for i, url in enumerate(urls))
    path.write_text(textwrap.dedent(f"""\
        [harvest]
        output = "{out}"
        delay = 0.0
        allow_private = true
        timeout = 5
        [reobserve]
        window_days = 0
        sample_older = 0
        """) + sites, encoding="utf-8")
    return path


def test_an_internal_error_is_exit_70_with_one_line_and_a_crash_file(tmp_path, capsys,
                                                                     monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")
    monkeypatch.setattr(harvest_module, "_tasks", broken)      # the coordinator's own bug
    with PortalServer(LacVietPortal()) as server:
        cfg = config(tmp_path / "sites.toml", tmp_path / "data", server.url)
        code = main(["harvest", "-c", str(cfg)])
    err = capsys.readouterr().err
    assert code == 70
    assert err.count("\n") == 1 and "internal error" in err and "Traceback" not in err
    crash = Path(err.split("details in ")[1].strip())
    assert crash.is_file() and "ZeroDivisionError" in crash.read_text()
    assert crash.parent == tmp_path / "data" / "logs"
    # the run is not left 'running' and the lock is free: the next run works
    monkeypatch.undo()
    with PortalServer(LacVietPortal()) as server:
        cfg = config(tmp_path / "sites.toml", tmp_path / "data", server.url)
        assert main(["harvest", "-c", str(cfg)]) == 0
    runs = load(tmp_path / "data").runs
    assert "running" not in set(runs.status)


def test_a_bug_in_one_site_task_costs_that_site_only(tmp_path, capsys, monkeypatch):
    """A worker's bug (here: re-observation of one site raising) is an error of that site: the
    other site is harvested, the exit code says partial, the traceback is in the crash file."""
    from govnews.fixtures.portals.nukeviet import NukeVietPortal
    from govnews.scraper import sitetask

    real = sitetask._reobserve

    def broken(task, store):
        if task.shard == "lacviet":
            raise ZeroDivisionError("a bug in one site")
        return real(task, store)
    monkeypatch.setattr(sitetask, "_reobserve", broken)
    with PortalServer(LacVietPortal()) as one, PortalServer(NukeVietPortal()) as two:
        path = config(tmp_path / "sites.toml", tmp_path / "data", one.url, two.url,
                      names=("lacviet", "nukeviet"))
        code = main(["harvest", "-c", str(path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "worker: sites lacviet: ZeroDivisionError: a bug in one site" in err
    crash = next((tmp_path / "data" / "logs").glob("*.crash.txt"))
    assert "ZeroDivisionError" in crash.read_text()
    data = load(tmp_path / "data")
    assert set(data.articles.site) == {"nukeviet"} and len(data.articles) > 10
    assert set(data.runs.status) == {"partial"}


def test_overrides_from_the_command_line_are_validated(tmp_path, capsys):
    cfg = config(tmp_path / "sites.toml", tmp_path / "data", "http://127.0.0.1:9")
    assert main(["harvest", "-c", str(cfg), "-s", "workers=0"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "workers" in err


def test_log_file_gets_the_run_details(tmp_path, capsys):
    with PortalServer(LacVietPortal()) as server:
        cfg = config(tmp_path / "sites.toml", tmp_path / "data", server.url)
        log = tmp_path / "run.log"
        assert main(["harvest", "-c", str(cfg), "--log-file", str(log), "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert log.is_file()
    logged = log.read_text("utf-8")
    assert "harvested " in logged          # the run's summary, not only its failures (was empty)


def test_killed_harvest_then_site_dropped_then_run_again(tmp_path):
    first, second = LacVietPortal(), LacVietPortal()
    with PortalServer(first, latency=0.02) as kept, PortalServer(second, latency=0.02) as gone:
        both = config(tmp_path / "both.toml", tmp_path / "data", kept.url, gone.url,
                      names=("kept", "gone"))
        cmd = [sys.executable, "-m", "govnews", "harvest", "-c", str(both)]
        proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        deadline = time.time() + 60
        while time.time() < deadline and sum("mode=1" in p.lower() for p in gone.paths()) < 5:
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        open_files = list((tmp_path / "data" / "warc").rglob("*.open"))
        only_kept = config(tmp_path / "kept.toml", tmp_path / "data", kept.url, names=("kept",))
        before = len(gone.requests)
        done = subprocess.run([sys.executable, "-m", "govnews", "harvest", "-c", str(only_kept)],
                              cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert len(gone.requests) == before           # the dropped site is not fetched
    data = load(tmp_path / "data")
    kept_articles = data.articles[data.articles.site == "kept"]
    assert len(kept_articles) == len(first.articles())
    statuses = dict(zip(data.runs.run_id, data.runs.status))
    assert "running" not in statuses.values()
    assert "interrupted" in statuses.values()
    lines = [json.loads(x) for x in (tmp_path / "data" / "logs" / "runs.jsonl").read_text("utf-8").splitlines()]
    killed = [r for r, status in statuses.items() if status == "interrupted"]
    for run_id in killed:                                # the killed run has its line too
        assert [x["status"] for x in lines if x["run_id"] == run_id] == ["interrupted"], lines
    assert not list((tmp_path / "data" / "warc").rglob("*.open")), open_files
    assert "Traceback" not in done.stderr


def test_sigterm_ends_a_harvest_cleanly(tmp_path):
    """cron's timeout or systemd sends SIGTERM: no new request, the run is recorded as
    interrupted, the WARC file is closed, exit 130, no traceback. The run's record counts the
    new articles its cut-short task committed (the dataset was empty: every article is new)."""
    with PortalServer(LacVietPortal(), latency=0.05) as server:
        cfg = config(tmp_path / "sites.toml", tmp_path / "data", server.url)
        proc = subprocess.Popen([sys.executable, "-m", "govnews", "harvest", "-c", str(cfg)],
                                cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        deadline = time.time() + 60
        while time.time() < deadline and sum("mode=1" in p.lower() for p in server.paths()) < 3:
            time.sleep(0.01)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    data = load(tmp_path / "data")
    runs = data.runs
    assert runs.status.tolist() == ["interrupted"]
    assert len(data.articles) > 0
    assert runs.articles_new.tolist() == [len(data.articles)], runs.to_string()
    # (the responses' lines: the metadata record beside each is indexed too, and is no page)
    archived = sum(1 for index in (tmp_path / "data" / "warc").rglob("*.cdxj")
                   for line in index.read_text("utf-8").splitlines() if '"status":' in line)
    assert runs.pages_fetched.tolist() == [archived], runs.to_string()   # every page it fetched, once
    assert not list((tmp_path / "data" / "warc").rglob("*.open"))


def test_a_full_disk_while_archiving_stops_the_run(tmp_path, capsys, monkeypatch):
    """The WARC archive cannot be written (ENOSPC): one line naming the archive, exit 1, no
    request after it, the run recorded."""
    import errno
    from govnews.scraper import archive as archive_module

    real_write = archive_module.WarcArchive.write
    calls = {"n": 0}

    def write(self, response):
        calls["n"] += 1
        if calls["n"] > 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, response)
    monkeypatch.setattr(archive_module.WarcArchive, "write", write)
    with PortalServer(LacVietPortal()) as server:
        cfg = config(tmp_path / "sites.toml", tmp_path / "data", server.url)
        code = main(["harvest", "-c", str(cfg)])
        sent = len(server.requests)
        time.sleep(0.3)
        assert len(server.requests) == sent
    out, err = capsys.readouterr()
    assert code == 1
    assert "No space left on device" in err and "warc" in err
    assert "Traceback" not in err
    assert sent <= 7                      # the failing write's request, and nothing after it
    assert load(tmp_path / "data").runs.status.tolist() == ["partial"]


def test_every_argument_of_every_command_says_what_it_is_for():
    """A new user's walk (session 22): `govnews recover --help` listed `--from` and `-o DIR`, and
    `serve-fixtures --help` listed `--host`, with no word on what they take. Every positional
    argument and option of every command now has a help line."""
    import argparse

    from govnews.scraper.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    silent = [f"{name} {action.dest}" for name, sub in commands.choices.items()
              for action in sub._actions
              if not isinstance(action, argparse._HelpAction) and not action.help]
    assert len(commands.choices) >= 10
    assert silent == []


def test_the_time_limit_is_said_once_and_names_the_sites_it_cut(tmp_path, capsys):
    """A fourth new user's walk: `-s max_run_seconds=3` on a harvest of 12 sites printed the same
    WARNING 12 times, then 10 identical lines under 'errors of this run', none naming a site (the
    errors file: 12 identical lines). The summary says the run stopped at the time limit; each
    site's error line names the site; a list cut at 10 lines says how many more the file holds."""
    servers = [PortalServer(LacVietPortal()).start() for _ in range(12)]
    try:
        names = tuple(f"xa{i:02d}" for i in range(12))
        cfg = config(tmp_path / "sites.toml", tmp_path / "data", *(s.url for s in servers), names=names)
        code = main(["harvest", "-c", str(cfg), "-s", "max_run_seconds=1", "-s", "delay=0.5"])
    finally:
        for server in servers:
            server.stop()
    captured = capsys.readouterr()
    assert code == 1 and "stopped at the time limit" in captured.out
    assert "WARNING" not in captured.err
    errors = (tmp_path / "data" / "logs").glob("*.errors.txt")
    lines = [l for f in errors for l in f.read_text("utf-8").splitlines() if "time limit" in l]
    assert lines and len(set(lines)) == len(lines)
    assert all(any(name in line for name in names) for line in lines)
    if len(lines) > 10:
        assert f"… and {len(lines) - 10} more in the file" in captured.err
