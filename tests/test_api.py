"""The notebook face: `govnews.extract` gives the record `govnews parse` prints, from str or
bytes; `extract_frame` gives typed DataFrames; the package installs one import name."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import govnews
from govnews.fixtures.golden import golden_cases
from govnews.parsers.decoding import decode_html
from govnews.scraper.cli import main

CASES = golden_cases()
OBSERVED = ("fetched_at", "first_seen_at")   # when the record was made: differs by call


def _meta(case: Path) -> dict:
    return json.loads(case.with_suffix(".meta.json").read_text("utf-8"))


def _without_times(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in OBSERVED}


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_extract_equals_the_cli_record_from_bytes_and_str(case, capsys):
    meta = _meta(case)
    assert main(["parse", str(case), "--url", meta["url"]]) == 0
    cli = json.loads(capsys.readouterr().out)
    data = case.read_bytes()
    from_bytes = govnews.extract(data, url=meta["url"])
    from_str = govnews.extract(decode_html(data, meta["headers"].get("Content-Type")).text,
                               url=meta["url"])
    assert _without_times(from_bytes) == _without_times(cli)
    assert _without_times(from_str) == _without_times(cli)


def test_extract_forced_profile_and_bad_input():
    case = next(c for c in CASES if c.parent.name == "lacviet")
    record = govnews.extract(case.read_bytes(), url=_meta(case)["url"], profile="generic")
    assert record["platform"] == "generic"
    empty = govnews.extract("", url="https://x.gov.vn/a")
    assert empty["headline"] is None and empty["warnings"]
    with pytest.raises(TypeError):
        govnews.extract(12, url="https://x.gov.vn/a")


def test_extract_frame_is_typed_and_keeps_the_index():
    chosen = CASES[:5]
    pages = pd.DataFrame({"html": [c.read_bytes() for c in chosen],
                          "url": [_meta(c)["url"] for c in chosen]},
                         index=[f"p{i}" for i in range(len(chosen))])
    frame = govnews.extract_frame(pages)
    assert list(frame.index) == list(pages.index)
    assert str(frame.view_count.dtype) == "Int64"
    assert str(frame.published_at.dtype) == "datetime64[ns, Asia/Ho_Chi_Minh]"
    assert str(frame.headline.dtype) == "string"
    for (label, row), case in zip(frame.iterrows(), chosen):
        expected = govnews.extract(case.read_bytes(), url=_meta(case)["url"])
        assert row.headline == expected["headline"]
        assert (pd.isna(row.view_count) and expected["view_count"] is None) \
            or row.view_count == expected["view_count"]


def test_version_and_python_m(tmp_path):
    out = subprocess.run([sys.executable, "-m", "govnews", "--version"], capture_output=True,
                         text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == f"govnews {govnews.__version__}"
    helped = subprocess.run([sys.executable, "-m", "govnews", "--help"], capture_output=True,
                            text=True, timeout=60, cwd=tmp_path)
    assert helped.returncode == 0
    for word in ("harvest", "reparse", "exit codes", "75", "70", "example"):
        assert word in helped.stdout


def test_import_govnews_does_not_import_pandas(tmp_path):
    code = ("import sys, govnews; assert 'pandas' not in sys.modules, 'pandas imported'; "
            "print(sorted(n for n in ('scraper', 'parsers', 'output', 'fixtures') "
            "if n in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"      # no top-level name besides govnews


def _pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html"))


_FIXTURES = Path(govnews.fixtures.__file__).resolve().parent


@pytest.mark.parametrize("pages", ["heldout", "world_blind14"])
def test_extract_without_links_gives_the_record_of_a_parse_with_links(pages):
    # govnews.extract lists a page's links only where they decide its kind: its records are the
    # crawl's, on articles, listings and pages that are neither
    from govnews.api import page_record
    from govnews.parsers.extract import parse_page, reset_caches

    kinds = set()
    for page in _pages(_FIXTURES / pages):
        meta = json.loads(page.with_name(page.name.removesuffix(".html") + ".meta.json").read_text("utf-8"))
        data = page.read_bytes()
        for profile in (None, "generic"):
            reset_caches()
            crawled = parse_page(data, meta["url"], meta.get("headers"), profile)
            kinds.add(crawled.kind)
            expected = page_record(crawled, "site", "2026-01-01T00:00:00Z")
            reset_caches()
            got = govnews.extract(data, url=meta["url"], profile=profile, headers=meta.get("headers"),
                                  site="site", fetched_at="2026-01-01T00:00:00Z")
            assert got == expected, page
    assert kinds == {"article", "listing"}      # both kinds were compared
