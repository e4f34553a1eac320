"""Parsing from many crawl threads at once: the first pages of a run hit every lazily built
table at the same moment (a label pattern built in two steps once handed another thread half
of it: 'not enough values to unpack'). Each round is a fresh interpreter, threads released
together on their first page."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, sys, threading
sys.setswitchinterval(1e-6)   # switch threads as often as the interpreter can
from pathlib import Path
from govnews.parsers.extract import parse_page
cases = sorted(Path(sys.argv[1]).glob("*/*.html"))[::7]
barrier = threading.Barrier(8)
errors = []
def work(offset):
    barrier.wait()
    for case in cases[offset::8] + cases[:3]:
        meta = json.loads(case.with_suffix(".meta.json").read_text("utf-8"))
        try:
            parse_page(case.read_bytes(), meta["url"], meta["headers"])
        except Exception as exc:
            errors.append(repr(exc))
threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(len(errors), errors[:3])
"""


def test_parsing_in_many_threads_from_a_cold_start():
    for _ in range(6):
        done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "fixtures" / "golden")],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.startswith("0 "), done.stdout


# -- what earlier pages teach a process never changes a record (issue 10's speed work) -----------
import dataclasses  # noqa: E402
import json  # noqa: E402
import threading  # noqa: E402

from lxml import etree  # noqa: E402

from govnews.parsers import extract  # noqa: E402
from govnews.parsers.urls import _combined  # noqa: E402
from govnews.parsers.profile import FastSelector, ScopedSelector, load_profiles  # noqa: E402

GOLDEN = sorted((ROOT / "fixtures" / "golden").glob("*/*.html"))


def _record(case: Path, url: str | None = None) -> dict:
    meta = json.loads(case.with_suffix(".meta.json").read_text("utf-8"))
    return dataclasses.asdict(extract.parse_page(case.read_bytes(), url or meta["url"],
                                                 meta["headers"]))


def test_records_do_not_depend_on_the_pages_parsed_before():
    cases = GOLDEN[::5]
    extract.reset_caches()
    fresh = {}
    for case in cases:
        extract.reset_caches()
        fresh[case] = _record(case)
    extract.reset_caches()
    warm = {case: _record(case) for case in cases + cases[::-1]}
    assert warm == fresh
    # every page of every platform claimed by one host: the host's remembered profile is only
    # looked at first, it never wins a page another profile scores higher on
    extract.reset_caches()
    for case in cases:
        url = "https://one-host.example/" + fresh[case]["url"].split("/", 3)[-1]
        assert _record(case, url)["platform"] == _record_fresh(case, url)["platform"]


def _record_fresh(case: Path, url: str) -> dict:
    saved = dict(extract._HOST_PROFILES)
    extract.reset_caches()
    try:
        return _record(case, url)
    finally:
        extract._HOST_PROFILES.update(saved)


def test_records_from_many_threads_match_one_thread():
    cases = GOLDEN[::3]
    extract.reset_caches()
    alone = {case: _record(case) for case in cases}
    extract.reset_caches()
    got: dict = {}
    barrier = threading.Barrier(4)

    def work(offset: int) -> None:
        barrier.wait()
        for case in cases[offset::4] + cases[:5]:
            got.setdefault(case, []).append(_record(case))
    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(record == alone[case] for case, records in got.items() for record in records)


def test_fast_selectors_select_what_their_xpath_selects():
    from govnews.parsers.decoding import decode_html
    from govnews.parsers.doc import page_scope
    selectors = [(s, etree.XPath(s.path)) for p in load_profiles()
                 for s in [*(x for f in p.fields.values() for x in f), *p.strip,
                           *(x for _, x in p.markup)]
                 if isinstance(s, (FastSelector, ScopedSelector))]
    assert len(selectors) > 100
    for case in GOLDEN[::4]:
        root = extract._parse_tree(decode_html(case.read_bytes()).text, [])
        contexts = [root, *list(root.iter(etree.Element))[::50]]
        with page_scope():
            for context in contexts:
                for fast, xpath in selectors:
                    assert fast(context) == xpath(context), fast.css


def test_combined_url_patterns_answer_as_the_patterns_one_by_one():
    urls = [json.loads(c.with_suffix(".meta.json").read_text("utf-8"))["url"] for c in GOLDEN]
    urls += ["https://x.example/print.aspx?ItemID=3", "https://x.example/Lists/Posts/Post.aspx?ItemID=9&Mode=1",
             "https://x.example/?page=2", "https://x.example/web/site/-/asset_publisher/a/content/b"]
    for profile in load_profiles():
        for patterns in (profile.skip_url, profile.article_url, profile.page_url + profile.listing_url):
            search = _combined(patterns)
            for url in urls:
                assert bool(search(url)) == any(p.search(url) for p in patterns)


def test_url_rules_are_built_once_however_many_threads_ask_together(monkeypatch):
    # the tasks of a harvest start together: the parsers' own lock makes the first build the
    # profiles' URL rules and the others wait for it, not build them again
    import threading

    from govnews.parsers import extract
    built = []
    real = extract.merge_rules

    def counting(rules):
        built.append(1)
        return real(rules)

    monkeypatch.setattr(extract, "merge_rules", counting)
    monkeypatch.setattr(extract, "_RULES", (None, None))
    start = threading.Barrier(8)
    results = []

    def ask():
        start.wait(timeout=30)
        results.append(extract.url_rules())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(results) == 8 and all(r is results[0] for r in results)
    assert len(built) == 1
