"""`govnews stories` on a dataset that holds no article yet (a first crawl that reached nothing):
one line saying so, exit 0; before, an internal error (exit 70) telling the user to run the
command they had just run. Found by a new user following the README."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def _govnews(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "govnews", *args], capture_output=True, text=True, timeout=120)


def test_stories_of_a_dataset_with_no_article_is_one_line_and_exit_0(tmp_path: Path) -> None:
    data = tmp_path / "data"
    crawl = _govnews("crawl", "http://127.0.0.1:9/", "-o", str(data), "--allow-private", "-s", "timeout=1",
                     "-s", "max_tries=1")
    assert crawl.returncode in (0, 1), crawl.stderr
    run = _govnews("stories", str(data))
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stdout.strip().endswith("holds no article yet")
    table = tmp_path / "stories.csv"
    run = _govnews("stories", str(data), "--min-sites", "3", "-o", str(table))
    assert run.returncode == 0, run.stderr
    header = table.read_text("utf-8").strip().splitlines()       # (no file was written before)
    assert len(header) == 1 and header[0].startswith("story_id,articles,sites")
