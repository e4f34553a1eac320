"""`govnews parse` over many pages in one process: one JSON line per file, errors in the
record's warnings, exit 1 when any file failed; --jobs gives the same lines."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path


from govnews.scraper.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "fixtures" / "golden"


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def _good_pages(folder: Path, count: int) -> list[Path]:
    pages = sorted(GOLDEN.glob("*/*.html"))[:count]
    copied = []
    for page in pages:
        target = folder / f"{page.parent.name}-{page.name}"
        shutil.copy(page, target)
        shutil.copy(page.with_suffix(".meta.json"), target.with_suffix(".meta.json"))
        copied.append(target)
    return copied


def test_a_folder_of_good_pages_gives_one_line_each(tmp_path, capsys):
    pages = _good_pages(tmp_path, 6)
    assert main(["parse", str(tmp_path)]) == 0
    records = _lines(capsys.readouterr().out)
    assert [r["file"] for r in records] == [str(p) for p in pages]
    assert all(r["headline"] and r["body"] for r in records)
    # the URL came from each page's .meta.json, so the platform rules applied
    assert all(r["url"].startswith("http") for r in records)


def test_bad_files_are_records_with_warnings_and_exit_1(tmp_path, capsys):
    good = _good_pages(tmp_path, 2)
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "truncated.html").write_bytes(good[0].read_bytes()[:4000])
    assert main(["parse", str(tmp_path)]) == 1
    records = {Path(r["file"]).name: r for r in _lines(capsys.readouterr().out)}
    assert len(records) == 5
    assert "empty" in records["empty.html"]["warnings"][0]
    assert records["binary.html"]["warnings"]
    assert records["truncated.html"]["headline"]          # what a cut page still shows
    assert all(records[p.name]["headline"] for p in good)


def test_files_and_jsonl_flag_and_jobs_agree(tmp_path, capsys):
    pages = _good_pages(tmp_path, 8)
    assert main(["parse", "--jsonl", str(pages[0])]) == 0
    one = _lines(capsys.readouterr().out)
    assert len(one) == 1 and one[0]["file"] == str(pages[0])
    assert main(["parse", *map(str, pages)]) == 0
    serial = _lines(capsys.readouterr().out)
    assert main(["parse", "--jobs", "2", *map(str, pages)]) == 0
    parallel = _lines(capsys.readouterr().out)
    drop = ("fetched_at", "first_seen_at")
    assert [{k: v for k, v in r.items() if k not in drop} for r in serial] == \
        [{k: v for k, v in r.items() if k not in drop} for r in parallel]


def test_url_only_with_one_page(tmp_path, capsys):
    pages = _good_pages(tmp_path, 2)
    assert main(["parse", "--url", "https://x.gov.vn/a", *map(str, pages)]) == 2
    assert "--url" in capsys.readouterr().err


def test_a_closed_stdout_ends_quietly(tmp_path):
    _good_pages(tmp_path, 6)
    proc = subprocess.run(f"{sys.executable} -m govnews parse {tmp_path} | head -c 10",
                          shell=True, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_a_url_that_answers_404_prints_the_record_and_exits_1(capsys):
    from govnews.fixtures.portals.lacviet import LacVietPortal
    from govnews.fixtures.server import PortalServer
    with PortalServer(LacVietPortal()) as server:
        code = main(["parse", server.url + "/no/such/page.aspx"])
    record = json.loads(capsys.readouterr().out)
    assert code == 1 and record["http_status"] == 404
